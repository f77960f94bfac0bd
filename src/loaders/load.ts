import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { dataError, usageError } from '../errors.js';
import { msg } from '../messages.js';
import type { CountryRegistry } from '../model/countries.js';
import type { CanonicalRow, InputSummary } from '../model/types.js';
import { detectLoader, LOADERS, loaderById } from './index.js';
import type { Loader, RowParser } from './loader.js';
import { isBlank, recordsFromFile, recordsFromText, type RecordStream } from './records.js';
import { cellText, readXlsx } from './xlsx.js';
import type { Reducer } from '../trade/aggregate.js';

/** How many records before the header a loader may see as preamble (titles, units, WIPO's 6 lines). */
const MAX_PREAMBLE = 12;

export interface LoadOptions {
  countries: CountryRegistry;
  /** Force a loader by id (`--source`); otherwise detected from the header. */
  source?: string;
  /** How to name the file in provenance and messages (default: the path as given). */
  label?: string;
  /** Reading options passed to loaders (Comtrade 490 as Taiwan, BACI dictionary). */
  read?: { taiwan490?: boolean; baciDictionary?: string };
  /** A reduction pushed into the scan (e.g. trade rows summed by product group), one per file. */
  reducer?: () => Reducer;
  /** Keep only rows this accepts (pushed down into the scan); the rest are counted as `filtered`. */
  keep?: (row: CanonicalRow) => boolean;
}

export interface Loaded {
  rows: CanonicalRow[];
  summary: InputSummary & { filtered: number; encoding: string; loader: string; sheet?: string };
}

/** SHA-256 of a file, streamed. */
export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('error', () => {
        const [what, hint] = msg.fileNotFound(file);
        reject(dataError(what, { file }, hint));
      })
      .on('data', (c) => hash.update(c))
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Load a file into canonical rows (streaming). */
export async function loadFile(file: string, options: LoadOptions): Promise<Loaded> {
  const sha256 = await sha256File(file);
  const label = options.label ?? file;
  const kind = await sniffKind(file);
  if (kind === 'zip') return loadWorkbook(await readFile(file), label, sha256, options);
  if (kind === 'json') return loadJson(await readFile(file, 'utf8'), label, sha256, options);
  const stream = await recordsFromFile(file);
  return consume({ ...stream, file: label }, sha256, options);
}

async function sniffKind(file: string): Promise<'zip' | 'json' | 'text'> {
  const handle = await open(file, 'r').catch(() => {
    const [what, hint] = msg.fileNotFound(file);
    throw dataError(what, { file }, hint);
  });
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    if (bytesRead >= 4 && head.readUInt32LE(0) === 0x04034b50) return 'zip';
    const text = head.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').trimStart();
    return text.startsWith('{') ? 'json' : 'text';
  } finally {
    await handle.close();
  }
}

/**
 * A JSON API response with a `data` array of flat records (Comtrade Plus `data/v1/get`): the keys
 * of the first record are the header and each record a row, read by the same loaders as CSV.
 */
export async function loadJson(text: string, file: string, sha256: string, options: LoadOptions): Promise<Loaded> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw dataError(`not valid JSON: ${(e as Error).message}`, { file }, 'give the API response as saved, or a CSV export');
  }
  const data = (parsed as { data?: unknown }).data;
  if (!Array.isArray(data)) throw dataError('JSON without a "data" array of records', { file }, 'linkage reads Comtrade Plus API responses (data/v1/get); save the full response');
  if (data.length === 0) {
    const [what, hint] = msg.headerOnly();
    throw dataError(what, { file }, hint);
  }
  const header = Object.keys(data[0] as object);
  async function* gen() {
    yield { fields: header, line: 1 };
    let i = 0;
    for (const rec of data as Record<string, unknown>[]) {
      i++;
      yield { fields: header.map((k) => (rec[k] === null || rec[k] === undefined ? '' : String(rec[k]))), line: i + 1 };
    }
  }
  return consume({ file, encoding: 'json', records: gen() }, sha256, options);
}

/**
 * An .xlsx workbook: each sheet's rows become records (cells as the text a CSV export would hold),
 * then the same loaders read them. The first sheet (a sheet named `Data` first) whose header a
 * loader recognises is read; the workbook is read whole (workbooks are small; CSV is streamed).
 */
