import { dataError } from '../errors.js';
import { msg } from '../messages.js';

/** Text encodings linkage reads. cp1252 is what Comtrade Plus CSV files use. */
export type Encoding = 'utf-8' | 'windows-1252';

export interface Sniffed {
  encoding: Encoding;
  /** Bytes to drop at the start (a UTF-8 BOM). */
  bomLength: number;
}

/**
 * Decide how to decode a file from its first bytes: refuse UTF-16 and binary data, drop a UTF-8
 * BOM, and fall back to cp1252 when the bytes are not valid UTF-8 (never silent mojibake).
 */
export function sniffEncoding(head: Uint8Array, file: string): Sniffed {
  if (head.length === 0) {
    throw dataError(msg.emptyFile(), { file });
  }
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw dataError(msg.utf16(), { file, line: 1 });
  }
  const nul = head.indexOf(0);
  if (nul !== -1) {
    // UTF-16 without a BOM has a NUL in every other byte of ASCII text.
    throw dataError(nul < 4 && head.length > 8 && head[1 - (nul % 2)] !== 0 ? msg.utf16() : msg.binary(), { file, line: 1 });
  }
  const bomLength = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  return { encoding: isValidUtf8(head.subarray(bomLength)) ? 'utf-8' : 'windows-1252', bomLength };
}

/** True when the bytes are valid UTF-8 (a sequence cut at the end of the sample is allowed). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let n = 0;
    if (b < 0x80) n = 0;
    else if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) n = 2;
    else if (b >= 0xf0 && b <= 0xf4) n = 3;
    else return false;
    for (let k = 1; k <= n; k++) {
      if (i + k >= bytes.length) return true;
      const c = bytes[i + k] as number;
      if ((c & 0xc0) !== 0x80) return false;
    }
    i += n + 1;
  }
  return true;
}
