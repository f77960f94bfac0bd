import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/model/indicator.js';
import { cli, shared, tmpDir } from '../helpers.js';

const PLUS = shared('comtrade', 'plus', 'chn-deu-usa-total-by-partner-2022.csv');
const value = async (indicator: string, partners: string, ...args: string[]) => {
  const r = await cli('compute', '--input', PLUS, '--indicator', indicator, '--reporter', 'CHN', '--partners', partners, '--year', '2022', '--format', 'json', ...args);
  expect(r.code, r.stderr).toBe(0);
  const res = (JSON.parse(r.stdout) as { results: Result[] }).results[0] as Result;
  expect(res.status, res.reason ?? '').toBe('ok');
  return res.value as number;
};

describe('a partner set naming the reporter (issue 9 item 1): one rule for self-flows', () => {
  it('JPN,KOR,CHN = CJK = JPN,KOR = 14.81 % of China\'s imports when self-flows are excluded', async () => {
    const written = await Promise.all(['JPN,KOR,CHN', 'CJK', 'CHN,CJK', 'KOR,JPN'].map((p) => value('import-source-share', p)));
    for (const v of written) expect(v).toBeCloseTo(14.8148, 4);
    expect(await value('import-source-share', 'CHN')).toBe(0);
  });

  it('with --include-self the re-imports count in numerator and denominator alike', async () => {
    const a = await value('import-source-share', 'JPN,KOR,CHN', '--include-self');
    const b = await value('import-source-share', 'CJK', '--include-self');
    expect(a).toBeCloseTo(b, 12);
    const jk = await value('import-source-share', 'JPN,KOR', '--include-self');
    const self = await value('import-source-share', 'CHN', '--include-self');
    expect(a).toBeCloseTo(jk + self, 10);
    expect(self).toBeGreaterThan(0);
  });

  it('export-destination-share with the reporter among the partners is computed, not missing', async () => {
    const a = await value('export-destination-share', 'JPN,KOR,CHN');
    expect(a).toBeCloseTo(await value('export-destination-share', 'CJK'), 12);
    expect(a).toBeCloseTo(await value('export-destination-share', 'JPN,KOR'), 12);
  });
});

describe('a partner group against a whole-world matrix (BACI)', () => {
  it('--partners CJK sums the members (absent pairs are zero), never a zero "aggregate" for the group', async () => {
    // SYNTHETIC BACI rows: MEX imports 854231 (high-tech) from CHN and JPN, and from USA.
    const dir = tmpDir();
    writeFileSync(join(dir, 'country_codes_V202301.csv'), 'country_code,country_name_abbreviation,country_name_full,iso_2digit_alpha,iso_3digit_alpha\n156,China,China,CN,CHN\n392,Japan,Japan,JP,JPN\n410,Rep. of Korea,Republic of Korea,KR,KOR\n484,Mexico,Mexico,MX,MEX\n842,USA,USA,US,USA\n');
    const file = join(dir, 'BACI_HS17_Y2018_V202301.csv');
    writeFileSync(file, 't,i,j,k,v,q\n2018,156,484,854231,10,1\n2018,392,484,854231,30,1\n2018,842,484,854231,60,1\n2018,484,842,854231,5,1\n');
    const share = async (partners: string) => {
      const r = await cli('compute', '--input', file, '--no-sample', '--indicator', 'import-source-share', '--products', 'hightech', '--reporter', 'MEX', '--partners', partners, '--year', '2018', '--format', 'json', '--no-cache');
      expect(r.code, r.stderr).toBe(0);
      return ((JSON.parse(r.stdout) as { results: Result[] }).results[0] as Result).value;
    };
    expect(await share('CJK')).toBeCloseTo(40, 10);
    expect(await share('CHN,JPN,KOR')).toBeCloseTo(40, 10);
  });
});
