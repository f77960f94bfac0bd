import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/model/indicator.js';
import { resolveProducts, inGroup } from '../../src/trade/products.js';
import { cli, shared, tmpDir } from '../helpers.js';

type Out = { results: Result[] };
const json = async (...args: string[]) => {
  const r = await cli('compute', '--format', 'json', ...args);
  if (r.code !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Out;
};
const PLUS = shared('comtrade', 'plus', 'chn-deu-usa-total-by-partner-2022.csv');
const LEGACY = shared('comtrade', 'legacy', 'chn-total-by-partner-2014-2018.csv');

describe('Comtrade Plus CSV (real, cp1252, 48 fields under 47 headers)', () => {
  it('USA exports to CAN+MEX 32.9 %, DEU to FRA+GBR 12.0 %', async () => {
    const usa = await json('--input', PLUS, '--indicator', 'export-destination-share', '--reporter', 'USA', '--partners', 'CAN,MEX', '--year', '2022');
    expect(usa.results[0]?.value).toBeCloseTo(32.9406, 4);
    expect(usa.results[0]?.detail?.basis).toBe('reporter');
    const deu = await json('--input', PLUS, '--indicator', 'export-destination-share', '--reporter', 'DEU', '--partners', 'FRA,GBR', '--year', '2022');
    expect(deu.results[0]?.value).toBeCloseTo(12.0065, 4);
  });

  it('CHN imports from JPN+KOR: 14.8 % without re-imports from China, 14.1 % with them', async () => {
    const ex = await json('--input', PLUS, '--indicator', 'import-source-share', '--reporter', 'CHN', '--partners', 'JPN,KOR', '--year', '2022');
    expect(ex.results[0]?.value).toBeCloseTo(14.8148, 4);
    const inc = await json('--input', PLUS, '--indicator', 'import-source-share', '--reporter', 'CHN', '--partners', 'JPN,KOR', '--year', '2022', '--include-self');
    expect(inc.results[0]?.value).toBeCloseTo(14.1445, 4);
    expect(inc.results[0]?.detail?.self_flows).toBe('included');
  });

  it('is decoded as cp1252 (Côte d’Ivoire, Curaçao, Türkiye keep their letters)', async () => {
    const r = await cli('inspect', PLUS, '--format', 'json');
    const info = JSON.parse(r.stdout) as { encoding: string; partners: string[] };
    expect(info.encoding).toBe('windows-1252');
    expect(info.partners).toEqual(expect.arrayContaining(['CIV', 'CUW', 'TUR', 'S19']));
  });
});

describe('Comtrade legacy CSV (real) and Plus JSON', () => {
  it('2017 and 2018 import-source-share on the legacy file; H4 → H5 inside the file is fine for TOTAL', async () => {
    const out = await json('--input', LEGACY, '--indicator', 'import-source-share', '--reporter', 'CHN', '--partners', 'JPN,KOR', '--year', '2017-2018');
    expect(out.results.map((r) => r.year)).toEqual([2017, 2018]);
    for (const r of out.results) expect(r.status).toBe('ok');
  });

  it('trade-intra-share for CJK 2018 is missing, naming JPN and KOR, on both bases', async () => {
    for (const basis of ['reporter', 'mirror']) {
      // No result has a value: exit 1, the reason on stderr (issue 9 item 8).
      const r = await cli('compute', '--format', 'json', '--input', LEGACY, '--indicator', 'trade-intra-share', '--group', 'CJK', '--year', '2018', '--basis', basis);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^linkage: E_NO_VALUE: no result has a value: trade-intra-share for CJK in 2018\n/);
      expect(r.stderr).toMatch(/; JPN and KOR are not reporters in the input for 2018/);
    }
  });

  it('Plus JSON API responses load through the same loader', async () => {
    const out = await json('--input', shared('comtrade', 'plus', 'api-response-chn-2010-total.json'), '--indicator', 'trade-matrix', '--group', 'PAIR=CHN,DEU', '--year', '2010', '--flow', 'imports');
    const chnDeu = out.results.find((r) => r.geo === 'CHN' && r.partner === 'DEU');
    expect(chnDeu?.value).toBe(74251272075);
    expect(out.results.find((r) => r.geo === 'CHN' && r.partner === 'ROW')?.reason).toMatch(/no world total/);
  });
});

