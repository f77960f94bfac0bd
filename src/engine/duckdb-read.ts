import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { dataError } from '../errors.js';
import { msg } from '../messages.js';
import type { TradeKind } from './index.js';

/** A string as an SQL literal. */
export const sql = (s: string) => `'${s.replace(/'/g, "''")}'`;


/** A DuckDB in memory that installs and loads nothing at run time (CSV and Parquet readers are built in). */
export async function openDuckdb(): Promise<{ con: DuckDBConnection; close: () => void }> {
  const temp = mkdtempSync(join(tmpdir(), 'linkage-duckdb-'));
  const db = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    temp_directory: temp,
    memory_limit: '1GB',
  });
  const con = await db.connect();
  // Progress is tracked (read by the scan's progress line) but never printed by DuckDB itself.
  await con.run('set enable_progress_bar = true');
  await con.run('set enable_progress_bar_print = false');
  return {
    con,
    close: () => {
      con.closeSync();
      db.closeSync();
      rmSync(temp, { recursive: true, force: true });
    },
  };
}

/**
 * SQL of a BACI value in US$ from `x`, the double nearest to the cell's text (thousands of US$):
 * the double every JavaScript path gives. JS reads the text's digits as an integer scaled by a power
 * of ten, or (any other writing) Number(text) written as its shortest decimal and shifted three
 * places (src/loaders/cells.ts applyPower); both are the double nearest to S(x) × 1000, S(x) being
 * x's shortest decimal. When x × 1000 rounds to an integer r with r / 1000 = x and |x| < 4e12 (where
 * doubles are closer than 0.001), S(x) is r / 1000 and the value r: BACI's three decimals. Else
 * (more decimals) x is written as its shortest decimal — DuckDB writes the same digits as JS — and
 * shifted in text. A DECIMAL(18,6) read rounded a seventh decimal away; this rounds nothing.
 */
export function usd(x: string): string {
  const text = `${x}::varchar`;
  const shifted = `(split_part(${text}, 'e', 1) || 'e' || (coalesce(try_cast(split_part(${text}, 'e', 2) as integer), 0) + 3))::double`;
  return `case when r / 1000 = ${x} and abs(${x}) < 4e12 then r else ${shifted} end`;
}

/**
 * The file as a relation of t, i, j, k (integers), v (US$, {@link usd}; NULL for a missing value)
 * and `bad` (a row the other paths refuse and DuckDB's reader let through: v infinite or NaN, a
 * quote in q, a field too many or too few). A CSV's dialect and column types are given (nothing
 * sniffed) and it is read in 4 MiB buffers: DuckDB's default 32 MiB ones held about 33 MB more at
 * the peak of a 10 M-row year, no faster. Nothing is read as quoted, so a quote makes t, i, j, k or
 * v not a number, and one in q is `bad`. v is read as DOUBLE (the nearest double, as JS reads it;
 * as text it cost 0.6 s more CPU on a 10 M-row year); no null string is given but \u0001, so a
 * missing v (`NA`, empty) stops the reader, and an empty q is ''. DuckDB's reader drops empty fields
 * at the end of a row (`…,2,` read as six fields): a seventh column `extra`, NULL-padded, is not
 * NULL for such a row, and q is NULL for a row of five fields. It also reads `1_000` as 1000, which
 * JS refuses: {@link bytePass} looks for `_`.
 */
export function source(kind: TradeKind, file: string): string {
  const value = `case when isfinite(x) then ${usd('x')} end as v`;
  if (kind === 'baci-parquet') {
    const int = (c: string) => `try_cast(${c} as integer)`;
    return `(select ${int('t')} as t, ${int('i')} as i, ${int('j')} as j, ${int('k')} as k, ${value}, (v is not null and not coalesce(isfinite(x), false)) or ${['t', 'i', 'j', 'k'].map((c) => `${int(c)} is null`).join(' or ')} as bad
      from (select *, round(x * 1000) as r from (select *, try_cast(v as double) as x from read_parquet(${sql(file)}))))`;
  }
  const read = `read_csv(${sql(file)}, buffer_size = 4194304, header = true, delim = ',', quote = '', escape = '', auto_detect = false, strict_mode = true, null_padding = true, nullstr = ['\u0001'], columns = {'t': 'INTEGER', 'i': 'INTEGER', 'j': 'INTEGER', 'k': 'INTEGER', 'v': 'DOUBLE', 'q': 'VARCHAR', 'extra': 'VARCHAR'})`;
  return `(select t, i, j, k, ${value}, not coalesce(isfinite(x), false) or q is null or extra is not null or contains(q, '"') as bad
      from (select *, round(x * 1000) as r from (select t, i, j, k, v as x, q, extra from ${read})))`;
}

/**
 * One pass over a CSV's bytes beside DuckDB's query: the file's SHA-256 (when `hash`) and whether
 * a byte is `_` (DuckDB reads `1_000` as 1000; the other paths refuse it, and a BACI file has no
 * `_`). A memchr per 4 MiB: about 0.1 s of CPU on a 10 M-row year when the digest is known.
 */
export async function bytePass(file: string, hash: boolean, signal?: AbortSignal): Promise<{ sha256: string | undefined; underscore: boolean }> {
  const digest = hash ? createHash('sha256') : undefined;
  let underscore = false;
  const buf = Buffer.allocUnsafe(1 << 22);
  let handle;
  try {
    handle = await open(file, 'r');
    // Stopped (no digest) when the scan no longer needs it: the file is then being read by the scanner.
    for (let n = 1; n > 0; ) {
      if (signal?.aborted) return { sha256: undefined, underscore };
      ({ bytesRead: n } = await handle.read(buf, 0, buf.length, null));
      const chunk = buf.subarray(0, n);
      digest?.update(chunk);
      if (!underscore && chunk.indexOf(0x5f) !== -1) underscore = true;
    }
  } catch (e) {
    throw dataError(msg.inputUnreadable(file, (e as NodeJS.ErrnoException).code), { file });
  } finally {
    await handle?.close();
  }
  return { sha256: digest?.digest('hex'), underscore };
}
