import type { Indicator, Result } from '../src/model/indicator.js';
import { missingResult, provenanceOf } from '../src/model/indicator.js';
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
            const pct = req.table.candidates(ids.pct, geo.code, year, 'WLD', req.edition).find((r) => r.value !== null);
            const total = patentTotal(req, ids, geo.code, year);
            const pc = pct === undefined ? pairCount(req, ids, geo.code, 'WLD', year, total) : undefined;
            if (pct !== undefined) out.push({ ...base, value: pct.value, status: 'ok', years_used: { [geo.code]: year }, provenance: provenanceOf([pct]) });
            else if (pc !== undefined && total?.value) out.push({ ...base, value: (100 * pc.count) / total.value, status: 'ok', years_used: { [geo.code]: year }, provenance: provenanceOf([...pc.rows, total]) });
            else out.push({ ...base, reason: `${geo.code} has no ${PATENT_MEASURES[m].title} with all foreign countries for ${year} (authority ${o.authority})` });
            continue;
          }
          let num = 0;
          let den = 0;
          const rows: CanonicalRow[] = [];
          const missing: string[] = [];
          for (const c of members) {
            const total = patentTotal(req, ids, c, year);
            const pc = pairCount(req, ids, c, 'WLD', year, total);
            if (total === undefined || pc === undefined) missing.push(`${c} has no ${total === undefined ? `application total (by ${PATENT_MEASURES[m].base})` : 'foreign-linked count or share'} for ${year}`);
            else {
              num += pc.count;
              den += total.value as number;
              rows.push(total, ...pc.rows);
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
