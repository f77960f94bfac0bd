/**
 * The benchmark's job hand-written as DuckDB SQL (run in a child process): one GROUP BY over the
 * CSV file(s) — all products and high-tech products per year × exporter × importer — then the
 * areas mapped to ISO3. Prints {seconds, maxRssKb, pairs} as JSON. The indicators are computed from
 * these sums by bench/ladder.ts, as for pandas.
 * Usage: node dist/bench/sql-child.js 'FILE-OR-GLOB' areas.csv hightech.csv
 */
import { DuckDBInstance } from '@duckdb/node-api';

const [input, areas, hightech] = process.argv.slice(2) as [string, string, string];
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const t0 = performance.now();
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
await con.run(`create table areas as select * from read_csv(${q(areas)}, header = true, columns = {'code': 'INTEGER', 'geo': 'VARCHAR'})`);
await con.run(`create table ht as select * from read_csv(${q(hightech)}, header = true, columns = {'k': 'INTEGER'})`);
const rows = (
  await con.runAndReadAll(`
  with agg as (
    select t, i, j, sum(v) as total, coalesce(sum(v) filter (where k in (select k from ht)), 0) as hightech
    from read_csv(${q(input)}, header = true, columns = {'t': 'INTEGER', 'i': 'INTEGER', 'j': 'INTEGER', 'k': 'INTEGER', 'v': 'DOUBLE', 'q': 'VARCHAR'})
    group by t, i, j)
  select agg.t, a.geo, b.geo, sum(total), sum(hightech)
  from agg join areas a on a.code = agg.i join areas b on b.code = agg.j
  group by all`)
).getRows();
const seconds = (performance.now() - t0) / 1000;
process.stdout.write(JSON.stringify({ seconds, maxRssKb: process.resourceUsage().maxRSS, pairs: rows.map((r) => r.map((c) => (typeof c === 'bigint' ? Number(c) : c))) }));
