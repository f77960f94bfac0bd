import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadText } from '../../src/loaders/load.js';
import { reason } from '../../src/messages.js';
import { countryRegistry } from '../../src/model/countries.js';
import type { Result } from '../../src/model/indicator.js';
import { cli, tmpDir } from '../helpers.js';

// SYNTHETIC UN Comtrade legacy CSVs (made-up figures, not real trade): imports (flow 1), all
// products (TOTAL), 2018. A value left empty is a row the export gives without a value (not
// published, confidential). The file names carry the edition (`…-2023-05.csv`).
const HEAD = 'Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Commodity,Qty Unit Code,Qty Unit,Qty,Netweight (kg),Trade Value (US$),Flag';
type Row = [reporter: string, partner: string, value: string, year?: number];
const write = (dir: string, name: string, rows: Row[]): string => {
  const f = join(dir, name);
  writeFileSync(f, `${[HEAD, ...rows.map(([r, p, v, y = 2018]) => `H5,${y},${y},${y},0,0,1,Import,${r},R,,${p},P,,TOTAL,C,1,No Quantity,,,${v},0`)].join('\n')}\n`);
  return f;
};
/** CJK's imports; CHN's imports from JPN (line 3 of the file) are `chnJpn`. */
const cjk = (chnJpn: string): Row[] => [
  ['156', '0', '1000'], ['156', '392', chnJpn], ['156', '410', '50'],
  ['392', '0', '800'], ['392', '156', '200'], ['392', '410', '40'],
  ['410', '0', '600'], ['410', '392', '60'], ['410', '156', '150'],
];
const compute = (files: string[], ...args: string[]) => cli('compute', '--no-sample', ...files.flatMap((f) => ['--input', f]), ...args, '--year', '2018', '--format', 'json');
const results = (r: { code: number; stdout: string; stderr: string }): Result[] => {
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { results: Result[] }).results;
};
const share = (files: string[], ...args: string[]) => compute(files, '--indicator', 'import-source-share', '--reporter', 'CHN,KOR', '--partners', 'JPN', ...args);
const empty = (file: string) => reason.tradeNoValue('CHN', 'M', 'JPN', 'TOTAL', [{ code: 'TOTAL', line: 3 }], file);

describe('an empty cell in the preferred input is unknown, never filled from another input (defect 1)', () => {
  it('the newest edition leaves CHN←JPN empty, an older one has 100: the share is missing and says so', async () => {
    const dir = tmpDir();
    const newer = write(dir, 'comtrade-2023-05.csv', cjk(''));
    const older = write(dir, 'comtrade-2021-05.csv', cjk('100'));
    const why = reason.preferredEmpty(empty(newer), { file: newer, edition: '2023-05' }, { file: older, edition: '2021-05', value: 100 });
    expect(why).toContain(older);
    for (const files of [[newer, older], [older, newer]]) {
      const [chn, kor] = results(await share(files));
      // Before: 10 % (100 of 1,000), ok, from the older edition's figure.
      expect(chn?.status).toBe('missing');
      expect(chn?.value).toBeNull();
      expect(chn?.reason).toBe(`no imports of CHN from JPN (${why}) in 2018 (basis reporter)`);
      // KOR's share is the newest edition's alone.
      expect(kor?.value).toBeCloseTo(10, 12);
      expect(kor?.provenance.map((p) => p.file)).toEqual([newer]);
    }
    // The ladder and the matrix say the same (before: CJK 25 %, ok; CHN→JPN 100).
    const ladder = await compute([newer, older], '--indicator', 'trade-intra-share', '--group', 'CJK', '--flow', 'imports');
    expect(ladder.code).toBe(1);
    expect(ladder.stderr).toContain(`no value for CHN→JPN (${why}) in 2018\n`);
    const cell = results(await compute([newer, older], '--indicator', 'trade-matrix', '--group', 'CJK', '--flow', 'imports')).find((r) => r.geo === 'CHN' && r.partner === 'JPN');
    expect([cell?.status, cell?.reason]).toEqual(['missing', `no CHN→JPN flow in 2018 (${why})`]);
  });

  it('the older edition empty and the newest with a value: the newest is used, and only it is in the provenance', async () => {
    const dir = tmpDir();
    const newer = write(dir, 'comtrade-2023-05.csv', cjk('100'));
    const older = write(dir, 'comtrade-2021-05.csv', cjk(''));
    const [chn] = results(await share([older, newer]));
    expect(chn?.value).toBeCloseTo(10, 12);
    expect(chn?.provenance.map((p) => p.file)).toEqual([newer]);
  });

  it('inputs of one edition: the one given first decides, its empty cell included', async () => {
    const dir = tmpDir();
    const a = write(dir, 'a.csv', cjk(''));
    const b = write(dir, 'b.csv', cjk('100'));
    const [first] = results(await share([a, b]));
    expect(first?.status).toBe('missing');
    expect(first?.reason).toBe(`no imports of CHN from JPN (${reason.preferredEmpty(empty(a), { file: a, edition: 'unknown' }, { file: b, edition: 'unknown', value: 100 })}) in 2018 (basis reporter)`);
    const [second] = results(await share([b, a]));
    expect(second?.value).toBeCloseTo(10, 12);
    expect(second?.provenance.map((p) => p.file)).toEqual([b]);
  });

  it('--edition asking for the older edition: its value is used; asking for the newest: missing', async () => {
    const dir = tmpDir();
    const newer = write(dir, 'comtrade-2023-05.csv', cjk(''));
    const older = write(dir, 'comtrade-2021-05.csv', cjk('100'));
    const [asked] = results(await share([newer, older], '--edition', '2021'));
    expect(asked?.value).toBeCloseTo(10, 12);
    expect(asked?.provenance.map((p) => p.file)).toEqual([older]);
    const [newest] = results(await share([newer, older], '--edition', '2023'));
    expect(newest?.status).toBe('missing');
    expect(newest?.reason).toBe(`no imports of CHN from JPN (${reason.preferredEmpty(empty(newer), { file: newer, edition: '2023-05' }, { file: older, edition: '2021-05', value: 100 }, '2023')}) in 2018 (basis reporter)`);
  });
});

