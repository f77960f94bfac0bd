import { usageError } from '../errors.js';
import { msg } from '../messages.js';

/** Commander collector for repeatable options (`--input a --input b`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** `--year 2017 --year 2000-2018` → sorted distinct years; undefined when none given. */
export function parseYears(specs: readonly string[] | undefined): number[] | undefined {
  if (specs === undefined || specs.length === 0) return undefined;
  const years = new Set<number>();
  for (const spec of specs.flatMap((s) => s.split(','))) {
    const m = /^\s*(\d{4})\s*(?:-\s*(\d{4}))?\s*$/.exec(spec);
    if (!m) {
      throw usageError(msg.badYearSpec(spec));
    }
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from) {
      throw usageError(msg.badYearSpec(spec));
    }
    for (let y = from; y <= to; y++) years.add(y);
  }
  return [...years].sort((a, b) => a - b);
}

/** A non-negative integer option. */
export function parseCount(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) {
    throw usageError(msg.badNumberOption(name, value));
  }
  return Number(value);
}

/** One of the allowed formats. */
export function parseFormat<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw usageError(msg.badFormat(value, [...allowed]));
  }
  return value as T;
}

/** `--option key=value` pairs. */
export function parseOptions(pairs: readonly string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs ?? []) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw usageError(msg.badOptionSyntax(p));
    out[p.slice(0, eq).trim()] = p.slice(eq + 1).trim();
  }
  return out;
}
