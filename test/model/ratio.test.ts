import { describe, expect, it } from 'vitest';
import { gerdFinancedAbroad } from '../../indicators/gerd-financed-abroad.js';
import { rdIntensity } from '../../indicators/rd-intensity.js';
import type { ComputeRequest, Geo } from '../../src/model/indicator.js';
import { ObservationTable } from '../../src/model/table.js';
import { provenance, row, tableOf } from '../helpers.js';

// Synthetic tables; every expected value is worked out by hand in the comments.
const GROUP: Geo = { kind: 'group', code: 'AB', group: { code: 'AB', name: 'AB', members: ['CHN', 'JPN'], definition: '', source: '', asOf: '', origin: 'test' } };

function req(table: ObservationTable, geos: Geo[], years: number[] | undefined, extra: Partial<ComputeRequest> = {}): ComputeRequest {
  return { table, geos, years, latest: 0, edition: undefined, options: {}, ...extra };
}

describe('ratio of sums (rd-intensity)', () => {
  // CHN: GERD 200, 2 % of GDP → GDP 10000. JPN: GERD 300, 3 % → GDP 10000.
  // Group: (200 + 300) / (10000 + 10000) = 2.5 %; the mean of ratios would also be 2.5 here, so
  // a second case makes them differ: JPN GERD 900 at 3 % → GDP 30000 → (200+900)/(40000) = 2.75 %.
  const t = tableOf([
    ['gerd_pct_gdp', 'CHN', 2017, 2],
    ['gerd_usd_ppp', 'CHN', 2017, 200],
    ['gerd_pct_gdp', 'JPN', 2017, 3],
    ['gerd_usd_ppp', 'JPN', 2017, 900],
  ]);

  it('group value is Σ GERD / Σ GDP, not the mean of ratios', () => {
    const [r] = rdIntensity.compute(req(t, [GROUP], [2017]));
    expect(r?.value).toBeCloseTo(2.75, 12);
    expect(r?.status).toBe('ok');
    expect(r?.years_used).toEqual({ CHN: 2017, JPN: 2017 });
    expect(r?.detail).toMatchObject({ numerator: 1100, denominator: 40000 });
  });

  it('country value is the published percentage', () => {
    const [r] = rdIntensity.compute(req(t, [{ kind: 'country', code: 'JPN' }], [2017]));
    expect(r?.value).toBe(3);
  });

  it('a group with a member missing is missing and names the member', () => {
    const partial = tableOf([
      ['gerd_pct_gdp', 'CHN', 2017, 2],
      ['gerd_usd_ppp', 'CHN', 2017, 200],
      ['gerd_pct_gdp', 'JPN', 2017, 3],
    ]);
    const [r] = rdIntensity.compute(req(partial, [GROUP], [2017]));
    expect(r?.value).toBeNull();
    expect(r?.status).toBe('missing');
    expect(r?.reason).toContain('JPN');
    expect(r?.reason).not.toContain('CHN');
  });

  it('a missing (null) cell is never read as zero', () => {
    const t2 = tableOf([
      ['gerd_pct_gdp', 'CHN', 2017, null],
      ['gerd_usd_ppp', 'CHN', 2017, 200],
    ]);
    const [r] = rdIntensity.compute(req(t2, [{ kind: 'country', code: 'CHN' }], [2017]));
    expect(r?.status).toBe('missing');
  });

  it('--latest fills a member gap and reports the year used', () => {
    const t3 = tableOf([
      ['gerd_pct_gdp', 'CHN', 2017, 2],
      ['gerd_usd_ppp', 'CHN', 2017, 200],
      ['gerd_pct_gdp', 'JPN', 2016, 3],
      ['gerd_usd_ppp', 'JPN', 2016, 900],
    ]);
    expect(rdIntensity.compute(req(t3, [GROUP], [2017]))[0]?.status).toBe('missing');
    const [r] = rdIntensity.compute(req(t3, [GROUP], [2017], { latest: 1 }));
    expect(r?.value).toBeCloseTo(2.75, 12);
    expect(r?.years_used).toEqual({ CHN: 2017, JPN: 2016 });
  });

  it('without --year: each country its latest year, a group the latest year all members share', () => {
    const t4 = tableOf([
      ['gerd_pct_gdp', 'CHN', 2018, 2.2],
      ['gerd_usd_ppp', 'CHN', 2018, 220],
      ['gerd_pct_gdp', 'CHN', 2017, 2],
      ['gerd_usd_ppp', 'CHN', 2017, 200],
      ['gerd_pct_gdp', 'JPN', 2017, 3],
      ['gerd_usd_ppp', 'JPN', 2017, 900],
    ]);
    const rs = rdIntensity.compute(req(t4, [{ kind: 'country', code: 'CHN' }, GROUP], undefined));
    expect(rs.map((r) => [r.geo, r.year])).toEqual([
      ['CHN', 2018],
      ['AB', 2017],
    ]);
  });
});

