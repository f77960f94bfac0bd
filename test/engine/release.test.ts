import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baciNames } from '../../src/engine/release.js';
import type { Result } from '../../src/model/indicator.js';
import { cli, shared, tmpDir } from '../helpers.js';

// SYNTHETIC BACI rows in the layouts of the releases named below (the product list is the real
// product_codes_HS17_V202301.csv, whose 271000 is not in linkage's own HS2017 list).
const NEW_DICT = 'country_code,country_name,country_iso2,country_iso3\n156,China,CN,CHN\n392,Japan,JP,JPN\n410,Rep. of Korea,KR,KOR\n842,USA,US,USA\n';
const OLD_DICT = 'country_code,country_name_abbreviation,country_name_full,iso_2digit_alpha,iso_3digit_alpha\n156,China,China,CN,CHN\n392,Japan,Japan,JP,JPN\n410,Rep. of Korea,Republic of Korea,KR,KOR\n';
const ROWS = 't,i,j,k,v,q\n2018,156,392,271000,10,1\n2018,392,156,271000,30,1\n2018,410,842,854231,60,1\n2018,842,156,854231,5,1\n';

function release(dict: string, version: string, extra: Record<string, string> = {}): string {
  const dir = tmpDir();
  writeFileSync(join(dir, `country_codes_${version}.csv`), dict);
  writeFileSync(join(dir, `product_codes_HS17_${version}.csv`), readFileSync(shared('comtrade', 'reference', 'product_codes_HS17_V202301.csv')));
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  const file = join(dir, `BACI_HS17_Y2018_${version}.csv`);
  writeFileSync(file, ROWS);
  return file;
}

const intra = (file: string, ...args: string[]) => cli('compute', '--input', file, '--no-sample', '--indicator', 'trade-intra-share', '--group', 'CJK', '--year', '2018', '--flow', 'exports', '--format', 'json', '--no-cache', ...args);

describe('the BACI release dictionary finder', () => {
  it('reads a corrected release stamp (V202401b) from the file name', () => {
    expect(baciNames('BACI_HS17_Y2018_V202401b.csv')).toMatchObject({ cls: 'H5', edition: '202401b', dataset: 'BACI HS17' });
    expect(baciNames('BACI_HS17_Y2018_V202301_SYNTHETIC.csv').edition).toBe('202301');
  });

  it('finds country_codes_V202401b.csv with the newer columns (country_iso3) and the release\'s product list', async () => {
    const r = await intra(release(NEW_DICT, 'V202401b'));
    expect(r.code, r.stderr).toBe(0);
    const res = (JSON.parse(r.stdout) as { results: Result[] }).results[0] as Result;
    expect(res.status, res.reason ?? '').toBe('ok');
    // CJK exports: CHN→JPN 10 and JPN→CHN 30 of CHN+JPN+KOR exports 10 + 30 + 60.
    expect(res.value).toBeCloseTo(40, 10);
    expect(res.provenance[0]?.edition).toBe('202401b');
  });

  it('prefers the dictionary of the file\'s own release when several are beside it', async () => {
    // The old-layout V202301 dictionary lacks USA (842): picked by mistake, the row 410→842 would be refused.
    const r = await intra(release(NEW_DICT, 'V202401b', { 'country_codes_V202301.csv': OLD_DICT }));
    expect(r.code, r.stderr).toBe(0);
  });

  it('refuses a dictionary without country_code and an ISO3 column, naming its columns', async () => {
    const r = await intra(release('code,name\n156,China\n', 'V202401b'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_BACI_DICTIONARY_COLUMNS');
    expect(r.stderr).toContain('code,name');
  });
});
