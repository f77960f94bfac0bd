import { Inflate } from 'fflate';
import { dataError } from '../errors.js';
import { msg } from '../messages.js';

/** Largest uncompressed part read from a workbook (bytes): 128 MiB, far above any real export linkage reads. */
export const MAX_PART_BYTES = 128 * 1024 * 1024;
/** Largest total uncompressed size of the parts read from one workbook (bytes): 256 MiB. */
export const MAX_TOTAL_BYTES = 256 * 1024 * 1024;

interface Entry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 (the zip/IEEE polynomial) of `chunk`, continuing from `crc`. */
function crc32(chunk: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < chunk.length; i++) c = (CRC_TABLE[(c ^ (chunk[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}

function u16(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, i: number): number {
  return (u16(b, i) | (u16(b, i + 2) << 16)) >>> 0;
}

/** The central directory: every entry's name, method, CRC, sizes and local-header offset. */
function directory(bytes: Uint8Array, file: string): Entry[] {
  const bad = () => dataError(msg.badZip(), { file });
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad();
  const count = u16(bytes, eocd + 10);
  let p = u32(bytes, eocd + 16);
  const entries: Entry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw bad();
    const nameLength = u16(bytes, p + 28);
    const entry: Entry = {
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      method: u16(bytes, p + 10),
      crc: u32(bytes, p + 16),
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      offset: u32(bytes, p + 42),
    };
    entries.push(entry);
    p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return entries;
}

/**
 * Unpack the entries of a zip archive that `want` selects, with bounds: an entry whose declared
 * size exceeds {@link MAX_PART_BYTES}, or whose inflated bytes exceed the declared size (checked
 * while inflating, so a zip bomb stops at the bound), or parts totalling more than
 * {@link MAX_TOTAL_BYTES}, are data errors; so are a CRC or size mismatch (a damaged or cut file).
 */
export function unzipBounded(bytes: Uint8Array, file: string, want: (name: string) => boolean): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  let total = 0;
  for (const e of directory(bytes, file).filter((x) => want(x.name))) {
    if (e.size > MAX_PART_BYTES || total + e.size > MAX_TOTAL_BYTES) throw dataError(msg.xlsxTooLarge(e.name, `${Math.round(MAX_PART_BYTES / 2 ** 20)} MB`), { file });
    total += e.size;
    const local = e.offset;
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) throw dataError(msg.badZip(), { file });
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    const data = bytes.subarray(start, start + e.compressedSize);
    if (data.length < e.compressedSize) throw dataError(msg.xlsxTruncated(e.name), { file });
    out.set(e.name, inflateEntry(e, data, file));
  }
  return out;
}

function inflateEntry(e: Entry, data: Uint8Array, file: string): Uint8Array {
  if (e.method === 0) {
    if (data.length !== e.size || crc32(data) !== e.crc) throw dataError(msg.xlsxTruncated(e.name), { file });
    return data;
  }
  if (e.method !== 8) throw dataError(msg.badZip(), { file });
  const result = new Uint8Array(e.size);
  let n = 0;
  let crc = 0;
  let over = false;
  let ended = false;
  const inflate = new Inflate((chunk, final) => {
    if (n + chunk.length > e.size) over = true;
    else {
      result.set(chunk, n);
      crc = crc32(chunk, crc);
    }
    n += chunk.length;
    if (final) ended = true;
  });
  try {
    // Feed the compressed bytes in slices so an entry that inflates past its declared size stops early.
    for (let i = 0; i < data.length && !over; i += 65536) inflate.push(data.subarray(i, i + 65536), i + 65536 >= data.length);
  } catch {
    throw dataError(msg.xlsxTruncated(e.name), { file });
  }
  if (over) throw dataError(msg.xlsxTooLarge(e.name, `its declared ${e.size} bytes`), { file });
  if (!ended || n !== e.size || crc !== e.crc) throw dataError(msg.xlsxTruncated(e.name), { file });
  return result;
}
