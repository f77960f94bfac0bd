import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanTrade } from '../../src/engine/index.js';
import { loadFile } from '../../src/loaders/load.js';
import { countryRegistry } from '../../src/model/countries.js';
import { tradeReducer } from '../../src/trade/aggregate.js';
import { resolveProducts } from '../../src/trade/products.js';
import { cli, tmpDir } from '../helpers.js';
import { handMade, inRanges, ROWS } from './baci-hand-made.js';

// Same refusals (issue 8): every path — the per-row loader, the byte scanner (whole and split into
// ranges scanned by worker threads), DuckDB and auto — refuses the same rows with the same code,
// file, line and column, exit 1 and no partial output. SYNTHETIC rows (./baci-hand-made.ts).
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
    ['not a number', [...ROWS.slice(0, 3), '2018,156,392,854239,1x,1'], 'BACI_HS17_Y2018_V202301.csv', 'BACI value "1x" in column v is not a number (FILE:5:v)'],
    // DuckDB's DOUBLE reader takes `1_000` for 1000 and `inf` for infinity; JS does neither.
    ['digits with an underscore', [...ROWS.slice(0, 3), '2018,156,392,854239,1_000,1'], 'BACI_HS17_Y2018_V202301.csv', 'BACI value "1_000" in column v is not a number (FILE:5:v)'],
    ['infinity', [...ROWS.slice(0, 3), '2018,156,392,854239,inf,1'], 'BACI_HS17_Y2018_V202301.csv', 'BACI value "inf" in column v is not a number (FILE:5:v)'],
    ['row cut mid-field', [...ROWS.slice(0, 3), '2018,156,39'], 'BACI_HS17_Y2018_V202301.csv', 'BACI row has 3 fields, expected 6 (t,i,j,k,v,q) (FILE:5)'],
    // Issue 8, "what I will run": one corrupt row in the middle, one stray quote (a quote that never
    // closes would make the rest of the file one field), one repeated row with the same value.
    ['corrupt row in the middle', [...ROWS.slice(0, 7), '2018,156,\u0000\u00ff#garbage', ...ROWS.slice(7)], 'BACI_HS17_Y2018_V202301.csv', 'BACI row has 3 fields, expected 6 (t,i,j,k,v,q) (FILE:9)', 'the file looks binary, not CSV text (FILE:1)'],
    ['stray quote in the middle', [...ROWS.slice(0, 7), '2018,156,"392,854231,1,1', ...ROWS.slice(7)], 'BACI_HS17_Y2018_V202301.csv', 'a double quote in a BACI row (BACI has no quoted fields) (FILE:9:j)'],
    // A field in balanced double quotes: DuckDB's reader took it as quoted and summed the row, as
    // the per-row path's CSV reader did (issue 8 audit); every path refuses it now.
    ['quoted value', [...ROWS.slice(0, 7), '2018,156,392,854233,"1",1', ...ROWS.slice(7)], 'BACI_HS17_Y2018_V202301.csv', 'a double quote in a BACI row (BACI has no quoted fields) (FILE:9:v)'],
    ['quoted quantity', [...ROWS.slice(0, 7), '2018,156,392,854233,1,"1"', ...ROWS.slice(7)], 'BACI_HS17_Y2018_V202301.csv', 'a double quote in a BACI row (BACI has no quoted fields) (FILE:9:q)'],
    ['quoted year', [...ROWS.slice(0, 7), '"2018",156,392,854233,1,1', ...ROWS.slice(7)], 'BACI_HS17_Y2018_V202301.csv', 'a double quote in a BACI row (BACI has no quoted fields) (FILE:9:t)'],
    // Issue 8 audit: DuckDB's reader drops empty fields at the end of a row and summed it.
    ['trailing comma', [...ROWS.slice(0, 7), '2018,156,392,854233,1.5,2,', ...ROWS.slice(7)], 'BACI_HS17_Y2018_V202301.csv', 'BACI row has 7 fields, expected 6 (t,i,j,k,v,q) (FILE:9)'],
    ['two trailing commas', [...ROWS.slice(0, 7), '2018,156,392,854233,1.5,,,', ...ROWS.slice(7)], 'BACI_HS17_Y2018_V202301.csv', 'BACI row has 8 fields, expected 6 (t,i,j,k,v,q) (FILE:9)'],
    ['row without q', [...ROWS.slice(0, 7), '2018,156,392,854233,1.5', ...ROWS.slice(7)], 'BACI_HS17_Y2018_V202301.csv', 'BACI row has 5 fields, expected 6 (t,i,j,k,v,q) (FILE:9)'],
    // Issue 8 audit: a BACI year file holds one year; a row of another year was summed on every path.
    ['row of another year than the file name\'s', [...ROWS.slice(0, 7), '2017,156,392,854233,1.5,2', ...ROWS.slice(7)], 'BACI_HS17_Y2018_V202301.csv', 'a BACI row of year 2017 in a file whose name says Y2018 (a BACI year file holds one year) (FILE:9:t)'],
    ['every row of another year than the file name\'s', ROWS.map((r) => r.replace(/^2018/, '2019')), 'BACI_HS17_Y2018_V202301.csv', 'a BACI row of year 2019 in a file whose name says Y2018 (a BACI year file holds one year) (FILE:2:t)'],
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

describe('a BACI value that is not a number', () => {
  // Found by an acceptance trial: the hint said to leave the cell empty, which BACI refuses too.
  it('is refused as corruption on every engine, with a hint that does not suggest an empty cell', async () => {
    const file = handMade([...ROWS.slice(0, 3), '2018,156,392,854239,1x5,1'], 'BACI_HS17_Y2018_V202301.csv', '\n');
    for (const engine of ['js', 'duckdb']) {
      const r = await cli('compute', '--input', file, '--indicator', 'trade-intra-share', '--group', 'CJK', '--year', '2018', '--engine', engine, '--no-cache');
      expect(r.code, engine).toBe(1);
      expect(r.stderr, engine).toMatch(/^linkage: E_BACI_NOT_NUMBER: /);
      expect(r.stderr, engine).toMatch(/download the release again/);
      expect(r.stderr, engine).not.toMatch(/leave it empty/);
    }
  });
});