export async function loadWorkbook(bytes: Uint8Array, file: string, sha256: string, options: LoadOptions): Promise<Loaded> {
  const sheets = readXlsx(bytes, file);
  const ordered = [...sheets.filter((s) => s.name === 'Data'), ...sheets.filter((s) => s.name !== 'Data')];
  for (const sheet of ordered) {
    const records = sheet.rows.map((cells, i) => ({ fields: cells.length === 0 ? [''] : cells.map(cellText), line: i + 1 }));
    const head = records.filter((r) => !isBlank(r.fields)).slice(0, MAX_PREAMBLE + 1);
    if (!head.some((r) => chooseLoader(r.fields, file, r.line, options.source) !== undefined)) continue;
    async function* gen() {
      yield* records;
    }
    const loaded = await consume({ file, encoding: 'xlsx', records: gen() }, sha256, options);
    return { ...loaded, summary: { ...loaded.summary, sheet: sheet.name } };
  }
  const [what, hint] = msg.unknownFormat(`workbook sheets: ${sheets.map((s) => s.name).join(', ')}`);
  throw dataError(what, { file }, hint);
}

/** Load CSV text into canonical rows (pure; the same path as files). */
export function loadText(text: string, file: string, options: LoadOptions): Promise<Loaded> {
  const sha256 = createHash('sha256').update(text).digest('hex');
  return consume(recordsFromText(text, file), sha256, options);
}

function chooseLoader(header: string[], file: string, line: number, source: string | undefined): Loader | undefined {
  if (source !== undefined) {
    const forced = loaderById(source);
    if (forced === undefined) {
      const [what, hint] = msg.unknownSource(source, LOADERS.map((l) => l.id));
      throw usageError(what, hint);
    }
    return forced.detect(header) ? forced : undefined;
  }
  if (header.length === 1 && (header[0] ?? '').includes(';')) {
    const [what, hint] = msg.semicolon();
    throw dataError(what, { file, line }, hint);
  }
  const found = detectLoader(header);
  if (found !== undefined) return found;
  // A header that is nearly a known format: name the missing column instead of "unknown format".
  for (const l of LOADERS) {
    const sig = l.signature ?? [];
    const present = sig.filter((c) => header.includes(c));
    const missing = sig.filter((c) => !header.includes(c));
    if (sig.length >= 4 && missing.length > 0 && present.length >= sig.length * 0.6) {
      const [what, hint] = msg.missingColumn(missing[0] as string, l.label);
      throw dataError(what, { file, line }, hint);
    }
  }
  return undefined;
}

async function consume(stream: RecordStream | { file: string; encoding: string; records: AsyncIterable<{ fields: string[]; line: number }> }, sha256: string, options: LoadOptions): Promise<Loaded> {
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
  const accept = (row: CanonicalRow) => {
    produced++;
    if (reducer?.accepts(row)) reducer.add(row, currentLine);
    else if (options.keep !== undefined && !options.keep(row)) filtered++;
    else rows.push(row);
  };
  for await (const { fields, line } of stream.records) {
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
      parser = loader.open(fields, { file, sha256, countries: options.countries, ...(options.read ? { options: options.read } : {}) }, preamble);
      continue;
    }
    if (isBlank(fields)) continue;
    const result = parser.parse(fields, line);
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
    const [what, hint] = msg.emptyFile();
    throw dataError(what, { file }, hint);
  }
  if (parser === undefined || loader === undefined) {
    const [what, hint] = msg.unknownFormat(firstHeader.slice(0, 4).join(','));
    throw dataError(what, { file, line: 1 }, hint);
  }
  if (dataRecords === 0) {
    const [what, hint] = msg.headerOnly();
    throw dataError(what, { file }, hint);
  }
  for (const r of parser.finish?.() ?? []) accept(r);
  if (reducer !== undefined) for (const r of reducer.finish()) rows.push(r);
  const skippedCount = Object.values(reasons).reduce((a, b) => a + b, 0);
  return {
    rows,
    summary: {
      file,
      sha256,
      format: loader.label,
      loader: loader.id,
      encoding: stream.encoding,
      dataset: parser.dataset,
      edition: parser.provenance.edition,
      rows: produced,
      filtered,
      skipped: { count: skippedCount, reasons },
    },
  };
}
