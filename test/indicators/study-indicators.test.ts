import { describe, expect, it } from 'vitest';
import { anberdIndustryShare } from '../../indicators/anberd-industry-share.js';
import { gerdGrowthContribution } from '../../indicators/gerd-growth-contribution.js';
import { greenfieldFdi } from '../../indicators/greenfield-fdi.js';
import { seArticlesShare } from '../../indicators/se-articles-share.js';
import { striHeterogeneity } from '../../indicators/stri-heterogeneity.js';
import { triadicShare } from '../../indicators/triadic-share.js';
import type { Geo, Indicator, Result } from '../../src/model/indicator.js';
import { countryRegistry } from '../../src/model/countries.js';
import { loadGroups } from '../../src/model/groups.js';
import { ObservationTable } from '../../src/model/table.js';
import { loadCsvText } from '../helpers.js';

// Every table here is SYNTHETIC (invented values, worked out by hand) in the source's real layout:
// OECD Data Explorer SDMX-CSV (source-formats.md §3a codes only, §3b with labels; keys from
// apis.md §1.3), the World Bank DataBank layout (§5) and linkage's project-level greenfield CSV.

const groups = loadGroups(countryRegistry());
const group = (code: string): Geo => ({ kind: 'group', code, group: groups.get(code)! });
const country = (code: string): Geo => ({ kind: 'country', code });

async function run(indicator: Indicator, csv: string, geos: Geo[], years: number[] | undefined, options: Record<string, string> = {}, latest = 0): Promise<Result[]> {
  const { rows } = await loadCsvText(csv);
  return indicator.compute({ table: new ObservationTable(rows), geos, years, latest, edition: undefined, options, groups });
}

const MSTI_HEAD = 'DATAFLOW,REF_AREA,FREQ,MEASURE,UNIT_MEASURE,PRICE_BASE,TRANSFORMATION,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MULT,DECIMALS';
const msti = (rows: [string, string, number, number | string][]) =>
  [MSTI_HEAD, ...rows.map(([area, measure, year, value]) => `OECD.STI.STP:DSD_MSTI@DF_MSTI(1.3),${area},A,${measure},${year},${value},A,0,2`)].join('\n');

describe('triadic-share (synthetic DSD_MSTI SDMX-CSV)', () => {
  const triadic = (area: string, year: number, value: number | string): [string, string, number, number | string] => [area, 'P_TRIAD,PATN,_Z,_Z', year, value];
  it('Σ members / the file\'s own world row', async () => {
    const csv = msti([triadic('CHN', 2017, 5000), triadic('JPN', 2017, 17000), triadic('KOR', 2017, 3000), triadic('USA', 2017, 13000), triadic('WLD', 2017, 50000)]);
    const [cjk] = await run(triadicShare, csv, [group('CJK')], [2017]);
    expect(cjk?.value).toBe(50); // (5000 + 17000 + 3000) / 50000
    expect(cjk?.partner).toBe('WLD');
    expect(cjk?.detail).toMatchObject({ members_total: 25000, world_total: 50000 });
    const [usa] = await run(triadicShare, csv, [country('USA')], [2017]);
    expect(usa?.value).toBe(26);
  });

  it('no world row: missing, never the sum of the countries in the file', async () => {
    const [cjk] = await run(triadicShare, msti([triadic('CHN', 2017, 5000), triadic('JPN', 2017, 17000), triadic('KOR', 2017, 3000)]), [group('CJK')], [2017]);
    expect(cjk?.status).toBe('missing');
    expect(cjk?.value).toBeNull();
    expect(cjk?.reason).toMatch(/no world \(WLD\) row of triadic patent families for 2017/);
  });

  it('a member without a value (`..`-like empty cell) makes the group missing and is named', async () => {
    const [cjk] = await run(triadicShare, msti([triadic('CHN', 2017, ''), triadic('JPN', 2017, 17000), triadic('KOR', 2017, 3000), triadic('WLD', 2017, 50000)]), [group('CJK')], [2017]);
    expect(cjk?.value).toBeNull();
    expect(cjk?.reason).toMatch(/^CHN has no triadic patent families for 2017/);
  });
});