// Synthetic BACI release (t,i,j,k,v,q with its country dictionary), values in thousands of US$.
// Exports among A=CHN (156), B=JPN (392), C=KOR (410) and O=USA (842), one HS2017 code 854231.
//   CHN→JPN 10, CHN→KOR 20, CHN→USA 70 | JPN→CHN 30, JPN→USA 70 | KOR→CHN 40, KOR→USA 60 | USA→CHN 100, USA→JPN 50
// R = CJK: intra = 10+20+30+40 = 100; R→W = 100+100+100 = 300; S = 1/3.
// W→R = (CHN: 30+40+100) + (JPN: 10+50) + (KOR: 20) = 250; W→W = 450; w = 250/450.
// I = (1/3)/(250/450) = 0.6. O→R = 250−100 = 150; O→W = 450−300 = 150; rest share = 1.
// HI = (1/3)/1; HE = (2/3)/0 → infinite: a degenerate world; a second product adds O→O flows.
//   USA→BRA (076) 300 (code 854231): W→W = 750; O→W = 450; rest share = 150/450 = 1/3 = S → RTI = 0.
function baci(dir: string): string {
  writeFileSync(join(dir, 'country_codes_V202301.csv'), 'country_code,country_name_abbreviation,country_name_full,iso_2digit_alpha,iso_3digit_alpha\n156,China,China,CN,CHN\n392,Japan,Japan,JP,JPN\n410,Rep. of Korea,Republic of Korea,KR,KOR\n842,USA,USA,US,USA\n76,Brazil,Brazil,BR,BRA\n');
  const flows: [number, number, number][] = [[156, 392, 10], [156, 410, 20], [156, 842, 70], [392, 156, 30], [392, 842, 70], [410, 156, 40], [410, 842, 60], [842, 156, 100], [842, 392, 50], [842, 76, 300]];
  const file = join(dir, 'BACI_HS17_Y2018_V202301.csv');
  writeFileSync(file, `t,i,j,k,v,q\n${flows.map(([i, j, v]) => `2018,${i},${j},854231,${v},1`).join('\n')}\n`);
  return file;
}

describe('BACI (synthetic) and the ladder on a whole-world matrix', () => {
  it('share, intensity and introversion worked out by hand; world totals derived from the matrix', async () => {
    const dir = tmpDir();
    const file = baci(dir);
    const share = await json('--input', file, '--indicator', 'trade-intra-share', '--group', 'CJK', '--year', '2018', '--flow', 'exports');
    const r = share.results[0];
    expect(r?.value).toBeCloseTo(100 / 3, 12);
    const d = r?.detail as Record<string, number>;
    // One unit convention in the contract: detail.share and detail.world_weight in percent, like value.
    expect(d.share).toBeCloseTo(r?.value as number, 12);
    expect(d.world_weight).toBeCloseTo((100 * 250) / 750, 12);
    expect(d.intensity).toBeCloseTo(1, 12);
    expect(d.introversion).toBeCloseTo(0, 12);
    const intro = await json('--input', file, '--indicator', 'trade-introversion', '--group', 'CJK', '--year', '2018', '--flow', 'exports');
    expect(intro.results[0]?.value).toBeCloseTo(0, 12);
    // The same with members listed in another order.
    const shuffled = await json('--input', file, '--indicator', 'trade-intra-share', '--group', 'KJC=KOR,JPN,CHN', '--year', '2018', '--flow', 'exports');
    expect(shuffled.results[0]?.value).toBeCloseTo(100 / 3, 12);
    expect((shuffled.results[0]?.detail as Record<string, number>).introversion).toBeCloseTo(0, 12);
  });

  it('values are thousands of US$; product groups are summed in the scan', async () => {
    const dir = tmpDir();
    const file = baci(dir);
    const out = await json('--input', file, '--indicator', 'trade-matrix', '--group', 'CJK', '--year', '2018', '--flow', 'exports', '--products', 'hightech');
    expect(out.results.find((r) => r.geo === 'CHN' && r.partner === 'JPN')?.value).toBe(10000);
    expect(out.results.find((r) => r.geo === 'CHN' && r.partner === 'ROW')?.value).toBe(70000);
  });

  it('a BACI file without its country dictionary is a one-line error', async () => {
    const dir = tmpDir();
    const file = baci(dir);
    const lonely = join(tmpDir(), 'BACI_HS17_Y2018_V202301.csv');
    writeFileSync(lonely, readFileSync(file));
    const r = await cli('compute', '--no-sample', '--input', lonely, '--indicator', 'trade-intra-share', '--group', 'CJK');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`linkage: E_BACI_NO_DICTIONARY: BACI file without its country dictionary (${lonely}:1)`);
  });

  it('a product code not in the HS vintage is an error naming line and column', async () => {
    const dir = tmpDir();
    baci(dir);
    const bad = join(dir, 'BACI_HS17_Y2019_V202301.csv');
    writeFileSync(bad, 't,i,j,k,v,q\n2019,156,392,854231,1,1\n2019,156,392,123456,1,1\n');
    const r = await cli('compute', '--no-sample', '--input', bad, '--indicator', 'trade-intra-share', '--group', 'CJK');
    expect(r.stderr.split('\n')[0]).toBe(`linkage: E_BACI_UNKNOWN_PRODUCT: product code 123456 is not in HS2017 (${bad}:3:k)`);
  });
});

