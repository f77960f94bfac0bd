import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { dataError } from '../errors.js';
import { baciMsg, msg } from '../messages.js';
import { vintageName } from '../trade/products.js';
import { groupMasks, locating, type ScanJob, type ScanOutcome } from './job.js';
import { TradeMatrix } from './matrix.js';
import { hs6, type BaciRelease } from './release.js';
import { scanBaciCsv } from './scan-csv.js';
import type { TradeKind } from './index.js';

const sql = (s: string) => `'${s.replace(/'/g, "''")}'`;
const REPEATED = 'a repeated t,i,j,k';
/** One number for a year × exporter × importer cell (BACI area codes have at most 4 digits). */
const cellKey = (t: number, i: number, j: number) => (t * 10_000 + i) * 10_000 + j;

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
 * The file as a relation of t, i, j, k (integers) and v (US$, exact decimal ×1000), NULL for missing
 * values. A CSV's dialect and column types are given (nothing sniffed) and it is read in 4 MiB
 * buffers: DuckDB's default 32 MiB ones held about 33 MB more at the peak of a 10 M-row year, no faster.
 * BACI has no quoted fields and the other paths refuse a double quote anywhere in a row: nothing
 * is read as quoted, so a quote makes t, i, j, k or v not a number, and one in q is `bad`.
 */
function source(kind: TradeKind, file: string): string {
  if (kind === 'baci-parquet') {
    return `(select try_cast(t as integer) as t, try_cast(i as integer) as i, try_cast(j as integer) as j, try_cast(k as integer) as k, try_cast(v as decimal(18,6)) * 1000 as v, (v is not null and try_cast(v as decimal(18,6)) is null) or try_cast(t as integer) is null or try_cast(i as integer) is null or try_cast(j as integer) is null or try_cast(k as integer) is null as bad from read_parquet(${sql(file)}))`;
  }
  return `(select t, i, j, k, v * 1000 as v, contains(q, '"') as bad from read_csv(${sql(file)}, buffer_size = 4194304, header = true, delim = ',', quote = '', escape = '', auto_detect = false, strict_mode = true, null_padding = false, nullstr = ['', 'NA', '..', ':', 'NaN', '-'], columns = {'t': 'INTEGER', 'i': 'INTEGER', 'j': 'INTEGER', 'k': 'INTEGER', 'v': 'DECIMAL(18,6)', 'q': 'VARCHAR'}))`;
}

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
 * query (unknown areas and products, negative values, repeated keys, the groups' HS vintage, bad
 * cells); when one fires — or DuckDB's reader refuses the file — a CSV is re-read by the byte
 * scanner, which names the first bad row's line and column with the same message as every other
 * path, so a bad row never becomes a plausible total. Parquet has no lines: the row number is named.
 */
export async function scanWithDuckdb(job: ScanJob, release: BaciRelease, kind: TradeKind): Promise<ScanOutcome> {
  const hashing = job.sha256 === undefined ? import('../loaders/load.js').then((m) => m.sha256File(job.file)) : Promise.resolve(job.sha256);
  const { con, close } = await openDuckdb();
  let rows: unknown[][];
  let codes: number[];
  try {
    // Progress: DuckDB's own estimate of the query's progress, as a share of the file's bytes.
    const size = job.progress === undefined ? 0 : statSync(job.file).size;
    const timer = job.progress === undefined ? undefined : setInterval(() => {
      const p = con.progress.percentage;
      if (p > 0 && p < 100) job.progress?.(Math.floor((p / 100) * size), size);
    }, 250);
    try {
      const prepared = await prepare(con, job, release, kind);
      codes = prepared.codes;
      rows = (await con.runAndReadAll(prepared.query)).getRows();
    } catch (e) {
      // DuckDB's reader refused the file (a cut row, a cell that is not a number, …): the byte
      // scanner names the line. Parquet: say what DuckDB said.
      if (kind === 'baci-csv') return await scanBaciCsv(locating(job), release);
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
  const sha256 = await hashing;
  return { matrix, sha256, records, skipped: {}, vintage: vintageName(release.cls) };
}

/**
 * The first bad row of a Parquet file by row number (Parquet has no lines), and what is wrong with
 * it, checked in the byte scanner's order: year, areas, product, value, repeated key (a row whose
 * t,i,j,k an earlier row has, looked for only in `repeatCells`, the cells with more rows than
 * products — every row of the file when there are more than 10,000), missing value. `problem`,
 * what the scan found, when no row is found.
 */
async function parquetProblem(job: ScanJob, release: BaciRelease, problem: string, repeatCells: number[]) {
  const { con, close } = await openDuckdb();
  try {
    const int = (c: string) => `try_cast(${c} as integer)`;
    const file = `read_parquet(${sql(job.file)}, file_row_number = true)`;
    const areas = [...release.areas.keys()].join(',');
    const products = release.products === undefined ? `${int('k')} between 0 and 999999` : `${int('k')} in (${[...release.products].join(',')})`;
    const value = 'try_cast(v as decimal(18,6))';
    const inCells = repeatCells.length > 10_000 ? '' : `where (try_cast(t as bigint) * 10000 + try_cast(i as bigint)) * 10000 + try_cast(j as bigint) in (${repeatCells.join(',')})`;
    const repeats = repeatCells.length === 0 ? 'false' : `row in (select row from (select file_row_number + 1 as row, row_number() over (partition by t, i, j, k order by file_row_number) as nth from ${file} ${inCells}) where nth > 1)`;
    const q = `select row, t, i, j, k, v, problem from (select file_row_number + 1 as row, t, i, j, k, v, case
        when ${int('t')} is null or ${int('t')} not between 1000 and 9999 then 'a year that is not 4 digits'
        when ${int('i')} is null or ${int('i')} not in (${areas}) or ${int('j')} is null or ${int('j')} not in (${areas}) then 'an area not in the dictionary'
        when ${int('k')} is null or not (${products}) then 'a product not in the release'
        when v is not null and ${value} is null then 'a cell that is not a number'
        when ${value} < 0 then 'a negative value'
        when ${repeats} then ${sql(REPEATED)}
        when v is null then 'a row without a trade value'
      end as problem from ${file})
      where problem is not null order by row limit 1`;
    const hit = (await con.runAndReadAll(q)).getRows()[0];
    if (hit === undefined) return dataError(baciMsg.parquetRow(problem), { file: job.label });
    const k = Number(hit[4]);
    const at = `at row ${String(hit[0])} (t=${String(hit[1])} i=${String(hit[2])} j=${String(hit[3])} k=${hit[4] !== null && Number.isInteger(k) ? hs6(k) : String(hit[4])} v=${String(hit[5])})`;
    return dataError(baciMsg.parquetRow(`${String(hit[6])} ${at}`), { file: job.label });
  } finally {
    close();
  }
}