describe('gerd-growth-contribution (synthetic DSD_MSTI SDMX-CSV, constant PPP)', () => {
  const gerd = (area: string, year: number, value: number): [string, string, number, number] => [area, 'G,USD_PPP,Q,_Z', year, value];
  const csv = msti([gerd('CHN', 2000, 30), gerd('CHN', 2017, 450), gerd('JPN', 2000, 140), gerd('JPN', 2017, 170), gerd('KOR', 2000, 20), gerd('KOR', 2017, 80), gerd('WLD', 2000, 800), gerd('WLD', 2017, 2000)]);
  it('(Σ members(year) − Σ members(from)) / (world(year) − world(from))', async () => {
    const [cjk] = await run(gerdGrowthContribution, csv, [group('CJK')], [2017], { from: '2000' });
    // (450 + 170 + 80) − (30 + 140 + 20) = 510; world 2000 − 800 = 1200; 510 / 1200 = 42.5 %
    expect(cjk?.value).toBeCloseTo(42.5, 12);
    expect(cjk?.detail).toMatchObject({ from: 2000, members_increase: 510, world_increase: 1200, measure: 'gerd_usd_ppp_const' });
  });
  it('needs from; a world row for both years; growth of the world', async () => {
    await expect(run(gerdGrowthContribution, csv, [group('CJK')], [2017])).rejects.toThrow(/--option from=YYYY/);
    const [noBase] = await run(gerdGrowthContribution, csv, [group('CJK')], [2017], { from: '2001' });
    expect(noBase?.reason).toMatch(/no world \(WLD\) GERD at constant PPP for both 2001 and 2017/);
    const [current] = await run(gerdGrowthContribution, csv, [group('CJK')], [2017], { from: '2000', prices: 'current' });
    expect(current?.status).toBe('missing');
    const shrink = msti([gerd('CHN', 2000, 30), gerd('CHN', 2017, 40), gerd('WLD', 2000, 800), gerd('WLD', 2017, 700)]);
    const [s] = await run(gerdGrowthContribution, shrink, [country('CHN')], [2017], { from: '2000' });
    expect(s?.reason).toMatch(/did not grow/);
  });
});

describe('se-articles-share (synthetic World Bank DataBank CSV, IP.JRN.ARTC.SC)', () => {
  const wdi = [
    'Series Name,Series Code,Country Name,Country Code,2017 [YR2017],2018 [YR2018]',
    'Scientific and technical journal articles,IP.JRN.ARTC.SC,China,CHN,400000,500000',
    'Scientific and technical journal articles,IP.JRN.ARTC.SC,Japan,JPN,100000,100000',
    'Scientific and technical journal articles,IP.JRN.ARTC.SC,"Korea, Rep.",KOR,60000,..',
    'Scientific and technical journal articles,IP.JRN.ARTC.SC,World,WLD,2400000,2500000',
    '',
    '',
    'Data from database: World Development Indicators,,,,,',
    'Last Updated: 03/30/2023,,,,,',
  ].join('\n');
  it('Σ members / World row; a `..` member is named, never zero', async () => {
    const [y2017] = await run(seArticlesShare, wdi, [group('CJK')], [2017]);
    expect(y2017?.value).toBeCloseTo((100 * 560000) / 2400000, 12);
    const [y2018] = await run(seArticlesShare, wdi, [group('CJK')], [2018]);
    expect(y2018?.value).toBeNull();
    expect(y2018?.reason).toMatch(/^KOR has no S&E journal articles for 2018/);
    const [filled] = await run(seArticlesShare, wdi, [group('CJK')], [2018], {}, 1);
    expect(filled?.value).toBeCloseTo((100 * 660000) / 2500000, 12);
    expect(filled?.years_used).toEqual({ CHN: 2018, JPN: 2018, KOR: 2017 });
  });
});

