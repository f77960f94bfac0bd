import { copyFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rememberSha256 } from '../../src/engine/cache.js';
import { scanTrade } from '../../src/engine/index.js';
import { loadFile } from '../../src/loaders/load.js';
import { countryRegistry } from '../../src/model/countries.js';
import { tradeReducer } from '../../src/trade/aggregate.js';
import { resolveProducts } from '../../src/trade/products.js';
import { allRows, tmpDir } from '../helpers.js';

// A BACI year file holds one year (issue 8 audit): where the file name says its year, a row of
// another year is refused on every path (test/engine/engines.test.ts, parquet.test.ts); where it
// says none, rows of several years are read as before. SYNTHETIC rows written here.
const DICT = `country_code,country_name_abbreviation,country_name_full,iso_2digit_alpha,iso_3digit_alpha
156,China,China,CN,CHN
392,Japan,Japan,JP,JPN
`;
const ROWS = ['2017,156,392,854231,10.5,1', '2018,156,392,854231,20,1', '2018,392,156,854232,2.25,1'];

function baci(dir: string, name: string): string {
  writeFileSync(join(dir, 'country_codes_V202301.csv'), DICT);
  const file = join(dir, name);
  writeFileSync(file, `t,i,j,k,v,q\n${ROWS.join('\n')}\n`);
  return file;
}

const groups = [resolveProducts('TOTAL')];
const refusal = (e: Error & { oneLine?: () => string }) => e.oneLine?.() ?? e.message;

describe('the year a BACI file name says', () => {
  it('a name without a year: two years read on every path, with the same sums', async () => {
    const file = baci(tmpDir(), 'BACI_HS17_V202301.csv');
    const countries = countryRegistry();
    const rows = allRows(await loadFile(file, { countries, reducer: () => tradeReducer(groups) }));
    const value = (year: number) => rows.find((r) => r.measure === 'trade:X:TOTAL' && r.geo === 'CHN' && r.partner === 'JPN' && r.year === year)?.value;
    expect([value(2017), value(2018)]).toEqual([10500, 20000]);
    for (const engine of ['js', 'duckdb'] as const) {
      const scanned = allRows(await scanTrade(file, file, 'baci-csv', { groups, engine, countries, cache: false }));
      expect(scanned.length, engine).toBe(rows.length);
      expect(scanned.find((r) => r.measure === 'trade:X:TOTAL' && r.geo === 'CHN' && r.partner === 'JPN' && r.year === 2017)?.value, engine).toBe(10500);
    }
  });

  it('sums cached for the same bytes under a name without a year are not served for a name that says one', async () => {
    const countries = countryRegistry();
    const plain = baci(tmpDir(), 'BACI_HS17_V202301.csv');
    const cached = await scanTrade(plain, plain, 'baci-csv', { groups, engine: 'js', countries });
    expect(cached?.summary.engine).toBe('js');
    // The same bytes as a Y2018 file whose digest is remembered (as an entry written before the year was checked would be).
    const dir = tmpDir();
    const named = join(dir, 'BACI_HS17_Y2018_V202301.csv');
    writeFileSync(join(dir, 'country_codes_V202301.csv'), DICT);
    copyFileSync(plain, named);
    rememberSha256(named, statSync(named), cached?.summary.sha256 ?? '');
    const got = await scanTrade(named, named, 'baci-csv', { groups, engine: 'js', countries }).then(() => 'accepted', refusal);
    expect(got).toBe(`a BACI row of year 2017 in a file whose name says Y2018 (a BACI year file holds one year) (${named}:2:t)`);
  });
});
