import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeYear } from '../../bench/generate.js';
import { toParquet } from './baci-hand-made.js';
import type { Result } from '../../src/model/indicator.js';
import { cli, tmpDir } from '../helpers.js';

// Parquet end to end (issue 8): SYNTHETIC BACI years (bench/generate.ts, real V202301
// dictionaries) written as CSV, converted to Parquet by DuckDB's COPY (no network), and computed
// both ways: every number must be the same.
const LADDER = ['--indicator', 'trade-intra-share', '--indicator', 'trade-introversion', '--group', 'CJK', '--group', 'UFG', '--group', 'UCM', '--no-members'];
const values = (stdout: string) => (JSON.parse(stdout) as { results: Result[] }).results.map((r) => [r.indicator, r.geo, r.year, r.status, r.value, r.detail?.['intensity'] ?? null]);

/** A generated 2018 year (2,000 rows) with `edit` applied to its CSV lines, as Parquet; the ladder computed from it. */
async function refusal(edit: (lines: string[]) => void) {
  const dir = tmpDir();
  const csv = writeYear(dir, 2018, 2_000);
  const lines = readFileSync(csv, 'utf8').split('\n');
  edit(lines);
  writeFileSync(csv, lines.join('\n'));
  const parquet = join(dir, 'BACI_HS17_Y2018_V202301_BAD.parquet');
  await toParquet(csv, parquet);
  const r = await cli('compute', '--input', parquet, '--no-sample', ...LADDER, '--year', '2018', '--no-cache');
  return { r, lines, parquet };
}

async function compute(input: string, years: string, ...extra: string[]) {
  const r = await cli('compute', '--input', input, '--no-sample', ...LADDER, '--year', years, '--format', 'json', '--no-cache', ...extra);
  expect(r.code, r.stderr).toBe(0);
  return values(r.stdout);
}

describe('BACI as Parquet, end to end', () => {
  it('one Parquet year gives the CSV year\'s results (auto and --engine duckdb); --engine js is refused', async () => {
    const dir = tmpDir();
    const csv = writeYear(dir, 2018, 20_000);
    const parquetDir = tmpDir();
    for (const f of ['country_codes_V202301.csv', 'product_codes_HS17_V202301.csv']) writeFileSync(join(parquetDir, f), readFileSync(join(dir, f)));
    const parquet = join(parquetDir, 'BACI_HS17_Y2018_V202301_SYNTHETIC.parquet');
    await toParquet(csv, parquet);
    expect(readFileSync(parquet).subarray(0, 4).toString('latin1')).toBe('PAR1');
    const fromCsv = await compute(csv, '2018');
    expect(fromCsv.filter((r) => r[3] === 'ok').length).toBeGreaterThan(3);
    expect(await compute(parquet, '2018')).toEqual(fromCsv);
    expect(await compute(parquet, '2018', '--engine', 'duckdb')).toEqual(fromCsv);
    const js = await cli('compute', '--input', parquet, '--no-sample', ...LADDER, '--year', '2018', '--engine', 'js', '--no-cache');
    expect(js.code).toBe(2);
    expect(js.stderr).toContain('E_ENGINE_FORMAT');
  });

  it('a folder of Parquet years gives the CSV folder\'s results', async () => {
    const csvDir = tmpDir();
    const parquetDir = tmpDir();
    for (const y of [2016, 2017]) {
      const csv = writeYear(csvDir, y, 8_000);
      await toParquet(csv, join(parquetDir, `BACI_HS17_Y${y}_V202301_SYNTHETIC.parquet`));
    }
    for (const f of ['country_codes_V202301.csv', 'product_codes_HS17_V202301.csv']) writeFileSync(join(parquetDir, f), readFileSync(join(csvDir, f)));
    const fromCsv = await compute(csvDir, '2016-2017');
    expect(new Set(fromCsv.map((r) => r[2]))).toEqual(new Set([2016, 2017]));
    expect(await compute(parquetDir, '2016-2017')).toEqual(fromCsv);
  });

  it('a bad Parquet row is refused with its row number, nothing on stdout', async () => {
    const { r } = await refusal((lines) => (lines[500] = (lines[500] as string).replace(/^(\d+,\d+,\d+,\d+,)[^,]+/, '$1-5')));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/E_PARQUET_ROW: Parquet file has a negative value at row 500 /);
  });

  // Found reviewing the engine: a repeated t,i,j,k or a year that is not 4 digits was refused
  // without a row ('Parquet file has a repeated t,i,j,k'), though the hint says to fix that row; and
  // the problem named came from whichever bad cell DuckDB listed first, the row from another check.
  // [name, edit of the CSV's lines (line n = row n), the refusal's problem and row]
  const cases: [string, (lines: string[]) => void, (lines: string[]) => string][] = [
    ['a repeated t,i,j,k (another value)', (l) => l.splice(700, 0, `${fields(l[300])},1.5,1`), (l) => `a repeated t,i,j,k at row 700 (${named(l[700])})`],
    ['a year of two digits', (l) => (l[400] = (l[400] as string).replace(/^2018,/, '99,')), (l) => `a year that is not 4 digits at row 400 (${named(l[400])})`],
    // Issue 8 audit: a BACI year file holds one year; a row of another year was summed.
    ['a year other than the file name\'s', (l) => (l[450] = (l[450] as string).replace(/^2018,/, '2017,')), (l) => `a year other than 2018, the year its name says at row 450 (${named(l[450])})`],
    ['a bad year before a negative value: the first in file order, with its own problem', (l) => {
      l[150] = (l[150] as string).replace(/^2018,/, '99,');
      l[600] = (l[600] as string).replace(/^(\d+,\d+,\d+,\d+,)[^,]+/, '$1-5');
    }, (l) => `a year that is not 4 digits at row 150 (${named(l[150])})`],
    ['a repeated t,i,j,k before a negative value', (l) => {
      l[600] = (l[600] as string).replace(/^(\d+,\d+,\d+,\d+,)[^,]+/, '$1-5');
      l.splice(300, 0, `${fields(l[100])},2.5,1`);
    }, (l) => `a repeated t,i,j,k at row 300 (${named(l[300])})`],
  ];
  for (const [name, edit, expected] of cases) {
    it(`${name}: refused with its row`, async () => {
      const { r, lines, parquet } = await refusal(edit);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')[0]).toBe(`linkage: E_PARQUET_ROW: Parquet file has ${expected(lines)} (${parquet})`);
    });
  }
});

/** t,i,j,k of a CSV line. */
function fields(line: string | undefined): string {
  return (line ?? '').split(',').slice(0, 4).join(',');
}

/** A row as the Parquet refusal names it: t, i, j, k (six digits), v (as DuckDB prints a DOUBLE). */
function named(line: string | undefined): string {
  const [t, i, j, k, v] = (line ?? '').split(',') as [string, string, string, string, string];
  return `t=${t} i=${i} j=${j} k=${k.padStart(6, '0')} v=${String(Number(v))}`;
}