describe('anberd-industry-share (synthetic DSD_ANBERD SDMX-CSV with labels)', () => {
  const head = 'STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,ACTION,REF_AREA,Reference area,FREQ,Frequency of observation,CRITERIA,Criteria,ACTIVITY,Economic activity,UNIT_MEASURE,Unit of measure,PRICE_BASE,Price base,MEASURE,Measure,TIME_PERIOD,Time period,OBS_VALUE,Observation value,OBS_STATUS,Observation status,UNIT_MULT,Unit multiplier';
  const row = (area: string, activity: string, year: number, value: number) =>
    `DATAFLOW,OECD.STI.STP:DSD_ANBERD@DF_ANBERDi4(1.0),"ANBERD, ISIC Rev.4",I,${area},${area},A,Annual,MA,Main activity,${activity},${activity},USD_PPP,US dollars PPP,V,Current prices,B,BERD,${year},,${value},,A,Normal value,6,Millions`;
  const csv = [
    head,
    row('CHN', '_T', 2016, 200), row('CHN', 'C', 2016, 174), row('CHN', 'C29', 2016, 17.2),
    row('JPN', '_T', 2016, 100), row('JPN', 'C', 2016, 86.9), row('JPN', 'C29', 2016, 26.2),
    row('KOR', '_T', 2015, 50), row('KOR', 'C', 2015, 44.8), row('KOR', 'C29', 2015, 6.35),
  ].join('\n');
  it('industry / all activities, from one input; Korea\'s 2015 fills 2016 with --latest 1', async () => {
    const rs = await run(anberdIndustryShare, csv, [country('CHN'), country('JPN'), group('CJK')], [2016], {}, 1);
    const get = (geo: string, b: string) => rs.find((r) => r.geo === geo && r.breakdown === b);
    expect(get('CHN', 'manufacturing')?.value).toBeCloseTo(87, 12);
    expect(get('CHN', 'motor-vehicles')?.value).toBeCloseTo(8.6, 12);
    expect(get('JPN', 'motor-vehicles')?.value).toBeCloseTo(26.2, 12);
    // CJK: (174 + 86.9 + 44.8) / (200 + 100 + 50)
    expect(get('CJK', 'manufacturing')?.value).toBeCloseTo((100 * 305.7) / 350, 10);
    expect(get('CJK', 'manufacturing')?.years_used).toEqual({ CHN: 2016, JPN: 2016, KOR: 2015 });
  });
  it('without --latest Korea is missing and named; an unknown industry is a usage error', async () => {
    const [cjk] = await run(anberdIndustryShare, csv, [group('CJK')], [2016], { industry: 'manufacturing' });
    expect(cjk?.value).toBeNull();
    expect(cjk?.reason).toMatch(/KOR/);
    await expect(run(anberdIndustryShare, csv, [group('CJK')], [2016], { industry: 'textiles' })).rejects.toThrow(/unknown ANBERD industry "textiles"/);
  });
});

