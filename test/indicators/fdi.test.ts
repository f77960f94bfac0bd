import { describe, expect, it } from 'vitest';
import { fdiIntraShare } from '../../indicators/fdi-intra-share.js';
import { fdiHightechContent } from '../../indicators/fdi-hightech-content.js';
import type { Geo, Result } from '../../src/model/indicator.js';
import { countryRegistry } from '../../src/model/countries.js';
import { loadGroups } from '../../src/model/groups.js';
import { ObservationTable } from '../../src/model/table.js';
import { msg } from '../../src/messages.js';
import { cli, loadCsvText, shared } from '../helpers.js';

const groups = loadGroups(countryRegistry());
const g = (code: string): Geo => ({ kind: 'group', code, group: groups.get(code)! });
const one = (rs: Result[], geo: string) => rs.find((r) => r.geo === geo);

// Synthetic IMF CDIS Table 6-o in its exported layout (title, unit line, "Investment in:" header,
// counterpart rows, World row, notes), as CSV. Values invented; shares worked out by hand.
const CDIS = [
  'Table 6-o: Outward Direct Investment Positions by All Reporting Economies Cross-classified by Counterpart Economies, as of end-2017',
  '"US Dollars, Millions"',
  'Investment in:,Japan,"Korea, Rep. of","China, P.R.: Mainland",Total Investment',
  '"China, P.R.: Mainland",100,50,,400',
  'Japan,,C,,300',
  '"Korea, Rep. of",20,,,200',
  'United States,380,250,,2000',
  'World,1000,500,,10000',
  '',
  'Notes,,,,',
  '"Blank cells reflect data not available or not applicable and cells with ""c"" reflect data that were suppressed.",,,,',
].join('\n');

describe('IMF CDIS Table 6-o (synthetic) and fdi-intra-share', () => {
  it('C is missing, never zero: the group is missing and names the pair', async () => {
    const { rows, summary } = await loadCsvText(CDIS, 'cdis.csv');
    expect(summary.loader).toBe('imf-cdis');
    const kor = rows.find((r) => r.geo === 'KOR' && r.partner === 'JPN');
    expect(kor?.value).toBeNull();
    expect(kor?.flags.confidential).toBe(true);
    const t = new ObservationTable(rows);
    const pair: Geo = { kind: 'group', code: 'JK', group: { code: 'JK', name: 'JK', members: ['JPN', 'KOR'], definition: '', source: '', asOf: '', origin: 'test' } };
    const [r] = fdiIntraShare.compute({ table: t, geos: [pair], years: [2017], latest: 0, edition: undefined, options: {} });
    expect(r?.status).toBe('missing');
    expect(r?.reason).toContain('KOR→JPN');
    // Lower bound on request: (JPN→KOR 20 + KOR→JPN counted 0) / (1000 + 500), labelled.
    const [lb] = fdiIntraShare.compute({ table: t, geos: [pair], years: [2017], latest: 0, edition: undefined, options: { confidential: 'lower-bound' } });
    expect(lb?.value).toBeCloseTo((100 * 20) / 1500, 12);
    expect(lb?.detail?.lower_bound).toBe(true);
  });

  it('a member that reported nothing makes the group missing, named', async () => {
    const { rows } = await loadCsvText(CDIS, 'cdis.csv');
    const [r] = fdiIntraShare.compute({ table: new ObservationTable(rows), geos: [g('CJK')], years: [2017], latest: 0, edition: undefined, options: {} });
    expect(r?.reason).toMatch(/^CHN reported no outward FDI positions for 2017/);
  });

  it('an unknown economy name is a one-line error naming it', async () => {
    const bad = CDIS.replace('United States,', 'Atlantis,');
    await expect(loadCsvText(bad, 'cdis.csv')).rejects.toThrow(msg.unknownCountryName('Atlantis')[0]);
  });
});

