import { createRequire } from 'node:module';
import type PapaType from 'papaparse';

let papa: typeof PapaType | undefined;

/** Papa Parse, loaded on the first irregular file (every file linkage ships is split directly). */
function papaParse(): typeof PapaType {
  papa ??= createRequire(import.meta.url)('papaparse') as typeof PapaType;
  return papa;
}

/**
 * Parse a small, trusted project data file (CSV with header) into records of strings. Comment
 * lines starting with `#` are allowed before the header (citations).
 * A regular file (see splitSimple) is split directly — the same records Papa Parse gives, at a
 * fraction of the cost, since these tables are read at every start; anything else goes to Papa Parse.
 */
export function parseDataCsv(text: string): Record<string, string>[] {
  const body = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('#'))
    .join('\n');
  const simple = splitSimple(body);
  if (simple !== undefined) return simple;
  const parsed = papaParse().parse<Record<string, string>>(body, { header: true, skipEmptyLines: true, delimiter: ',' });
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0];
    throw new Error(`project data CSV: ${first?.message ?? 'parse error'} at row ${first?.row ?? '?'}`);
  }
  return parsed.data;
}

/**
 * The records of a regular CSV — fields split at commas and newlines, a field wholly in double
 * quotes may hold commas, newlines and doubled quotes — or undefined (a carriage return, a stray or
 * unclosed quote, a row with another field count, a repeated or empty header) to let Papa Parse
 * decide and report.
 */
function splitSimple(body: string): Record<string, string>[] | undefined {
  if (body.includes('\r')) return undefined;
  const rows: string[][] = [];
  let row: string[] = [];
  let at = 0;
  const end = body.length;
  while (at <= end) {
    let cell: string;
    if (body.charCodeAt(at) === 34) {
      // A quoted field: up to the closing quote, "" standing for one quote.
      let text = '';
      let from = at + 1;
      for (;;) {
        const q = body.indexOf('"', from);
        if (q === -1) return undefined;
        text += body.slice(from, q);
        if (body.charCodeAt(q + 1) === 34) {
          text += '"';
          from = q + 2;
          continue;
        }
        at = q + 1;
        break;
      }
      cell = text;
    } else {
      let stop = at;
      while (stop < end) {
        const c = body.charCodeAt(stop);
        if (c === 44 || c === 10) break;
        if (c === 34) return undefined;
        stop++;
      }
      cell = body.slice(at, stop);
      at = stop;
    }
    row.push(cell);
    const next = at < end ? body.charCodeAt(at) : 10;
    if (next === 44) {
      at++;
      continue;
    }
    if (next !== 10) return undefined;
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
    at++;
  }
  const header = rows[0];
  if (header === undefined || new Set(header).size !== header.length || header.some((h) => h === '' || h === '__proto__')) return undefined;
  const out: Record<string, string>[] = [];
  for (let i = 1; i < rows.length; i++) {
    const cells = rows[i] as string[];
    if (cells.length !== header.length) return undefined;
    const r: Record<string, string> = {};
    for (let c = 0; c < header.length; c++) r[header[c] as string] = cells[c] as string;
    out.push(r);
  }
  return out;
}
