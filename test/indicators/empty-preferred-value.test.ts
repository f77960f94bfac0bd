import { describe, expect, it } from 'vitest';
import { gerdGrowthContribution } from '../../indicators/gerd-growth-contribution.js';
import { gerdWorldShare } from '../../indicators/gerd-world-share.js';
import { giiIndicator } from '../../indicators/gii-indicator.js';
import { pctForeignShare } from '../../indicators/pct-foreign-share.js';
import { pctIntraShare } from '../../indicators/pct-intra-share.js';
import { striHeterogeneity } from '../../indicators/stri-heterogeneity.js';
import { triadicShare } from '../../indicators/triadic-share.js';
import { reason } from '../../src/messages.js';
import type { ComputeRequest, Geo, Indicator, Result } from '../../src/model/indicator.js';
import { ObservationTable } from '../../src/model/table.js';
import type { CanonicalRow } from '../../src/model/types.js';
import { provenance, row } from '../helpers.js';

// SYNTHETIC canonical rows (made-up figures): two inputs of one dataset, edition 2023 (file
// T-2023, the newest) and 2019 (file T-2019). The key under test is empty (null: `..`,
// confidential) in one of them and has a number in the other; every other row is the same in both.
// The newest edition's row decides: its empty cell is unknown, never the older edition's number.
const NEW = provenance('T', '2023');
const OLD = provenance('T', '2019');
const group = (code: string, members: string[]): Geo => ({ kind: 'group', code, group: { code, name: code, members, definition: '', source: '', asOf: '', origin: 'test' } });
const country = (code: string): Geo => ({ kind: 'country', code });

type Key = [measure: string, geo: string, partner: string | null, year: number];
/** Rows of both editions: `same` with equal values, `key` empty in `emptyIn` and `value` in the other. */
function table(same: [...Key, number][], key: Key, value: number, emptyIn: 'new' | 'old'): ObservationTable {
  const rows: CanonicalRow[] = [];
  for (const p of [NEW, OLD]) {
    for (const [m, g, partner, y, v] of same) rows.push(row(m, g, y, v, p, partner));
    const [m, g, partner, y] = key;
    rows.push(row(m, g, y, (p === NEW) === (emptyIn === 'new') ? null : value, p, partner));
  }
  return new ObservationTable(rows);
}
const run = (ind: Indicator, t: ObservationTable, geos: Geo[], options: Record<string, string> = {}, year = 2018): Result[] =>
  ind.compute({ table: t, geos, years: [year], latest: 0, edition: undefined, options } satisfies ComputeRequest);
/** Why the newest edition's empty row of `key` decides, the older edition's `value` not used. */
const empty = ([m, g, partner]: Key, value: number): string =>
  reason.preferredEmpty(reason.rowNoValue(m, g, partner, NEW.file), NEW, { file: OLD.file, edition: OLD.edition, value });
const onlyNew = (r: Result | undefined) => [r?.status, r?.provenance.map((p) => p.file)];

const PCT = 'patents:foreign-ownership:pct:9P50_1:PRIORITY';
const COUNT = 'patents:foreign-ownership:count:9P50_1:PRIORITY';
const TOTAL = 'patents:total:count:9P50_1:PRIORITY:inventor';

interface Case {
  name: string;
  ind: Indicator;
  geos: Geo[];
  options?: Record<string, string>;
  same: [...Key, number][];
  key: Key;
  value: number;
  /** The reason of the result when the newest edition's row is empty (`why`: {@link empty}). */
  reason: (why: string) => string;
  /** The value when the newest edition has `value` and the older one is empty. */
  ok: number;
}

