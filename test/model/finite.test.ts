import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/model/indicator.js';
import { finiteResult } from '../../src/model/finite.js';
import { ladder } from '../../src/model/ladder.js';
import { cli, tmpDir } from '../helpers.js';

// Synthetic OECD.Stat GERD_SOF exports (issue 9 items 6, 7 and 10): total GERD and GERD financed
// by the rest of the world (ROW) for DEU and FRA, 2017, in PPP US$ millions (PowerCode 6).
const HEAD = 'COUNTRY,Country,SECTPERF,Sector,SECTFUND,Source of funds,MEASURE,Measure,YEAR,year,Unit Code,Unit,PowerCode Code,PowerCode,Reference Period Code,Reference Period,Value,Flag Codes,Flags';
const line = (geo: string, fund: '_T' | 'ROW', value: string, power = '6', unit = 'USD') =>
  `${geo},${geo},_T,Total intramural,${fund},${fund},DC6,PPP Dollars - Current prices,2017,2017,${unit},${unit},${power},Millions,,,${value},,`;
const gerdSof = (lines: string[]) => {
  const f = join(tmpDir(), 'gerd-sof.csv');
  writeFileSync(f, `${[HEAD, ...lines].join('\n')}\n`);
  return f;
};
const run = (f: string, format: string, indicator = 'gerd-financed-abroad') =>
  cli('compute', '--no-sample', '--input', f, '--indicator', indicator, '--country', 'DEU', '--group', 'P=DEU,FRA', '--year', '2017', '--format', format);
const FRA = [line('FRA', '_T', '100'), line('FRA', 'ROW', '10')];

describe('non-finite results are missing with a reason, in every format (issue 9 item 6)', () => {
  it('a total of zero: DEU and the group are missing, the reason names the denominator (item 10)', async () => {
    const f = gerdSof([line('DEU', '_T', '0'), line('DEU', 'ROW', '5'), ...FRA]);
    for (const format of ['table', 'csv', 'json']) {
      const r = await run(f, format);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(/NaN|Infinity/);
    }
    const res = (JSON.parse((await run(f, 'json')).stdout) as { results: Result[] }).results;
    const deu = res.find((x) => x.geo === 'DEU');
    expect(deu?.status).toBe('missing');
    expect(deu?.reason).toBe("DEU's total GERD (PPP US$) for 2017 is zero (the denominator), so the ratio has no value");
    expect(res.find((x) => x.geo === 'P')?.status).toBe('missing');
  });

  it('a group sum that overflows (two values of 1.7e308) is missing, not NaN', async () => {
    const f = gerdSof([line('DEU', '_T', '1.7e308', '0'), line('DEU', 'ROW', '1.7e308', '0'), line('FRA', '_T', '1.7e308', '0'), line('FRA', 'ROW', '1e308', '0')]);
    const r = await run(f, 'json');
    expect(r.code, r.stderr).toBe(0);
    const res = (JSON.parse(r.stdout) as { results: Result[] }).results;
    expect(res.find((x) => x.geo === 'DEU')?.value).toBe(100);
    const p = res.find((x) => x.geo === 'P');
    expect(p?.status).toBe('missing');
    expect(p?.reason).toBe('the sum over DEU, FRA for 2017 overflows (not a finite number), so P has no value');
    expect((await run(f, 'csv')).stdout).not.toMatch(/NaN|Infinity/);
  });

  it('1.7e308 × 10^6 and a PowerCode of 400 are data errors naming file and line', async () => {
    const huge = gerdSof([line('DEU', '_T', '100'), line('DEU', 'ROW', '1.7e308'), ...FRA]);
    const r = await run(huge, 'csv');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`linkage: E_NOT_FINITE: value of gerd_row_usd_ppp for DEU 2017 is not a finite number after the unit multiplier (${huge}:3)`);
    const power = gerdSof([line('DEU', '_T', '100', '400'), line('DEU', 'ROW', '5'), ...FRA]);
    const p = await run(power, 'csv');
    expect(p.code).toBe(1);
    expect(p.stderr.split('\n')[0]).toBe(`linkage: E_UNIT_MULTIPLIER: unit multiplier 400 is outside the documented range 0–12 (10^0 units to 10^12 trillions) (${power}:2:PowerCode Code)`);
    expect(p.stdout).toBe('');
  });

  it('the last gate: any non-finite value or detail number leaves as missing or null', () => {
    const base: Result = { indicator: 'x', geo: 'DEU', geo_kind: 'country', partner: null, breakdown: null, year: 2017, value: Number.NaN, unit: 'percent', status: 'ok', reason: null, years_used: {}, provenance: [], flags: {}, detail: { intensity: Number.POSITIVE_INFINITY, members: { DEU: 1, FRA: Number.NaN } } };
    const r = finiteResult(base);
    expect(r.value).toBeNull();
    expect(r.status).toBe('missing');
    expect(r.reason).toMatch(/not a number/);
    expect(r.detail).toEqual({ intensity: null, members: { DEU: 1, FRA: null }, not_finite: ['intensity', 'members.FRA'] });
    expect(finiteResult({ ...base, value: null, detail: undefined }).status).toBe('missing');
    expect(finiteResult({ ...base, value: 4.5, detail: undefined })).toEqual({ ...base, value: 4.5, detail: undefined });
  });

  it('the ladder: a zero denominator gives no share; a group that is the whole world says so (item 10)', () => {
    expect(Number.isFinite(ladder(0, 0).share)).toBe(false);
    const whole = ladder(300, 1000, 1000, 1000);
    expect(whole.share).toBeCloseTo(0.3, 15);
    expect(whole.intensity).toBeNull();
    expect(whole.ladder_reason).toMatch(/^the group covers the whole world: the rest of the world is empty/);
  });
});

