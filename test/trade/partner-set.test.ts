import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/model/indicator.js';
import { cli, shared } from '../helpers.js';

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
