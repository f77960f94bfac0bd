import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../indicators/index.js';
import type { Geo, Result } from '../../src/model/indicator.js';
import type { Group } from '../../src/model/groups.js';
import { ObservationTable } from '../../src/model/table.js';
import type { CanonicalRow, Provenance } from '../../src/model/types.js';

// Property-based tests of the ladder and ratio maths on synthetic trade worlds (issue 9, Guards).
// A world: six economies and the rest of the world (O); F[i][j] are exports in whole US$ (integers,
// so every sum is exact and invariance can be asserted exactly); every economy reports its exports
// to each economy and to the world; the world's exports to each economy and in total are given too.
const E = ['CHN', 'JPN', 'KOR', 'USA', 'DEU', 'FRA'] as const;
const N = E.length;
const SEED = 20261122;
const RUNS = 60;
const PROV: Provenance = { source: 'synthetic', dataset: 'Comtrade Plus', edition: '2022', file: 'synthetic', sha256: '0'.repeat(64) };

interface World {
  /** F[i][j] for i, j in E (diagonal = self-flows); row N = the rest of the world O as exporter. */
  f: number[][];
  /** F[i][O]: exports of i to the rest of the world; index N = O to O. */
  toRest: number[];
}

const flow = fc.integer({ min: 0, max: 1_000_000 });
const world: fc.Arbitrary<World> = fc.record({
  f: fc.array(fc.array(flow, { minLength: N, maxLength: N }), { minLength: N + 1, maxLength: N + 1 }),
  toRest: fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: N + 1, maxLength: N + 1 }),
});
const members = fc.subarray([...E], { minLength: 1 });

function rows(w: World, scale = 1): CanonicalRow[] {
  const out: CanonicalRow[] = [];
  const r = (geo: string, partner: string, value: number): CanonicalRow => ({ measure: 'trade:X:TOTAL', geo, partner, year: 2022, value: value * scale, unit: 'usd', flags: {}, provenance: PROV });
  let total = 0;
  for (let i = 0; i <= N; i++) {
    const line = w.f[i] as number[];
    const own = line.reduce((a, b) => a + b, 0) + (w.toRest[i] as number);
    total += own;
    if (i === N) continue;
    const geo = E[i] as string;
    for (let j = 0; j < N; j++) out.push(r(geo, E[j] as string, line[j] as number));
    out.push(r(geo, 'WLD', own));
  }
  for (let j = 0; j < N; j++) out.push(r('WLD', E[j] as string, w.f.reduce((a, line) => a + (line[j] as number), 0)));
  out.push(r('WLD', 'WLD', total));
  return out;
}

const group = (ms: readonly string[], code = 'R'): Geo => ({ kind: 'group', code, group: { code, name: code, members: [...ms], definition: '', source: '', asOf: '', origin: 'ad hoc' } });
const indicator = (id: string) => INDICATORS.find((i) => i.meta.id === id) as (typeof INDICATORS)[number];

function ladder(table: ObservationTable, ms: readonly string[]): Result {
  const [res] = indicator('trade-intra-share').compute({ table, geos: [group(ms)], years: [2022], latest: 0, edition: undefined, options: { flow: 'exports' } });
  return res as Result;
}

function partnerShare(table: ObservationTable, reporter: string, partners: string, groups: Group[], self: boolean): Result {
  const byCode = new Map(groups.map((g) => [g.code, g]));
  const options = { reporter, partners, ...(self ? { self: 'include' } : {}) };
  const [res] = indicator('export-destination-share').compute({ table, geos: [], years: [2022], latest: 0, edition: undefined, options, groups: { get: (c) => byCode.get(c) } });
  return res as Result;
}

const shuffled = <T>(xs: readonly T[], keys: readonly number[]): T[] =>
  xs
    .map((x, i) => [x, keys[i % keys.length] ?? 0] as const)
    .sort((a, b) => a[1] - b[1])
    .map(([x]) => x);

const params = { seed: SEED, numRuns: RUNS };

