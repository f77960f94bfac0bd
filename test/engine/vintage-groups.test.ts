import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeYear } from '../../bench/generate.js';
import { toParquet } from './baci-hand-made.js';
import { scanTrade } from '../../src/engine/index.js';
import { loadFile } from '../../src/loaders/load.js';
import { countryRegistry } from '../../src/model/countries.js';
import type { CanonicalRow } from '../../src/model/types.js';
import { tradeReducer } from '../../src/trade/aggregate.js';
import { resolveProducts } from '../../src/trade/products.js';
import { convertCode, describeChange } from '../../src/trade/vintages.js';
import { allRows, cli, tmpDir } from '../helpers.js';

// A product group of another HS vintage than the BACI file's (H6:… on an HS17 year, the HS2017
// high-tech list on an HS12 year) goes through the byte scanner and DuckDB (CSV and Parquet) and
// gives exactly the per-row path's rows: codes converted 1:1, split or merged codes in the coverage
// notes' refusals (which annotateProducts turns into E_PRODUCT_VINTAGE). Every file here is
// SYNTHETIC: hand-made rows, or a year written by bench/generate.ts, with the real V202301 dictionaries.

// 290311 is unchanged HS2017 → HS2022, 290331 is renumbered 290362, 290339 is split (1:n) and
// 854231 shares content with other codes (n:n); 381800 is unchanged; 847130 is outside every group.
const ROWS = ['2018,156,392,290311,10.5,1', '2018,156,410,290331,20,1', '2018,392,156,290339,30.25,1', '2018,842,156,854231,40,1', '2018,410,842,381800,50.001,1', '2018,156,392,381800,60,1', '2018,842,392,847130,70,1', '2018,392,410,290331,80,1'];
const CLEAN = ROWS.filter((r) => !r.includes('290339') && !r.includes('854231'));
const GROUPS = ['TOTAL', 'H6:2903', 'H6:290362,290311', 'H6:3818', 'H6:8542', 'hightech'];

function baci(lines: string[], name = 'BACI_HS17_Y2018_V202301_SYNTHETIC.csv'): string {
  const dir = tmpDir();
  writeYear(dir, 2018, 10); // the release's dictionaries beside the file
  const file = join(dir, name);
  writeFileSync(file, `t,i,j,k,v,q\n${lines.join('\n')}\n`);
  return file;
}

const byKey = (rows: CanonicalRow[]) => new Map(rows.map((r) => [`${r.measure}|${r.geo}|${r.partner}|${r.year}`, r.codes === undefined ? r.value : JSON.stringify(r.codes)]));

/** The per-row path's rows, and those of the byte scanner (whole and in ranges), DuckDB on the CSV and on its Parquet. */
async function everyPath(file: string, specs: string[]) {
  const groups = specs.map(resolveProducts);
  const countries = countryRegistry();
  const perRow = byKey(allRows(await loadFile(file, { countries, reducer: () => tradeReducer(groups) })));
  const opts = { groups, countries, cache: false };
  const parquet = await toParquet(file);
  const engines = {
    js: await scanTrade(file, file, 'baci-csv', { ...opts, engine: 'js' }),
    ranges: await scanTrade(file, file, 'baci-csv', { ...opts, engine: 'js', split: { workers: 2, rangeBytes: Math.ceil(statSync(file).size / 3) } }),
    duckdb: await scanTrade(file, file, 'baci-csv', { ...opts, engine: 'duckdb' }),
    parquet: await scanTrade(parquet, file, 'baci-parquet', { ...opts, engine: 'auto' }),
  };
  return { perRow, engines };
}

