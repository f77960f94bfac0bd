import type { ComputeRequest, Geo } from '../src/model/indicator.js';
import type { CanonicalRow } from '../src/model/types.js';

/** Greenfield sums for one direction between a geography's members and a partner's members. */
export interface GreenfieldSums {
  /** Capital expenditure, US$. */
  total: number;
  hightech: number;
  projects: number;
  rows: CanonicalRow[];
}

/**
 * Σ announced greenfield capital expenditure (all sectors and high-tech) and project counts,
 * outward (members invest in the partner) or inward, over the years `since`..`year` (the year
 * alone without `since`). Pairs of an economy with itself are left out.
 */
export function greenfieldSums(req: ComputeRequest, members: readonly string[], partnerMembers: readonly string[], direction: 'outward' | 'inward', year: number, since: number | undefined): GreenfieldSums {
  const s: GreenfieldSums = { total: 0, hightech: 0, projects: 0, rows: [] };
  for (let y = since ?? year; y <= year; y++) {
    for (const a of members) {
      for (const b of partnerMembers) {
        if (a === b) continue;
        const [g, p] = direction === 'outward' ? [a, b] : [b, a];
        const t = req.table.candidates('greenfield_capex_usd', g, y, p)[0];
        const h = req.table.candidates('greenfield_capex_hightech_usd', g, y, p)[0];
        if (t?.value == null || h?.value == null) continue;
        s.total += t.value;
        s.hightech += h.value;
        s.rows.push(t, h);
        const n = req.table.candidates('greenfield_projects', g, y, p)[0];
        if (n?.value != null) {
          s.projects += n.value;
          s.rows.push(n);
        }
      }
    }
  }
  return s;
}

/** Direction option: outward (default) or inward; anything else is a usage error raised by the caller. */
export function directionOf(option: string | undefined): 'outward' | 'inward' | undefined {
  const d = option ?? 'outward';
  return d === 'outward' || d === 'inward' ? d : undefined;
}

/** One geography × partner × year of a greenfield indicator, with its sums. */
export interface GreenfieldCell {
  geo: Geo;
  /** The partner as the option names it (an economy or a group code). */
  partner: string;
  year: number;
  sums: GreenfieldSums;
  /** Why there is no value (no announced project in the period), for a missing result. */
  none: string;
}

/**
 * The geography × partner × year loop both greenfield indicators share: each partner is an economy
 * or a group (its members); the years are the requested ones, else the latest year with projects
 * on the investing side (the geography's members outward, the partner's inward).
 */
export function greenfieldCells(req: ComputeRequest, partners: readonly string[], direction: 'outward' | 'inward', since: number | undefined): GreenfieldCell[] {
  const cells: GreenfieldCell[] = [];
  for (const geo of req.geos) {
    const members = geo.kind === 'group' ? geo.group.members : [geo.code];
    for (const partner of partners) {
      const partnerMembers = req.groups?.get(partner)?.members ?? [partner];
      const years = req.years ?? req.table.years(['greenfield_capex_usd'], direction === 'outward' ? members : partnerMembers).reverse().slice(0, 1);
      for (const year of years) {
        const sums = greenfieldSums(req, members, partnerMembers, direction, year, since);
        cells.push({ geo, partner, year, sums, none: `no announced ${direction} projects between ${geo.code} and ${partner} in ${since ? `${since}-${year}` : year}` });
      }
    }
  }
  return cells;
}
