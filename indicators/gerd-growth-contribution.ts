import { usageError } from '../src/errors.js';
import { msg } from '../src/messages.js';
import type { Geo, Indicator, Result } from '../src/model/indicator.js';
import { missingResult, provenanceOf } from '../src/model/indicator.js';
import { because, emptyWhy } from '../src/model/preferred.js';
import type { ObservationTable } from '../src/model/table.js';
import type { CanonicalRow, Provenance } from '../src/model/types.js';

const MEASURES = { constant: 'gerd_usd_ppp_const', current: 'gerd_usd_ppp' } as const;

/**
 * Contribution to the growth of world GERD between a base year (`--option from=Y`) and the year:
 * 100 × (Σ members' GERD(year) − Σ members' GERD(from)) / (world GERD(year) − world GERD(from)),
 * GERD in constant PPP US$; the world is the input's own WLD row, all four from one input and edition.
 */
export const gerdGrowthContribution: Indicator = {
  meta: {
    id: 'gerd-growth-contribution',
    title: 'Contribution to the growth of world GERD (%)',
    unit: 'percent',
    definition:
      "100 × (Σ GERD of the members in the year − Σ GERD of the members in the base year) / (world GERD in the year − world GERD in the base year), GERD at constant prices and PPP US$, the world being the input's own world row (WLD), every value from the same input and edition. The members' share of the world's absolute increase in R&D spending (the study: CJK 42 % of the 2000–2017 growth).",
    measures: [MEASURES.constant, MEASURES.current],
    sources: [
      'OECD MSTI G_PPPCT (GERD at constant prices and PPP) or Data Explorer DSD_MSTI G.USD_PPP.Q, with a world row',
      'US NSF Science and Engineering Indicators / UNESCO UIS global R&D estimates (the study\'s source), re-written with a WLD row',
    ],
    caveats: [
      'OECD R&D data carry no world total: the world row must come from the input (NSF or UNESCO UIS estimates); it is never summed from the countries in a file.',
      'Constant prices remove inflation, so the contribution reflects real growth; with prices=current, price changes and PPP revisions move it too.',
      'Undefined (missing) when world GERD did not grow between the two years.',
    ],
    options: {
      from: { description: 'base year of the growth (e.g. 2000)', default: 'none (required)' },
      prices: { description: 'constant (constant PPP US$) or current (current PPP US$)', default: 'constant' },
    },
    chart: 'bars',
    example: { from: '2000' },
  },
  compute(req) {
    const from = Number(req.options.from);
    if (!Number.isInteger(from) || from < 1900) throw usageError(msg.needsOption('gerd-growth-contribution', `--option from=YYYY (the base year), got "${req.options.from ?? ''}"`, '--option from=2000 --year 2017'));
    const prices = req.options.prices ?? 'constant';
    if (prices !== 'constant' && prices !== 'current') throw usageError(msg.badChoice('prices', ['constant', 'current'], prices, '--option prices=constant'));
    const measure = MEASURES[prices];
    const out: Result[] = [];
    for (const geo of req.geos) {
      const years = req.years ?? req.table.years([measure], ['WLD']).reverse().slice(0, 1);
      for (const year of years) out.push(contribution(req.table, geo, from, year, measure, req.edition));
    }
    return out;
  },
};

function contribution(table: ObservationTable, geo: Geo, from: number, year: number, measure: string, edition: string | undefined): Result {
  const members = geo.kind === 'group' ? geo.group.members : [geo.code];
  const base = missingResult('gerd-growth-contribution', geo, year, { partner: 'WLD', detail: { from } });
  if (from >= year) return { ...base, reason: `the base year ${from} must be before ${year}` };
  // The world rows of both years from one input and edition; the preferred edition first.
  // An empty world row is unknown (src/model/preferred.ts): never replaced by another input's pair.
  let provenance: Provenance | undefined;
  let empty: string[] = [];
  const ends = table.candidates(measure, 'WLD', year, null, edition);
  for (const [i, end] of ends.entries()) {
    if (end.value === null) {
      empty = emptyWhy(ends.slice(i), undefined, edition);
      break;
    }
    const starts = table.candidates(measure, 'WLD', from);
    const start = starts.find((r) => r.provenance === end.provenance);
    if (start === undefined) continue;
    if (start.value === null) {
      empty = emptyWhy([start, ...starts.filter((r) => r !== start)], undefined, edition);
      break;
    }
    provenance = end.provenance;
    break;
  }
  if (provenance === undefined) return { ...base, reason: because(`the input has no world (WLD) GERD at ${measure === MEASURES.constant ? 'constant' : 'current'} PPP for both ${from} and ${year}; the world total is never summed from the countries in a file`, empty) };
  const p = provenance;
  const value = (g: string, y: number): CanonicalRow | undefined => table.candidates(measure, g, y).find((r) => r.provenance === p && r.value !== null);
  const rows: CanonicalRow[] = [value('WLD', from) as CanonicalRow, value('WLD', year) as CanonicalRow];
  const missing: string[] = [];
  let delta = 0;
  for (const m of members) {
    const a = value(m, from);
    const b = value(m, year);
    if (a === undefined || b === undefined) missing.push(`${m} has no GERD for ${a === undefined ? from : year} in ${p.dataset} ${p.edition}`);
    else {
      rows.push(a, b);
      delta += (b.value as number) - (a.value as number);
    }
  }
  if (missing.length > 0) return { ...base, reason: missing.join('; ') };
  const worldDelta = (rows[1]?.value as number) - (rows[0]?.value as number);
  if (!(worldDelta > 0)) return { ...base, reason: `world GERD did not grow between ${from} and ${year}; a contribution to growth is undefined` };
  return {
    ...base,
    value: (100 * delta) / worldDelta,
    status: 'ok',
    years_used: Object.fromEntries(members.map((m) => [m, year])),
    provenance: provenanceOf(rows),
    detail: { from, members_increase: delta, world_increase: worldDelta, measure },
  };
}
