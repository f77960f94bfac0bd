import { reason as why } from '../src/messages.js';
import type { ComputeRequest, Geo, Result } from '../src/model/indicator.js';
import { missingResult, provenanceOf } from '../src/model/indicator.js';
import { because, decide } from '../src/model/preferred.js';
import type { CanonicalRow } from '../src/model/types.js';

/** What a share-of-the-world indicator reads. */
export interface WorldShareSpec {
  indicator: string;
  measure: string;
  /** Human name of the measure, e.g. "triadic patent families". */
  label: string;
}

/**
 * A geography's share of the world: 100 × Σ members' values / the source's own world row (WLD),
 * every member from the same input and edition as the world row. Never divides by a sum of the
 * countries in the file; a member without a value makes the group missing, naming it. `--latest`
 * fills a member's gap only from the same input (the world row stays at the target year).
 */
export function worldShare(req: ComputeRequest, spec: WorldShareSpec): Result[] {
  const out: Result[] = [];
  for (const geo of req.geos) out.push(...worldShareOf(req, spec, geo));
  return out;
}

function worldShareOf(req: ComputeRequest, spec: WorldShareSpec, geo: Geo): Result[] {
  const members = geo.kind === 'group' ? geo.group.members : [geo.code];
  const years = req.years ?? req.table.years([spec.measure], ['WLD']).reverse().slice(0, 1);
  const base = (year: number, reason: string) => missingResult(spec.indicator, geo, year, { partner: 'WLD', reason });
  if (years.length === 0) return [base(0, why.noWorldRow(spec.label, undefined))];
  return years.map((year) => {
    // The world row's first candidate decides: an empty one is unknown, never an older edition's total.
    const world = decide(req.table.candidates(spec.measure, 'WLD', year, null, req.edition), req.edition);
    const total = world.row;
    if (total === undefined) return base(year, world.held ? because(why.worldRowNoValue(spec.label, year), world.why) : why.noWorldRow(spec.label, year));
    if (total.value === 0) return base(year, why.zeroDenominator('WLD', spec.label, year));
    const rows: CanonicalRow[] = [total];
    const used: Record<string, number> = {};
    const missing: string[] = [];
    for (const m of members) {
      let hit: CanonicalRow | undefined;
      for (let y = year; y >= year - req.latest && hit === undefined; y--) {
        hit = req.table.candidates(spec.measure, m, y).find((c) => c.provenance === total.provenance && c.value !== null);
      }
      if (hit === undefined) missing.push(`${m} has no ${spec.label} for ${year} in ${total.provenance.dataset} ${total.provenance.edition}`);
      else {
        rows.push(hit);
        used[m] = hit.year;
      }
    }
    if (missing.length > 0) return base(year, missing.join('; '));
    const sum = rows.slice(1).reduce((a, r) => a + (r.value as number), 0);
    return {
      ...base(year, ''),
      value: (100 * sum) / (total.value as number),
      status: 'ok' as const,
      reason: null,
      years_used: used,
      provenance: provenanceOf(rows),
      detail: { members_total: sum, world_total: total.value, members: Object.fromEntries(rows.slice(1).map((r) => [r.geo, r.value])) },
    };
  });
}
