import { sum as kahanSum } from 'simple-statistics';
import { dataError } from '../errors.js';
import { msg, reason as why, warning } from '../messages.js';
import type { ComputeRequest, Geo, Result } from './indicator.js';
import { missingResult, provenanceOf } from './indicator.js';
import { compareEditions, editionMatches, type ObservationTable } from './table.js';
import type { CanonicalRow, Flags } from './types.js';

/**
 * One way to get an economy's numerator and denominator from canonical measures that come from
 * the same input and edition. `groupable` recipes give amounts in a common currency, so a group's
 * value is Σ numerator / Σ denominator; others (a published percentage alone) serve countries only.
 */
export interface Recipe {
  measures: readonly string[];
  groupable: boolean;
  /** values are in the order of `measures`; returns [numerator, denominator]. */
  parts(values: readonly number[]): [number, number];
}

/** A ratio-of-sums indicator definition (value = 100 × Σ num / Σ den). */
export interface RatioSpec {
  indicator: string;
  unit: string;
  /** Human name of what is missing, e.g. "GERD and GDP". */
  needs: string;
  recipes: readonly Recipe[];
  /** Partner code for results (e.g. WLD for "financed by the rest of the world"), default null. */
  partner?: string | null;
  /** Sub-series label for results (e.g. an industry), default null. */
  breakdown?: string | null;
  /**
   * `ratio` (default): value = 100 × Σ num / Σ den. `sum`: value = Σ num / divisor (a group total,
   * e.g. US$ billions with divisor 1e9); `den` is ignored.
   */
  aggregate?: 'ratio' | 'sum';
  divisor?: number;
  /** Human name of the denominator for reasons (e.g. "total GERD"); default `needs`. */
  denominator?: string;
  /**
   * The numerator is a part of the denominator (GERD financed abroad of total GERD, GERD of GDP):
   * a member with 0 ≤ numerator ≤ denominator violated is a data error naming the rows.
   */
  partOfWhole?: boolean;
}

interface Parts {
  num: number;
  den: number;
  year: number;
  rows: CanonicalRow[];
}

/**
 * The best recipe satisfied for `geo` in `year`, all its measures from one input and edition:
 * the preferred edition (`--edition`) first, then the newest edition, then recipe order.
 */
export function tryRecipes(table: ObservationTable, geo: string, year: number, recipes: readonly Recipe[], edition: string | undefined, groupOnly: boolean): Parts | undefined {
  const options: { parts: Parts; preferred: boolean; edition: string; order: number }[] = [];
  recipes.forEach((recipe, order) => {
    if (groupOnly && !recipe.groupable) return;
    for (const anchor of table.candidates(recipe.measures[0] as string, geo, year)) {
      if (anchor.value === null) continue;
      const rows: CanonicalRow[] = [anchor];
      for (const m of recipe.measures.slice(1)) {
        const r = table.candidates(m, geo, year).find((c) => c.provenance === anchor.provenance && c.value !== null);
        if (r === undefined) break;
        rows.push(r);
      }
      if (rows.length !== recipe.measures.length) continue;
      const [num, den] = recipe.parts(rows.map((r) => r.value as number));
      options.push({
        parts: { num, den, year, rows },
        preferred: edition !== undefined && editionMatches(edition, anchor.provenance),
        edition: anchor.provenance.edition,
        order,
      });
    }
  });
  options.sort((a, b) => Number(b.preferred) - Number(a.preferred) || compareEditions(a.edition, b.edition) || a.order - b.order);
  return options[0]?.parts;
}

/** Same as {@link tryRecipes}, looking back up to `latest` years when `year` has no data. */
export function findParts(req: ComputeRequest, geo: string, year: number, recipes: readonly Recipe[], groupOnly: boolean): Parts | undefined {
  for (let y = year; y >= year - req.latest; y--) {
    const p = tryRecipes(req.table, geo, y, recipes, req.edition, groupOnly);
    if (p !== undefined) return p;
  }
  return undefined;
}

function flagsOf(rows: readonly CanonicalRow[]): Flags {
  const out: Flags = {};
  const raws: string[] = [];
  for (const r of rows) {
    if (r.flags.estimated) out.estimated = true;
    if (r.flags.provisional) out.provisional = true;
    if (r.flags.break) out.break = true;
    if (r.flags.confidential) out.confidential = true;
    if (r.flags.raw) raws.push(r.flags.raw);
  }
  if (raws.length > 0) out.raw = [...new Set(raws)].join('; ');
  return out;
}

/** Candidate years for a geo when no --year was given (latest first). */
function candidateYears(req: ComputeRequest, spec: RatioSpec, members: readonly string[]): number[] {
  const measures = [...new Set(spec.recipes.flatMap((r) => r.measures))];
  return req.table.years(measures, members).reverse();
}

/** Compute a ratio-of-sums indicator for every requested geo and year. */
export function computeRatio(req: ComputeRequest, spec: RatioSpec): Result[] {
  const out: Result[] = [];
  for (const geo of req.geos) {
    const members = geo.kind === 'group' ? geo.group.members : [geo.code];
    if (req.years !== undefined) {
      for (const year of req.years) out.push(ratioFor(req, spec, geo, members, year));
      continue;
    }
    const years = candidateYears(req, spec, members);
    const found = years.map((y) => ratioFor(req, spec, geo, members, y)).find((r) => r.status === 'ok');
    const fallback = years[0] === undefined ? undefined : ratioFor(req, spec, geo, members, years[0]);
    out.push(found ?? fallback ?? noDataAtAll(spec, geo, members));
  }
  return out;
}

function noDataAtAll(spec: RatioSpec, geo: Geo, members: readonly string[]): Result {
  return base(spec, geo, 0, { value: null, status: 'missing', reason: `no ${spec.needs} for ${members.join(', ')} in the inputs` });
}

