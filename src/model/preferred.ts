import { reason } from '../messages.js';
import { editionMatches } from './table.js';
import type { CanonicalRow } from './types.js';

// Which row of a key decides, as src/model/table.ts orders a key's rows (the `--edition` asked,
// then newest edition first, then the input given first), and why it has no value. Shared by the
// trade indicators and every indicator that reads one key's value (patents, world shares, GII, STRI).

/**
 * The row of a key's candidates that decides — the first: preferred edition first, then the input
 * given first (of input `from` only, when given) — when it has a value. An empty cell there is
 * unknown: undefined, never an older edition's or another input's figure in its place
 * ({@link emptyWhy} says why).
 */
export function valued(rows: readonly CanonicalRow[], from?: string): CanonicalRow | undefined {
  for (const r of rows) if (from === undefined || r.provenance.file === from) return r.value === null ? undefined : r;
  return undefined;
}

/**
 * Why the row that decides a key ({@link valued}) has no value, naming the figure of another input
 * that is not used in its place; empty when it has a value or the key has no row. `edition` is the
 * `--edition` asked, when the row is first because of it.
 */
export function emptyWhy(rows: readonly CanonicalRow[], from: string | undefined, edition: string | undefined): string[] {
  const first = from === undefined ? rows[0] : rows.find((r) => r.provenance.file === from);
  if (first === undefined || first.value !== null) return [];
  const why = first.missing ?? reason.rowNoValue(first.measure, first.geo, first.partner, first.provenance.file, first.line);
  const other = from === undefined ? rows.find((r) => r.value !== null) : undefined;
  if (other === undefined) return [why];
  const asked = edition !== undefined && editionMatches(edition, first.provenance) ? edition : undefined;
  return [reason.preferredEmpty(why, first.provenance, { file: other.provenance.file, edition: other.provenance.edition, value: other.value as number }, asked)];
}

/** A key's deciding row ({@link valued}) and, when it has none with a value, why ({@link emptyWhy}; empty when the key has no row). */
export interface Decided {
  row: CanonicalRow | undefined;
  why: string[];
  /** True when the key has at least one row (the deciding row may be empty). */
  held: boolean;
}

/** The row that decides a key's candidates, and why it has no value (see {@link valued}). */
export function decide(rows: readonly CanonicalRow[], edition: string | undefined): Decided {
  return { row: valued(rows), why: emptyWhy(rows, undefined, edition), held: rows.length > 0 };
}

/** `text` with the reasons of an empty deciding row in parentheses, when there are any. */
export function because(text: string, why: readonly string[]): string {
  return why.length === 0 ? text : `${text} (${why.join('; ')})`;
}
