import { statSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { dataError } from '../errors.js';
import { baciMsg, msg } from '../messages.js';
import { vintageName } from '../trade/products.js';
import { groupMasks, locating, type ScanJob, type ScanOutcome } from './job.js';
import { TradeMatrix } from './matrix.js';
import type { BaciRelease } from './release.js';
import { bytePass, openDuckdb, source } from './duckdb-read.js';
import { otherYear, parquetProblem, REPEATED } from './duckdb-parquet.js';
import { scanBaciCsv } from './scan-csv.js';
import type { TradeKind } from './index.js';

/** One number for a year × exporter × importer cell (BACI area codes have at most 4 digits). */
const cellKey = (t: number, i: number, j: number) => (t * 10_000 + i) * 10_000 + j;

export { openDuckdb } from './duckdb-read.js';

/**
 * The engine's query over the file, with its product table made on `con` (the scan runs it; a test
 * reads its plan). Products are numbered by code (pk); without a release product list, the file's
 * own six-digit codes are numbered (one more pass). Cells are year × exporter × importer: one sum
 * per product group (`v0`…, NULL when no row of the group), and the set of products seen as a bit
 * string over pk (`ks`): a repeated t,i,j,k shows as more rows than bits set. A last row per year
 * (`cell` false) has every product seen that year (`used`: one character per pk).
 */
async function prepare(con: DuckDBConnection, job: ScanJob, release: BaciRelease, kind: TradeKind) {
  const from = source(kind, job.file);
  const codes = release.products !== undefined
    ? [...release.products].sort((a, b) => a - b)
    : (await con.runAndReadAll(`select distinct k from ${from} where k between 0 and 999999 order by k`)).getRows().map((r) => Number(r[0]));
  const masks = groupMasks(job.groups);
  await con.run('create table prods (k integer, pk integer, mask integer)');
  const appender = await con.createAppender('prods');
  codes.forEach((k, pk) => {
    masks.extend(k, pk);
    appender.appendInteger(k);
    appender.appendInteger(pk);
    appender.appendInteger(masks.of(pk));
    appender.endRow();
  });
  appender.closeSync();
  // The file's size is unknown to the planner (it guesses a few dozen rows), so it would build
  // the join's hash table on the file — every row held in memory — and probe it with the product
  // list. Keep the join as written: the product list is the build side, the file streams past it.
  await con.run("set disabled_optimizers = 'build_side_probe_side'");
  const sums = job.groups.map((_, g) => `, sum(s.v) filter (where (p.mask & ${1 << g}) <> 0)::double as v${g}`).join('');
  const vs = job.groups.map((_, g) => `, v${g}`).join('');
  const query = `
    with cells as materialized (
      select s.t, s.i, s.j, count(*)::bigint as n, count(s.v)::bigint as nv, bitstring_agg(p.pk, 0, ${Math.max(codes.length - 1, 0)}) as ks,
        min(s.v)::double as minv, bool_or(p.k is null) as unknown, bool_or(s.bad) as bad${sums}
      from ${from} s left join prods p on p.k = s.k
      group by s.t, s.i, s.j)
    select true as cell, t, i, j, null::varchar as used, n, nv, n - coalesce(bit_count(ks), 0) as dup, minv, unknown, bad${vs} from cells
    union all
    select false, t, null, null, bit_or(ks)::varchar, null, null, null, null, null, null${job.groups.map(() => ', null').join('')} from cells group by t`;
  return { query, codes };
}

/** The plan DuckDB makes for the engine's query over `job.file` (EXPLAIN, JSON): for tests of how the file is read. */
export async function duckdbPlan(job: ScanJob, release: BaciRelease, kind: TradeKind): Promise<unknown> {
  const { con, close } = await openDuckdb();
  try {
    const { query } = await prepare(con, job, release, kind);
    return JSON.parse(String((await con.runAndReadAll(`explain (format json) ${query}`)).getRows()[0]?.[1])) as unknown;
  } finally {
    close();
  }
}

/**
 * The DuckDB engine: the trade scan as one GROUP BY. The release's product list is joined as a
 * table (product → its number and the bit mask of the product groups it belongs to); the file is
 * grouped by year × exporter × importer with one sum per product group, so JavaScript sees only
 * those sums (see `prepare`). Every check of the byte scanner is folded into the same
 * query (unknown areas and products, negative values, repeated keys, bad
 * cells); when one fires — or DuckDB's reader refuses the file — a CSV is re-read by the byte
 * scanner, which names the first bad row's line and column with the same message as every other
 * path, so a bad row never becomes a plausible total (a file the scanner then accepts is answered
 * by it, and the outcome says `engine: 'js'`). Parquet has no lines: the row number is named.
 */
export async function scanWithDuckdb(job: ScanJob, release: BaciRelease, kind: TradeKind): Promise<ScanOutcome> {
  // The digest (when not known) and, for a CSV, a look for `_` (see bytePass), read while DuckDB works.
  const stop = new AbortController();
  const pass = kind === 'baci-csv' ? bytePass(job.file, job.sha256 === undefined, stop.signal) : job.sha256 === undefined ? import('../loaders/load.js').then(async (m) => ({ sha256: await m.sha256File(job.file), underscore: false })) : Promise.resolve({ sha256: job.sha256, underscore: false });
  pass.catch(() => undefined); // awaited below, unless the scan ends first
  const { con, close } = await openDuckdb();
  let rows: unknown[][];
  let codes: number[];
  try {
    // Progress: DuckDB's own estimate of the query's progress, as a share of the file's bytes.
    const size = job.progress === undefined ? 0 : statSync(job.file).size;
    const timer = job.progress === undefined ? undefined : setInterval(() => {
      const p = con.progress.percentage;
      if (p > 0 && p < 100) job.progress?.(Math.floor((p / 100) * size), size, 'estimate');
    }, 250);
    try {
      const prepared = await prepare(con, job, release, kind);
      codes = prepared.codes;
      rows = (await con.runAndReadAll(prepared.query)).getRows();
    } catch (e) {
      // DuckDB's reader refused the file (a cut row, a cell that is not a number, …): the byte
      // scanner names the line. Parquet: say what DuckDB said.
      if (kind === 'baci-csv') {
        stop.abort(); // the scanner reads the file (and its digest) itself
        return await scanBaciCsv(locating(job), release);
      }
      throw dataError(baciMsg.parquetUnreadable((e as Error).message.split('\n')[0] ?? ''), { file: job.label });
    } finally {
      clearInterval(timer);
      job.progress?.(size, size);
    }
  } finally {
    close();
  }
  const geoIndex = new Map<string, number>();
  const areaIdx = new Map<number, number>();
  for (const [code, geo] of release.areas) {
    let gi = geoIndex.get(geo);
    if (gi === undefined) geoIndex.set(geo, (gi = geoIndex.size));
    areaIdx.set(code, gi);
  }
  const matrix = new TradeMatrix([...geoIndex.keys()], job.groups);
  matrix.cls = release.cls;
  let records = 0;
  let problem: string | undefined;
  const years: [number, string][] = [];
  const repeatCells: number[] = [];
  const nA = matrix.geos.length;
  for (const r of rows) {
    const [cell, t, i, j, used, n, nv, dup, minv, unknown, bad, ...v] = r as [boolean, number | null, number | null, number | null, string | null, bigint, bigint, bigint, number | null, boolean, boolean, ...(number | null)[]];
    if (!cell) {
      if (t !== null && used !== null) years.push([t, used]);
      continue;
    }
    records += Number(n);
    // Cells with more rows than products (a repeated key, or a product not in the list): where a
    // Parquet refusal looks for a repeated key.
    if (Number(dup) > 0 && t !== null && i !== null && j !== null) repeatCells.push(cellKey(t, i, j));
    if (problem !== undefined) continue;
    const ai = i === null ? undefined : areaIdx.get(i);
    const aj = j === null ? undefined : areaIdx.get(j);
    if (bad) problem = 'a cell that is not a number';
    else if (t === null || t < 1000 || t > 9999) problem = 'a year that is not 4 digits';
    else if (release.year !== undefined && t !== release.year) problem = otherYear(release.year);
    else if (ai === undefined || aj === undefined) problem = 'an area not in the dictionary';
    else if (unknown) problem = 'a product not in the release';
    else if (minv !== null && minv < 0) problem = 'a negative value';
    else if (Number(dup) > 0) problem = REPEATED;
    else if (Number(nv) < Number(n)) problem = 'a row without a trade value';
    if (problem !== undefined || t === null || ai === undefined || aj === undefined) continue;
    const { sums, present, active } = matrix.year(t);
    active[ai] = 1;
    active[aj] = 1;
    v.forEach((x, g) => {
      if (x === null) return;
      const at = (g * nA + ai) * nA + aj;
      sums[at] = (sums[at] as number) + x;
      present[at] = 1;
    });
  }
  const bytes = await pass;
  if (problem === undefined && bytes.underscore) problem = 'a `_` (DuckDB reads 1_000 as 1000)';
  if (problem !== undefined) {
    if (kind === 'baci-csv') return scanBaciCsv(locating(job), release);
    throw await parquetProblem(job, release, problem, repeatCells);
  }
  if (records === 0) throw dataError(msg.headerOnly(), { file: job.label });
  // Which products had a value in each year, for the coverage notes (every row has one, or it was refused above).
  for (const [t, bits] of years) {
    const { used } = matrix.year(t);
    for (let pk = bits.indexOf('1'); pk !== -1; pk = bits.indexOf('1', pk + 1)) used[codes[pk] as number] = 1;
  }
  const sha256 = job.sha256 ?? bytes.sha256 ?? '';
  return { matrix, sha256, records, skipped: {}, vintage: vintageName(release.cls), engine: 'duckdb' };
}
