import { describe, expect, it } from 'vitest';
import { writeYear } from '../../bench/generate.js';
import { scanTrade } from '../../src/engine/index.js';
import { loadFile } from '../../src/loaders/load.js';
import { countryRegistry } from '../../src/model/countries.js';
import type { CanonicalRow } from '../../src/model/types.js';
import { tradeReducer } from '../../src/trade/aggregate.js';
import { resolveProducts } from '../../src/trade/products.js';
import { allRows, cli, shared, tmpDir } from '../helpers.js';
import { handMade, inRanges, ROWS } from './baci-hand-made.js';

// Same answers, same refusals: every trade file the tests use goes through the per-row path
// (src/loaders/baci.ts + tradeReducer), the byte scanner (--engine js; also split into byte ranges
// scanned by worker threads, as big files are) and DuckDB (--engine duckdb), and every number is
// compared (the same refusals: refusals.test.ts). Files here are SYNTHETIC (./baci-hand-made.ts, or bench/generate.ts from the real BACI
// V202301 dictionaries), plus the real Comtrade extracts under ../shared/data.
const GROUPS = ['TOTAL', 'hs84-85', 'hightech', 'HS:8542,30'].map(resolveProducts);
const byKey = (rows: CanonicalRow[]) => new Map(rows.map((r) => [`${r.measure}|${r.geo}|${r.partner}|${r.year}`, r.codes === undefined ? r.value : JSON.stringify(r.codes)]));


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
  // Identical results prove nothing if one engine quietly handed the file to another (DuckDB gives
  // a file it cannot read to the byte scanner): each run's input must say the engine that read it —
  // the one asked for (auto: the scanner, for a CSV) on a BACI file, none on a Comtrade file (the
  // per-row path reads it whatever the engine).
  it('the trade ladder, every indicator, through --engine js, duckdb and auto: identical results, each from the engine asked for', async () => {
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
        if (r.code !== 0) {
          outs.push(r.stderr);
          continue;
        }
        const out = JSON.parse(r.stdout) as { results: unknown[]; inputs: { file: string; engine?: string }[] };
        const read = out.inputs.find((i) => i.file === input);
        expect(read, `${name} ${engine}: the input's summary`).toBeDefined();
        expect(read?.engine, `${name} ${engine}: the engine that read it`).toBe(input === baci ? (engine === 'duckdb' ? 'duckdb' : 'js') : undefined);
        outs.push(out.results);
      }
      expect(outs[1], name).toEqual(outs[0]);
      expect(outs[2], name).toEqual(outs[0]);
    }
  });
});

describe('an engine that hands a file to another says so', () => {
  // A line of commas is blank to the byte scanner and the per-row path (skipped), a row that is
  // not numbers to DuckDB's reader: DuckDB gives the file to the byte scanner, which reads it. The
  // sums are right, and the input says the scanner read them (it said duckdb before).
  it('a line of commas: --engine duckdb answers with the byte scanner\'s sums, and the input says js', async () => {
    const file = handMade([...ROWS.slice(0, 4), ',,,,,', ...ROWS.slice(4)]);
    const args = ['compute', '--input', file, '--indicator', 'trade-intra-share', '--group', 'CJK', '--year', '2018', '--no-cache', '--format', 'json'];
    const [js, duck] = [await cli(...args, '--engine', 'js'), await cli(...args, '--engine', 'duckdb')];
    expect(duck.code, duck.stderr).toBe(0);
    type Out = { results: unknown[]; inputs: { file: string; engine?: string }[] };
    const [a, b] = [JSON.parse(js.stdout) as Out, JSON.parse(duck.stdout) as Out];
    expect(b.results).toEqual(a.results);
    expect(b.inputs.find((i) => i.file === file)?.engine).toBe('js');
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
