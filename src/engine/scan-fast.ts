import { spanOf, type ScanSink } from './scan-core.js';
import type { ScanTables } from './scan-tables.js';

const COMMA = 44;
const NL = 10;
const QUOTE = 34;
const POW = [1000, 100, 10, 1, 0.1, 0.01, 0.001, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10, 1e-11, 1e-12];
const DIV = [1, 1, 1, 1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12];

/** What the fast path reads and updates across calls within one scan: counts and the arrays of the last year seen. */
export interface FastState {
  tables: ScanTables;
  sink: ScanSink;
  /** Bytes of each year's repeated-key bitset. */
  bitset: number;
  maxLine: number;
  records: number;
  lines: number;
  lastT: number;
  lastSums: Float64Array;
  lastPresent: Uint8Array;
  lastBits: Uint8Array;
  lastUsed: Uint8Array;
  lastActive: Uint8Array;
}

/** A fresh fast-path state for one scan (`bitset`: bytes of a year's repeated-key bitset). */
export function fastState(tables: ScanTables, sink: ScanSink, bitset: number, maxLine: number): FastState {
  return { tables, sink, bitset, maxLine, records: 0, lines: 0, lastT: -1, lastSums: new Float64Array(0), lastPresent: new Uint8Array(0), lastBits: new Uint8Array(0), lastUsed: new Uint8Array(0), lastActive: new Uint8Array(0) };
}

/**
 * The byte scanner's fast path (src/engine/scan-core.ts), for a closed product list: whole lines of
 * the canonical shape (`2018,156,392,854231,10.5,1.2`) in `b[s, end)` that pass every check and
 * start before `stop` are summed here without a call per field; it stops at the first line that is
 * not (a header, blank, quoted, missing or bad value, unknown code, repeated key, a year other than the file name's…) or is incomplete,
 * and returns where it stopped: the general row parser handles that line, with its message. A
 * top-level function (not a closure of the scan), so its optimised code serves every range a
 * worker scans; the state's fields are read into locals once per call.
 */
export function fastLines(st: FastState, b: Buffer, s: number, end: number, stop: number): number {
  const { areaIdx, codeIdx, prodIdx, nA, nC, nP, masks } = st.tables;
  const G = st.tables.groups;
  const fileYear = st.tables.year;
  const maxLine = st.maxLine;
  let { lastT, lastSums, lastPresent, lastBits, lastUsed, lastActive } = st;
  let records = 0;
  // The bytes of the current year's bitset with a bit set (kept in the sink's spans).
  let span = lastT < 0 ? undefined : spanOf(st.sink, lastT);
  let lo = span?.lo ?? 0;
  let hi = span?.hi ?? 0;
  for (;;) {
    if (s >= stop) break;
    let p = s;
    let c = 0;
    let t = 0;
    for (; p < end && (c = b[p] as number) >= 48 && c <= 57; p++) t = t * 10 + c - 48;
    if (p - s !== 4 || c !== COMMA) break;
    let q = ++p;
    let iNum = 0;
    for (; p < end && (c = b[p] as number) >= 48 && c <= 57; p++) iNum = iNum * 10 + c - 48;
    if (p === q || p - q > 4 || c !== COMMA) break;
    q = ++p;
    let jNum = 0;
    for (; p < end && (c = b[p] as number) >= 48 && c <= 57; p++) jNum = jNum * 10 + c - 48;
    if (p === q || p - q > 4 || c !== COMMA) break;
    q = ++p;
    let k = 0;
    for (; p < end && (c = b[p] as number) >= 48 && c <= 57; p++) k = k * 10 + c - 48;
    if (p === q || p - q > 6 || c !== COMMA) break;
    q = ++p;
    let m = 0;
    let frac = -1;
    let digits = 0;
    for (; p < end; p++) {
      c = b[p] as number;
      if (c >= 48 && c <= 57) {
        m = m * 10 + c - 48;
        digits++;
        if (frac >= 0) frac++;
      } else if (c === 46 && frac < 0) frac = 0;
      else break;
    }
    if (digits === 0 || digits > 15 || c !== COMMA) break;
    p++;
    for (; p < end && (c = b[p] as number) !== NL; p++) if (c === COMMA || c === QUOTE) break;
    if (p >= end || c !== NL || p - s > maxLine) break;
    const ai = areaIdx[iNum] as number;
    const aj = areaIdx[jNum] as number;
    const pk = prodIdx[k] as number;
    if (ai < 0 || aj < 0 || pk < 0) break;
    if (t !== lastT) {
      if (fileYear >= 0 && t !== fileYear) break;
      let bits = st.sink.seen.get(t);
      if (bits === undefined) st.sink.seen.set(t, (bits = new Uint8Array(st.bitset)));
      if (!(bits instanceof Uint8Array)) break;
      if (span !== undefined) {
        span.lo = lo;
        span.hi = hi;
      }
      span = spanOf(st.sink, t);
      lo = span.lo;
      hi = span.hi;
      lastT = t;
      lastBits = bits;
      ({ sums: lastSums, present: lastPresent, used: lastUsed, active: lastActive } = st.sink.year(t));
    }
    const key = ((codeIdx[iNum] as number) * nC + (codeIdx[jNum] as number)) * nP + pk;
    const byte = key >>> 3;
    const bit = 1 << (key & 7);
    if (((lastBits[byte] as number) & bit) !== 0) break;
    const mask = masks[pk] as number;
    lastUsed[k] = 1;
    lastActive[ai] = 1;
    lastActive[aj] = 1;
    lastBits[byte] = (lastBits[byte] as number) | bit;
    if (byte < lo) lo = byte;
    if (byte > hi) hi = byte;
    const d = frac < 0 ? 0 : frac;
    const v = d <= 3 ? m * (POW[d] as number) : m / (DIV[d] as number);
    records++;
    for (let g = 0; g < G; g++) {
      if ((mask & (1 << g)) === 0) continue;
      const at = (g * nA + ai) * nA + aj;
      lastSums[at] = (lastSums[at] as number) + v;
      lastPresent[at] = 1;
    }
    s = p + 1;
  }
  if (span !== undefined) {
    span.lo = lo;
    span.hi = hi;
  }
  st.records += records;
  st.lines += records;
  st.lastT = lastT;
  st.lastSums = lastSums;
  st.lastPresent = lastPresent;
  st.lastBits = lastBits;
  st.lastUsed = lastUsed;
  st.lastActive = lastActive;
  return s;
}
