import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fdiIntraShare } from '../../indicators/fdi-intra-share.js';
import { ipChargesIntraShare } from '../../indicators/ip-charges-intra-share.js';
import type { Geo, Result } from '../../src/model/indicator.js';
import { countryRegistry } from '../../src/model/countries.js';
import { loadGroups } from '../../src/model/groups.js';
import { ObservationTable } from '../../src/model/table.js';
import { cli, loadCsvText, shared, tmpDir } from '../helpers.js';

const groups = loadGroups(countryRegistry());
const g = (code: string): Geo => ({ kind: 'group', code, group: groups.get(code)! });

describe('World Bank WDI (real workbook)', () => {
  it('CJK IP-charge receipts 2017 ≈ 53.8 bn US$; check counts the study\'s 53.79 within its stated tolerance', async () => {
    const wdi = shared('worldbank', 'wdi-ip-charges-1980-2021.xlsx');
    const r = await cli('compute', '--no-sample', '--input', wdi, '--indicator', 'ip-charges', '--group', 'CJK', '--year', '2017', '--option', 'flow=receipts', '--format', 'json');
    const out = JSON.parse(r.stdout) as { results: Result[]; inputs: { edition: string; rows: number }[] };
    const cjk = out.results.find((x) => x.geo === 'CJK');
    expect(cjk?.value).toBeCloseTo(53.811, 3);
    expect(cjk?.unit).toBe('usd_bn');
    expect(out.inputs[0]?.edition).toBe('2023-03');
    const c = JSON.parse((await cli('check', '--input', wdi, '--format', 'json')).stdout) as { figures: { id: string; verdict: string; tolerance: number | null }[] };
    const fig = c.figures.find((f) => f.id === 'ip_charges_exports_cjk');
    expect(fig?.verdict).toBe('reproduced');
    expect(fig?.tolerance).toBe(0.05);
  });

  it('".." is missing, never zero; footer lines are not data', async () => {
    // Synthetic CSV in the DataBank layout.
    const csv = [
      'Series Name,Series Code,Country Name,Country Code,2016 [YR2016],2017 [YR2017]',
      '"Charges for the use of intellectual property, receipts (BoP, current US$)",BX.GSR.ROYL.CD,"Korea, Rep.",KOR,100,..',
      '"Charges for the use of intellectual property, receipts (BoP, current US$)",BX.GSR.ROYL.CD,Japan,JPN,200,300',
      '',
      '',
      'Data from database: World Development Indicators',
      'Last Updated: 03/30/2023',
    ].join('\n');
    const { rows, summary } = await loadCsvText(csv, 'wdi.csv');
    expect(summary.edition).toBe('2023-03');
    expect(rows.find((r) => r.geo === 'KOR' && r.year === 2017)?.value).toBeNull();
    const dir = tmpDir();
    const f = join(dir, 'wdi.csv');
    writeFileSync(f, csv);
    const out = JSON.parse((await cli('compute', '--no-sample', '--input', f, '--indicator', 'ip-charges', '--group', 'PAIR=JPN,KOR', '--year', '2017', '--option', 'flow=receipts', '--format', 'json')).stdout) as { results: Result[] };
    const pair = out.results.find((x) => x.geo === 'PAIR');
    expect(pair?.value).toBeNull();
    expect(pair?.reason).toMatch(/^KOR /);
  });
});

describe('WIPO Global Innovation Index (real workbook)', () => {
  it('ranks and scores by indicator number', async () => {
    const gii = shared('wipo', 'gii-2022-dataset.xlsx');
    const out = JSON.parse((await cli('compute', '--no-sample', '--input', gii, '--indicator', 'gii-indicator', '--country', 'CHN', '--country', 'KOR', '--option', 'measure=rank', '--format', 'json')).stdout) as { results: Result[] };
    expect(out.results.map((r) => [r.geo, r.year, r.value])).toEqual([
      ['CHN', 2022, 11],
      ['KOR', 2022, 6],
    ]);
  });
});

// Synthetic WIPO IP Statistics export in the layout of source-formats.md §4.
const WIPO = [
  'Intellectual property right :Patent',
  '',
  'Indicator :4a- Patent publications by technology',
  '',
  'Source: WIPO statistics database. Last updated: May 2026',
  '',
  'Origin,Origin (Code),Office,Field of technology,2016,2017,2018,',
  'China,CN,Total,1 - Electrical machinery,100,120,,',
  'Soviet Union,SU,Total,1 - Electrical machinery,5,,,',
  'Japan,JP,Total,Unknown,7,8,9,',
].join('\r\n');

