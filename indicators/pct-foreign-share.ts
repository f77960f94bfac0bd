import type { Indicator, Result } from '../src/model/indicator.js';
import { missingResult, provenanceOf } from '../src/model/indicator.js';
import { because, decide } from '../src/model/preferred.js';
import type { CanonicalRow } from '../src/model/types.js';
import { PATENT_CAVEATS, PATENT_OPTIONS, PATENT_MEASURES, patentDetail, pairCount, patentIds, patentOptions, patentTotal } from './patents.js';

/**
 * Per-country foreign content of patenting (paper Table 2): the share of an economy's PCT
 * applications with a foreign owner, a foreign inventor or a foreign co-inventor (partner = all
 * foreign countries). For a group: Σ foreign-linked applications / Σ applications of the members.
 */
export const pctForeignShare: Indicator = {
  meta: {
    id: 'pct-foreign-share',
    title: 'Foreign content of patenting (% of applications)',
    unit: 'percent',
    definition:
      'foreign-ownership: applications with an inventor in c owned by residents abroad / all applications with an inventor in c; domestic-ownership: applications owned by residents of c with an inventor abroad / all applications owned by c; co-invention: applications with inventors in c and abroad / all applications with an inventor in c. PCT (authority 9P50_1) by priority date unless options say otherwise.',
    measures: ['patents'],
    sources: ['OECD patent co-operation indicators (DSD_PATENTS@DF_PATENTS_INDICATORS and its _FOREIGN / _DOMESTIC / _COINVENTOR variants)'],
    caveats: [...PATENT_CAVEATS],
    options: PATENT_OPTIONS,
    chart: 'dots',
  },
  compute(req) {
    const o = patentOptions(req.options);
    const out: Result[] = [];
    for (const m of o.measures) {
      const ids = patentIds(m, o);
      for (const geo of req.geos) {
        const members = geo.kind === 'group' ? geo.group.members : [geo.code];
        const years = req.years ?? req.table.years([ids.pct, ids.count, ids.total], members).reverse().slice(0, 1);
        for (const year of years) {
          const base = missingResult('pct-foreign-share', geo, year, { partner: 'WLD', breakdown: m, detail: patentDetail(m, o) });
          if (geo.kind === 'country') {
            // The published share's key decides where an input holds it; counts are read only where none does.
            const pct = decide(req.table.candidates(ids.pct, geo.code, year, 'WLD', req.edition), req.edition);
            const total = patentTotal(req, ids, geo.code, year);
            const pc = pct.held ? { pair: undefined, why: pct.why } : pairCount(req, ids, geo.code, 'WLD', year, total.row);
            const why = pct.held ? pct.why : [...pc.why, ...total.why];
            if (pct.row !== undefined) out.push({ ...base, value: pct.row.value, status: 'ok', years_used: { [geo.code]: year }, provenance: provenanceOf([pct.row]) });
            else if (pc.pair !== undefined && total.row?.value) out.push({ ...base, value: (100 * pc.pair.count) / total.row.value, status: 'ok', years_used: { [geo.code]: year }, provenance: provenanceOf([...pc.pair.rows, total.row]) });
            else out.push({ ...base, reason: because(`${geo.code} has no ${PATENT_MEASURES[m].title} with all foreign countries for ${year} (authority ${o.authority})`, why) });
            continue;
          }
          let num = 0;
          let den = 0;
          const rows: CanonicalRow[] = [];
          const missing: string[] = [];
          for (const c of members) {
            const total = patentTotal(req, ids, c, year);
            const { pair, why } = pairCount(req, ids, c, 'WLD', year, total.row);
            if (total.row === undefined) missing.push(because(`${c} has no application total (by ${PATENT_MEASURES[m].base}) for ${year}`, total.why));
            else if (pair === undefined) missing.push(because(`${c} has no foreign-linked count or share for ${year}`, why));
            else {
              num += pair.count;
              den += total.row.value as number;
              rows.push(total.row, ...pair.rows);
            }
          }
          if (missing.length > 0) out.push({ ...base, reason: missing.join('; ') });
          else out.push({ ...base, value: (100 * num) / den, status: 'ok', years_used: Object.fromEntries(members.map((c) => [c, year])), provenance: provenanceOf(rows), detail: { ...base.detail, numerator: num, denominator: den } });
        }
      }
    }
    return out;
  },
};
