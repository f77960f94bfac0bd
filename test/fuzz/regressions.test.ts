import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanTrade } from '../../src/engine/index.js';
import { loadFile } from '../../src/loaders/load.js';
import { countryRegistry } from '../../src/model/countries.js';
import { tradeReducer } from '../../src/trade/aggregate.js';
import { resolveProducts } from '../../src/trade/products.js';
import { allRows, tmpDir } from '../helpers.js';

// Minimal cases the loader fuzzer found (test/fuzz/loaders.test.ts), saved as synthetic files.

/** A synthetic BACI year with its (three-country) dictionary beside it; `rows` are `i,j,k,v`. */
function baci(rows: string[]): string {
  const dir = tmpDir();
  writeFileSync(join(dir, 'country_codes_V202301.csv'), 'country_code,country_name_abbreviation,country_name_full,iso_2digit_alpha,iso_3digit_alpha\n156,China,China,CN,CHN\n392,Japan,Japan,JP,JPN\n410,Rep. of Korea,Republic of Korea,KR,KOR\n');
  const file = join(dir, 'BACI_HS17_Y2017_V202301.csv');
  writeFileSync(file, `t,i,j,k,v,q\n${rows.map((r) => `2017,${r},1`).join('\n')}\n`);
  return file;
}

describe('fuzz regressions', () => {
  // Found by the `number` mutation (1.7976931348623157e308 and 1e-320 put into v): a value whose
  // shortest text has an exponent became `Number("1e+21e3")` = NaN when scaled to US$, so a finite
  // value was refused as E_NOT_FINITE (per-row path) or summed as NaN (scanner's slow path).
  it('BACI values written with an exponent scale to US$ exactly (per-row loader and js scanner)', async () => {
    const file = baci(['156,392,854231,1e21', '392,156,854231,1e-7', '156,410,854231,2.5E+2']);
    const loaded = await loadFile(file, { countries: countryRegistry() });
    const values = new Map(loaded.rows.map((r) => [`${r.measure}|${r.geo}|${r.partner}`, r.value]));
    expect(values.get('trade:X:H5:854231|CHN|JPN')).toBe(1e24);
    expect(values.get('trade:X:H5:854231|JPN|CHN')).toBe(1e-4);
    expect(values.get('trade:M:H5:854231|KOR|CHN')).toBe(250000);
    const js = await scanTrade(file, file, 'baci-csv', { groups: [resolveProducts('TOTAL')], engine: 'js', countries: countryRegistry(), cache: false });
    const perRow = await loadFile(file, { countries: countryRegistry(), reducer: () => tradeReducer([resolveProducts('TOTAL')]) });
    const sums = (rows: { measure: string; geo: string; partner: string | null; value: number | null }[]) => new Map(rows.map((r) => [`${r.measure}|${r.geo}|${r.partner}`, r.value]));
    expect(sums(allRows(js)).get('trade:X:TOTAL|CHN|JPN')).toBe(1e24);
    expect(sums(allRows(js)).get('trade:X:TOTAL|JPN|CHN')).toBe(1e-4);
    expect(sums(allRows(js))).toEqual(sums(perRow.rows));
  });
});
