import { dataError, usageError } from '../errors.js';
import { msg, rowWarning, type Warning } from '../messages.js';
import type { CountryRegistry } from '../model/countries.js';
import type { CanonicalRow, InputSummary } from '../model/types.js';
import type { RowSource } from '../model/table.js';
import type { Reducer } from '../trade/aggregate.js';
import type { TradeScanOptions } from '../engine/index.js';
import { detectLoader, knownFormats, LOADERS, loaderById } from './index.js';
import type { Loader, RowParser } from './loader.js';
import { isBlank, type RecordStream } from './records.js';
import { checkRow } from '../model/domains.js';

/** How many records before the header a loader may see as preamble (titles, units, WIPO's 6 lines). */
export const MAX_PREAMBLE = 12;

export interface LoadOptions {
  countries: CountryRegistry;
  /** Force a loader by id (`--source`); otherwise detected from the header. */
  source?: string;
  /** How to name the file in provenance and messages (default: the path as given). */
  label?: string;
  /** Reading options passed to loaders (Comtrade 490 as Taiwan, BACI dictionary). */
  read?: { taiwan490?: boolean; baciDictionary?: string; baciProducts?: string };
  /** Trade scans of BACI files (CSV, Parquet) by an engine of src/engine/ instead of the per-row path. */
  trade?: TradeScanOptions;
  /** A reduction pushed into the scan (e.g. trade rows summed by product group), one per file. */
  reducer?: () => Reducer;
  /** Keep only rows this accepts (pushed down into the scan); the rest are counted as `filtered`. */
  keep?: (row: CanonicalRow) => boolean;
}

export interface Loaded {
  rows: CanonicalRow[];
  /** Rows held by their producer and made on lookup (a trade scan's matrix), besides `rows`. */
  source?: RowSource;
  /** Values kept although outside their measure's usual domain (data/measure-domains.csv `warn`). */
  warnings?: Warning[];
  summary: InputSummary & { filtered: number; encoding: string; loader: string; sheet?: string; engine?: string };
}

/** Records as any container gives them (CSV stream, workbook sheet, JSON records). */
export type Records = RecordStream | { file: string; encoding: string; records: AsyncIterable<{ fields: string[]; line: number; quote?: number }> };

export function chooseLoader(header: string[], file: string, line: number, source: string | undefined): Loader | undefined {
  if (source !== undefined) {
    const forced = loaderById(source);
    if (forced === undefined) {
      throw usageError(msg.unknownSource(source, LOADERS.map((l) => l.id)));
    }
    return forced.detect(header) ? forced : undefined;
  }
  if (header.length === 1 && (header[0] ?? '').includes(';')) {
    throw dataError(msg.semicolon(), { file, line });
  }
  const found = detectLoader(header);
  if (found !== undefined) return found;
  // A header that is nearly a known format: name the missing column instead of "unknown format".
  for (const l of LOADERS) {
    const sig = l.signature ?? [];
    const present = sig.filter((c) => header.includes(c));
    const missing = sig.filter((c) => !header.includes(c));
    if (sig.length >= 4 && missing.length > 0 && present.length >= sig.length * 0.6) {
      throw dataError(msg.missingColumn(missing[0] as string, l.label), { file, line });
    }
  }
  return undefined;
}

/** Placeholder in provenance while a file's SHA-256 is still being computed in the same pass. */
export const PENDING_SHA256 = 'pending';

/**
 * Turn records into canonical rows with the loader the header names; count and reduce as told.
 * `sha256` is the file's digest, or a function giving it once the stream is read (the hash is
 * computed in the same pass as the scan); provenance is filled in at the end.
 */
export async function consume(stream: Records, sha256: string | (() => string), options: LoadOptions): Promise<Loaded> {
  const { file } = stream;
  const rows: CanonicalRow[] = [];
  const reasons: Record<string, number> = {};
  const preamble: string[][] = [];
  let parser: RowParser | undefined;
  let loader: Loader | undefined;
  let firstHeader: string[] | undefined;
  let produced = 0;
  let dataRecords = 0;
  let filtered = 0;
  let currentLine = 0;
  const reducer = options.reducer?.();
  const flagged = new Map<string, { note: string; at: string[]; rows: CanonicalRow[] }>();
  const warn = (row: CanonicalRow, note: string) => {
    const f = flagged.get(row.measure);
    const at = `${row.geo} ${row.year} (line ${currentLine})`;
    if (f === undefined) flagged.set(row.measure, { note, at: [at], rows: [row] });
    else {
      f.at.push(at);
      f.rows.push(row);
    }
  };
  const accept = (row: CanonicalRow) => {
    produced++;
    row.line ??= currentLine;
    // Every row is checked (a corrupt value is an error wherever it is); warnings only for rows kept.
    const reduced = reducer?.accepts(row) === true;
    const kept = reduced || options.keep === undefined || options.keep(row);
    checkRow(row, file, currentLine, kept ? warn : () => undefined);
    if (reduced) reducer?.add(row, currentLine);
    else if (!kept) filtered++;
    else rows.push(row);
  };
  for await (const { fields, line, quote } of stream.records) {
    currentLine = line;
    if (parser === undefined) {
      if (isBlank(fields) || (fields[0] ?? '').startsWith('#')) continue;
      firstHeader ??= fields;
      loader = chooseLoader(fields, file, line, options.source);
      if (loader === undefined) {
        preamble.push(fields);
        if (preamble.length > MAX_PREAMBLE) break;
        continue;
      }
      parser = loader.open(fields, { file, sha256: typeof sha256 === 'string' ? sha256 : PENDING_SHA256, countries: options.countries, ...(options.read ? { options: options.read } : {}) }, preamble);
      continue;
    }
    if (isBlank(fields)) continue;
    const result = parser.parse(fields, line, quote);
    if (result === null) continue;
    dataRecords++;
    if ('skip' in result) {
      reasons[result.skip] = (reasons[result.skip] ?? 0) + 1;
    } else if ('rows' in result) {
      for (const r of result.rows) accept(r);
      for (const [reason, n] of Object.entries(result.skipped ?? {})) reasons[reason] = (reasons[reason] ?? 0) + n;
    } else accept(result);
  }
  if (firstHeader === undefined) {
    throw dataError(msg.emptyFile(), { file });
  }
  if (parser === undefined || loader === undefined) {
    throw dataError(msg.unknownFormat(`the first line has ${firstHeader.length} comma-separated field(s), not a header linkage knows`, knownFormats()), { file, line: 1 });
  }
  if (dataRecords === 0) {
    throw dataError(msg.headerOnly(), { file });
  }
  for (const r of parser.finish?.() ?? []) accept(r);
  if (reducer !== undefined) for (const r of reducer.finish()) rows.push(r);
  const digest = typeof sha256 === 'string' ? sha256 : sha256();
  for (const r of rows) if (r.provenance.sha256 === PENDING_SHA256) r.provenance.sha256 = digest;
  const skippedCount = Object.values(reasons).reduce((a, b) => a + b, 0);
  return {
    rows,
    warnings: [...flagged].map(([measure, f]) => rowWarning(msg.outsideUsualDomain(file, f.at.length, measure, f.note, `${f.at.slice(0, 5).join(', ')}${f.at.length > 5 ? ', …' : ''}`), f.rows)),
    summary: {
      file,
      sha256: digest,
      format: loader.label,
      loader: loader.id,
      encoding: stream.encoding,
      dataset: parser.dataset,
      edition: parser.provenance.edition,
      records: dataRecords,
      rows: produced,
      filtered,
      skipped: { count: skippedCount, reasons },
    },
  };
}