describe('a product group of another HS vintage through the engines', () => {
  it('hand-made HS17 year: every engine gives the per-row path\'s sums and coverage notes, refusals included', async () => {
    const { perRow, engines } = await everyPath(baci(ROWS), GROUPS);
    for (const [name, loaded] of Object.entries(engines)) {
      expect(loaded?.summary.engine, name).toBe(name === 'ranges' ? 'js' : name === 'parquet' ? 'duckdb' : name);
      expect(byKey(allRows(loaded)), name).toEqual(perRow);
    }
    // What the notes say (and so what every path refuses): 290339 and 854231 by name; 290331 counted as 290362.
    const note = (group: string) => JSON.parse(perRow.get(`trade-codes:X:${group}|WLD|null|2018`) as string) as { present: string[]; refused: string[] };
    const change = (code: string) => describeChange((convertCode(code, 'H5', 'H6') as { change: Parameters<typeof describeChange>[0] }).change);
    expect(note('H6:2903')).toEqual({ vintages: ['H5'], present: ['290311', '290362'], refused: [change('290339')] });
    expect(note('H6:8542')).toEqual({ vintages: ['H5'], present: [], refused: [change('854231')] });
    expect(note('H6:3818').refused).toEqual([]);
    expect(perRow.get('trade:X:H6:290362,290311|WLD|WLD|2018')).toBe(10500 + 20000 + 80000);
    expect(perRow.get('trade:X:H6:3818|WLD|WLD|2018')).toBe(50001 + 60000);
    // No code of H6:8542 could be counted (854231 is refused by name): the year has rows, so its sum is 0 (test/engine/zero-world.test.ts), and any result using it is refused.
    expect(perRow.get('trade:X:H6:8542|WLD|WLD|2018')).toBe(0);
  });

  it('generated HS17 year (20,000 rows): chapters in HS2022 and HS2012 give the per-row path\'s rows on every engine', async () => {
    const { perRow, engines } = await everyPath(writeYear(tmpDir(), 2018, 20_000), ['H6:29', 'H6:01,02,03', 'H4:84', 'H6:84,85', 'H6:3818,290362']);
    expect(perRow.size).toBeGreaterThan(1000);
    for (const g of ['H6:29', 'H4:84']) {
      const note = JSON.parse(perRow.get(`trade-codes:M:${g}|WLD|null|2018`) as string) as { present: string[]; refused: string[] };
      expect(note.present.length, g).toBeGreaterThan(100);
      expect(note.refused.length, g).toBeGreaterThan(5);
    }
    for (const [name, loaded] of Object.entries(engines)) expect(byKey(allRows(loaded)), name).toEqual(perRow);
  });

  it('an HS12 year: the HS2017 high-tech list converted, an HS2022 list refused for want of an HS2012–HS2022 table', async () => {
    const file = baci(CLEAN, 'BACI_HS12_Y2018_V202301_SYNTHETIC.csv');
    const { perRow, engines } = await everyPath(file, ['TOTAL', 'hightech', 'H6:3818']);
    for (const [name, loaded] of Object.entries(engines)) expect(byKey(allRows(loaded)), name).toEqual(perRow);
    expect(JSON.parse(perRow.get('trade-codes:X:H6:3818|WLD|null|2018') as string).refused).toEqual(['381800 (HS2012): no HS2012–HS2022 correlation for it in data/products/hs-correlation.csv']);
  });
});

describe('on the command line', () => {
  // Import shares of one reporter from one partner (reporter, partner first in `pair`).
  const run = (input: string, pair: [string, string], products: string, ...extra: string[]) =>
    cli('compute', '--input', input, '--no-sample', '--indicator', 'import-source-share', '--reporter', pair[0], '--partners', pair[1], '--year', '2018', '--products', products, '--format', 'json', ...extra);
  const out = (stdout: string) => JSON.parse(stdout) as { results: { value: number | null }[]; inputs: { engine?: string }[] };

  it('the scanner (not the per-row path) reads the year: inputs[].engine names it; refusals by name on every engine', async () => {
    const clean = baci(CLEAN);
    const parquet = await toParquet(clean);
    for (const [input, engine, want] of [[clean, 'js', 'js'], [clean, 'duckdb', 'duckdb'], [parquet, 'auto', 'duckdb']] as const) {
      const r = await run(input, ['JPN', 'CHN'], 'H6:3818', '--engine', engine, '--no-cache');
      expect(r.code, r.stderr).toBe(0);
      expect(out(r.stdout).inputs[0]?.engine).toBe(want);
      expect(out(r.stdout).results[0]?.value).toBe(100); // JPN imports 381800 only from CHN
    }
    const bad = baci(ROWS);
    for (const engine of ['js', 'duckdb']) {
      const r = await run(bad, ['KOR', 'CHN'], 'H6:2903', '--engine', engine, '--no-cache');
      expect(r.code).toBe(1);
      const change = describeChange((convertCode('290339', 'H5', 'H6') as { change: Parameters<typeof describeChange>[0] }).change);
      expect(r.stderr.split('\n')[0]).toBe(`linkage: E_PRODUCT_VINTAGE: product group H6:2903 (HS2022) cannot take the HS2017 rows of 2018: ${change} (${bad})`);
    }
  });

  it('the aggregate cache keeps a group read in another vintage apart from the same codes as reported, and from another vintage of a product list', async () => {
    const clean = baci(CLEAN);
    const kor: [string, string] = ['KOR', 'CHN'];
    const first = await run(clean, kor, 'H6:290362');
    const again = await run(clean, kor, 'H6:290362');
    const asReported = await run(clean, kor, 'HS:290362');
    expect(first.code, first.stderr).toBe(0);
    expect(out(first.stdout).results[0]?.value).toBe(20); // HS2017 290331: KOR imports 20 from CHN, 80 from JPN
    expect(out(again.stdout).inputs[0]?.engine).toBe('cache');
    expect(out(again.stdout).results.map((x) => x.value)).toEqual(out(first.stdout).results.map((x) => x.value));
    // 290362 is an HS2022 code: as reported in an HS17 year it has no rows (290331 is its HS2017 code).
    expect(asReported.code).toBe(1);
    const list = join(tmpDir(), 'products.csv');
    writeFileSync(list, 'code,classification\n290362,H6\n');
    const h6 = await run(clean, kor, list);
    writeFileSync(list, 'code,classification\n290362,H5\n');
    const h5 = await run(clean, kor, list);
    expect(out(h6.stdout).results[0]?.value).toBe(20);
    expect(h5.code).toBe(1);
  });
});
