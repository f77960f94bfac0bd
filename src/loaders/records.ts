import type { Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import Papa from 'papaparse';
import { dataError } from '../errors.js';
import { msg } from '../messages.js';
import { sniffEncoding, type Encoding } from './decode.js';

/** One CSV record, the 1-based line it starts on, and the field (0-based) of its first double quote when it has one. */
export interface CsvRecord {
  fields: string[];
  line: number;
  quote?: number;
}

/** A CSV source: the lines before the header (preamble), the header, then records as they stream. */
export interface RecordStream {
  file: string;
  encoding: Encoding;
  records: AsyncIterable<CsvRecord>;
}

const MISSING_NEWLINES = /\r\n|\n|\r/;

/** Longest record (characters) a streamed file may hold: 1 MiB. A stray quote would otherwise make the rest of the file one field. */
export const MAX_RECORD_CHARS = 1 << 20;

/** Records of a CSV text (pure; used for tests and small inputs). Lines are counted from 1. */
export function recordsFromText(text: string, file = '<text>'): RecordStream {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') {
    throw dataError(msg.emptyFile(), { file });
  }
  const records = withLines(body.replace(/(\r\n|\n|\r)$/, ''), 1);
  async function* gen(): AsyncGenerator<CsvRecord> {
    yield* records;
  }
  return { file, encoding: 'utf-8', records: gen() };
}

/**
 * Records of a file, streamed (the file is never held whole in memory). Every byte read is also
 * fed to `hash` when given, so the file's SHA-256 costs no second pass.
 */
export async function recordsFromFile(file: string, hash?: Hash): Promise<RecordStream> {
  const handle = await open(file, 'r').catch(() => {
    throw dataError(msg.fileNotFound(file), { file });
  });
  const head = new Uint8Array(65536);
  const { bytesRead } = await handle.read(head, 0, head.length, 0);
  await handle.close();
  const sniffed = sniffEncoding(head.subarray(0, bytesRead), file);
  const decoder = new TextDecoder(sniffed.encoding);
  const source = createReadStream(file, { start: sniffed.bomLength, highWaterMark: 1 << 20 });
  async function* gen(): AsyncGenerator<CsvRecord> {
    hash?.update(head.subarray(0, sniffed.bomLength));
    let line = 1;
    let pending = '';
    let parity = 0; // quotes seen in `pending` up to `scanned`, modulo 2
    let scanned = 0;
    let openAt = -1; // index in `pending` of the quote left open, when parity is 1
    const emit = function* (text: string): Generator<CsvRecord> {
      for (const r of withLines(text, line)) {
        yield r;
        line = r.line + countNewlines(r.fields) + 1;
      }
    };
    for await (const chunk of source as AsyncIterable<Buffer>) {
      hash?.update(chunk);
      pending += decoder.decode(chunk, { stream: true });
      // Cut at the last newline outside quotes: everything before it is whole records.
      let cut = -1;
      for (let i = scanned; i < pending.length; i++) {
        const c = pending.charCodeAt(i);
        if (c === 34) {
          parity ^= 1;
          openAt = i;
        } else if (c === 10 && parity === 0) cut = i;
      }
      scanned = pending.length;
      if (cut !== -1) {
        const complete = pending.slice(0, cut);
        pending = pending.slice(cut + 1);
        scanned = pending.length;
        parity = 0;
        for (let i = 0; i < pending.length; i++) {
          if (pending.charCodeAt(i) === 34) {
            parity ^= 1;
            openAt = i;
          }
        }
        yield* emit(complete.endsWith('\r') ? complete.slice(0, -1) : complete);
      }
      if (pending.length > MAX_RECORD_CHARS) throw recordTooLong(file, line, pending, parity === 1 ? openAt : -1);
    }
    pending += decoder.decode();
    if (pending.replace(/[\r\n]+$/, '') !== '') yield* emit(pending.replace(/\r?\n$/, ''));
  }
  return { file, encoding: sniffed.encoding, records: gen() };
}

/**
 * The records of whole-record CSV text whose first line is line `first`, each with its line and
 * the field of its first double quote (the commas before it on the record's first line: a quote
 * that opens a field spanning lines is on that line). Quoted text pays for the lines' split.
 */
function* withLines(text: string, first: number): Generator<CsvRecord> {
  const lines = text.includes('"') ? text.replace(/\r\n/g, '\n').split('\n') : undefined;
  let line = first;
  for (const fields of parseCsv(text).data) {
    const raw = lines?.[line - first];
    const at = raw?.indexOf('"') ?? -1;
    if (raw === undefined || at === -1) yield { fields, line };
    else yield { fields, line, quote: raw.slice(0, at).split(',').length - 1 };
    line += countNewlines(fields) + 1;
  }
}

/**
 * Parse CSV text with every line break read as one: CRLF is made LF first, and a text holding LF
 * is split on LF only. Papa guesses one line ending from the first lines, so a header ending in
 * CRLF above rows ending in LF read every data row as one record.
 */
function parseCsv(text: string): Papa.ParseResult<string[]> {
  const lf = text.replace(/\r\n/g, '\n');
  return Papa.parse<string[]>(lf, { header: false, skipEmptyLines: false, delimiter: ',', ...(lf.includes('\n') ? { newline: '\n' as const } : {}) });
}

/** The error for an unfinished record past MAX_RECORD_CHARS, at the line its open quote (else the record) starts on. */
function recordTooLong(file: string, line: number, pending: string, openAt: number): Error {
  let at = line;
  if (openAt >= 0) for (let i = 0; i < openAt; i++) if (pending.charCodeAt(i) === 10) at++;
  return dataError(openAt >= 0 ? msg.unclosedQuote(MAX_RECORD_CHARS) : msg.recordTooLong(MAX_RECORD_CHARS), { file, line: at });
}

function countNewlines(fields: string[]): number {
  let n = 0;
  for (const f of fields) if (MISSING_NEWLINES.test(f)) n += f.split(MISSING_NEWLINES).length - 1;
  return n;
}

/** True for a blank line: no fields, or only empty ones (a spreadsheet row of empty cells). */
export function isBlank(fields: string[]): boolean {
  return fields.every((f) => f.trim() === '');
}