describe('IMF CDIS real workbooks', () => {
  const compute = async (...args: string[]) => JSON.parse((await cli('compute', '--indicator', 'fdi-intra-share', '--group', 'UFG', '--group', 'UCM', '--group', 'CJK', '--format', 'json', ...args)).stdout) as { results: Result[] };

  it('2017 outward: UFG ≈ 12.8 %, UCM ≈ 14.0 %, CJK missing because China did not report', async () => {
    const { results } = await compute('--input', shared('imf', 'cdis-table6-outward-positions-2017.xlsx'), '--year', '2017');
    expect(one(results, 'UFG')?.value).toBeCloseTo(12.806, 3);
    expect(one(results, 'UCM')?.value).toBeCloseTo(14.038, 3);
    expect(one(results, 'CJK')?.status).toBe('missing');
    expect(one(results, 'CJK')?.reason).toBe('CHN reported no outward FDI positions for 2017');
    const d = one(results, 'UFG')?.detail as Record<string, number>;
    expect(d.intensity).toBeGreaterThan(0);
    expect(d.introversion).toBeGreaterThanOrEqual(-1);
    expect(d.introversion).toBeLessThanOrEqual(1);
  });

  it('2018 outward: CJK ≈ 6.4 %', async () => {
    const { results } = await compute('--input', shared('imf', 'cdis-table6-outward-positions-2018.xlsx'), '--year', '2018');
    expect(one(results, 'CJK')?.value).toBeCloseTo(6.444, 3);
  });

  it('2017 inward by mirror with Table 4-i as denominator, flagged as mirror', async () => {
    const { results } = await compute('--input', shared('imf', 'cdis-table6-outward-positions-2017.xlsx'), '--input', shared('imf', 'cdis-table4-inward-positions.xlsx'), '--year', '2017', '--option', 'direction=inward');
    const ufg = one(results, 'UFG');
    expect(ufg?.status).toBe('ok');
    expect(ufg?.breakdown).toBe('inward');
    expect(String(ufg?.detail?.basis)).toMatch(/^mirror/);
    expect(one(results, 'CJK')?.reason).toContain("JPN←CHN (mirror: CHN's outward report)");
  });

  it('check reports the IMF-basis difference from the study as explained by source', async () => {
    const r = await cli('check', '--input', shared('imf', 'cdis-table6-outward-positions-2017.xlsx'), '--format', 'json');
    const figs = (JSON.parse(r.stdout) as { figures: { id: string; verdict: string; reason: string | null }[] }).figures;
    const ufg = figs.find((f) => f.id === 'fdi_outward_intra_share_ufg');
    expect(ufg?.verdict).toBe('explained');
    expect(ufg?.reason).toContain('different source');
    expect((ufg as unknown as { cause: { kind: string; text: string } }).cause).toEqual({ kind: 'source', text: 'the study used OECD FDI statistics; the value comes from IMF CDIS_6o 2024-01, a different source' });
    expect(figs.find((f) => f.id === 'fdi_outward_intra_share_cjk')?.verdict).toBe('unavailable');
    expect(figs.filter((f) => f.verdict === 'mismatch').map((f) => f.id)).toEqual(['ip_charges_exports_ufg']);
  });
});

// Synthetic greenfield projects in linkage's documented layout; shares worked out by hand.
const PROJECTS = [
  'source_economy,destination_economy,year,sector,capex_usd_m',
  'CHN,JPN,2017,Semiconductors,10',
  'CHN,JPN,2018,Real Estate,30',
  'CHN,JPN,2018,Software & IT services,5',
  'JPN,CHN,2018,Automotive OEM,90',
  'JPN,CHN,2018,Pharmaceuticals,10',
  'CHN,DEU,2018,Communications,4',
  'CHN,FRA,2018,Food & Tobacco,16',
  'CHN,KOR,2018,Coal,',
].join('\n');

describe('greenfield projects and fdi-hightech-content (synthetic)', () => {
  it('sums projects per pair and year; high-tech share by direction, cumulative on request', async () => {
    const { rows, summary } = await loadCsvText(PROJECTS, 'projects.csv');
    expect(summary.skipped.reasons).toEqual({ 'project without capital expenditure': 1 });
    const t = new ObservationTable(rows);
    const run = (options: Record<string, string>) => fdiHightechContent.compute({ table: t, geos: [{ kind: 'country', code: 'CHN' }], years: [2018], latest: 0, edition: undefined, options, groups });
    const [out] = run({ partner: 'JPN' }); // 5 / 35
    expect(out?.value).toBeCloseTo((100 * 5) / 35, 12);
    const [cum] = run({ partner: 'JPN', since: '2017' }); // (10 + 5) / (10 + 35)
    expect(cum?.value).toBeCloseTo((100 * 15) / 45, 12);
    const [inward] = run({ partner: 'JPN', direction: 'inward' }); // 10 / 100
    expect(inward?.value).toBeCloseTo(10, 12);
    const [eu] = run({ partner: 'EU28' }); // 4 / 20 over the EU28 members
    expect(eu?.value).toBeCloseTo(20, 12);
    expect(run({ partner: 'KOR' })[0]?.status).toBe('missing');
  });
});