describe('WIPO IP Statistics CSV (synthetic)', () => {
  it('reads the preamble (indicator, update date), ISO-2 origins including historical codes', async () => {
    const { rows, summary } = await loadCsvText(WIPO, 'wipo.csv');
    expect(summary.loader).toBe('wipo-ipstats');
    expect(summary.edition).toBe('2026-05');
    expect(summary.dataset).toBe('IPSTATS 4a (Patent)');
    expect(rows.map((r) => [r.measure, r.geo, r.year, r.value])).toEqual([
      ['wipo:4a:Total:1 - Electrical machinery', 'CHN', 2016, 100],
      ['wipo:4a:Total:1 - Electrical machinery', 'CHN', 2017, 120],
      ['wipo:4a:Total:1 - Electrical machinery', 'SUN', 2016, 5],
      ['wipo:4a:Total:Unknown', 'JPN', 2016, 7],
      ['wipo:4a:Total:Unknown', 'JPN', 2017, 8],
      ['wipo:4a:Total:Unknown', 'JPN', 2018, 9],
    ]);
  });

  it('an export whose preamble is missing is refused with a one-line error', async () => {
    const noPreamble = WIPO.split('\r\n').slice(6).join('\r\n');
    await expect(loadCsvText(noPreamble, 'wipo.csv')).rejects.toThrow(/WIPO export without its preamble/);
  });
});

// Synthetic OECD-WTO BaTIS and OECD FDI SDMX-CSV files; layouts per source-formats.md §3, values invented.
describe('BaTIS and OECD FDI SDMX-CSV (synthetic)', () => {
  it('ip-charges-intra-share from payments by partner: (3 + 2 + 4 + 1 + 5 + 6) / (30 + 20 + 40)', async () => {
    const F = 'OECD.SDD.TPS:DSD_BATIS@DF_BATIS(1.0)';
    const head = 'DATAFLOW,REF_AREA,COUNTERPART_AREA,FLOW,SERVICE,FREQ,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MULT';
    const pay = (a: string, p: string, v: number) => `${F},${a},${p},M,SH,A,2017,${v},A,6`;
    const csv = [head, pay('CHN', 'W', 30), pay('JPN', 'W', 20), pay('KOR', 'W', 40), pay('CHN', 'JPN', 3), pay('CHN', 'KOR', 2), pay('JPN', 'CHN', 4), pay('JPN', 'KOR', 1), pay('KOR', 'CHN', 5), pay('KOR', 'JPN', 6), `${F},CHN,W,M,SD,A,2017,99,A,6`].join('\n');
    const { rows, summary } = await loadCsvText(csv);
    expect(summary.skipped.count).toBe(1);
    const [r] = ipChargesIntraShare.compute({ table: new ObservationTable(rows), geos: [g('CJK')], years: [2017], latest: 0, edition: undefined, options: {} });
    expect(r?.value).toBeCloseTo((100 * 21) / 90, 12);
  });

  it('FDI positions: direction, principle and counterpart level are required and recorded', async () => {
    const F = 'OECD.DAF.INV:DSD_FDI@DF_FDI_POS_CTRY(1.0)';
    const head = 'DATAFLOW,REF_AREA,MEASURE,UNIT_MEASURE,DIRECTION,MEASURE_PRINCIPLE,COUNTERPART_AREA,LEVEL_COUNTERPART,FREQ,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MULT';
    const out = (a: string, p: string, v: string) => `${F},${a},LE_FA_F,USD_EXC,DO,D,${p},IMC,A,2017,${v},A,6`;
    const csv = [head, out('GBR', 'W', '1000'), out('FRA', 'W', '800'), out('DEU', 'W', '1200'), out('GBR', 'FRA', '50'), out('GBR', 'DEU', '40'), out('FRA', 'GBR', '60'), out('FRA', 'DEU', '70'), out('DEU', 'GBR', '80'), out('DEU', 'FRA', '100')].join('\n');
    const { rows, summary } = await loadCsvText(csv);
    expect(summary.dataset).toBe('DSD_FDI');
    expect(rows[0]?.provenance.basis).toBe('principle D, counterpart IMC');
    expect(rows[0]?.value).toBe(1000000000);
    const [r] = fdiIntraShare.compute({ table: new ObservationTable(rows), geos: [g('UFG')], years: [2017], latest: 0, edition: undefined, options: {} });
    expect(r?.value).toBeCloseTo((100 * 400) / 3000, 12);
    await expect(loadCsvText(csv.replace(',DIRECTION,', ',DIR,'))).rejects.toThrow(/required column "DIRECTION" is missing/);
    await expect(loadCsvText(csv.replace(',LE_FA_F,USD_EXC,DO,', ',LE_FA_F,USD_EXC,DX,'))).rejects.toThrow(/unknown DIRECTION code "DX"/);
  });
});
