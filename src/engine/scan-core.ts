import type { Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { dataError } from '../errors.js';
import { baciMsg, msg, type Msg } from '../messages.js';
import { applyPower, cellNumber } from '../loaders/cells.js';
import { fastLines, fastState } from './scan-fast.js';
import type { MaskTable, ScanTables } from './scan-tables.js';

const CHUNK = 1 << 22;
const COMMA = 44;
const NL = 10;
const CR = 13;
const SP = 32;
const QUOTE = 34;
/** BACI's columns, for naming where in a row a problem is. */
const BACI_COLUMNS = ['t', 'i', 'j', 'k', 'v', 'q'];
/** A line longer than this is not a BACI row (a stray quote or a binary file): fail at its line. */
export const MAX_LINE = 1 << 16;

/** Six-digit product code text (as release.ts's hs6; not imported: a scan worker loads only this module and the messages). */
const hs6 = (k: number): string => String(k).padStart(6, '0');

/** The mask table of a closed product list (a scan worker's: no product is added during the scan). */
export function fixedMasks(masks: Int32Array): MaskTable {
  return {
    extend() {
      throw new Error('a closed product list cannot grow');
    },
    of: (pk) => masks[pk] ?? 0,
  };
}

/** Bytes of the repeated-key bitset of one year: one bit per (number, number, product), rounded up to 8-byte words. */
export function bitsetBytes(t: Pick<ScanTables, 'nC' | 'nP'>): number {
  return Math.ceil((t.nC * t.nC * t.nP) / 64) * 8;
}

/** One year's sums (G × nA × nA, US$), cells with a row, product codes with a value, and economies (nA) with a row. */
export interface YearArrays {
  sums: Float64Array;
  present: Uint8Array;
  used: Uint8Array;
  active: Uint8Array;
}

/** Where a scan puts what it reads: the arrays of each year and the repeated-key sets by year. */
export interface ScanSink {
  year(t: number): YearArrays;
  seen: Map<number, Uint8Array | Set<number>>;
  /** Per year, the first and last byte of its bitset with a bit set (the parallel scan merges only those bytes). */
  spans: Map<number, Span>;
}

/**
 * Bytes of the file to scan: the lines that START in [start, end). `first` = the file's first
 * range (it has the BOM and the header); any other range begins at the first line start at or
 * after `start` and ends with the line that crosses `end`, so consecutive ranges read every line
 * exactly once.
 */
export interface ByteRange {
  start: number;
  end: number;
  first: boolean;
}

/** Bytes [lo, hi] of a bitset holding every set bit (lo > hi: none). */
export interface Span {
  lo: number;
  hi: number;
}

/** The span of year t's bitset, created empty on first use. */
export function spanOf(sink: ScanSink, t: number): Span {
  let sp = sink.spans.get(t);
  if (sp === undefined) sink.spans.set(t, (sp = { lo: Number.MAX_SAFE_INTEGER, hi: -1 }));
  return sp;
}

/** What one range held: data records (a row without a value is refused, E_BACI_NO_VALUE), whether the header was seen. */
export interface RangeCounts {
  records: number;
  header: boolean;
}

/**
 * The byte scanner of BACI CSV (`t,i,j,k,v,q`): sums values straight into the sink's typed arrays
 * by year × product group × exporter × importer, with the checks and messages of the per-row
 * loader (src/loaders/baci.ts): double quotes, field count, year (and the file name's year), areas in the release's dictionary, product codes
 * in the release's product list, numbers, negative values, repeated t,i,j,k (a bitset per year) —
 * each naming file, line and column (lines counted from the range's first line: only a scan of the
 * whole file, `first` with `end` at or past its size, names file lines). No per-row object or string
 * is made. `hash` receives every byte read (a whole-file scan reads each byte once, in order).
 * Both the sequential scan (src/engine/scan-csv.ts) and each worker of the parallel scan run this.
 */
export async function scanBytes(handle: FileHandle, tables: ScanTables, masks: MaskTable, sink: ScanSink, range: ByteRange, hooks: { hash?: Hash; progress?: (bytes: number) => void } = {}): Promise<RangeCounts> {
  const { label, areaIdx, codeIdx, prodIdx, nA, nC, known } = tables;
  const G = tables.groups;
  let nP = tables.nP;
  const seen = sink.seen;
  const fail = (m: Msg, line: number, column?: string) => dataError(m, { file: label, line, ...(column ? { column } : {}) });
  let buf = Buffer.allocUnsafe(CHUNK + MAX_LINE);
  let header = !range.first;
  // Records and lines read (the fast path counts its own in the same state).
  const st = fastState(tables, sink, bitsetBytes({ nC, nP }), MAX_LINE);
  const commas = new Int32Array(8);

  // A range after the first starts at the first line start at or after its cut (after the first
  // newline at or after start − 1); none within MAX_LINE bytes means a line too long to be a row.
  let base = 0;
  if (!range.first) {
    const { bytesRead } = await handle.read(buf, 0, MAX_LINE + 2, range.start - 1);
    const nl = buf.subarray(0, bytesRead).indexOf(NL);
    if (nl === -1) {
      if (bytesRead === MAX_LINE + 2) throw fail(baciMsg.fieldTooLong(MAX_LINE), 1);
      return { records: 0, header };
    }
    base = range.start + nl;
    if (base >= range.end) return { records: 0, header };
  }

  const text = (s: number, e: number) => buf.toString('latin1', s, e);
  const trimS = (s: number, e: number) => {
    while (s < e && buf[s] === SP) s++;
    return s;
  };
  const trimE = (s: number, e: number) => {
    while (e > s && buf[e - 1] === SP) e--;
    return e;
  };
  /** Unsigned integer of at most `max` digits in [s, e) (spaces trimmed), else -1. */
  const uint = (s0: number, e0: number, max: number, exact = false) => {
    const s = trimS(s0, e0);
    const e = trimE(s, e0);
    if (e === s || e - s > max || (exact && e - s !== max)) return -1;
    let n = 0;
    for (let p = s; p < e; p++) {
      const c = (buf[p] as number) - 48;
      if (c < 0 || c > 9) return -1;
      n = n * 10 + c;
    }
    return n;
  };
  /** v ×1000 (US$), NaN for a missing cell; the slow path (parseValue) for anything unusual. */
  const value = (s0: number, e0: number, ln: number): number => {
    const s = trimS(s0, e0);
    const e = trimE(s, e0);
    let m = 0;
    let digits = 0;
    let frac = -1;
    let p = s;
    for (; p < e; p++) {
      const c = buf[p] as number;
      if (c >= 48 && c <= 57) {
        m = m * 10 + (c - 48);
        digits++;
        if (frac >= 0) frac++;
      } else if (c === 46 && frac < 0) frac = 0;
      else break;
    }
    if (p === e && digits > 0 && digits <= 15) {
      const d = frac < 0 ? 0 : frac;
      return d <= 3 ? m * 10 ** (3 - d) : m / 10 ** (d - 3);
    }
    const v = cellNumber(text(s0, e0));
    if (v === undefined) throw fail(baciMsg.notNumber(text(s0, e0).trim()), ln, 'v');
    if (v === null) return Number.NaN;
    if (v < 0) throw fail(baciMsg.negative(text(s, e)), ln, 'v');
    return applyPower(v, 3) as number;
  };

  /** A line of only commas and spaces: blank, whatever its number of commas (as on the per-row path). */
  const blank = (s: number, e: number) => {
    for (let p = s; p < e; p++) if (buf[p] !== COMMA && buf[p] !== SP) return false;
    return true;
  };

  const row = (s: number, e: number, ln: number) => {
    if (e > s && buf[e - 1] === CR) e--;
    let n = 0;
    let quoted = -1; // the field of the first double quote, if any
    for (let p = s; p < e; p++) {
      const c = buf[p];
      if (c === COMMA) {
        if (n < 7) commas[n] = p;
        n++;
      } else if (c === QUOTE && quoted < 0) quoted = n;
    }
    if (!header) {
      if (e === s) return;
      header = true;
      return;
    }
    if (quoted >= 0) throw fail(baciMsg.strayQuote(), ln, BACI_COLUMNS[quoted] ?? `field ${quoted + 1}`);
    if (n !== 5) {
      if (blank(s, e)) return;
      throw fail(baciMsg.fieldCount(n + 1), ln);
    }
    const c0 = commas[0] as number;
    const c1 = commas[1] as number;
    const c2 = commas[2] as number;
    const c3 = commas[3] as number;
    const c4 = commas[4] as number;
    const t = uint(s, c0, 4, true);
    if (t < 0) {
      if (blank(s, e)) return;
      throw dataError(msg.badYear(text(s, c0).trim()), { file: label, line: ln, column: 't' });
    }
    if (tables.year >= 0 && t !== tables.year) throw fail(baciMsg.otherYear(String(t), tables.year), ln, 't');
    const iNum = uint(c0 + 1, c1, 4);
    const ai = iNum < 0 ? -1 : (areaIdx[iNum] as number);
    if (ai < 0) throw fail(baciMsg.unknownArea(text(c0 + 1, c1)), ln, 'i');
    const jNum = uint(c1 + 1, c2, 4);
    const aj = jNum < 0 ? -1 : (areaIdx[jNum] as number);
    if (aj < 0) throw fail(baciMsg.unknownArea(text(c1 + 1, c2)), ln, 'j');
    const k = uint(c2 + 1, c3, 6);
    if (k < 0) throw fail(baciMsg.badProduct(text(c2 + 1, c3)), ln, 'k');
    let pk = prodIdx[k] as number;
    if (pk < 0) {
      if (known) throw fail(baciMsg.unknownProduct(hs6(k), tables.productsName), ln, 'k');
      prodIdx[k] = pk = nP++;
      masks.extend(k, pk);
    }
    const v = value(c3 + 1, c4, ln);
    if (v < 0) throw fail(baciMsg.negative(text(c3 + 1, c4).trim()), ln, 'v');
    // Repeated t,i,j,k: one bit per possible key (a Set of keys when the product list is open).
    let bits = seen.get(t);
    if (bits === undefined) seen.set(t, (bits = known ? new Uint8Array(bitsetBytes({ nC, nP })) : new Set<number>()));
    if (bits instanceof Uint8Array) {
      const key = ((codeIdx[iNum] as number) * nC + (codeIdx[jNum] as number)) * nP + pk;
      const byte = key >>> 3;
      const bit = 1 << (key & 7);
      if (((bits[byte] as number) & bit) !== 0) throw fail(baciMsg.duplicate(`t=${t} i=${iNum} j=${jNum} k=${hs6(k)}`), ln);
      bits[byte] = (bits[byte] as number) | bit;
      const sp = spanOf(sink, t);
      if (byte < sp.lo) sp.lo = byte;
      if (byte > sp.hi) sp.hi = byte;
    } else {
      const key = (iNum * 10000 + jNum) * 1_000_000 + k;
      if (bits.has(key)) throw fail(baciMsg.duplicate(`t=${t} i=${iNum} j=${jNum} k=${hs6(k)}`), ln);
      bits.add(key);
    }
    if (Number.isNaN(v)) throw fail(baciMsg.noValue(), ln, 'v');
    st.records++;
    const { sums, present, used, active } = sink.year(t);
    used[k] = 1;
    active[ai] = 1;
    active[aj] = 1;
    const mask = masks.of(pk);
    if (mask === 0) return;
    for (let g = 0; g < G; g++) {
      if ((mask & (1 << g)) === 0) continue;
      const at = (g * nA + ai) * nA + aj;
      sums[at] = (sums[at] as number) + v;
      present[at] = 1;
    }
  };

  // buf[0] is the file's byte `base`; lines starting at or after `range.end` are the next range's.
  let carry = 0; // bytes of an unfinished line kept at the start of buf
  let offset = base;
  let pendingBom = range.first;
  for (;;) {
    const { bytesRead } = await handle.read(buf, carry, CHUNK, offset);
    if (bytesRead > 0) hooks.hash?.update(buf.subarray(carry, carry + bytesRead));
    offset += bytesRead;
    const end = carry + bytesRead;
    let stop = range.end - base;
    let s = 0;
    if (pendingBom && end >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
      // The BOM is part of the first line, which starts at byte 0 (the next line starts past byte 3).
      s = 3;
      stop = Math.max(stop, 4);
    }
    pendingBom = false;
    const eof = bytesRead === 0;
    for (;;) {
      if (header && known) s = fastLines(st, buf, s, end, stop);
      if (s >= stop) break;
      const p = buf.indexOf(NL, s);
      if (p === -1 || p >= end) break;
      const line = ++st.lines;
      if (p - s > MAX_LINE) throw fail(baciMsg.fieldTooLong(MAX_LINE), line);
      row(s, p, line);
      s = p + 1;
    }
    if (s >= stop) break;
    if (eof) {
      if (end > s) {
        row(s, end, ++st.lines);
      }
      break;
    }
    carry = end - s;
    if (carry > MAX_LINE) throw fail(baciMsg.fieldTooLong(MAX_LINE), st.lines + 1);
    buf.copyWithin(0, s, end);
    base += s;
    hooks.progress?.(offset - range.start);
  }
  buf = Buffer.alloc(0);
  return { records: st.records, header };
}
