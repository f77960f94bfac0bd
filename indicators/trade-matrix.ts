import type { Indicator, Result } from '../src/model/indicator.js';
import { provenanceOf } from '../src/model/indicator.js';
import { annotateProducts, bilateral, TRADE_OPTIONS, tradeOptions, whyNoValue, worldTotal } from './trade.js';

/**
 * The bilateral trade matrix among a group's members plus the rest of the world (partner `ROW` =
 * the member's world total less its flows with the other members), in US$, for heatmaps.
 */
export const tradeMatrix: Indicator = {
  meta: {
    id: 'trade-matrix',
    title: 'Bilateral trade matrix among group members and the rest of the world (US$)',
    unit: 'usd',
    definition: 'F[i→j] for members i, j of the group (i ≠ j), and F[i→ROW] = F[i→W] − Σ_{j∈R, j≠i} F[i→j], on the chosen flow, basis and product group.',
    measures: ['trade'],
    sources: ['UN Comtrade', 'CEPII BACI'],
    caveats: ['A cell is missing, never zero, when the input lacks it.'],
    options: TRADE_OPTIONS,
    chart: 'heatmap',
  },
  compute(req) {
    const o = tradeOptions(req.options);
    const why = (i: string, j: string, y: number) => {
      const w = whyNoValue(req, o, i, j, y);
      return w === undefined ? '' : ` (${w})`;
    };
    const out: Result[] = [];
    for (const geo of req.geos) {
      if (geo.kind !== 'group') continue;
      const members = geo.group.members;
      const years = req.years ?? req.table.years([`trade:X:${o.products.id}`, `trade:M:${o.products.id}`], members).reverse().slice(0, 1);
      for (const year of years) {
        for (const i of members) {
          const cells = members.filter((j) => j !== i).map((j) => [j, bilateral(req, o, i, j, year)] as const);
          const total = worldTotal(req, o, i, year);
          const base = { indicator: 'trade-matrix', geo: i, geo_kind: 'country' as const, breakdown: `${o.flow} ${o.products.id}`, year, unit: 'usd', years_used: {}, flags: {}, detail: { group: geo.code, basis: o.basis } };
          for (const [j, r] of cells) {
            out.push(r === undefined ? { ...base, partner: j, value: null, status: 'missing', reason: `no ${i}→${j} flow in ${year}${why(i, j, year)}`, provenance: [] } : { ...base, partner: j, value: r.value, status: 'ok', reason: null, provenance: provenanceOf([r]) });
          }
          const known = cells.every(([, r]) => r !== undefined);
          if (total === undefined || !known) out.push({ ...base, partner: 'ROW', value: null, status: 'missing', reason: total === undefined ? `${i} has no world total in ${year}${why(i, 'WLD', year)}` : `flows of ${i} with other members are missing in ${year}`, provenance: [] });
          else out.push({ ...base, partner: 'ROW', value: (total.value as number) - cells.reduce((a, [, r]) => a + (r?.value as number), 0), status: 'ok', reason: null, provenance: provenanceOf([total]) });
        }
      }
    }
    return annotateProducts(req, o, out);
  },
};
