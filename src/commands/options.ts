import { extname } from 'node:path';
import { usageError } from '../errors.js';
import { msg } from '../messages.js';
import { hintWith } from '../suggest.js';

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
      throw usageError(msg.reversedYears(spec.trim(), from, to));
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
/** `--engine`: auto, duckdb or js, in any case; anything else is a usage error with a suggestion. */
export function parseEngine(value: string | undefined): 'auto' | 'duckdb' | 'js' {
  if (value === undefined) return 'auto';
  const engines = ['auto', 'duckdb', 'js'] as const;
  const v = value.trim().toLowerCase();
  const hit = engines.find((e) => e === v);
  if (hit !== undefined) return hit;
  const [what, hint, code] = msg.badChoice('--engine', [...engines], value, '--engine js');
  throw usageError([what, hintWith(v, engines, hint), code]);
}

export function parseFormat<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    const [what, hint, code] = msg.badFormat(value, [...allowed]);
    throw usageError([what, hintWith(value, allowed, hint), code]);
  }
  return value as T;
}

/** The format an output file's extension names (`.csv`, `.json`, `.md`, `.txt` → table); undefined for others. */
export function formatOfExtension(output: string | undefined): string | undefined {
  if (output === undefined || output === '-') return undefined;
  return ({ '.csv': 'csv', '.json': 'json', '.md': 'md', '.txt': 'table' } as Record<string, string>)[extname(output).toLowerCase()];
}

/**
 * The output format of a command: `--format` when given, else the one `--output`'s extension names,
 * else `fallback` (writing to stdout). An `--output` whose extension names no format needs `--format`. A `--format` that contradicts the extension, or an extension naming a format the
 * command cannot write, is a usage error: a file always holds what its extension says.
 */
export function outputFormat<T extends string>(format: string | undefined, output: string | undefined, allowed: readonly T[], fallback: T): T {
  const implied = formatOfExtension(output);
  if (format !== undefined) {
    const chosen = parseFormat(format, allowed, fallback);
    if (implied !== undefined && implied !== chosen) {
            throw usageError(msg.formatContradicts(chosen, output as string, implied));
    }
    return chosen;
  }
  if (implied === undefined) {
    if (output !== undefined && output !== '-') throw usageError(msg.outputFormatUnstated(output, [...allowed]));
    return fallback;
  }
  if (!(allowed as readonly string[]).includes(implied)) {
        throw usageError(msg.extensionUnsupported(output as string, [...allowed]));
  }
  return implied as T;
}

/** `--option key=value` pairs (keys are checked against the indicators' option schema later). */
export function parseOptions(pairs: readonly string[] | undefined): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const p of pairs ?? []) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw usageError(msg.badOptionSyntax(p));
    out[p.slice(0, eq).trim()] = p.slice(eq + 1).trim();
  }
  return out;
}
