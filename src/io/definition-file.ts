import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { LinkageError } from '../errors.js';
import { fileKind } from './input-file.js';
import { jsonSyntaxErrorOffset, lineColumn } from './json-text.js';

/**
 * The most a report definition or groups file may hold (bytes): 4 MiB, far above any real one
 * (reports/cjk-linkage is 10 KB). A bigger file is refused before it is read, so a 600 MB line
 * costs nothing. An object so tests can lower the bound without writing 600 MB.
 */
export const DEFINITION_LIMITS = { bytes: 4 * 2 ** 20 };

/**
 * Read a JSON file the user wrote (a report definition, a groups file) and parse it. Every problem
 * goes to `fail(detail)` (the caller's catalogued usage error), described in words and by line and
 * column — the file's text is never quoted, since it may not be a definition at all (`/etc/passwd`).
 * Only a regular file up to {@link DEFINITION_LIMITS} is read; it must be UTF-8.
 */
export function readDefinitionJson(file: string, fail: (detail: string) => LinkageError): unknown {
  let size: number;
  try {
    const st = statSync(file);
    const kind = fileKind(st);
    if (kind !== undefined) throw fail(`it is ${kind}, not a file`);
    size = st.size;
  } catch (e) {
    if ((e as Error).name === 'LinkageError') throw e;
    throw fail((e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot open it (${(e as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  const limit = DEFINITION_LIMITS.bytes;
  if (size > limit) throw fail(`it is larger than ${formatBytes(limit)}, far more than a definition holds`);
  const bytes = readAtMost(file, limit + 1, fail);
  if (bytes.length > limit) throw fail(`it is larger than ${formatBytes(limit)}, far more than a definition holds`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw fail('it is not UTF-8 text');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const offset = jsonSyntaxErrorOffset(text);
    const { line, column } = lineColumn(text, offset < 0 ? text.length : offset);
    throw fail(offset >= text.length || offset < 0 ? `not valid JSON: it ends early (line ${line}, column ${column})` : `not valid JSON at line ${line}, column ${column}`);
  }
}

function readAtMost(file: string, max: number, fail: (detail: string) => LinkageError): Buffer {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw fail(`cannot open it (${(e as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  try {
    const buf = Buffer.alloc(max);
    let got = 0;
    for (;;) {
      const n = readSync(fd, buf, got, max - got, null);
      if (n === 0) break;
      got += n;
      if (got === max) break;
    }
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

function formatBytes(n: number): string {
  return n >= 2 ** 20 ? `${n / 2 ** 20} MiB` : `${n} bytes`;
}
