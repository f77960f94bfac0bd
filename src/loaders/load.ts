import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dataError } from '../errors.js';
import { msg } from '../messages.js';
import { scanTrade, tradeKind } from '../engine/index.js';
import type { Loaded, LoadOptions } from './consume.js';
import { regularInput } from '../io/input-file.js';

export type { Loaded, LoadOptions } from './consume.js';

/**
 * Largest workbook or JSON document read whole (bytes): 256 MiB; CSV files are streamed. A bigger
 * file (a 600 MB one-line API answer) is refused from its size, before a byte is read. An object so
 * tests can lower the bound without writing 600 MB.
 */
export const WHOLE_FILE_LIMITS = { bytes: 256 * 1024 * 1024 };

/** SHA-256 of a file, streamed. */
export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('error', (e: NodeJS.ErrnoException) => {
        reject(dataError(msg.inputUnreadable(file, e.code), { file }));
      })
      .on('data', (c) => hash.update(c))
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/**
 * Load a file into canonical rows (streaming). The file's SHA-256 is computed from the same bytes
 * the scan reads (one pass), never by reading the file twice.
 */
export async function loadFile(file: string, options: LoadOptions): Promise<Loaded> {
  const label = options.label ?? file;
  const st = await regularInput(file);
  if (options.trade !== undefined) {
    const trade = await tradeKind(file);
    if (trade !== undefined) return scanTrade(file, label, trade, { ...options.trade, ...(options.read ? { read: options.read } : {}) });
  }
  // The row-by-row loaders (every format, workbooks, Papa Parse) load only for a file the engines do not read.
  const [{ consume }, { loadJson, loadWorkbook, sniffKind }, { recordsFromFile }] = await Promise.all([import('./consume.js'), import('./containers.js'), import('./records.js')]);
  const kind = await sniffKind(file);
  if (kind === 'zip' || kind === 'json') {
    const limit = WHOLE_FILE_LIMITS.bytes;
    if (st.size > limit) throw dataError(msg.fileTooLarge(file, kind === 'zip' ? 'a workbook' : 'a JSON document', limit >= 2 ** 20 ? `${limit / 2 ** 20} MiB` : `${limit / 1024} KiB`), { file });
    const bytes = await readFile(file);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return kind === 'zip' ? loadWorkbook(bytes, label, sha256, options) : loadJson(bytes.toString('utf8'), label, sha256, options);
  }
  const hash = createHash('sha256');
  const stream = await recordsFromFile(file, hash);
  return consume({ ...stream, file: label }, () => hash.digest('hex'), options);
}

/** Load CSV text into canonical rows (pure; the same path as files). */
export async function loadText(text: string, file: string, options: LoadOptions): Promise<Loaded> {
  const [{ consume }, { recordsFromText }] = await Promise.all([import('./consume.js'), import('./records.js')]);
  const sha256 = createHash('sha256').update(text).digest('hex');
  return consume(recordsFromText(text, file), sha256, options);
}

