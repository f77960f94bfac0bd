import { reason } from '../src/messages.js';
import type { Indicator, Result } from '../src/model/indicator.js';
import { missingResult, provenanceOf } from '../src/model/indicator.js';
import { because } from '../src/model/preferred.js';
import type { CanonicalRow } from '../src/model/types.js';
import { PATENT_CAVEATS, PATENT_OPTIONS, PATENT_MEASURES, patentDetail, pairCount, patentIds, patentOptions, patentTotal } from './patents.js';

/**
 * Intra-group patent co-operation (paper Table 1): the members' applications whose foreign link
 * (owner, inventor or co-inventor) is another member, over the members' summed applications.
 */
export const pctIntraShare: Indicator = {
  meta: {
    id: 'pct-intra-share',
    title: 'Intra-group patent co-operation (% of the group\'s applications)',
    unit: 'percent',
    definition:
      'Σ_{c∈R} Σ_{p∈R, p≠c} applications of c linked to p / Σ_{c∈R} applications of c, for foreign ownership of domestic inventions, domestic ownership of inventions made abroad, or international co-inventions. Counts are used where the input has them, else share × total.',
    measures: ['patents'],
    sources: ['OECD patent co-operation indicators by partner country (DSD_PATENTS@DF_PATENTS_INDICATORS)'],
    caveats: [...PATENT_CAVEATS, 'Co-inventions with two partners count once per partner; the intra-group share can double-count an application with inventors in two other members.'],
    options: PATENT_OPTIONS,
    chart: 'bars',
  },
  compute(req) {
    const o = patentOptions(req.options);
    const out: Result[] = [];
    for (const m of o.measures) {
      const ids = patentIds(m, o);
      for (const geo of req.geos) {
        if (geo.kind !== 'group') continue;
        const members = geo.group.members;
        const years = req.years ?? req.table.years([ids.total], members).reverse().slice(0, 1);
        for (const year of years) {
          let num = 0;
          let den = 0;
          const rows: CanonicalRow[] = [];
          const totals: string[] = [];
          const gaps: string[] = [];
          const pairs: Record<string, number> = {};
          for (const c of members) {
            const total = patentTotal(req, ids, c, year);
            if (total.row === undefined) {
              totals.push(because(`${c} has no application total (by ${PATENT_MEASURES[m].base})`, total.why));
              continue;
            }
            den += total.row.value as number;
            rows.push(total.row);
            for (const p of members) {
              if (p === c) continue;
              const { pair, why } = pairCount(req, ids, c, p, year, total.row);
              if (pair === undefined) gaps.push(because(`${c}–${p}`, why));
              else {
                num += pair.count;
                pairs[`${c}-${p}`] = pair.count;
                rows.push(...pair.rows);
              }
            }
          }
          const base = missingResult('pct-intra-share', geo, year, { partner: geo.code, breakdown: m, detail: patentDetail(m, o) });
          if (totals.length + gaps.length > 0) out.push({ ...base, reason: reason.patentGaps(totals, gaps, year) });
          else out.push({ ...base, value: (100 * num) / den, status: 'ok', years_used: Object.fromEntries(members.map((c) => [c, year])), provenance: provenanceOf(rows), detail: { ...base.detail, numerator: num, denominator: den, pairs } });
        }
      }
    }
    return out;
  },
};
