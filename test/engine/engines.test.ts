import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeYear } from '../../bench/generate.js';
import { scanTrade } from '../../src/engine/index.js';
import { loadFile } from '../../src/loaders/load.js';
import { countryRegistry } from '../../src/model/countries.js';
import type { CanonicalRow } from '../../src/model/types.js';
import { tradeReducer } from '../../src/trade/aggregate.js';
import { resolveProducts } from '../../src/trade/products.js';
import { allRows, cli, shared, tmpDir } from '../helpers.js';

// Same answers, same refusals: every trade file the tests use goes through the per-row path
// (src/loaders/baci.ts + tradeReducer), the byte scanner (--engine js; also split into byte ranges
// scanned by worker threads, as big files are) and DuckDB (--engine duckdb), and every number is
// compared. Files here are SYNTHETIC (written below or by bench/generate.ts from the real BACI
// V202301 dictionaries), plus the real Comtrade extracts under ../shared/data.
const GROUPS = ['TOTAL', 'hs84-85', 'hightech', 'HS:8542,30'].map(resolveProducts);
const DICT = `country_code,country_name_abbreviation,country_name_full,iso_2digit_alpha,iso_3digit_alpha
156,China,China,CN,CHN
392,Japan,Japan,JP,JPN
410,Rep. of Korea,Republic of Korea,KR,KOR
842,USA,"USA, Puerto Rico and US Virgin Islands",US,USA
76,Brazil,Brazil,BR,BRA
729,Sudan,Sudan,SD,SDN
736,Fmr Sudan,Former Sudan,SD,SDN
849,US Misc. Pacific Isds,US Miscellaneous Pacific Islands,N/A,N/A
`;
// Hand-made rows: a self-flow, an area without ISO3 (849), two numbers for one economy (729, 736),
// product 271000 (in the release's list, not in linkage's HS2017 list), a code with its leading
// zero lost (10121), CRLF line ends. (A row without a value is refused: see the refusals below.)
const ROWS = [
  '2018,156,392,854231,10.5,1',
  '2018,156,410,854231,20,1',
  '2018,156,842,300490,70.125,NA',
  '2018,392,156,854231,30,1',
  '2018,392,842,847130,70,1',
  '2018,410,156,854231,40,',
  '2018,410,842,10121,60.001,1',
  '2018,842,156,271000,100,1',
  '2018,842,392,854232,50,1',
  '2018,842,76,854231,300,1',
  '2018,842,849,271000,5.5,',
  '2018,156,156,854231,7,1',
  '2018,729,156,847130,3,1',
  '2018,736,156,847130,4,1',
  '2018,392,410,854231,12,1',
];

function release(dir: string): void {
  writeFileSync(join(dir, 'country_codes_V202301.csv'), DICT);
  writeFileSync(join(dir, 'product_codes_HS17_V202301.csv'), readFileSync(shared('comtrade', 'reference', 'product_codes_HS17_V202301.csv')));
}

function handMade(lines: string[] = ROWS, name = 'BACI_HS17_Y2018_V202301.csv', eol = '\r\n'): string {
  const dir = tmpDir();
  release(dir);
  const file = join(dir, name);
  writeFileSync(file, `t,i,j,k,v,q${eol}${lines.join(eol)}${eol}`);
  return file;
}

const byKey = (rows: CanonicalRow[]) => new Map(rows.map((r) => [`${r.measure}|${r.geo}|${r.partner}|${r.year}`, r.codes === undefined ? r.value : JSON.stringify(r.codes)]));

/** The byte scanner forced to split the file into three ranges scanned by two worker threads (ScanJob.split). */
const inRanges = (file: string) => ({ workers: 2, rangeBytes: Math.ceil(statSync(file).size / 3) });

async function threeWays(file: string) {
  const countries = countryRegistry();
  const perRow = await loadFile(file, { countries, reducer: () => tradeReducer(GROUPS) });
  const js = await scanTrade(file, file, 'baci-csv', { groups: GROUPS, engine: 'js', countries, cache: false });
  const duck = await scanTrade(file, file, 'baci-csv', { groups: GROUPS, engine: 'duckdb', countries, cache: false });
  const ranges = await scanTrade(file, file, 'baci-csv', { groups: GROUPS, engine: 'js', countries, cache: false, split: inRanges(file) });
  if (js === undefined || duck === undefined || ranges === undefined) throw new Error('an engine declined an HS17 file');
  return { perRow, js, duck, ranges };
}

