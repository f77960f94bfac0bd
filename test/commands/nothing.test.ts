import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, shared, tmpDir } from '../helpers.js';

describe('a run where no result has a value exits 1 and says why (issue 9 item 8)', () => {
  it('a WDI workbook with --indicator rd-intensity: names the input, what it gives and what was asked', async () => {
    const wdi = shared('worldbank', 'wdi-ip-charges-1980-2021.xlsx');
    const r = await cli('compute', '--no-sample', '--input', wdi, '--indicator', 'rd-intensity', '--group', 'CJK', '--no-members', '--year', '2017');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const [what, hint] = r.stderr.trim().split('\n');
    expect(what).toBe('linkage: E_NO_VALUE: no result has a value: rd-intensity for CJK in 2017');
    expect(hint).toMatch(/^ {2}hint: the indicators read gerd_pct_gdp, gerd_usd_ppp; .*wdi-ip-charges-1980-2021\.xlsx \(WDI\) gives none of them \(\d+ rows of other measures\); CHN has no GERD/);
  });

  it('GERD in national currency only (synthetic GERD_SOF rows in MIO_NAC)', async () => {
    const f = join(tmpDir(), 'gerd-nac.csv');
    const head = 'COUNTRY,Country,SECTPERF,Sector,SECTFUND,Source of funds,MEASURE,Measure,YEAR,year,Unit Code,Unit,PowerCode Code,PowerCode,Reference Period Code,Reference Period,Value,Flag Codes,Flags';
    writeFileSync(f, `${head}\nDEU,Germany,_T,Total,_T,Total,MIO_NAC,National Currency,2017,2017,EUR,Euro,6,Millions,,,99000,,\nDEU,Germany,_T,Total,ROW,ROW,MIO_NAC,National Currency,2017,2017,EUR,Euro,6,Millions,,,5000,,\n`);
    const r = await cli('compute', '--no-sample', '--input', f, '--indicator', 'gerd-financed-abroad', '--country', 'DEU', '--year', '2017', '--output', join(tmpDir(), 'out.csv'), '--format', 'csv');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^linkage: E_NO_VALUE: no result has a value: gerd-financed-abroad for DEU in 2017\n {2}hint: .*gerd-nac\.csv \(GERD_SOF\) gives none of them \(2 rows of other measures\); DEU has no GERD financed by the rest of the world for 2017/);
  });

  it('one value among missing ones is enough: exit 0', async () => {
    const r = await cli('compute', '--input', shared('oecd', 'gerd-by-source-of-funds-2023-06.csv'), '--indicator', 'gerd-financed-abroad', '--group', 'UFG', '--year', '2017', '--format', 'csv');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/GBR has no GERD financed by the rest of the world for 2017/);
  });
});

describe('the no-value hint stays short with the embedded sample (noticed in issue 10 work)', () => {
  it('--year 2030: names the inputs that give the measures, counts the others, and gives the years held', async () => {
    const r = await cli('compute', '--indicator', 'rd-intensity', '--group', 'CJK', '--no-members', '--year', '2030');
    expect(r.code).toBe(1);
    const hint = r.stderr.trim().split('\n')[1] ?? '';
    expect(hint).toMatch(/oecd-gerd-dp-live-2023-05\.csv \(canonical\) gives gerd_pct_gdp, gerd_usd_ppp/);
    expect(hint).toMatch(/; \d+ other inputs give none of them; they hold years 2000–\d{4};/);
    expect(hint).not.toMatch(/comtrade.*gives none of them/);
  });
});
