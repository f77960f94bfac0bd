import { reason as why } from '../src/messages.js';
import type { Indicator, Result } from '../src/model/indicator.js';
import { missingResult, provenanceOf } from '../src/model/indicator.js';
import { because, decide } from '../src/model/preferred.js';
import type { CanonicalRow } from '../src/model/types.js';

/**
 * A geography's share of world (or OECD-total) GERD in PPP US$: Σ members' GERD / the source's own
 * total, all from one input and edition. Never divides by a sum of the countries in the file.
 */
export const gerdWorldShare: Indicator = {
  meta: {
    id: 'gerd-world-share',
    title: 'Share of world GERD (PPP US$)',
    unit: 'percent',
    definition:
      'Σ GERD of the members (current PPP US$) / the total GERD of the world (or of the OECD area with --option of=OECD) as published in the same input and edition.',
    measures: ['gerd_usd_ppp'],
    sources: ['OECD MSTI (G_PPP, OECD total)', 'OECD data portal GDEXPRD MLN_USD (OECD, EU27_2020 totals)', 'any input with a WLD row of gerd_usd_ppp'],
    caveats: [
      'OECD R&D datasets carry no world total; the study\'s 35 % (CJK, 2017) comes from US NSF estimates and is missing here unless an input provides a world row.',
      'With of=OECD, members outside the OECD (China) are not part of the total: the share is then a ratio, not a part of a whole.',
    ],
    options: { of: { description: 'the total to divide by: WLD (world) or OECD', default: 'WLD', values: ['WLD', 'OECD'] } },
    chart: 'bars',
  },
  compute(req) {
    const of = req.options.of ?? 'WLD';
    const out: Result[] = [];
    for (const geo of req.geos) {
      const members = geo.kind === 'group' ? geo.group.members : [geo.code];
      const years = req.years ?? [...req.table.years(['gerd_usd_ppp'], [of])].reverse().slice(0, 1);
      const base = (year: number, reason: string) => missingResult('gerd-world-share', geo, year, { partner: of, reason });
      if (years.length === 0) {
        out.push(base(0, why.noWorldTotal('GERD (PPP US$)', 0).replace(' for 0', '')));
        continue;
      }
      for (const year of years) {
        // The total's first candidate decides: an empty one is unknown, never an older edition's total.
        const decided = decide(req.table.candidates('gerd_usd_ppp', of, year, null, req.edition), req.edition);
        const total = decided.row;
        if (total === undefined) {
          out.push(base(year, decided.held ? because(why.totalRowNoValue(of, 'GERD (PPP US$)', year), decided.why) : why.noWorldTotal('GERD (PPP US$)', year)));
          continue;
        }
        const rows: CanonicalRow[] = [total];
        const missing: string[] = [];
        for (const m of members) {
          const r = req.table.candidates('gerd_usd_ppp', m, year).find((c) => c.provenance === total.provenance && c.value !== null);
          if (r === undefined) missing.push(`${m} has no GERD (PPP US$) for ${year} in ${total.provenance.dataset} ${total.provenance.edition}`);
          else rows.push(r);
        }
        if (missing.length > 0) {
          out.push(base(year, missing.join('; ')));
          continue;
        }
        const sum = rows.slice(1).reduce((a, r) => a + (r.value as number), 0);
        out.push({
          ...base(year, ''),
          value: (100 * sum) / (total.value as number),
          status: 'ok',
          reason: null,
          years_used: Object.fromEntries(members.map((m) => [m, year])),
          provenance: provenanceOf(rows),
          detail: { members_gerd_usd_ppp: sum, total_gerd_usd_ppp: total.value },
        });
      }
    }
    return out;
  },
};
