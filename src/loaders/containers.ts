import { open } from 'node:fs/promises';
import { dataError } from '../errors.js';
import { msg } from '../messages.js';
import { chooseLoader, consume, MAX_PREAMBLE, type Loaded, type LoadOptions } from './consume.js';
import { knownFormats } from './index.js';
import { isBlank } from './records.js';
import { worldBankApiRecords } from './worldbank-api.js';
import { cellText, readXlsx } from './xlsx.js';

/** What a file holds, from its first bytes: an .xlsx (zip) workbook, a JSON document, or text. */
export async function sniffKind(file: string): Promise<'zip' | 'json' | 'text'> {
  const handle = await open(file, 'r').catch((e: NodeJS.ErrnoException) => {
    throw dataError(msg.inputUnreadable(file, e.code), { file });
  });
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0).catch((e: NodeJS.ErrnoException) => {
            throw dataError(msg.inputUnreadable(file, e.code), { file });
    });
    if (bytesRead >= 4 && head.readUInt32LE(0) === 0x04034b50) return 'zip';
    const text = head.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').trimStart();
    return text.startsWith('{') || text.startsWith('[') ? 'json' : 'text';
  } finally {
    await handle.close();
  }
}

/**
 * A JSON API response: a World Bank API v2 `[paging, rows]` answer, or one with a `data` array of
 * flat records (Comtrade Plus `data/v1/get`: the keys of the first record are the header and each
 * record a row), read by the same loaders as CSV.
 */
export async function loadJson(text: string, file: string, sha256: string, options: LoadOptions): Promise<Loaded> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw dataError(msg.badJson((e as Error).message), { file });
  }
  const worldBank = worldBankApiRecords(parsed);
  if (worldBank !== undefined) {
    async function* rows() {
      yield* worldBank as { fields: string[]; line: number }[];
    }
    return consume({ file, encoding: 'json', records: rows() }, sha256, options);
  }
  const data = parsed !== null && typeof parsed === 'object' ? (parsed as { data?: unknown }).data : undefined;
  if (!Array.isArray(data)) throw dataError(msg.jsonNoData(), { file });
  if (data.length === 0) {
    throw dataError(msg.headerOnly(), { file });
  }
  data.forEach((rec, i) => {
    const flat = rec !== null && typeof rec === 'object' && !Array.isArray(rec) && Object.values(rec as object).every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v));
    if (!flat) throw dataError(msg.jsonBadRecord(i + 1), { file });
  });
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
  throw dataError(msg.unknownFormat(`a workbook with ${sheets.length} sheet(s), none in a layout linkage knows`, knownFormats()), { file });
}