const CASES: Case[] = [
  {
    name: 'triadic-share (world-share): the world row',
    ind: triadicShare, geos: [country('CHN')],
    same: [['triadic_patent_families', 'CHN', null, 2018, 100]],
    key: ['triadic_patent_families', 'WLD', null, 2018], value: 1000,
    reason: (why) => `${reason.worldRowNoValue('triadic patent families', 2018)} (${why})`, ok: 10,
  },
  {
    name: 'gerd-world-share: the world total',
    ind: gerdWorldShare, geos: [country('CHN')],
    same: [['gerd_usd_ppp', 'CHN', null, 2018, 200]],
    key: ['gerd_usd_ppp', 'WLD', null, 2018], value: 1000,
    reason: (why) => `${reason.totalRowNoValue('WLD', 'GERD (PPP US$)', 2018)} (${why})`, ok: 20,
  },
  {
    name: 'gii-indicator: a member score',
    ind: giiIndicator, geos: [group('CJ', ['CHN', 'JPN'])],
    same: [['gii_score:GII', 'JPN', null, 2018, 60]],
    key: ['gii_score:GII', 'CHN', null, 2018], value: 50,
    reason: (why) => `CHN has no score of the overall GII for 2018 (${why})`, ok: 55,
  },
  {
    name: 'stri-heterogeneity: a pair (the reverse direction is not read in its place either)',
    ind: striHeterogeneity, geos: [country('CHN')], options: { partner: 'JPN' },
    same: [['stri_heterogeneity:telecom', 'JPN', 'CHN', 2018, 0.4]],
    key: ['stri_heterogeneity:telecom', 'CHN', 'JPN', 2018], value: 0.5,
    reason: (why) => `no STRI heterogeneity (telecom) for 2018 between CHN and JPN (${why})`, ok: 0.5,
  },
  {
    name: 'pct-foreign-share: the published share of a country',
    ind: pctForeignShare, geos: [country('CHN')], options: { measure: 'foreign-ownership' },
    same: [[TOTAL, 'CHN', null, 2018, 1000], [COUNT, 'CHN', 'WLD', 2018, 70]],
    key: [PCT, 'CHN', 'WLD', 2018], value: 10,
    reason: (why) => `CHN has no foreign ownership of domestic inventions with all foreign countries for 2018 (authority 9P50_1) (${why})`, ok: 10,
  },
  {
    name: 'pct-intra-share (patents pairCount): a pair count',
    ind: pctIntraShare, geos: [group('CJ', ['CHN', 'JPN'])], options: { measure: 'foreign-ownership' },
    same: [[TOTAL, 'CHN', null, 2018, 1000], [TOTAL, 'JPN', null, 2018, 500], [COUNT, 'JPN', 'CHN', 2018, 3], [PCT, 'CHN', 'JPN', 2018, 1]],
    key: [COUNT, 'CHN', 'JPN', 2018], value: 12,
    reason: (why) => `no value for CHN–JPN (${why}) in 2018`, ok: (100 * 15) / 1500,
  },
  {
    name: 'gerd-growth-contribution: the world row of the year',
    ind: gerdGrowthContribution, geos: [country('CHN')], options: { from: '2010' },
    same: [['gerd_usd_ppp_const', 'WLD', null, 2010, 800], ['gerd_usd_ppp_const', 'CHN', null, 2010, 100], ['gerd_usd_ppp_const', 'CHN', null, 2018, 150]],
    key: ['gerd_usd_ppp_const', 'WLD', null, 2018], value: 1000,
    reason: (why) => `the input has no world (WLD) GERD at constant PPP for both 2010 and 2018; the world total is never summed from the countries in a file (${why})`, ok: 25,
  },
];

describe('an empty row of the newest edition is unknown, never an older edition\'s figure (synthetic)', () => {
  for (const c of CASES) {
    it(`${c.name}: newest empty, older ${c.value} → missing, naming the row and the figure not used`, () => {
      const rs = run(c.ind, table(c.same, c.key, c.value, 'new'), c.geos, c.options);
      expect(rs.length).toBeGreaterThan(0);
      for (const r of rs) {
        // Before: ok, computed from the older edition's figure.
        expect([r.status, r.value]).toEqual(['missing', null]);
        expect(r.reason).toBe(c.reason(empty(c.key, c.value)));
      }
    });
    it(`${c.name}: newest ${c.value}, older empty → the newest is used, and only it`, () => {
      const [r] = run(c.ind, table(c.same, c.key, c.value, 'old'), c.geos, c.options);
      expect(r?.value).toBeCloseTo(c.ok, 12);
      expect(onlyNew(r)).toEqual(['ok', [NEW.file]]);
    });
  }
});

describe('patent reasons say the year once (synthetic)', () => {
  it('two pairs without a value: "no value for CHN–JPN, CHN–KOR in 2018"', () => {
    const t = new ObservationTable([
      row(TOTAL, 'CHN', 2018, 1000, NEW), row(TOTAL, 'JPN', 2018, 500, NEW), row(TOTAL, 'KOR', 2018, 400, NEW),
      row(COUNT, 'JPN', 2018, 3, NEW, 'CHN'), row(COUNT, 'JPN', 2018, 2, NEW, 'KOR'), row(COUNT, 'KOR', 2018, 1, NEW, 'CHN'), row(COUNT, 'KOR', 2018, 1, NEW, 'JPN'),
    ]);
    const [r] = run(pctIntraShare, t, [group('CJK', ['CHN', 'JPN', 'KOR'])], { measure: 'foreign-ownership' });
    expect(r?.reason).toBe('no value for CHN–JPN, CHN–KOR in 2018');
  });
});
