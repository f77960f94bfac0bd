import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeYear } from '../../bench/generate.js';
import { scanWithDuckdb } from '../../src/engine/duckdb.js';
import { scanTrade } from '../../src/engine/index.js';
import { baciRelease } from '../../src/engine/release.js';
import { countryRegistry } from '../../src/model/countries.js';
import type { CanonicalRow } from '../../src/model/types.js';
import { resolveProducts } from '../../src/trade/products.js';
import { allRows, tmpDir } from '../helpers.js';

// The DuckDB engine's cells (year × exporter × importer, products as a bit string) against the byte
// scanner on SYNTHETIC files written here: two years in one file, and a release without a product
// list (an HS12 file with no product_codes_HS12 beside it: the file's own codes are numbered).
const DICT = `country_code,country_name_abbreviation,country_name_full,iso_2digit_alpha,iso_3digit_alpha
156,China,China,CN,CHN
392,Japan,Japan,JP,JPN
410,Rep. of Korea,Republic of Korea,KR,KOR
842,USA,USA,US,USA
`;
const ROWS = ['2018,156,392,854231,10.5,1', '2018,156,392,854232,2,1', '2018,156,410,10121,20,1', '2018,392,156,854231,30,1', '2018,842,156,999999,4.25,1'];

function file(name: string, lines: string[]): string {
  const dir = tmpDir();
  writeFileSync(join(dir, 'country_codes_V202301.csv'), DICT);
  const path = join(dir, name);
  writeFileSync(path, `t,i,j,k,v,q\n${lines.join('\n')}\n`);
  return path;
}

const byKey = (rows: CanonicalRow[]) => new Map(rows.map((r) => [`${r.measure}|${r.geo}|${r.partner}|${r.year}`, r.codes === undefined ? r.value : JSON.stringify(r.codes)]));

async function both(path: string) {
  const run = (engine: 'js' | 'duckdb') =>
    scanTrade(path, path, 'baci-csv', { groups: [resolveProducts('TOTAL')], engine, countries: countryRegistry(), cache: false }).then(
      (l) => (l === undefined ? 'declined' : byKey(allRows(l))),
      (e: Error & { oneLine?: () => string }) => e.oneLine?.() ?? e.message,
    );
  return { js: await run('js'), duck: await run('duckdb') };
}

/**
 * DuckDB's own answer: a file it cannot read, or one with a problem, is handed to the byte scanner
 * (which names the line), and that fallback would make any comparison pass. The outcome says which
 * engine gave the sums.
 */
async function answeredByDuckdb(path: string): Promise<boolean> {
  const outcome = await scanWithDuckdb({ file: path, label: path, groups: [resolveProducts('TOTAL'), resolveProducts('hs84-85')] }, baciRelease(path, path, countryRegistry()), 'baci-csv');
  return outcome.engine === 'duckdb';
}

describe('DuckDB engine cells', () => {
  it('a clean generated year (real dictionaries) is answered by DuckDB itself, not by the fallback', async () => {
    expect(await answeredByDuckdb(writeYear(tmpDir(), 2018, 5_000))).toBe(true);
  });

  it('two years in one file (its name says no year): the same t,i,j,k in each year is not a repeat; sums and product coverage per year', async () => {
    const path = file('BACI_HS17_V202301.csv', [...ROWS, ...ROWS.map((r) => r.replace('2018', '2019').replace('10.5', '11'))]);
    expect(await answeredByDuckdb(path)).toBe(true);
    const { js, duck } = await both(path);
    expect(js).toBeInstanceOf(Map);
    expect(duck).toEqual(js);
    expect((js as Map<string, unknown>).get('trade:X:TOTAL|CHN|JPN|2019')).toBe(13000);
  });

  it('no release product list: the file\'s own codes; the same sums and coverage as the byte scanner', async () => {
    const path = file('BACI_HS12_Y2018_V202301.csv', ROWS);
    expect(await answeredByDuckdb(path)).toBe(true);
    const { js, duck } = await both(path);
    expect(js).toBeInstanceOf(Map);
    expect(duck).toEqual(js);
    expect((js as Map<string, unknown>).get('trade:X:TOTAL|CHN|JPN|2018')).toBe(12500);
  });

  // [name, rows, refusal of both engines]
  const refusals: [string, string[], string][] = [
    ['repeated key', [...ROWS, '2018,156,410,10121,7,1'], 'duplicate BACI row t=2018 i=156 j=410 k=010121 (FILE:7)'],
    ['code of seven digits', [...ROWS.slice(0, 2), '2018,156,410,1234567,7,1'], 'product code "1234567" is not an HS six-digit code (FILE:4:k)'],
  ];
  for (const [name, lines, expected] of refusals) {
    it(`no release product list, ${name}: refused with file and line by both engines`, async () => {
      const path = file('BACI_HS12_Y2018_V202301.csv', lines);
      const { js, duck } = await both(path);
      expect(js).toBe(expected.replace('FILE', path));
      expect(duck).toBe(js);
    });
  }
});
