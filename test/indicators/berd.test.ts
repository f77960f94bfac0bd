import { describe, expect, it } from 'vitest';
import { berdIndustryShare } from '../../indicators/berd-industry-share.js';
import { gerdWorldShare } from '../../indicators/gerd-world-share.js';
import { technologyOverlap } from '../../indicators/technology-overlap.js';
import type { ComputeRequest, Geo } from '../../src/model/indicator.js';
import type { ObservationTable } from '../../src/model/table.js';
import { tableOf } from '../helpers.js';

// Synthetic BERD tables; expected values worked out by hand.
const group = (code: string, members: string[]): Geo => ({ kind: 'group', code, group: { code, name: code, members, definition: '', source: '', asOf: '', origin: 'test' } });
const req = (table: ObservationTable, geos: Geo[], years: number[] | undefined, options: Record<string, string> = {}, latest = 0): ComputeRequest => ({ table, geos, years, latest, edition: undefined, options });

const T = tableOf([
  // A: 20 % in computers, 5 % in pharma; B: 40 % and 15 %; C: 12 % (2015 only) and 30 %.
  ['berd_share_computer_electronic_optical', 'CHN', 2016, 20],
  ['berd_share_pharmaceuticals', 'CHN', 2016, 5],
  ['berd_share_computer_electronic_optical', 'JPN', 2016, 40],
  ['berd_share_pharmaceuticals', 'JPN', 2016, 15],
  ['berd_share_computer_electronic_optical', 'KOR', 2015, 12],
  ['berd_share_pharmaceuticals', 'KOR', 2016, 30],
  // amounts for a group share: CHN 20 of 100, JPN 120 of 300 → (20 + 120) / 400 = 35 %
  ['berd_computer_electronic_optical_usd_ppp', 'CHN', 2016, 20],
  ['berd_usd_ppp', 'CHN', 2016, 100],
  ['berd_computer_electronic_optical_usd_ppp', 'JPN', 2016, 120],
  ['berd_usd_ppp', 'JPN', 2016, 300],
]);

describe('berd-industry-share', () => {
  it('country: the published share; group: Σ industry BERD / Σ BERD', () => {
    const rs = berdIndustryShare.compute(req(T, [{ kind: 'country', code: 'JPN' }, group('CJ', ['CHN', 'JPN'])], [2016], { industry: 'computer-electronic-optical' }));
    expect(rs.map((r) => [r.geo, r.breakdown, r.value])).toEqual([
      ['JPN', 'computer-electronic-optical', 40],
      ['CJ', 'computer-electronic-optical', 35],
    ]);
  });

  it('refuses an unknown industry', () => {
    expect(() => berdIndustryShare.compute(req(T, [], [2016], { industry: 'steel' }))).toThrow(/unknown industry "steel"/);
  });
});

describe('technology-overlap', () => {
  it('minimum member share per industry, overlap when every member exceeds the threshold', () => {
    const rs = technologyOverlap.compute(req(T, [group('CJK', ['CHN', 'JPN', 'KOR'])], [2016], { industry: 'computer-electronic-optical,pharmaceuticals' }, 1));
    expect(rs.map((r) => [r.breakdown, r.value, r.detail?.overlap])).toEqual([
      ['computer-electronic-optical', 12, true],
      ['pharmaceuticals', 5, false],
    ]);
    expect(rs[0]?.years_used).toEqual({ CHN: 2016, JPN: 2016, KOR: 2015 });
  });

  it('without --latest, a member lacking the year makes the industry missing, naming it', () => {
    const [r] = technologyOverlap.compute(req(T, [group('CJK', ['CHN', 'JPN', 'KOR'])], [2016], { industry: 'computer-electronic-optical' }));
    expect(r?.status).toBe('missing');
    expect(r?.reason).toMatch(/^KOR /);
  });

  it('threshold is an option', () => {
    const [r] = technologyOverlap.compute(req(T, [group('CJ', ['CHN', 'JPN'])], [2016], { industry: 'computer-electronic-optical', threshold: '25' }));
    expect(r?.detail?.overlap).toBe(false);
  });
});

describe('gerd-world-share', () => {
  const W = tableOf([
    ['gerd_usd_ppp', 'CHN', 2017, 250],
    ['gerd_usd_ppp', 'JPN', 2017, 150],
    ['gerd_usd_ppp', 'WLD', 2017, 1000],
    ['gerd_usd_ppp', 'OECD', 2017, 800],
  ]);
  it('Σ members / the source world total', () => {
    const [r] = gerdWorldShare.compute(req(W, [group('CJ', ['CHN', 'JPN'])], [2017]));
    expect(r?.value).toBe(40);
    expect(gerdWorldShare.compute(req(W, [group('CJ', ['CHN', 'JPN'])], [2017], { of: 'OECD' }))[0]?.value).toBe(50);
  });
  it('missing when the input has no world row — never the sum of the countries in the file', () => {
    const noWorld = tableOf([
      ['gerd_usd_ppp', 'CHN', 2017, 250],
      ['gerd_usd_ppp', 'JPN', 2017, 150],
    ]);
    const [r] = gerdWorldShare.compute(req(noWorld, [group('CJ', ['CHN', 'JPN'])], [2017]));
    expect(r?.status).toBe('missing');
    expect(r?.reason).toMatch(/no world/);
  });
});
