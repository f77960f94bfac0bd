import { dataError } from '../errors.js';
import { msg } from '../messages.js';
import type { CountryRegistry } from '../model/countries.js';
import type { CanonicalRow, Provenance } from '../model/types.js';

/**
 * What a loader's row parser returns for one record: a row; several rows (a matrix layout) with
 * counts of cells skipped and why; a skip with its reason; or null for a line that is not data
 * (blank, footer).
 */
export type ParseResult = CanonicalRow | { rows: CanonicalRow[]; skipped?: Record<string, number> } | { skip: string } | null;

/** Context shared by a loader's row parser: the file, its provenance and the registries. */
export interface LoaderContext {
  file: string;
  sha256: string;
  countries: CountryRegistry;
  /** Reading options: label Comtrade 490 as Taiwan; the BACI country dictionary. */
  options?: { taiwan490?: boolean; baciDictionary?: string; baciProducts?: string };
}

/** A row parser opened on one file's header. `null` from `parse` means "blank line, ignore". */
export interface RowParser {
  dataset: string;
  edition: string;
  /** The provenance rows of this file carry (per-row provenance for the canonical format). */
  provenance: Provenance;
  /** `quote`: the field (0-based) of the record's first double quote in the file's text, when it has one (CSV only). */
  parse(fields: string[], line: number, quote?: number): ParseResult;
  /** Rows a loader can only give at the end (sums over records), if any. */
  finish?(): CanonicalRow[];
}

/**
 * One source format. `detect` looks at the header only; `open` checks the header (throwing a data
 * error naming a missing column) and returns a pure, per-record parser.
 */
export interface Loader {
  id: string;
  label: string;
  detect(header: string[]): boolean;
  /**
   * Columns that identify the format. A header holding most but not all of them is reported as
   * this format with a missing column, rather than as an unknown format.
   */
  signature?: readonly string[];
  /** `preamble` holds the records before the header (titles, units, notes) for loaders that read them. */
  open(header: string[], ctx: LoaderContext, preamble: string[][]): RowParser;
}

/** Column index by (exact) header name; -1 when absent. */
export function columnIndex(header: string[], ...names: string[]): number {
  for (const n of names) {
    const i = header.indexOf(n);
    if (i !== -1) return i;
  }
  return -1;
}

/** Index of a required column; a data error naming the column, the format and the file otherwise. */
export function requireColumn(header: readonly string[], name: string, file: string, format: string): number {
  const i = header.indexOf(name);
  if (i === -1) {
    throw dataError(msg.missingColumn(name, format), { file, line: 1 });
  }
  return i;
}