describe('bad trade inputs', () => {
  const HEAD = 'Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Commodity,Qty Unit Code,Qty Unit,Qty,Netweight (kg),Trade Value (US$),Flag';
  const row = (partner: string, value: string, cls = 'H5', cmd = 'TOTAL') => `${cls},2018,2018,2018,0,0,1,Import,156,China,CHN,${partner},P,,${cmd},All,1,No Quantity,,,${value},0`;
  const run = async (lines: string[], ...args: string[]) => {
    const dir = tmpDir();
    const f = join(dir, 'comtrade.csv');
    writeFileSync(f, `${lines.join('\n')}\n`);
    return { f, r: await cli('compute', '--no-sample', '--input', f, '--indicator', 'import-source-share', '--reporter', 'CHN', '--partners', 'JPN', ...args) };
  };

  it('duplicated reporter–partner–product–year rows', async () => {
    const { f, r } = await run([HEAD, row('0', '100'), row('392', '10'), row('392', '10')]);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`linkage: E_DUPLICATE_ROW: duplicated row: CHN→JPN M TOTAL 2018 appears twice (${f}:4)`);
  });

  it('negative values', async () => {
    const { f, r } = await run([HEAD, row('0', '100'), row('392', '-10')]);
    expect(r.stderr.split('\n')[0]).toBe(`linkage: E_NEGATIVE_VALUE: negative trade value -10 (${f}:3:Trade Value (US$))`);
  });

  it('a product group of one HS vintage used with data of another is refused', async () => {
    const { f, r } = await run([HEAD, row('0', '100', 'H6', '854231'), row('392', '10', 'H6', '854231')], '--products', 'hightech');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`linkage: E_PRODUCT_VINTAGE: product group hightech (HS2017) cannot take the HS2022 rows of 2018: 854231 (HS2022) is part of 854231 (HS2017), together with other HS2022 codes (${f})`);
  });

  it('"Other Asia, nes" (490) stays its own partner unless --taiwan-490', async () => {
    const { r } = await run([HEAD, row('0', '100'), row('490', '30'), row('392', '10')], '--partners', 'TWN', '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no imports of CHN from TWN in 2018/);
    const { r: r2 } = await run([HEAD, row('0', '100'), row('490', '30'), row('392', '10')], '--partners', 'TWN', '--taiwan-490', '--format', 'json');
    expect((JSON.parse(r2.stdout) as Out).results[0]?.value).toBe(30);
    expect((JSON.parse(r2.stdout) as { warnings: { code: string; message: string }[] }).warnings[0]).toMatchObject({ code: 'W_TAIWAN_490', message: expect.stringMatching(/labelled as Taiwan/) });
    expect(r2.stderr).toMatch(/^linkage: warning: W_TAIWAN_490: UN Comtrade area 490/);
  });
});

describe('product groups', () => {
  it('high-tech from the Census ATP list with the partial-subheading rule', () => {
    const most = resolveProducts('hightech');
    const any = resolveProducts('hightech:any');
    const all = resolveProducts('hightech:all');
    expect(all.codes.size).toBeLessThanOrEqual(most.codes.size);
    expect(most.codes.size).toBeLessThanOrEqual(any.codes.size);
    expect(any.codes.size).toBe(230);
    expect(inGroup(most, '854231')).toBe(true);
    expect(most.vintage).toBe('H5');
  });

  it('chapters are vintage-free; SITC Rev.4 lists map to HS2017', () => {
    const me = resolveProducts('hs84-85');
    expect(me.vintage).toBe('any');
    expect(inGroup(me, '8542')).toBe(true);
    expect(inGroup(me, '9001')).toBe(false);
    const dir = tmpDir();
    mkdirSync(dir, { recursive: true });
    const f = join(dir, 'sitc.csv');
    writeFileSync(f, 'code,classification\n7764,S4\n');
    const g = resolveProducts(f);
    expect(g.vintage).toBe('H5');
    expect(inGroup(g, '854231')).toBe(true);
  });
});