describe('stri-heterogeneity (synthetic DSD_STRI@DF_STRI_HETERO SDMX-CSV)', () => {
  const head = 'DATAFLOW,FREQ,REF_AREA,MEASURE,ACTIVITY,METHODOLOGY,STRI_TYPE,UNIT_MEASURE,COUNTERPART_AREA,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MULT,DECIMALS';
  const row = (a: string, measure: string, activity: string, b: string, value: number) => `OECD.TAD.TPD:DSD_STRI@DF_STRI_HETERO(1.0),A,${a},${measure},${activity},_Z,_Z,IX,${b},2019,${value},A,0,2`;
  const csv = [
    head,
    row('CHN', 'STRI_HETERO', 'TC', 'JPN', 0.41),
    row('KOR', 'STRI_HETERO', 'TC', 'CHN', 0.62), // only the reverse direction of CHN–KOR
    row('JPN', 'STRI_HETERO', 'TC', 'KOR', 0.5),
    row('JPN', 'STRI_HETERO', 'LS', 'KOR', 0.3), // another sector, read under its code
    row('CHN', 'STRI', 'TC', '_Z', 0.7), // the composite index: skipped and counted
  ].join('\n');
  it('range over the pairs of members; symmetric pairs; other sectors by code', async () => {
    const { summary } = await loadCsvText(csv);
    expect(summary.skipped.reasons).toEqual({ 'STRI measure other than regulatory heterogeneity': 1 });
    const [min, max] = await run(striHeterogeneity, csv, [group('CJK')], [2019]);
    expect([min?.breakdown, min?.value, max?.breakdown, max?.value]).toEqual(['telecom-min', 0.41, 'telecom-max', 0.62]);
    expect(min?.detail).toEqual({ pairs: { 'CHN-JPN': 0.41, 'CHN-KOR': 0.62, 'JPN-KOR': 0.5 } });
    const [pair] = await run(striHeterogeneity, csv, [country('KOR')], [2019], { sector: 'LS', partner: 'JPN' });
    expect(pair?.value).toBe(0.3);
  });
  it('a missing pair makes the range missing and names it', async () => {
    const [min] = await run(striHeterogeneity, csv, [group('CJK')], [2019], { sector: 'LS' });
    expect(min?.value).toBeNull();
    expect(min?.reason).toBe('no STRI heterogeneity (LS) for 2019 between CHN–JPN, CHN–KOR');
  });
  it('an unknown STRI measure code is a data error naming it', async () => {
    await expect(loadCsvText([head, row('CHN', 'HET_X', 'TC', 'JPN', 0.4)].join('\n'))).rejects.toThrow(/unknown MEASURE code "HET_X" in DSD_STRI/);
  });
});

describe('greenfield-fdi (synthetic project-level CSV, Table 4 layout)', () => {
  const projects = [
    'source_economy,destination_economy,year,sector,capex_usd_m',
    'CHN,JPN,2003,Semiconductors,100',
    'CHN,JPN,2018,Real Estate,300',
    'CHN,JPN,2018,Software & IT services,50',
    'JPN,CHN,2010,Automotive OEM,900',
    'JPN,CHN,2018,Pharmaceuticals,100',
    'China,Germany,2018,Communications,40',
    'CHN,FRA,2018,Food & Tobacco,160',
    'CHN,KOR,2018,Coal,',
  ].join('\n');
  const series = (rs: Result[], d: string) => Object.fromEntries(rs.filter((r) => r.breakdown?.startsWith(d)).map((r) => [r.breakdown, [r.value, r.unit]]));
  it('totals, high-tech capex, share and projects, cumulative since 2003, in 100 million US$', async () => {
    const out = await run(greenfieldFdi, projects, [country('CHN')], [2018], { partner: 'JPN', since: '2003', unit: 'usd_100m' });
    expect(series(out, 'outward')).toEqual({
      'outward:capex': [4.5, 'usd_100m'],
      'outward:hightech-capex': [1.5, 'usd_100m'],
      'outward:hightech-share': [(100 * 150) / 450, 'percent'],
      'outward:projects': [3, 'count'],
    });
    const inward = await run(greenfieldFdi, projects, [country('CHN')], [2018], { partner: 'JPN', direction: 'inward', since: '2003' });
    expect(series(inward, 'inward')).toEqual({ 'inward:capex': [1000, 'usd_m'], 'inward:hightech-capex': [100, 'usd_m'], 'inward:hightech-share': [10, 'percent'], 'inward:projects': [2, 'count'] });
  });
  it('a partner group sums its members; the year alone without since; no project is missing, not zero', async () => {
    const eu = await run(greenfieldFdi, projects, [country('CHN')], [2018], { partner: 'EU28', unit: 'usd_bn' });
    expect(series(eu, 'outward')['outward:capex']).toEqual([0.2, 'usd_bn']);
    expect(series(eu, 'outward')['outward:hightech-share']).toEqual([20, 'percent']);
    const kor = await run(greenfieldFdi, projects, [country('CHN')], [2018], { partner: 'KOR' });
    expect(kor.every((r) => r.value === null && r.reason === 'no announced outward projects between CHN and KOR in 2018')).toBe(true);
    await expect(run(greenfieldFdi, projects, [country('CHN')], [2018], { partner: 'JPN', unit: 'yen' })).rejects.toThrow(/unit must be usd_m, usd_100m or usd_bn, got "yen"/);
  });
});
