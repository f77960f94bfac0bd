import { sum } from 'simple-statistics';
import { reason } from '../messages.js';
import type { ComputeRequest, Geo, Result } from './indicator.js';
import { missingResult, sortProvenance } from './indicator.js';
import type { CanonicalRow, Provenance } from './types.js';

/** A bilateral flow F[i→j] and totals, looked up from the canonical table. */
export interface FlowSource {
  /** F[i→j] for members i ≠ j; undefined when the cell is absent. */
  flow(i: string, j: string, year: number): CanonicalRow | undefined;
  /** F[i→i], the self-flow, only when self-flows count (then in the intra sum as in every total); undefined otherwise or when absent. */
  self?(i: string, year: number): CanonicalRow | undefined;
  /** F[i→W], the reporter's own world total. */
  total(i: string, year: number): CanonicalRow | undefined;
  /** F[W→j] (world to partner j) for the group's world weight, when the source has it. */
  worldTo?(j: string, year: number): CanonicalRow | undefined;
  /** F[W→W]. */
  worldTotal?(year: number): CanonicalRow | undefined;
  /** Human description of the flow for reasons, e.g. "outward FDI positions". */
  what: string;
  /** Canonical measures the source reads (for the years on offer). */
  measures: readonly string[];
  /** Recorded in every result: reporter, mirror, … */
  basis: string;
  /** How to name the cell F[i→j] of `year` in a reason (default `i→j`). */
  pairLabel?(i: string, j: string, year: number): string;
  /**
   * The reason when members have no world total (default: one clause naming them and the year), and
   * whether it states the year (a reason states it once: the clauses after it do not repeat it).
   */
  noTotal?(members: string[], year: number): { reason: string; saysYear: boolean };
}

/** The share → intensity → introversion ladder of methodology §1, for one group and year. */
export interface Ladder {
  share: number;
  numerator: number;
  denominator: number;
  world_weight: number | null;
  intensity: number | null;
  homogeneous_intra: number | null;
  homogeneous_extra: number | null;
  introversion: number | null;
  ladder_reason: string | null;
}

/**
 * Pure ladder arithmetic. `intra` = Σ_{i∈R} Σ_{j∈R, j≠i} F[i→j] (plus F[i→i] when self-flows count); `out` = Σ_{i∈R} F[i→W];
 * `worldToR` = Σ_{j∈R} F[W→j]; `world` = F[W→W]. Shares are fractions here.
 */
export function ladder(intra: number, out: number, worldToR?: number, world?: number): Ladder {
  const share = out > 0 && Number.isFinite(out) ? intra / out : Number.NaN;
  const base: Ladder = { share, numerator: intra, denominator: out, world_weight: null, intensity: null, homogeneous_intra: null, homogeneous_extra: null, introversion: null, ladder_reason: null };
  if (worldToR === undefined || world === undefined) return { ...base, ladder_reason: 'the input has no world-to-partner totals, so intensity and introversion cannot be computed' };
  const w = worldToR / world;
  const restToR = worldToR - intra; // F[O→R]
  const restOut = world - out; // F[O→W]
  // A group covering the whole world has no rest of the world to compare with (within rounding).
  if (Math.abs(restOut) <= 1e-9 * Math.abs(world)) {
    return { ...base, world_weight: Number.isFinite(w) ? w : null, ladder_reason: reason.wholeWorld() };
  }
  const restShare = restToR / restOut;
  if (!(share >= 0 && share <= 1 && restShare >= 0 && restShare <= 1 && w > 0 && w <= 1)) {
    return { ...base, world_weight: w, ladder_reason: `the world totals are inconsistent with the group's flows (rest-of-world share ${restShare}, world weight ${w}); indices not computed` };
  }
  const hi = share / restShare;
  const he = (1 - share) / (1 - restShare);
  return { ...base, world_weight: w, intensity: share / w, homogeneous_intra: hi, homogeneous_extra: he, introversion: (hi - he) / (hi + he) };
}

/** Compute the ladder for each requested geography (groups; a country gets its share of partner set = itself, i.e. not applicable). */
export function computeLadder(req: ComputeRequest, src: FlowSource, indicator: string, lowerBound: boolean): Result[] {
  const out: Result[] = [];
  for (const geo of req.geos) {
    if (geo.kind !== 'group') continue;
    const years = req.years ?? candidateYears(req, src, geo);
    const results = years.map((y) => one(src, indicator, geo, y, lowerBound));
    if (req.years !== undefined) out.push(...results);
    else out.push(results.find((r) => r.status === 'ok') ?? results[0] ?? missing(indicator, geo, 0, src, `no ${src.what} in the inputs`));
  }
  return out;
}

/** Years (latest first) in which any member has a world total. */
function candidateYears(req: ComputeRequest, src: FlowSource, geo: Geo & { kind: 'group' }): number[] {
  return req.table
    .years(src.measures)
    .reverse()
    .filter((y) => geo.group.members.some((m) => src.total(m, y) !== undefined));
}

