import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/model/indicator.js';
import { convertCode, describeChange } from '../../src/trade/vintages.js';
import { cli, tmpDir } from '../helpers.js';

// Synthetic UN Comtrade legacy CSV "as reported": China's imports (flow 1) from the world (0) and
// Japan (392), HS2017 (H5) rows for 2017 and HS2022 (H6) rows for 2022, as a real series mixes them.
const HEAD = 'Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Commodity,Qty Unit Code,Qty Unit,Qty,Netweight (kg),Trade Value (US$),Flag';
const row = (cls: string, year: number, partner: string, cmd: string, value: number) => `${cls},${year},${year},${year},0,0,1,Import,156,China,CHN,${partner},P,,${cmd},C,1,No Quantity,,,${value},0`;
const file = (lines: string[]) => {
  const f = join(tmpDir(), 'comtrade-as-reported.csv');
  writeFileSync(f, `${[HEAD, ...lines].join('\n')}\n`);
  return f;
};
const compute = (f: string, products: string, ...years: string[]) =>
  cli('compute', '--input', f, '--indicator', 'import-source-share', '--reporter', 'CHN', '--partners', 'JPN', '--products', products, ...years.flatMap((y) => ['--year', y]), '--format', 'json');
const results = (stdout: string) => JSON.parse(stdout) as { results: Result[]; warnings?: { code: string; message: string }[] };

describe('HS vintages in real series (issue 9 item 11)', () => {
  // 381800 (doped silicon wafers) is unchanged HS2017 → HS2022; 854231 (processors) lost content to 8549 (e-waste).
  const series = file([
    row('H5', 2017, '0', '381800', 400), row('H5', 2017, '392', '381800', 100), row('H5', 2017, '0', '854231', 600), row('H5', 2017, '392', '854231', 60),
    row('H6', 2022, '0', '381800', 500), row('H6', 2022, '392', '381800', 50), row('H6', 2022, '0', '854231', 900), row('H6', 2022, '392', '854231', 90),
  ]);

  it('the vintage is checked only on the rows used: the HS2017 list on 2017 works beside HS2022 rows of 2022', async () => {
    const r = await compute(series, 'hightech', '2017');
    expect(r.code, r.stderr).toBe(0);
    expect(results(r.stdout).results[0]?.value).toBe(16); // (100 + 60) / (400 + 600)
  });

  it('the fixed HS2017 list refuses, by name, a code split or merged in HS2022 when that year is used', async () => {
    const r = await compute(series, 'hightech', '2022');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`linkage: E_PRODUCT_VINTAGE: product group hightech (HS2017) cannot take the HS2022 rows of 2022: 854231 (HS2022) is part of 854231 (HS2017), together with other HS2022 codes (${series})`);
  });

  it('a 1:1 code converts: the HS2017 list on HS2022 rows of an unchanged code', async () => {
    const f = file([row('H6', 2022, '0', '381800', 500), row('H6', 2022, '392', '381800', 50)]);
    const r = await compute(f, 'hightech', '2022');
    expect(r.code, r.stderr).toBe(0);
    expect(results(r.stdout).results[0]?.value).toBe(10);
    expect(convertCode('381800', 'H6', 'H5')).toEqual({ code: '381800' });
  });

  it('HS:<codes> means the codes as reported each year: allowed across vintages, with a warning naming the break (also in the output)', async () => {
    const f = file([row('H5', 2017, '0', '854140', 400), row('H5', 2017, '392', '854140', 40), row('H6', 2022, '0', '854141', 300), row('H6', 2022, '392', '854141', 60), row('H6', 2022, '0', '854149', 200), row('H6', 2022, '392', '854149', 0)]);
    const r = await compute(f, 'HS:8541', '2017', '2022');
    expect(r.code, r.stderr).toBe(0);
    const out = results(r.stdout);
    expect(out.results.map((x) => x.value)).toEqual([10, 12]);
    const change = '854140 (HS2017) is divided among 854141, 854142, 854143, 854149, 854921, 854929, … (10 codes) (HS2022), which also hold content of other HS2017 codes';
    expect(out.results[1]?.detail?.hs_breaks).toContain(change);
    expect(out.warnings?.[0]?.code).toBe('W_HS_BREAK');
    expect(out.warnings?.[0]?.message).toMatch(/^product group HS:8541 is read as reported in each year's HS vintage, and the content of its codes changed between HS2017 \(2017\) and HS2022 \(2022\) \(a break in the series\): /);
    expect(r.stderr).toMatch(/^linkage: warning: W_HS_BREAK: product group HS:8541 is read as reported/);
  });

  it('no warning when the years used share one vintage', async () => {
    const r = await compute(series, 'HS:38', '2017');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('coverage: HS:85 on a file with only two headings of chapter 85 says so beside the group name', async () => {
    const f = file([row('H5', 2017, '0', '8541', 400), row('H5', 2017, '392', '8541', 40), row('H5', 2017, '0', '854231', 100), row('H5', 2017, '392', '854231', 10)]);
    const r = await compute(f, 'HS:85', '2017');
    expect(r.code, r.stderr).toBe(0);
    const res = results(r.stdout).results[0] as Result;
    expect(res.breakdown).toBe('HS:85 [present: 8541, 854231]');
    expect(res.detail?.products_present).toEqual(['8541', '854231']);
    expect(describeChange({ vintage: 'H5', code: '010121', other: 'H6', relationship: '1:1', counterparts: ['010122'], count: 1, headings: ['0101'] })).toBe('010121 (HS2017) is 010122 (HS2022)');
  });
});
