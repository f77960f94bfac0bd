import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/model/indicator.js';
import { cli, tmpDir } from '../helpers.js';

// Synthetic UN Comtrade legacy CSV: China's imports (flow 1) from the world (0) and Japan (392), 2018.
const HEAD = 'Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Commodity,Qty Unit Code,Qty Unit,Qty,Netweight (kg),Trade Value (US$),Flag';
const row = (partner: string, cmd: string, value: number, cls = 'H5') => `${cls},2018,2018,2018,0,0,1,Import,156,China,CHN,${partner},P,,${cmd},C,1,No Quantity,,,${value},0`;
const share = async (lines: string[], products: string): Promise<Result> => {
  const f = join(tmpDir(), 'comtrade.csv');
  writeFileSync(f, `${[HEAD, ...lines].join('\n')}\n`);
  const r = await cli('compute', '--input', f, '--indicator', 'import-source-share', '--reporter', 'CHN', '--partners', 'JPN', '--year', '2018', '--products', products, '--format', 'json');
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { results: Result[] }).results[0] as Result;
};

describe('HS chapters 01–09 written without the leading zero (issue 9 item 2)', () => {
  // Chapter 1 (live animals) as legacy Comtrade writes it: `1`, `101`, `10121`.
  const lines = [row('0', '1', 400), row('392', '1', 100), row('0', '84', 800), row('392', '84', 300)];

  it('HS:01 finds chapter 1: 100 / 400', async () => {
    expect((await share(lines, 'HS:01')).value).toBe(25);
  });

  it('HS:01,84 is both chapters, not chapter 84 alone: 400 / 1200', async () => {
    expect((await share(lines, 'HS:01,84')).value).toBeCloseTo(100 / 3, 12);
    expect((await share(lines, 'HS:84')).value).toBe(37.5);
  });

  it('four- and six-digit codes of chapters 01–09 too (HS:0101 from `101` and `10121`)', async () => {
    const detail = [row('0', '101', 300), row('392', '101', 30), row('0', '10121', 50), row('392', '10121', 20)];
    expect((await share(detail, 'HS:0101')).value).toBe(10); // the heading row covers its subheading
    expect((await share([row('0', '10121', 50), row('392', '10121', 20)], 'HS:010121')).value).toBe(40);
  });
});

describe('mixed code levels: the level is chosen per code prefix, never per flow (issue 9 item 3)', () => {
  it('chapter 84 as a 2-digit row and chapter 85 only as 4-digit rows: both count (31.5 %, not 10 %)', async () => {
    const lines = [row('0', '84', 1000), row('392', '84', 100), row('0', '8541', 500), row('392', '8541', 200), row('0', '8542', 500), row('392', '8542', 330)];
    expect((await share(lines, 'hs84-85')).value).toBeCloseTo((100 * 630) / 2000, 12);
  });

  it('a chapter row and its own headings never add twice; uncovered headings of another chapter still count', async () => {
    const lines = [row('0', '85', 1000), row('392', '85', 100), row('0', '8541', 400), row('392', '8541', 60), row('0', '84', 500), row('392', '8471', 40), row('392', '84', 50), row('0', '8471', 300)];
    // 85: the chapter row (100 of 1000) covers 8541; 84: the chapter row (50 of 500) covers 8471.
    expect((await share(lines, 'hs84-85')).value).toBe(10);
  });

  it('a heading reported only in subheadings beside another reported as a heading', async () => {
    const lines = [row('0', '8541', 400), row('392', '8541', 40), row('0', '854231', 100), row('392', '854231', 60), row('0', '854232', 100), row('392', '854232', 0)];
    expect((await share(lines, 'HS:85')).value).toBeCloseTo((100 * 100) / 600, 12);
  });
});