describe('editions', () => {
  // Two editions hold Korea 2017: 4.55 (2019) and 4.29 (2023-05). Newest wins unless --edition.
  const old = provenance('MSTI', '2019');
  const neu = provenance('DP_LIVE', '2023-05');
  const t = new ObservationTable([row('gerd_pct_gdp', 'KOR', 2017, 4.55, old), row('gerd_pct_gdp', 'KOR', 2017, 4.29, neu)]);
  const KOR: Geo = { kind: 'country', code: 'KOR' };

  it('newest edition by default, named in provenance', () => {
    const [r] = rdIntensity.compute(req(t, [KOR], [2017]));
    expect(r?.value).toBe(4.29);
    expect(r?.provenance.map((p) => p.edition)).toEqual(['2023-05']);
  });

  it('--edition chooses', () => {
    expect(rdIntensity.compute(req(t, [KOR], [2017], { edition: '2019' }))[0]?.value).toBe(4.55);
    expect(rdIntensity.compute(req(t, [KOR], [2017], { edition: 'MSTI' }))[0]?.value).toBe(4.55);
  });

  it('a member value takes all its measures from one edition', () => {
    // GERD 100 (2019) with 4.55 %, but only 4.29 % in 2023-05 without GERD: the 2019 pair is used.
    const t2 = new ObservationTable([row('gerd_pct_gdp', 'KOR', 2017, 4, old), row('gerd_usd_ppp', 'KOR', 2017, 100, old), row('gerd_pct_gdp', 'KOR', 2017, 5, neu)]);
    const g: Geo = { kind: 'group', code: 'K', group: { code: 'K', name: 'K', members: ['KOR'], definition: '', source: '', asOf: '', origin: 'test' } };
    expect(rdIntensity.compute(req(t2, [g], [2017]))[0]?.value).toBeCloseTo(4, 12);
  });

  it('the same key twice in one file with different values is an error', () => {
    expect(() => new ObservationTable([row('gerd_pct_gdp', 'KOR', 2017, 4, old), row('gerd_pct_gdp', 'KOR', 2017, 5, old)])).toThrow(/duplicate observation/);
  });
});

describe('gerd-financed-abroad', () => {
  // CHN: ROW 1 of 100 → 1 %; JPN: 3 % of 300 (published share) → 9. Group: (1 + 9) / 400 = 2.5 %.
  const a = provenance('GERD_SOF', '2023-06');
  const b = provenance('MSTI', '2019');
  const t = new ObservationTable([
    row('gerd_row_usd_ppp', 'CHN', 2017, 1, a),
    row('gerd_usd_ppp', 'CHN', 2017, 100, a),
    row('gerd_financed_abroad_pct', 'JPN', 2017, 3, b),
    row('gerd_usd_ppp', 'JPN', 2017, 300, b),
  ]);
  it('combines the GERD_SOF and MSTI recipes in one group sum', () => {
    const rs = gerdFinancedAbroad.compute(req(t, [{ kind: 'country', code: 'CHN' }, GROUP], [2017]));
    expect(rs[0]?.value).toBe(1);
    expect(rs[1]?.value).toBeCloseTo(2.5, 12);
    expect(rs[1]?.partner).toBe('WLD');
    expect(rs[1]?.provenance.map((p) => p.dataset)).toEqual(['GERD_SOF', 'MSTI']);
  });
});