describe('ladder and ratio properties (fast-check, fixed seed)', () => {
  it('shares are in [0, 100] and introversion in [−1, 1]', () => {
    fc.assert(
      fc.property(world, members, (w, ms) => {
        const r = ladder(new ObservationTable(rows(w)), ms);
        expect(r.status).toBe('ok');
        expect(r.value).toBeGreaterThanOrEqual(0);
        expect(r.value).toBeLessThanOrEqual(100);
        const intro = r.detail?.introversion;
        if (typeof intro === 'number') {
          expect(intro).toBeGreaterThanOrEqual(-1);
          expect(intro).toBeLessThanOrEqual(1);
        }
      }),
      params,
    );
  });

  it('results do not depend on row order or member order', () => {
    fc.assert(
      fc.property(world, members, fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 50 }), (w, ms, keys) => {
        const base = ladder(new ObservationTable(rows(w)), ms);
        const other = ladder(new ObservationTable(shuffled(rows(w), keys)), shuffled(ms, keys));
        expect(other.value).toBe(base.value);
        expect(other.detail?.intensity).toBe(base.detail?.intensity);
        expect(other.detail?.introversion).toBe(base.detail?.introversion);
      }),
      params,
    );
  });

  it('scaling every flow by a constant leaves shares and indices unchanged', () => {
    fc.assert(
      fc.property(world, members, fc.constantFrom(0.001, 3, 1000, 1e6), (w, ms, k) => {
        const a = ladder(new ObservationTable(rows(w)), ms);
        const b = ladder(new ObservationTable(rows(w, k)), ms);
        expect(b.value as number).toBeCloseTo(a.value as number, 9);
        for (const key of ['intensity', 'introversion'] as const) {
          const x = a.detail?.[key];
          const y = b.detail?.[key];
          if (typeof x === 'number') expect(y as number).toBeCloseTo(x, 9);
          else expect(y).toBe(x);
        }
      }),
      params,
    );
  });

  it('flows between two non-members leave the numerator unchanged', () => {
    fc.assert(
      fc.property(world, fc.subarray([...E], { minLength: 1, maxLength: N - 2 }), flow, (w, ms, extra) => {
        const outside = E.map((_, i) => i).filter((i) => !(ms as readonly string[]).includes(E[i] as string));
        const [a, b] = outside as [number, number];
        const changed: World = { f: w.f.map((line, i) => line.map((v, j) => (i === a && j === b ? v + extra : v))), toRest: w.toRest };
        expect(ladder(new ObservationTable(rows(changed)), ms).detail?.numerator).toBe(ladder(new ObservationTable(rows(w)), ms).detail?.numerator);
      }),
      params,
    );
  });

  it("a one-economy group's intra-share is 0", () => {
    fc.assert(
      fc.property(world, fc.constantFrom(...E), (w, m) => {
        expect(ladder(new ObservationTable(rows(w)), [m]).value).toBe(0);
      }),
      params,
    );
  });

  it('a partner set gives the same share however it is written (list, group, order, with the reporter), with or without self-flows', () => {
    fc.assert(
      fc.property(world, fc.constantFrom(...E), members, fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 10 }), fc.boolean(), (w, reporter, ps, keys, self) => {
        const table = new ObservationTable(rows(w));
        const P: Group = { code: 'P', name: 'P', members: [...ps], definition: '', source: '', asOf: '', origin: 'ad hoc' };
        const share = (partners: string) => partnerShare(table, reporter, partners, [P], self).value as number;
        const list = share(ps.join(','));
        expect(share('P')).toBe(list);
        expect(share(shuffled(ps, keys).join(','))).toBe(list);
        // One rule for self-flows: naming the reporter adds its self-flow exactly when self-flows are in the denominator.
        const others = ps.filter((p) => p !== reporter);
        const expected = (others.length > 0 ? share(others.join(',')) : 0) + (self ? share(reporter) : 0);
        expect(share([...ps, reporter].join(','))).toBeCloseTo(expected, 9);
        expect(share(`P,${reporter}`)).toBeCloseTo(expected, 9);
        if (!self) expect(share(reporter)).toBe(0);
        expect(list).toBeGreaterThanOrEqual(0);
        expect(list).toBeLessThanOrEqual(100);
      }),
      params,
    );
  });
});
