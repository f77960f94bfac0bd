import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/model/indicator.js';
import { cli, tmpDir } from '../helpers.js';

// Synthetic UN Comtrade legacy CSVs (not real figures), imports (flow 1), classification H5. A value
// left empty is a row the export gives without a value (not published, confidential): every
// result that needs it is missing and names the code and the file, never a smaller sum.
const HEAD = 'Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Commodity,Qty Unit Code,Qty Unit,Qty,Netweight (kg),Trade Value (US$),Flag';
type Row = [reporter: string, partner: string, cmd: string, value: string, year: number];
const write = (rows: Row[]): string => {
  const f = join(tmpDir(), 'comtrade.csv');
  writeFileSync(f, `${[HEAD, ...rows.map(([r, p, cmd, v, y]) => `H5,${y},${y},${y},0,0,1,Import,${r},R,,${p},P,,${cmd},C,1,No Quantity,,,${v},0`)].join('\n')}\n`);
  return f;
};
const compute = (f: string, ...args: string[]) => cli('compute', '--no-sample', '--input', f, ...args);
const results = (stdout: string) => (JSON.parse(stdout) as { results: Result[] }).results;

describe('import-source-share with a code row without a value (synthetic legacy CSV)', () => {
  // China's HS:85 imports: 2017 complete; in 2018 the JPN row of 854231 is empty (the sum was 50 of 600, 8.33 %).
  const rows: Row[] = [2017, 2018].flatMap((y): Row[] => [
    ['156', '0', '8541', '400', y], ['156', '0', '854231', '100', y], ['156', '0', '854232', '100', y],
    ['156', '392', '8541', '40', y], ['156', '392', '854231', y === 2018 ? '' : '30', y], ['156', '392', '854232', '10', y],
  ]);
  const args = ['--indicator', 'import-source-share', '--reporter', 'CHN', '--partners', 'JPN', '--year', '2017-2018', '--products', 'HS:85'];
  // 2018's JPN 854231 is the 11th data row: line 12 (the reason names the line since defect 4).
  const why = (f: string) => `CHN imports from JPN: HS 854231 (line 12) has no value in ${f}, so the HS:85 sum is not known`;

  it('JSON: 2017 is 80 / 600; 2018 is missing and names the code and the file', async () => {
    const f = write(rows);
    const r = await compute(f, ...args, '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const [y17, y18] = results(r.stdout);
    expect(y17?.value).toBeCloseTo((100 * 80) / 600, 12);
    expect(y18?.status).toBe('missing');
    expect(y18?.value).toBeNull();
    expect(y18?.reason).toBe(`no imports of CHN from JPN (${why(f)}) in 2018 (basis reporter)`);
  });

  it('CSV and the text table say it too', async () => {
    const f = write(rows);
    const csv = await compute(f, ...args, '--format', 'csv');
    expect(csv.stdout.split('\n')[2]).toContain(`,missing,,"no imports of CHN from JPN (${why(f)}) in 2018 (basis reporter)",`);
    const text = await compute(f, ...args);
    // The table wraps the note inside its column: compared without the layout.
    const bare = (t: string) => t.replace(/[\s║│]+/g, '');
    expect(bare(text.stdout)).toContain(bare(`missing: no imports of CHN from JPN (${why(f)}) in 2018`));
  });

  it('a world row without a value: the denominator is missing, naming it', async () => {
    const f = write([...rows.filter((x) => !(x[4] === 2018 && x[1] === '0' && x[2] === '854232')), ['156', '0', '854232', '', 2018]]);
    const r = await compute(f, ...args, '--format', 'json');
    expect(results(r.stdout)[1]?.reason).toBe(`CHN has no imports of HS:85 with the world for 2018 in the input (CHN imports from the world: HS 854232 (line 13) has no value in ${f}, so the HS:85 sum is not known)`);
  });

  it("the reporter's self-flow without a value leaves its world total unknown, with or without --include-self", async () => {
    const f = write([['156', '0', 'TOTAL', '1000', 2018], ['156', '392', 'TOTAL', '100', 2018], ['156', '156', 'TOTAL', '', 2018]]);
    const self = `CHN imports from CHN: the all-products row (TOTAL) has no value in ${f} (line 4)`;
    const ex = await compute(f, '--indicator', 'import-source-share', '--reporter', 'CHN', '--partners', 'JPN', '--year', '2018', '--format', 'json');
    expect(ex.code).toBe(1);
    expect(ex.stderr).toContain(`CHN has no imports of TOTAL with the world for 2018 in the input (${self})`);
    const inc = await compute(f, '--indicator', 'import-source-share', '--reporter', 'CHN', '--partners', 'JPN,CHN', '--year', '2018', '--include-self', '--format', 'json');
    expect(inc.code).toBe(1);
    expect(inc.stderr).toContain(`no imports of CHN from CHN (${self}) in 2018`);
  });
});

describe('the trade ladder with a cell without a value (synthetic legacy CSV, CJK imports, TOTAL)', () => {
  const base = (y: number, kor: string, jpnWorld: string): Row[] => [
    ['156', '0', 'TOTAL', '1000', y], ['156', '392', 'TOTAL', '100', y], ['156', '410', 'TOTAL', '50', y],
    ['392', '0', 'TOTAL', jpnWorld, y], ['392', '156', 'TOTAL', '200', y], ['392', '410', 'TOTAL', '40', y],
    ['410', '0', 'TOTAL', '600', y], ['410', '392', 'TOTAL', '60', y], ['410', '156', 'TOTAL', kor, y],
  ];
  const ladder = (f: string) => compute(f, '--indicator', 'trade-intra-share', '--group', 'CJK', '--year', '2017-2018', '--flow', 'imports', '--format', 'json');

  it('a pair without a value: the group share is missing and names the pair, the row and the file', async () => {
    const f = write([...base(2017, '150', '800'), ...base(2018, '', '800')]);
    const [y17, y18] = results((await ladder(f)).stdout);
    expect(y17?.value).toBeCloseTo((100 * 600) / 2400, 12);
    expect(y18?.status).toBe('missing');
    expect(y18?.reason).toBe(`no value for KOR→CHN (KOR imports from CHN: the all-products row (TOTAL) has no value in ${f} (line 19)) in 2018`);
    const matrix = await compute(f, '--indicator', 'trade-matrix', '--group', 'CJK', '--year', '2018', '--flow', 'imports', '--format', 'json');
    const cell = results(matrix.stdout).find((x) => x.geo === 'KOR' && x.partner === 'CHN');
    expect([cell?.status, cell?.reason]).toEqual(['missing', `no KOR→CHN flow in 2018 (KOR imports from CHN: the all-products row (TOTAL) has no value in ${f} (line 19))`]);
  });

  it("a member's world row without a value is named as such, not as a member that does not report", async () => {
    const f = write([...base(2017, '150', '800'), ...base(2018, '150', '')]);
    const y18 = results((await ladder(f)).stdout)[1];
    expect(y18?.status).toBe('missing');
    expect(y18?.reason).toBe(`JPN imports from the world: the all-products row (TOTAL) has no value in ${f} (line 14)`);
  });
});
