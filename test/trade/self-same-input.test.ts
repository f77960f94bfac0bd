import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import type { Result } from '../../src/model/indicator.js';
import { cli, tmpDir } from '../helpers.js';

// Found by an acceptance trial: with the embedded sample loaded (the default), China's 2018
// re-imports in the sample's UN Comtrade file (CHN→CHN, US$ 146 bn) were subtracted as a
// "self-flow" from China's world total in a BACI file, and the result's provenance named only
// BACI. A self-flow now leaves a world total only when it comes from the same input. SYNTHETIC
// BACI file (values made up; real code lists); the sample file is the real Comtrade extract.
const DICT = 'country_code,country_name_abbreviation,country_name_full,iso_2digit_alpha,iso_3digit_alpha\n156,China,China,CN,CHN\n392,Japan,Japan,JP,JPN\n410,Rep. of Korea,Republic of Korea,KR,KOR\n842,USA,USA,US,USA\n76,Brazil,Brazil,BR,BRA\n';
const FLOWS: [number, number, number][] = [[156, 392, 10], [156, 410, 20], [156, 842, 70], [392, 156, 30], [392, 842, 70], [410, 156, 40], [410, 842, 60], [842, 156, 100], [842, 392, 50], [842, 76, 300]];

function baci(): string {
  const dir = tmpDir();
  writeFileSync(join(dir, 'country_codes_V202301.csv'), DICT);
  writeFileSync(join(dir, 'product_codes_HS17_V202301.csv'), 'code,description\n854231,Electronic integrated circuits: processors and controllers\n');
  const file = join(dir, 'BACI_HS17_Y2018_V202301.csv');
  writeFileSync(file, `t,i,j,k,v,q\n${FLOWS.map(([i, j, v]) => `2018,${i},${j},854231,${v},1`).join('\n')}\n`);
  return file;
}

const results = async (...args: string[]): Promise<Result[]> => {
  const r = await cli('compute', '--format', 'json', '--no-cache', ...args);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { results: Result[] }).results;
};

describe('a self-flow leaves a world total only from the same input', () => {
  it('BACI with and without the embedded sample: the same ladder for every flow (CHN imports 2018: 170 thousand, not less 146 bn)', async () => {
    const file = baci();
    for (const flow of ['imports', 'exports', 'total']) {
      const args = ['--input', file, '--indicator', 'trade-intra-share', '--indicator', 'import-source-share', '--group', 'CJK', '--country', 'CHN', '--partners', 'JPN,KOR', '--year', '2018', '--flow', flow];
      const withSample = await results(...args);
      const alone = await results(...args, '--no-sample');
      expect(withSample.map((r) => [r.indicator, r.value, r.detail?.denominator ?? null]), flow).toEqual(alone.map((r) => [r.indicator, r.value, r.detail?.denominator ?? null]));
      expect(withSample.every((r) => r.status === 'ok')).toBe(true);
    }
    const [imports] = await results('--input', file, '--indicator', 'trade-intra-share', '--group', 'CJK', '--year', '2018', '--flow', 'imports');
    // CJK imports: CHN 30+40+100 = 170, JPN 10+50 = 60, KOR 20; intra 10+20+30+40 = 100 (thousands of US$).
    expect(imports?.detail?.denominator).toBe(250_000);
    expect(imports?.value).toBeCloseTo(40, 12);
  });

  it('import-source-share of CHN from CJK with --include-self: the self-flow comes from the world total\'s input, not the sample\'s Comtrade file', async () => {
    const file = baci();
    const args = ['--input', file, '--indicator', 'import-source-share', '--reporter', 'CHN', '--partners', 'CJK', '--year', '2018', '--include-self'];
    const withSample = await results(...args);
    const alone = await results(...args, '--no-sample');
    expect(withSample.map((r) => [r.value, r.status, r.provenance.map((p) => p.file)])).toEqual(alone.map((r) => [r.value, r.status, r.provenance.map((p) => p.file)]));
    // CHN imports 170 (thousand US$), of which JPN 30 and KOR 40; BACI records no CHN→CHN.
    expect(alone[0]?.value).toBeCloseTo((100 * 70) / 170, 12);
  });
});