describe("a partner group's own row without a value (defect 2)", () => {
  // CHN's imports from EU28 (Comtrade partner 97) left empty; every member has a value.
  const countries = countryRegistry();
  const members = ['AUT', 'BEL', 'BGR', 'HRV', 'CYP', 'CZE', 'DNK', 'EST', 'FIN', 'FRA', 'DEU', 'GRC', 'HUN', 'IRL', 'ITA', 'LVA', 'LTU', 'LUX', 'MLT', 'NLD', 'POL', 'PRT', 'ROU', 'SVK', 'SVN', 'ESP', 'SWE', 'GBR'];
  const code = (iso: string) => {
    const a = countries.get(iso);
    return a?.comtrade || a?.m49 || '';
  };
  const rows = (eu: string): Row[] => [['156', '0', '10000'], ['156', '97', eu], ...members.map((m): Row => ['156', code(m), '10'])];
  const eu = (files: string[], partners: string) => compute(files, '--indicator', 'import-source-share', '--reporter', 'CHN', '--partners', partners);

  it('is missing with the reason, not the sum of the members; named members are summed', async () => {
    const f = write(tmpDir(), 'eu.csv', rows(''));
    const r = await eu([f], 'EU28');
    // Before: 2.8 % (the 28 members' 280 of 10,000), ok, without a word.
    expect(r.code).toBe(1);
    const why = reason.groupRowNoValue('EU28', reason.tradeNoValue('CHN', 'M', 'EU28', 'TOTAL', [{ code: 'TOTAL', line: 3 }], f));
    expect(r.stderr).toContain(`no imports of CHN from EU28 (${why}) in 2018 (basis reporter)`);
    const [named] = results(await eu([f], members.join(',')));
    expect(named?.value).toBeCloseTo(2.8, 12);
    // The group's own row with a value is used as before.
    const [own] = results(await eu([write(tmpDir(), 'eu.csv', rows('300'))], 'EU28'));
    expect(own?.value).toBeCloseTo(3, 12);
  });
});

describe('a ladder reason says the year once (defect 3)', () => {
  it('a member that does not report and a pair without a value', async () => {
    // CHN reports nothing in 2018; JPN's imports from KOR (line 4) are empty; 2017 is complete.
    const y17 = cjk('100').map(([r, p, v]): Row => [r, p, v, 2017]);
    const f = write(tmpDir(), 't.csv', [...cjk('100').slice(3).map((x) => (x[0] === '392' && x[1] === '410' ? ([x[0], x[1], ''] as Row) : x)), ...y17]);
    const r = await cli('compute', '--no-sample', '--input', f, '--indicator', 'trade-intra-share', '--group', 'CJK', '--year', '2017-2018', '--flow', 'imports', '--format', 'json');
    const y18 = results(r).find((x) => x.year === 2018);
    const pair = reason.tradeNoValue('JPN', 'M', 'KOR', 'TOTAL', [{ code: 'TOTAL', line: 4 }], f);
    // Before: "… in the input for 2018 (no world total); no value for JPN→KOR (…) in 2018".
    expect(y18?.reason).toBe(`CHN is not a reporter in the input for 2018 (no world total); no value for JPN→KOR (${pair})`);
  });
});

describe('the Comtrade empty-value reason names the line (defect 4)', () => {
  it('names file and line of the empty row, for each code', async () => {
    const f = write(tmpDir(), 'lines.csv', [['156', '0', '1000'], ['156', '392', '']]);
    const r = await cli('compute', '--no-sample', '--input', f, '--indicator', 'import-source-share', '--reporter', 'CHN', '--partners', 'JPN', '--year', '2018', '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`CHN imports from JPN: the all-products row (TOTAL) has no value in ${f} (line 3)`);
    // The loader's raw row carries the same place (without a reducer, as `inspect` reads it).
    const raw = await loadText(readFileSync(f, 'utf8'), f, { countries: countryRegistry() });
    expect(raw.rows.filter((x) => x.value === null).map((x) => x.missing)).toEqual([reason.emptyTradeValue('Trade Value (US$)', f, 3)]);
    expect(reason.tradeNoValue('CHN', 'M', 'JPN', 'HS:85', [{ code: 'HS 854232', line: 9 }, { code: 'HS 854231', line: 4 }], 'x.csv')).toBe('CHN imports from JPN: HS 854231 (line 4), HS 854232 (line 9) have no value in x.csv, so the HS:85 sum is not known');
  });
});
