import { dataError } from '../errors.js';
import { baciMsg } from '../messages.js';
import { openDuckdb, sql } from './duckdb-read.js';
import type { ScanJob } from './job.js';
import { hs6, type BaciRelease } from './release.js';

/** What the DuckDB engine calls a repeated key (a cell with more rows than products). */
export const REPEATED = 'a repeated t,i,j,k';

/** A row's year other than the one the file's name says (E_BACI_OTHER_YEAR on the CSV paths). */
export const otherYear = (named: number) => `a year other than ${named}, the year its name says`;

/**
 * The first bad row of a Parquet file by row number (Parquet has no lines), and what is wrong with
 * it, checked in the byte scanner's order: year (4 digits, then the file name's), areas, product, value, repeated key (a row whose
 * t,i,j,k an earlier row has, looked for only in `repeatCells`, the cells with more rows than
 * products — every row of the file when there are more than 10,000), missing value. `problem`,
 * what the scan found, when no row is found.
 */
export async function parquetProblem(job: ScanJob, release: BaciRelease, problem: string, repeatCells: number[]) {
  const { con, close } = await openDuckdb();
  try {
    const int = (c: string) => `try_cast(${c} as integer)`;
    const file = `read_parquet(${sql(job.file)}, file_row_number = true)`;
    const areas = [...release.areas.keys()].join(',');
    const products = release.products === undefined ? `${int('k')} between 0 and 999999` : `${int('k')} in (${[...release.products].join(',')})`;
    const value = 'try_cast(v as double)';
    const inCells = repeatCells.length > 10_000 ? '' : `where (try_cast(t as bigint) * 10000 + try_cast(i as bigint)) * 10000 + try_cast(j as bigint) in (${repeatCells.join(',')})`;
    const repeats = repeatCells.length === 0 ? 'false' : `row in (select row from (select file_row_number + 1 as row, row_number() over (partition by t, i, j, k order by file_row_number) as nth from ${file} ${inCells}) where nth > 1)`;
    const q = `select row, t, i, j, k, v, problem from (select file_row_number + 1 as row, t, i, j, k, v, case
        when ${int('t')} is null or ${int('t')} not between 1000 and 9999 then 'a year that is not 4 digits'
        when ${release.year === undefined ? 'false' : `${int('t')} <> ${release.year}`} then ${sql(otherYear(release.year ?? 0))}
        when ${int('i')} is null or ${int('i')} not in (${areas}) or ${int('j')} is null or ${int('j')} not in (${areas}) then 'an area not in the dictionary'
        when ${int('k')} is null or not (${products}) then 'a product not in the release'
        when v is not null and not (${value} is not null and isfinite(${value})) then 'a cell that is not a number'
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
