import { usageError } from '../src/errors.js';
import { msg } from '../src/messages.js';
import type { Indicator, Result } from '../src/model/indicator.js';
import { provenanceOf } from '../src/model/indicator.js';
import { findParts } from '../src/model/ratio.js';
import type { CanonicalRow } from '../src/model/types.js';
import { selectedIndustries } from './berd-industry-share.js';
import { INDUSTRIES, INDUSTRY_MEASURES, memberShareRecipes, type IndustryId } from './industries.js';

/**
 * The table note of a result: a group's value is its members' minimum, so name the members' shares
 * (percent, 2 decimals) and whether every one passes the threshold.
 */
export function overlapNote(group: boolean, shares: Readonly<Record<string, number>>, min: number, threshold: number): string {
  const pass = min > threshold;
  if (!group) return `${pass ? 'above' : 'not above'} the ${threshold} % threshold`;
  const below = Object.entries(shares).filter(([, v]) => v <= threshold).map(([m]) => m);
  const list = Object.entries(shares).map(([m, v]) => `${m} ${v.toFixed(2)}`).join(', ');
  return `minimum of the members' shares (${list}): ${pass ? `overlap, every member above ${threshold} %` : `no overlap, ${below.join(', ')} not above ${threshold} %`}`;
}

const DEFAULT_INDUSTRIES: IndustryId[] = ['computer-electronic-optical', 'pharmaceuticals', 'aerospace'];

/**
 * Technology overlap: for each industry, whether every member of a group performs more than a
 * threshold share of its BERD there. `value` is the smallest member share; `detail.overlap` says
 * whether it passes the threshold.
 */
export const technologyOverlap: Indicator = {
  meta: {
    id: 'technology-overlap',
    title: 'Technology overlap: industries where every member puts > threshold % of its BERD',
    unit: 'percent',
    definition:
      'For a group and an industry: the smallest of the members\' BERD shares in that industry. The group overlaps in the industry when that minimum exceeds the threshold (default 10 %): every member competes in the same field.',
    measures: INDUSTRY_MEASURES,
    sources: ['OECD MSTI (B_XCOMP, B_XDRUG, B_XAERO, B_XSERV, or the amounts B_COMP, … over B_PPP)', 'OECD ANBERD by main activity (C26, C21, C303 over the _T total), as `linkage fetch --for` downloads it'],
    caveats: [
      'Services is a sector aggregate rather than a technology field and is left out by default; with --option industry=services the UK, France and Germany all exceed 10 %.',
      'Member shares may come from different years (latest available); read years_used.',
    ],
    options: {
      threshold: { description: 'share of BERD (percent) every member must exceed', default: '10', kind: 'number' },
      industry: { description: 'industries, comma-separated', default: DEFAULT_INDUSTRIES.join(','), values: Object.keys(INDUSTRIES), list: true },
    },
    chart: 'bars',
  },
  compute(req) {
    const threshold = Number(req.options.threshold ?? '10');
    if (!Number.isFinite(threshold)) throw usageError(msg.badThreshold(req.options.threshold ?? ''));
    const out: Result[] = [];
    for (const geo of req.geos) {
      const members = geo.kind === 'group' ? geo.group.members : [geo.code];
      for (const industry of selectedIndustries(req.options.industry, DEFAULT_INDUSTRIES)) {
        const recipes = memberShareRecipes(industry);
        // Candidate years: those of the industry's own figures (share or amount), not of the BERD totals.
        const years = req.years ?? req.table.years(recipes.map((r) => r.measures[0] as string), members).reverse();
        const results = years.map((year) => {
          const shares: Record<string, number> = {};
          const used: Record<string, number> = {};
          const rows: CanonicalRow[] = [];
          const missing: string[] = [];
          for (const m of members) {
            const p = findParts(req, m, year, recipes, false);
            if (p === undefined || p.den === 0) missing.push(`${m} has no BERD share of ${industry} for ${year}${req.latest > 0 ? ` or the ${req.latest} year(s) before` : ''}`);
            else {
              shares[m] = (100 * p.num) / p.den;
              used[m] = p.year;
              rows.push(...p.rows);
            }
          }
          const ok = missing.length === 0;
          const min = ok ? Math.min(...Object.values(shares)) : null;
          const r: Result = {
            indicator: 'technology-overlap',
            geo: geo.code,
            geo_kind: geo.kind === 'group' ? 'group' : 'country',
            partner: null,
            breakdown: industry,
            year,
            value: min,
            unit: 'percent',
            status: ok ? 'ok' : 'missing',
            reason: ok ? null : missing.join('; '),
            years_used: used,
            provenance: ok ? provenanceOf(rows) : [],
            flags: {},
            detail: { threshold, overlap: min !== null && min > threshold, members: shares, ...(min !== null ? { note: overlapNote(geo.kind === 'group', shares, min, threshold) } : {}) },
          };
          return r;
        });
        if (req.years !== undefined) out.push(...results);
        else {
          const pick = results.find((r) => r.status === 'ok') ?? results[0];
          if (pick !== undefined) out.push(pick);
        }
      }
    }
    return out;
  },
};
