import { dataError } from '../errors.js';
import { msg } from '../messages.js';
import { own } from '../model/dict.js';
import { unzipBounded } from './zip.js';

/** A cell value as read: text, number, boolean, or null for an empty cell. */
export type Cell = string | number | boolean | null;

export interface Sheet {
  name: string;
  /** Rows in sheet order, 0-based; each row is its cells by column, 0-based (A = 0). */
  rows: Cell[][];
}

/** Rows and columns a worksheet can hold (Excel 2007+: 1,048,576 rows, columns A to XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
/** Cells (including the empty ones between them) materialised from one sheet: 5 million. */
export const MAX_CELLS = 5_000_000;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Thrown inside the XML reader; readXlsx turns it into a data error naming the part. */
class PartError extends Error {
  constructor(readonly make: (part: string) => ReturnType<typeof msg.xlsxTruncated>) {
    super('xlsx part error');
  }
}

function codePoint(ref: string, n: number): string {
  const legal = n === 0x9 || n === 0xa || n === 0xd || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff);
  if (!legal) throw new PartError((part) => msg.xlsxCharRef(part, ref));
  return String.fromCodePoint(n);
}

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (whole, e: string) => {
    if (e.startsWith('#x')) return codePoint(whole, parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return codePoint(whole, parseInt(e.slice(1), 10));
    return own(ENTITIES, e) ?? '';
  });
}

/** Text of every `<t>` inside an element (shared strings may be rich text runs). */
function textOf(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) out += unescapeXml(m[1] ?? '');
  return out;
}

/** `B12` → 1 (0-based column); a reference outside A1:XFD1048576 is an error. */
function columnOf(ref: string): number {
  const m = /^([A-Z]{1,3})(\d{1,7})$/.exec(ref);
  if (m === null || Number(m[2]) < 1 || Number(m[2]) > MAX_ROWS) throw new PartError(() => msg.xlsxCellRef(ref));
  let n = 0;
  for (const ch of m[1] as string) n = n * 26 + (ch.charCodeAt(0) - 64);
  if (n > MAX_COLUMNS) throw new PartError(() => msg.xlsxCellRef(ref));
  return n - 1;
}

/** `r="12"` → 11 (0-based row); outside 1…1,048,576 is an error. */
function rowOf(r: string): number {
  if (!/^\d{1,7}$/.test(r) || Number(r) < 1 || Number(r) > MAX_ROWS) throw new PartError(() => msg.xlsxCellRef(`row ${r}`));
  return Number(r) - 1;
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** A part must end with its root element's closing tag: a part cut short is refused, not read in part. */
function requireClosed(xml: string, root: string): void {
  if (!new RegExp(`</(?:\\w+:)?${root}>\\s*$`).test(xml)) throw new PartError((part) => msg.xlsxTruncated(part));
}

/**
 * Read the sheets of an .xlsx workbook (pure: bytes in, cells out). Handles shared and inline
 * strings, numbers, booleans and cells or rows written without their `r` reference, as the World
 * Bank DataBank writes them. Formulas give their cached value. Hostile archives are data errors:
 * parts beyond the size bounds of src/loaders/zip.ts, damaged or truncated parts, cell references
 * outside A1:XFD1048576, more than {@link MAX_CELLS} cells, text that is not UTF-8 or holds an
 * illegal character reference.
 */
export function readXlsx(bytes: Uint8Array, file: string): Sheet[] {
  const entries = unzipBounded(bytes, file, (name) => (name.startsWith('xl/') && name.endsWith('.xml')) || name.endsWith('.rels'));
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const read = (name: string): string | undefined => {
    const b = entries.get(name);
    if (b === undefined) return undefined;
    try {
      return decoder.decode(b);
    } catch {
      throw dataError(msg.xlsxBadText(name), { file });
    }
  };
  const inPart = <T>(part: string, f: () => T): T => {
    try {
      return f();
    } catch (e) {
      if (e instanceof PartError) throw dataError(e.make(part), { file });
      throw e;
    }
  };
  const workbook = read('xl/workbook.xml');
  if (workbook === undefined) throw dataError(msg.notWorkbook(), { file });
  inPart('xl/workbook.xml', () => requireClosed(workbook, 'workbook'));
  const sharedXml = read('xl/sharedStrings.xml');
  const shared =
    sharedXml === undefined
      ? []
      : inPart('xl/sharedStrings.xml', () => {
          requireClosed(sharedXml, 'sst');
          return [...sharedXml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1] ?? ''));
        });
  const rels = new Map<string, string>();
  for (const m of (read('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) rels.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets: Sheet[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = inPart('xl/workbook.xml', () => unescapeXml(attr(m[0], 'name') ?? ''));
    const rid = attr(m[0], 'r:id');
    const path = rid ? rels.get(rid) : undefined;
    const xml = path ? read(path) : undefined;
    if (path === undefined || xml === undefined) continue;
    sheets.push({ name, rows: inPart(path, () => parseSheet(xml, shared)) });
  }
  return sheets;
}

function parseSheet(xml: string, shared: string[]): Cell[][] {
  requireClosed(xml, 'worksheet');
  if (!/<\/(?:\w+:)?sheetData>|<(?:\w+:)?sheetData\s*\/>/.test(xml)) throw new PartError((part) => msg.xlsxTruncated(part));
  const rows: Cell[][] = [];
  let nextRow = 0;
  let slots = 0;
  for (const rm of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = attr(rm[0].slice(0, rm[0].indexOf('>') + 1), 'r');
    const index = r !== undefined ? rowOf(r) : nextRow;
    if (index >= MAX_ROWS) throw new PartError(() => msg.xlsxCellRef(`row ${index + 1}`));
    nextRow = index + 1;
    const cells: Cell[] = [];
    let nextCol = 0;
    for (const cm of (rm[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const open = cm[0].slice(0, cm[0].indexOf('>') + 1);
      const ref = attr(open, 'r');
      const col = ref !== undefined ? columnOf(ref) : nextCol;
      if (col >= MAX_COLUMNS) throw new PartError(() => msg.xlsxCellRef(`column ${col + 1} of row ${index + 1}`));
      nextCol = col + 1;
      const type = attr(open, 't');
      const inner = cm[2] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      let value: Cell = null;
      if (type === 's') value = v === undefined ? null : (shared[Number(v)] ?? null);
      else if (type === 'inlineStr') value = textOf(inner);
      else if (type === 'str' || type === 'e') value = v === undefined ? null : unescapeXml(v);
      else if (type === 'b') value = v === '1';
      else if (v !== undefined) value = Number(v);
      cells[col] = value;
    }
    slots += cells.length + 1;
    if (slots > MAX_CELLS) throw new PartError((part) => msg.xlsxTooManyCells(part, MAX_CELLS));
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows[index] = cells;
  }
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  return rows;
}

/** A cell as the text a CSV export would hold (numbers in shortest round-trip form). */
export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  return typeof c === 'string' ? c : String(c);
}
