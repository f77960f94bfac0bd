import { loadFile } from '../src/loaders/load.js';
import { countryRegistry } from '../src/model/countries.js';
import { tradeReducer } from '../src/trade/aggregate.js';
import { resolveProducts } from '../src/trade/products.js';

/** One aggregate: exporter × importer × year, US$ (the trade ladder's input). */
export type Totals = Map<string, number>;

/** linkage: stream the CSV through the BACI loader with the scan-time product-group reduction. */
export async function linkageTotals(file: string): Promise<Totals> {
  const { rows } = await loadFile(file, { countries: countryRegistry(), reducer: () => tradeReducer([resolveProducts('TOTAL')]) });
  const out: Totals = new Map();
  for (const r of rows) if (r.measure === 'trade:X:TOTAL' && r.geo !== 'WLD' && r.partner !== 'WLD') out.set(`${r.geo}|${r.partner}|${r.year}`, r.value as number);
  return out;
}

/** DuckDB (the reference engine): the same aggregation as one SQL GROUP BY over the CSV. */
export async function duckdbTotals(file: string, dictionary: string): Promise<Totals> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const sql = `
    with d as (select country_code::varchar as code, case when iso_3digit_alpha = 'N/A' then 'X' || country_code else iso_3digit_alpha end as iso from read_csv('${dictionary}', header = true, all_varchar = true))
    select ei.iso as i, ej.iso as j, t::integer as t, sum(v::decimal(18,3)) * 1000 as v
    from read_csv('${file}', header = true, columns = {'t': 'VARCHAR', 'i': 'VARCHAR', 'j': 'VARCHAR', 'k': 'VARCHAR', 'v': 'VARCHAR', 'q': 'VARCHAR'})
    join d ei on ei.code = i join d ej on ej.code = j
    group by all`;
  const reader = await c.runAndReadAll(sql);
  const out: Totals = new Map();
  for (const [i, j, t, v] of reader.getRows()) out.set(`${String(i)}|${String(j)}|${String(t)}`, Number(String(v)));
  return out;
}