/**
 * The parallel byte scan adds each range's partial sums in range order, which can differ from a
 * running sum over the file in the last bits: its values are compared with a relative tolerance of
 * 1e-12 (keys, coverage notes and missing values exactly); every other engine exactly.
 */
function expectClose(got: Map<string, unknown>, want: Map<string, unknown>): void {
  expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
  for (const [k, w] of want) {
    const g = got.get(k);
    if (typeof w === 'number' && typeof g === 'number') expect(Math.abs(g - w), k).toBeLessThanOrEqual(1e-12 * Math.abs(w));
    else expect(g, k).toEqual(w);
  }
}

describe('every engine gives the same sums', () => {
  it('hand-made BACI file: per-row path, byte scanner and DuckDB agree on every row', async () => {
    const { perRow, js, duck, ranges } = await threeWays(handMade());
    const expected = byKey(allRows(perRow));
    expect(expected.size).toBeGreaterThan(50);
    expect(byKey(allRows(js))).toEqual(expected);
    expect(byKey(allRows(duck))).toEqual(expected);
    expectClose(byKey(allRows(ranges)), expected);
    for (const l of [js, duck, ranges]) {
      expect(l.summary.sha256).toBe(perRow.summary.sha256);
      expect(l.summary.skipped).toEqual(perRow.summary.skipped);
      expect(l.summary.rows).toBe(perRow.summary.rows);
    }
    // Item 4: the N/A area has a pseudo-code and counts in the world total; 271000 is accepted.
    expect(expected.get('trade:X:TOTAL|USA|X849|2018')).toBe(5500);
    expect(expected.get('trade:X:TOTAL|WLD|WLD|2018')).toBe(10500 + 20000 + 70125 + 30000 + 70000 + 40000 + 60001 + 100000 + 50000 + 300000 + 5500 + 7000 + 3000 + 4000 + 12000);
    expect(expected.get('trade:X:TOTAL|SDN|CHN|2018')).toBe(7000);
    expect(perRow.summary.skipped.reasons).toEqual({});
  });

  it('generated BACI year (real dictionaries, 20,000 rows): the three paths agree', async () => {
    const file = writeYear(tmpDir(), 2019, 20_000);
    const { perRow, js, duck, ranges } = await threeWays(file);
    const expected = byKey(allRows(perRow));
    expect(expected.size).toBeGreaterThan(5000);
    expect(byKey(allRows(js))).toEqual(expected);
    expect(byKey(allRows(duck))).toEqual(expected);
    expectClose(byKey(allRows(ranges)), expected);
  });

  const corpus: [string, string[]][] = [
    ['legacy', [shared('comtrade', 'legacy', 'chn-total-by-partner-2014-2018.csv'), '--indicator', 'import-source-share', '--reporter', 'CHN', '--partners', 'JPN,KOR', '--year', '2014-2018']],
    ['plus', [shared('comtrade', 'plus', 'chn-deu-usa-total-by-partner-2022.csv'), '--indicator', 'export-destination-share', '--reporter', 'USA', '--partners', 'CAN,MEX', '--year', '2022']],
    ['json', [shared('comtrade', 'plus', 'api-response-chn-2010-total.json'), '--indicator', 'trade-matrix', '--group', 'PAIR=CHN,DEU', '--year', '2010']],
  ];
  it('the trade ladder, every indicator, through --engine js, duckdb and auto: identical results', async () => {
    const baci = handMade();
    const runs: [string, string[]][] = [
      ...corpus,
      ...['trade-intra-share', 'trade-intensity', 'trade-introversion', 'trade-matrix'].flatMap((ind): [string, string[]][] =>
        ['exports', 'imports', 'total'].map((flow) => [`${ind} ${flow}`, [baci, '--indicator', ind, '--group', 'CJK', '--group', 'PAIR=USA,BRA', '--year', '2018', '--flow', flow]]),
      ),
      ['import-source-share', [baci, '--indicator', 'import-source-share', '--reporter', 'CHN', '--partners', 'JPN,KOR', '--year', '2018', '--products', 'hightech']],
      // A product group of another vintage than the file's: every engine reads it in the file's vintage.
      ['HS12 file, HS2017 list', [handMade(ROWS.filter((r) => !r.includes('271000')), 'BACI_HS12_Y2018_V202301.csv'), '--indicator', 'trade-intra-share', '--group', 'CJK', '--year', '2018', '--products', 'hightech']],
    ];
    for (const [name, [input, ...args]] of runs) {
      const outs = [];
      for (const engine of ['js', 'duckdb', 'auto']) {
        const r = await cli('compute', '--input', input as string, ...args, '--engine', engine, '--no-cache', '--format', 'json');
        // The HS12 file is refused by name on every engine (its codes' content changed); all others compute.
        expect(r.code, `${name} ${engine}: ${r.stderr}`).toBe(name.startsWith('HS12') ? 1 : 0);
        outs.push(r.code === 0 ? (JSON.parse(r.stdout) as { results: unknown[] }).results : r.stderr);
      }
      expect(outs[1], name).toEqual(outs[0]);
      expect(outs[2], name).toEqual(outs[0]);
    }
  });
});