function pairLabel(src: FlowSource, i: string, j: string, year: number): string {
  return src.pairLabel?.(i, j, year) ?? `${i}→${j}`;
}

function missing(indicator: string, geo: Geo, year: number, src: FlowSource, reason: string): Result {
  return missingResult(indicator, geo, year, { partner: geo.code, reason, detail: { basis: src.basis } });
}

function one(src: FlowSource, indicator: string, geo: Geo & { kind: 'group' }, year: number, lowerBound: boolean): Result {
  const members = geo.group.members;
  // The provenance of every row used (a 38-member group uses some 1,500 rows, most from one file).
  const used = new Set<Provenance>();
  const problems: string[] = [];
  const confidential: string[] = [];
  const totals: number[] = [];
  const noTotal: string[] = [];
  for (const i of members) {
    const t = src.total(i, year);
    if (t === undefined || t.value === null) noTotal.push(i);
    else {
      totals.push(t.value);
      used.add(t.provenance);
    }
  }
  const outTotal = sum(totals);
  // The year is stated once in a reason: by its first clause that needs it, never again after.
  let yearSaid = false;
  if (noTotal.length > 0) {
    const t = src.noTotal?.(noTotal, year) ?? { reason: `${noTotal.join(', ')} reported no ${src.what} for ${year}`, saysYear: true };
    problems.push(t.reason);
    yearSaid = t.saysYear;
  }
  const pairs: number[] = [];
  const absentPairs: string[] = [];
  for (const i of members) {
    if (noTotal.includes(i)) continue;
    for (const j of members) {
      if (i === j) continue;
      const f = src.flow(i, j, year);
      if (f === undefined) absentPairs.push(pairLabel(src, i, j, year));
      else if (f.value === null) confidential.push(pairLabel(src, i, j, year));
      else {
        pairs.push(f.value);
        used.add(f.provenance);
      }
    }
    const own = src.self?.(i, year);
    if (own?.value != null) {
      pairs.push(own.value);
      used.add(own.provenance);
    }
  }
  const intra = sum(pairs);
  const inYear = (): string => {
    if (yearSaid) return '';
    yearSaid = true;
    return ` in ${year}`;
  };
  if (absentPairs.length > 0) problems.push(`no value for ${absentPairs.join(', ')}${inYear()}`);
  if (confidential.length > 0 && !lowerBound) problems.push(`confidential or missing cells ${confidential.join(', ')}${inYear()} (use --option confidential=lower-bound for a labelled lower bound)`);
  if (problems.length > 0) {
    const r = missing(indicator, geo, year, src, problems.join('; '));
    r.detail = { basis: src.basis, confidential_pairs: confidential, absent_pairs: absentPairs };
    return r;
  }
  let worldToR: number | undefined;
  let world: number | undefined;
  if (src.worldTo && src.worldTotal) {
    const wt = src.worldTotal(year);
    const parts = members.map((j) => src.worldTo?.(j, year));
    if (wt?.value != null && parts.every((p) => p?.value != null)) {
      world = wt.value;
      worldToR = sum(parts.map((p) => p?.value as number));
      used.add(wt.provenance);
      for (const p of parts as CanonicalRow[]) used.add(p.provenance);
    }
  }
  if (!(outTotal > 0) || !Number.isFinite(outTotal) || !Number.isFinite(intra)) {
    const what = !Number.isFinite(outTotal) || !Number.isFinite(intra) ? 'is not a finite number (an overflowing input)' : 'is zero';
    return missing(indicator, geo, year, src, reason.ladderDenominator(src.what, year, members, what));
  }
  // Part of a whole cannot exceed it: more trade among the members than with the world means the
  // rows come from inputs that disagree (or a source's own inconsistency), never a share to print.
  if (intra > outTotal * (1 + 1e-9)) {
    const r = missing(indicator, geo, year, src, reason.ladderExceeds(src.what, year, intra, outTotal));
    r.provenance = sortProvenance(used);
    return r;
  }
  const l = ladder(intra, outTotal, worldToR, world);
  return {
    indicator,
    geo: geo.code,
    geo_kind: 'group',
    partner: geo.code,
    breakdown: null,
    year,
    value: 100 * l.share,
    unit: 'percent',
    status: 'ok',
    reason: null,
    years_used: Object.fromEntries(members.map((m) => [m, year])),
    provenance: sortProvenance(used),
    flags: {},
    // The contract's one unit convention: shares and weights in percent, like `value`; indices as ratios.
    detail: { ...l, share: 100 * l.share, world_weight: l.world_weight === null ? null : 100 * l.world_weight, basis: src.basis, ...(confidential.length > 0 ? { lower_bound: true, confidential_pairs: confidential } : {}) },
  };
}