describe('each measure declares its domain and unit (issue 9 item 7)', () => {
  it('GERD financed abroad larger than total GERD (748 %) is a data error naming both rows', async () => {
    const f = gerdSof([line('DEU', '_T', '100'), line('DEU', 'ROW', '748'), ...FRA]);
    const r = await run(f, 'json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe(`linkage: E_PART_EXCEEDS_WHOLE: DEU's GERD financed by the rest of the world for 2017 (748000000) is larger than its total GERD (PPP US$) (100000000): 748.0 % (${f}:3)`);
    expect(r.stderr).toMatch(/gerd_row_usd_ppp \(line 3\) and gerd_usd_ppp \(line 2\)/);
  });

  it('a total of 1e-300 makes the part larger than the whole: an error, never 5e302 %', async () => {
    const f = gerdSof([line('DEU', '_T', '1e-300'), line('DEU', 'ROW', '5'), ...FRA]);
    const r = await run(f, 'csv');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is larger than its total GERD/);
  });

  it('negative GERD, and a EUR row inside the PPP US$ series, are data errors at their line', async () => {
    const neg = gerdSof([line('DEU', '_T', '-100'), line('DEU', 'ROW', '5'), ...FRA]);
    const n = await run(neg, 'csv');
    expect(n.code).toBe(1);
    expect(n.stderr.split('\n')[0]).toBe(`linkage: E_OUTSIDE_DOMAIN: value -100000000 of gerd_usd_ppp for DEU 2017 is outside its domain (0 to ∞: expenditure cannot be negative) (${neg}:2)`);
    const eur = gerdSof([line('DEU', '_T', '100', '6', 'EUR'), line('DEU', 'ROW', '5'), ...FRA]);
    const e = await run(eur, 'csv');
    expect(e.code).toBe(1);
    expect(e.stderr.split('\n')[0]).toBe(`linkage: E_MIXED_UNIT: a row in EUR inside the gerd_usd_ppp series, which is in usd_ppp (${eur}:2)`);
  });

  it('a share above 100 is refused (canonical CSV, MSTI-style percentage)', async () => {
    const f = join(tmpDir(), 'canonical.csv');
    writeFileSync(f, 'measure,geo,partner,year,value,unit,flags,source,dataset,edition\ngerd_financed_abroad_pct,DEU,,2017,101,percent,,synthetic,TEST,2020\n');
    const r = await cli('compute', '--no-sample', '--input', f, '--indicator', 'gerd-financed-abroad', '--country', 'DEU', '--year', '2017');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`linkage: E_OUTSIDE_DOMAIN: value 101 of gerd_financed_abroad_pct for DEU 2017 is outside its domain (0 to 100: a share of GERD) (${f}:2)`);
  });

  it('negative FDI positions, which the IMF and OECD publish, are kept with a warning naming them', async () => {
    const f = join(tmpDir(), 'canonical.csv');
    writeFileSync(f, 'measure,geo,partner,year,value,unit,flags,source,dataset,edition\nfdi_outward_position_usd,DEU,FRA,2017,-5,usd,,synthetic,TEST,2020\nfdi_outward_position_usd,DEU,WLD,2017,100,usd,,synthetic,TEST,2020\n');
    const r = await cli('compute', '--no-sample', '--input', f, '--indicator', 'fdi-intra-share', '--group', 'P=DEU,FRA', '--year', '2017', '--format', 'json');
    expect(r.code, r.stderr).not.toBe(70);
    expect(r.stderr).toMatch(/warning: .*1 fdi_outward_position_usd value\(s\) outside the usual domain kept as published \(negative positions are published.*\): DEU 2017 \(line 2\)/);
  });
});