describe('bilateral rows only among the economies asked about', () => {
  it('world totals stay whole; every kept row is the full scan\'s; pairs outside the set are left out', async () => {
    const file = writeYear(tmpDir(), 2019, 20_000);
    const countries = countryRegistry();
    const full = byKey(allRows(await scanTrade(file, file, 'baci-csv', { groups: GROUPS, engine: 'js', countries, cache: false })));
    const some = byKey(allRows(await scanTrade(file, file, 'baci-csv', { groups: GROUPS, engine: 'js', countries, cache: false, economies: new Set(['CHN', 'JPN', 'KOR', 'USA']) })));
    expect(some.size).toBeLessThan(full.size / 4);
    for (const [k, v] of some) expect(full.get(k)).toEqual(v);
    for (const [k, v] of full) {
      const [, geo, partner] = k.split('|');
      const world = (g: string | undefined) => g === 'WLD' || g === 'null';
      const inSet = (g: string | undefined) => ['CHN', 'JPN', 'KOR', 'USA'].includes(g ?? '');
      if (world(geo) || world(partner) || (inSet(geo) && inSet(partner))) expect(some.get(k), k).toEqual(v);
      else expect(some.has(k), k).toBe(false);
    }
  });
});

describe('every engine refuses the same rows, naming file and line', () => {
  // [name, rows, file name, message of every engine, message of the per-row path when it differs]
  const cases: [string, string[], string, string, string?][] = [
    ['negative value', [...ROWS.slice(0, 5), '2018,392,410,854233,-5,1', ...ROWS.slice(5)], 'BACI_HS17_Y2018_V202301.csv', 'negative trade value -5 (FILE:7:v)'],
    // Found by an acceptance trial: an empty v was skipped (counted only in JSON), so the pair's
    // sum looked plausible and was wrong. Every BACI row has a value: a row without one is refused.
    ['row without a value', [...ROWS.slice(0, 5), '2018,392,410,854233,,1', ...ROWS.slice(5)], 'BACI_HS17_Y2018_V202301.csv', 'a BACI row without a trade value v (every BACI row has one) (FILE:7:v)'],
    ['row with NA for its value', [...ROWS.slice(0, 9), '2018,392,410,854233,NA,1'], 'BACI_HS17_Y2018_V202301.csv', 'a BACI row without a trade value v (every BACI row has one) (FILE:11:v)'],
    ['repeated key with another value', [...ROWS, '2018,156,392,854231,11,1'], 'BACI_HS17_Y2018_V202301.csv', 'duplicate BACI row t=2018 i=156 j=392 k=854231 (FILE:17)'],
    ['unknown area', [...ROWS.slice(0, 2), '2018,156,999,854231,1,1', ...ROWS.slice(2)], 'BACI_HS17_Y2018_V202301.csv', 'BACI country code "999" is not in the release\'s country dictionary (FILE:4:j)'],
    ['unknown product', [...ROWS.slice(0, 3), '2018,156,392,123456,1,1'], 'BACI_HS17_Y2018_V202301.csv', "product code 123456 is not in the release's product list product_codes_HS17_V202301.csv (FILE:5:k)"],
    ['not a number', [...ROWS.slice(0, 3), '2018,156,392,854239,1x,1'], 'BACI_HS17_Y2018_V202301.csv', 'value "1x" in column v is not a number (FILE:5:v)'],
    ['row cut mid-field', [...ROWS.slice(0, 3), '2018,156,39'], 'BACI_HS17_Y2018_V202301.csv', 'BACI row has 3 fields, expected 6 (t,i,j,k,v,q) (FILE:5)'],
    // Issue 8, "what I will run": one corrupt row in the middle, one stray quote (a quote that never
    // closes would make the rest of the file one field), one repeated row with the same value.
    ['corrupt row in the middle', [...ROWS.slice(0, 7), '2018,156,\u0000\u00ff#garbage', ...ROWS.slice(7)], 'BACI_HS17_Y2018_V202301.csv', 'BACI row has 3 fields, expected 6 (t,i,j,k,v,q) (FILE:9)', 'the file looks binary, not CSV text (FILE:1)'],
    ['stray quote in the middle', [...ROWS.slice(0, 7), '2018,156,"392,854231,1,1', ...ROWS.slice(7)], 'BACI_HS17_Y2018_V202301.csv', 'a double quote in a BACI row (BACI has no quoted fields) (FILE:9:j)', 'BACI row has 3 fields, expected 6 (t,i,j,k,v,q) (FILE:9)'],
    // A field in balanced double quotes: DuckDB's reader took it as quoted and summed the row, as
    // the per-row path's CSV reader does; the byte scanner (the default engine) refuses it.
    ['quoted value', [...ROWS.slice(0, 7), '2018,156,392,854233,"1",1', ...ROWS.slice(7)], 'BACI_HS17_Y2018_V202301.csv', 'a double quote in a BACI row (BACI has no quoted fields) (FILE:9:v)', 'accepted'],
    ['quoted quantity', [...ROWS.slice(0, 7), '2018,156,392,854233,1,"1"', ...ROWS.slice(7)], 'BACI_HS17_Y2018_V202301.csv', 'a double quote in a BACI row (BACI has no quoted fields) (FILE:9:q)', 'accepted'],
    ['repeated row with the same value', [...ROWS.slice(0, 7), ROWS[6] as string, ...ROWS.slice(7)], 'BACI_HS17_Y2018_V202301.csv', `duplicate BACI row t=2018 i=410 j=842 k=010121 (FILE:9)`],
  ];
  for (const [name, lines, fileName, expected, perRowExpected] of cases) {
    it(`${name}: ${expected.replace(/ \(FILE.*/, '')}`, async () => {
      const file = handMade(lines, fileName, '\n');
      const args = ['--indicator', 'trade-intra-share', '--group', 'CJK', '--year', '2018', ...(name.includes('vintage') ? ['--products', 'hightech'] : [])];
      const perRow = await loadFile(file, { countries: countryRegistry(), reducer: () => tradeReducer([resolveProducts(name.includes('vintage') ? 'hightech' : 'TOTAL')]) }).then(
        () => 'accepted',
        (e: Error & { oneLine?: () => string }) => e.oneLine?.() ?? e.message,
      );
      expect(perRow).toBe((perRowExpected ?? expected).replace('FILE', file));
      // The byte scanner split into ranges (two workers) refuses with the sequential message and line.
      const split = await scanTrade(file, file, 'baci-csv', { groups: [resolveProducts('TOTAL')], engine: 'js', countries: countryRegistry(), cache: false, split: inRanges(file) }).then(
        () => 'accepted',
        (e: Error & { oneLine?: () => string }) => e.oneLine?.() ?? e.message,
      );
      expect(split, 'js in ranges').toBe(expected.replace('FILE', file));
      for (const engine of ['js', 'duckdb', 'auto']) {
        const output = join(tmpDir(), 'out.json');
        const r = await cli('compute', '--input', file, ...args, '--engine', engine, '--no-cache', '--output', output);
        expect(r.code, engine).toBe(1);
        expect(r.stdout).toBe('');
        expect(existsSync(output), `${engine}: no partial output`).toBe(false);
        expect(r.stderr.split('\n')[0], engine).toMatch(new RegExp(`^linkage: [EW]_[A-Z0-9_]+: `));
        expect((r.stderr.split('\n')[0] ?? '').replace(/^linkage: [EW]_[A-Z0-9_]+: /, ''), engine).toBe(expected.replace('FILE', file));
      }
    });
  }
});
