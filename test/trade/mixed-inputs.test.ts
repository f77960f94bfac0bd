import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/model/indicator.js';
import { cli, tmpDir } from '../helpers.js';

// A BACI year beside a reporter file of the same year (found by an acceptance trial: the embedded
// sample's Comtrade rows filled the pairs a BACI year does not list, and CJK's intra share was
// printed as 1,837 %, status ok). Files are SYNTHETIC: a hand-made BACI year (values made up, in
// thousand US$) and a hand-made UN Comtrade legacy CSV.
const DICT = 'country_code,country_name_abbreviation,country_name_full,iso_2digit_alpha,iso_3digit_alpha\n156,China,China,CN,CHN\n392,Japan,Japan,JP,JPN\n410,Rep. of Korea,Republic of Korea,KR,KOR\n842,USA,USA,US,USA\n';
// No CHN→JPN and no KOR→CHN: BACI lists every non-zero flow, so both are zero.
const BACI = ['2018,156,410,847130,10', '2018,156,842,847130,100', '2018,392,156,847130,5', '2018,392,842,847130,20', '2018,410,392,847130,3', '2018,410,842,847130,7', '2018,842,156,847130,50'];

function baci(): string {
  const dir = tmpDir();
  writeFileSync(join(dir, 'country_codes_V202301.csv'), DICT);
  const file = join(dir, 'BACI_HS17_Y2018_V202301.csv');
  writeFileSync(file, `t,i,j,k,v,q\n${BACI.map((r) => `${r},1`).join('\n')}\n`);
  return file;
}

const HEAD = 'Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Commodity,Qty Unit Code,Qty Unit,Qty,Netweight (kg),Trade Value (US$),Flag';
/** Exports (flow 2) of `reporter` by partner code, all products, 2018. */
function comtrade(reporter: string, rows: [partner: string, value: number][]): string {
  const f = join(tmpDir(), 'comtrade.csv');
  writeFileSync(f, `${[HEAD, ...rows.map(([p, v]) => `H5,2018,2018,2018,0,0,2,Export,${reporter},R,,${p},P,,TOTAL,All,1,No Quantity,,,${v},0`)].join('\n')}\n`);
  return f;
}

const share = async (...args: string[]) => {
  const r = await cli('compute', '--indicator', 'trade-intra-share', '--group', 'CJK', '--no-members', '--year', '2018', '--flow', 'exports', '--no-cache', '--format', 'json', ...args);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { results: Result[] }).results[0] as Result;
};

describe('a BACI year beside a reporter file', () => {
  it('a pair the BACI year does not list is zero, not the other file\'s figure: the share is the BACI year\'s alone', async () => {
    const file = baci();
    // CJK exports among themselves 10 + 5 + 3 = 18 of 10 + 100 + 5 + 20 + 3 + 7 = 145.
    const alone = await share('--input', file, '--no-sample');
    expect(alone.value).toBeCloseTo((100 * 18) / 145, 12);
    // China reports 900 to Japan and 1,000 to the world in a Comtrade file (US$; BACI's are thousands).
    const other = comtrade('156', [['392', 900_000], ['0', 1_000_000]]);
    const both = await share('--input', file, '--input', other, '--no-sample');
    expect(both.status).toBe('ok');
    expect(both.value).toBeCloseTo((100 * 18) / 145, 12);
    expect(both.provenance.map((p) => p.file)).toEqual([file]);
    // With the embedded sample (China's 2018 Comtrade partner rows) too.
    expect((await share('--input', file)).value).toBeCloseTo((100 * 18) / 145, 12);
  });

  it('more trade among the members than with the world is a data error in the result, never a share above 100', async () => {
    // Reporter files that contradict themselves: China's exports to Japan exceed its exports to the world.
    const f = comtrade('156', [['392', 2000], ['410', 50], ['0', 800]]);
    const a = comtrade('392', [['156', 10], ['410', 10], ['0', 100]]);
    const b = comtrade('410', [['156', 10], ['392', 10], ['0', 100]]);
    const r = await cli('compute', '--input', f, '--input', a, '--input', b, '--no-sample', '--indicator', 'trade-intra-share', '--group', 'CJK', '--no-members', '--year', '2018', '--flow', 'exports', '--format', 'json');
    // The only result has no value: exit 1, nothing on stdout, and the reason says why.
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("the flows among the members (2090) exceed the members' total exports of TOTAL with the world (1000) for 2018: the inputs disagree");
  });
});

describe('one BACI year given twice', () => {
  it('is said in a warning naming both inputs and which one is read (found by an acceptance trial: a CSV and a Parquet of one year that differ were resolved silently)', async () => {
    const a = baci();
    const b = join(tmpDir(), 'BACI_HS17_Y2018_V202301.csv');
    writeFileSync(join(b, '..', 'country_codes_V202301.csv'), DICT);
    writeFileSync(b, `t,i,j,k,v,q\n${BACI.map((r) => `${r},1`).join('\n').replace('2018,156,410,847130,10', '2018,156,410,847130,11')}\n`);
    const r = await cli('compute', '--input', a, '--input', b, '--no-sample', '--no-cache', '--indicator', 'trade-intra-share', '--group', 'CJK', '--year', '2018', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { results: Result[]; warnings: { code: string; message: string }[] };
    expect(out.warnings.find((w) => w.code === 'W_SAME_YEAR_TWICE')?.message).toBe(`BACI HS17 2018 is in 2 inputs: ${a} (202301); ${b} (202301); each figure is read from the first (newest edition, then the order given)`);
    expect(r.stderr).toContain('W_SAME_YEAR_TWICE');
    expect(out.results[0]?.provenance.map((p) => p.file)).toEqual([a]);
    // Different years are no warning.
    const one = await cli('compute', '--input', a, '--no-sample', '--no-cache', '--indicator', 'trade-intra-share', '--group', 'CJK', '--year', '2018', '--format', 'json');
    expect(one.stderr).not.toContain('W_SAME_YEAR_TWICE');
  });
});