function base(spec: RatioSpec, geo: Geo, year: number, r: Pick<Result, 'value' | 'status' | 'reason'>): Result {
  return missingResult(spec.indicator, geo, year, { partner: spec.partner ?? null, breakdown: spec.breakdown ?? null, unit: spec.unit, ...r });
}

function ratioFor(req: ComputeRequest, spec: RatioSpec, geo: Geo, members: readonly string[], year: number): Result {
  const isGroup = geo.kind === 'group';
  const parts = new Map<string, Parts>();
  const missing: string[] = [];
  for (const m of members) {
    const p = findParts(req, m, year, spec.recipes, isGroup);
    if (p === undefined) missing.push(req.latest > 0 ? why.noDataWindow(m, spec.needs, year, req.latest) : why.noData(m, spec.needs, year));
    else {
      const problem = memberProblem(spec, m, p);
      if (problem === null) parts.set(m, p);
      else missing.push(problem);
    }
  }
  if (missing.length > 0) {
    const r = base(spec, geo, year, { value: null, status: 'missing', reason: why.membersMissing(missing) });
    r.years_used = Object.fromEntries([...parts].map(([m, p]) => [m, p.year]));
    return r;
  }
  // Compensated (Kahan) sums: group totals add values of very different sizes.
  const num = kahanSum([...parts.values()].map((p) => p.num));
  const den = kahanSum([...parts.values()].map((p) => p.den));
  const rows = [...parts.values()].flatMap((p) => p.rows);
  const sum = spec.aggregate === 'sum';
  const value = sum ? num / (spec.divisor ?? 1) : percentOf(num, den);
  if (!Number.isFinite(value)) {
    const r = base(spec, geo, year, { value: null, status: 'missing', reason: why.sumOverflow(geo.code, [...parts.keys()], year) });
    r.years_used = Object.fromEntries([...parts].map(([m, p]) => [m, p.year]));
    return r;
  }
  const r = base(spec, geo, year, { value, status: 'ok', reason: null });
  r.years_used = Object.fromEntries([...parts].map(([m, p]) => [m, p.year]));
  r.provenance = provenanceOf(rows);
  r.flags = Object.fromEntries([...parts].map(([m, p]) => [m, flagsOf(p.rows)]).filter(([, f]) => Object.keys(f as Flags).length > 0));
  if (isGroup) {
    const memberValue = (p: Parts) => (sum ? p.num / (spec.divisor ?? 1) : percentOf(p.num, p.den));
    r.detail = { ...(sum ? {} : { numerator: num, denominator: den }), members: Object.fromEntries([...parts].map(([m, p]) => [m, memberValue(p)])) };
  }
  if (isGroup && req.edition !== undefined) editionMix(req, spec, geo, year, parts, r);
  return r;
}

/**
 * Why a member's parts cannot enter a ratio, or null: a zero, non-finite or vanishing denominator
 * and a non-finite numerator make the member missing (named); a part larger than its whole, or
 * negative, is a data error naming the rows' file and line.
 */
function memberProblem(spec: RatioSpec, m: string, p: Parts): string | null {
  const denName = spec.denominator ?? spec.needs;
  if (!Number.isFinite(p.num)) return why.notFinite(m, `${spec.needs} ${p.num}`, p.year);
  if (spec.aggregate === 'sum') return null;
  if (!Number.isFinite(p.den)) return why.notFinite(m, `${denName} ${p.den}`, p.year);
  if (p.den === 0) return why.zeroDenominator(m, denName, p.year);
  const value = percentOf(p.num, p.den);
  if (!Number.isFinite(value)) return why.notFinite(m, `${p.num} / ${p.den}`, p.year);
  if (spec.partOfWhole === true && (p.num < 0 || p.den < 0 || p.num > p.den)) {
    const at = p.rows[0];
    throw dataError(
      msg.partExceedsWhole(
        `${m}'s ${spec.needs} for ${p.year} (${p.num}) is ${p.num < 0 || p.den < 0 ? 'negative' : `larger than its ${denName} (${p.den}): ${value.toFixed(1)} %`}`,
        p.rows.map((r) => `${r.measure}${r.line !== undefined ? ` (line ${r.line})` : ''}`).join(' and '),
      ),
      { file: at?.provenance.file, ...(at?.line !== undefined ? { line: at.line } : {}) },
    );
  }
  return null;
}

/** 100 × num / den, dividing first where multiplying first would overflow (1.7e308 / 1.7e308). */
function percentOf(num: number, den: number): number {
  const v = (100 * num) / den;
  return Number.isFinite(v) ? v : 100 * (num / den);
}

/**
 * Under `--edition`, a group whose members could not all be taken from that edition mixes
 * editions: say so (members and editions) through the run's warnings and in `detail.editions`.
 */
function editionMix(req: ComputeRequest, spec: RatioSpec, geo: Geo, year: number, parts: ReadonlyMap<string, Parts>, r: Result): void {
  const choice = req.edition as string;
  const byEdition = new Map<string, string[]>();
  let outside = false;
  for (const [m, p] of parts) {
    const prov = (p.rows[0] as CanonicalRow).provenance;
    if (!editionMatches(choice, prov)) outside = true;
    const label = `${prov.dataset} ${prov.edition === 'unknown' || prov.edition === '' ? '(edition not stated)' : prov.edition}`;
    byEdition.set(label, [...(byEdition.get(label) ?? []), m]);
  }
  if (!outside) return;
  const mix = [...byEdition].map(([ed, ms]) => `${ms.join(', ')} from ${ed}`);
  r.detail = { ...r.detail, editions: Object.fromEntries(byEdition) };
  req.warn?.(warning(msg.editionMix(spec.indicator, geo.code, year, choice, mix)));
}
