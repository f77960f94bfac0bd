import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { dataError, usageError } from '../errors.js';
import { msg } from '../messages.js';
import type { CountryRegistry } from '../model/countries.js';
import type { CanonicalRow, InputSummary } from '../model/types.js';
import { detectLoader, LOADERS, loaderById } from './index.js';
import type { Loader, RowParser } from './loader.js';
import { isBlank, recordsFromFile, recordsFromText, type RecordStream } from './records.js';

export interface LoadOptions {
  countries: CountryRegistry;
  /** Force a loader by id (`--source`); otherwise detected from the header. */
  source?: string;
  /** How to name the file in provenance and messages (default: the path as given). */
  label?: string;
  /** Keep only rows this accepts (pushed down into the scan); the rest are counted as `filtered`. */
  keep?: (row: CanonicalRow) => boolean;
}

export interface Loaded {
  rows: CanonicalRow[];
  summary: InputSummary & { filtered: number; encoding: string; loader: string };
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
  const stream = await recordsFromFile(file);
  return consume(options.label === undefined ? stream : { ...stream, file: options.label }, sha256, options);
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
  return detectLoader(header);
}

async function consume(stream: RecordStream, sha256: string, options: LoadOptions): Promise<Loaded> {
  const { file } = stream;
  const rows: CanonicalRow[] = [];
  const reasons: Record<string, number> = {};
  let parser: RowParser | undefined;
  let loader: Loader | undefined;
  let firstHeader: string[] | undefined;
  let dataRecords = 0;
  let filtered = 0;
  let preamble = 0;
  for await (const { fields, line } of stream.records) {
    if (parser === undefined) {
      if (isBlank(fields) || (fields[0] ?? '').startsWith('#')) continue;
      firstHeader ??= fields;
      loader = chooseLoader(fields, file, line, options.source);
      if (loader === undefined) {
        if (++preamble > 10) break;
        continue;
      }
      parser = loader.open(fields, { file, sha256, countries: options.countries });
      continue;
    }
    if (isBlank(fields)) continue;
    dataRecords++;
    const result = parser.parse(fields, line);
    if (result === null) {
      dataRecords--;
      continue;
    }
    if ('skip' in result) {
      reasons[result.skip] = (reasons[result.skip] ?? 0) + 1;
      continue;
    }
    if (options.keep !== undefined && !options.keep(result)) {
      filtered++;
      continue;
    }
    rows.push(result);
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
      edition: parser.edition,
      rows: dataRecords - skippedCount,
      filtered,
      skipped: { count: skippedCount, reasons },
    },
  };
}
