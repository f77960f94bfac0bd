import { beforeAll, describe, expect, it, vi } from 'vitest';
import Papa from 'papaparse';
import { writeYear } from '../../bench/generate.js';
import { cli, shared, tmpDir } from '../helpers.js';

// One compute call, several flows and product groups: the values are those of the separate single
// calls, every output keeps the series apart, and each input is scanned once. The BACI files are
// SYNTHETIC years in the real layout (bench/generate.ts), not CEPII figures.

const scans = vi.hoisted(() => ({ trade: [] as string[], loads: [] as string[] }));
vi.mock('../../src/engine/index.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/engine/index.js')>();
  return { ...m, scanTrade: (...a: Parameters<typeof m.scanTrade>) => (scans.trade.push(a[1]), m.scanTrade(...a)) };
});
vi.mock('../../src/loaders/load.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/loaders/load.js')>();
  return { ...m, loadFile: (...a: Parameters<typeof m.loadFile>) => (scans.loads.push(a[0]), m.loadFile(...a)) };
});

type R = { indicator: string; geo: string; partner: string | null; breakdown: string | null; year: number; value: number | null; status: string; detail?: Record<string, unknown> };
type Out = { results: R[]; inputs: { file: string; engine?: string }[] };
const json = async (...args: string[]) => {
  const r = await cli('compute', '--format', 'json', '--no-sample', '--quiet', ...args);
  if (r.code !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Out;
};
const key = (r: R) => `${r.indicator}|${r.geo}|${r.partner ?? ''}|${r.breakdown ?? ''}|${r.year}`;

const LADDER = ['trade-intra-share', 'trade-intensity', 'trade-introversion'];
const NINE = ['CHN', 'JPN', 'KOR', 'GBR', 'FRA', 'DEU', 'USA', 'CAN', 'MEX'];
const GROUPS = ['CJK', 'UFG', 'UCM', 'EU27'];
/** The bench's job in one call (fewer groups). */
const job = (file: string) => [
  '--input', file, '--year', '2018',
  ...[...LADDER, 'import-source-share'].flatMap((i) => ['--indicator', i]),
  '--flow', 'exports,imports', '--flow', 'total', '--products', 'TOTAL', '--products', 'hightech',
  ...GROUPS.flatMap((g) => ['--group', g]), '--no-members', ...NINE.flatMap((c) => ['--country', c]), '--partners', 'CJK',
];

/** Product codes present beside a prefix group are not part of the series' identity here. */
const series = (r: R) => (r.breakdown ?? '').replace(/ \[present: .*\]$/, '');

describe('compute with several flows and product groups', () => {
  let file = '';
  beforeAll(() => void (file = writeYear(tmpDir(), 2018, 20_000)));

  it('gives exactly the values of the separate single calls, each series distinct, ladder beside shares', async () => {
    const multi = await json(...job(file), '--no-cache');
    const single: R[] = [];
    for (const products of ['TOTAL', 'hightech']) {
      for (const ind of LADDER) {
        for (const flow of ['exports', 'imports', 'total']) {
          single.push(...(await json('--input', file, '--year', '2018', '--indicator', ind, '--flow', flow, '--products', products, ...GROUPS.flatMap((g) => ['--group', g]), '--no-members')).results);
        }
      }
      single.push(...(await json('--input', file, '--year', '2018', '--indicator', 'import-source-share', '--products', products, ...NINE.flatMap((c) => ['--country', c]), '--partners', 'CJK')).results);
    }
    // 3 ladder indicators × 4 groups × 3 flows × 2 product groups, and 9 shares × 2 product groups.
    expect(multi.results.length).toBe(3 * 4 * 3 * 2 + 9 * 2);
    expect(new Set(multi.results.map(key)).size).toBe(multi.results.length);
    const byKey = new Map(single.map((r) => [key(r), r]));
    for (const r of multi.results) expect([key(r), r.value, r.status, r.detail]).toEqual([key(r), byKey.get(key(r))?.value, byKey.get(key(r))?.status, byKey.get(key(r))?.detail]);
    expect(multi.results.filter((r) => r.status === 'ok').length).toBeGreaterThan(50);
    // Exports, imports and total differ (the flows are not one series repeated).
    const cjk = multi.results.filter((r) => r.indicator === 'trade-intra-share' && r.geo === 'CJK');
    const totals = multi.results.filter((r) => r.indicator === 'trade-intra-share' && r.geo === 'EU27' && r.breakdown?.endsWith(' TOTAL'));
    expect(totals.every((r) => r.status === 'ok')).toBe(true);
    expect(new Set(totals.map((r) => r.value)).size).toBe(3);
    // Order: indicators as given; within one, by geography, then products, then flows as given.
    expect(cjk.map((r) => r.breakdown)).toEqual(['exports TOTAL', 'imports TOTAL', 'total TOTAL', 'exports hightech', 'imports hightech', 'total hightech']);
    expect([...new Set(multi.results.map((r) => r.indicator))]).toEqual([...LADDER, 'import-source-share']);
    expect([...new Set(multi.results.filter((r) => r.indicator === 'trade-intensity').map((r) => r.geo))]).toEqual(GROUPS);
    // The share keeps its own flow (imports) whatever --flow lists, and the ladder ignores --partners and --country.
    const shares = multi.results.filter((r) => r.indicator === 'import-source-share');
    expect(shares.map((r) => `${r.geo} ${r.breakdown}`)).toEqual(NINE.flatMap((c) => [`${c} TOTAL`, `${c} hightech`]));
    expect(shares.every((r) => r.detail?.flow === 'imports' && r.partner === 'CJK')).toBe(true);
  });

  it('every output format keeps the series apart', async () => {
    const args = ['compute', '--no-sample', '--quiet', '--input', file, '--year', '2018', '--indicator', 'trade-intra-share', '--group', 'CJK', '--group', 'UFG', '--no-members', '--flow', 'exports,total', '--products', 'TOTAL,hightech'];
    const csv = Papa.parse<Record<string, string>>((await cli(...args, '--format', 'csv')).stdout.trim(), { header: true }).data;
    expect(csv.map((r) => `${r.geo} ${r.breakdown}`)).toEqual(['CJK', 'UFG'].flatMap((g) => ['exports TOTAL', 'total TOTAL', 'exports hightech', 'total hightech'].map((b) => `${g} ${b}`)));
    const wide = Papa.parse<Record<string, string>>((await cli(...args, '--format', 'csv', '--wide')).stdout.trim(), { header: true }).data;
    expect(wide.map((r) => `${r.code} ${r.series}`)).toEqual(csv.map((r) => `${r.geo} ${r.breakdown}`));
    expect(wide.map((r) => r['2018'])).toEqual(csv.map((r) => r.value));
    vi.stubEnv('COLUMNS', '200');
    for (const format of ['md', 'table']) {
      const text = (await cli(...args, '--format', format)).stdout;
      for (const series of ['exports, all products', 'total trade, all products', 'exports, hightech', 'total trade, hightech']) expect(text.split(series).length - 1, `${format}: ${series}`).toBe(2);
    }
    vi.unstubAllEnvs();
    const parsed = await json(...args.slice(3));
    expect(parsed.results.map((r) => r.breakdown)).toEqual(csv.map((r) => r.breakdown));
  });

  it('scans each input once for every flow, product group and indicator, with the cache and with --no-cache', async () => {
    const small = writeYear(tmpDir(), 2018, 6_000);
    for (const cache of [['--no-cache'], []]) {
      scans.trade.length = 0;
      scans.loads.length = 0;
      const out = await json(...job(small), '--products', 'HS:8471,8517', ...cache);
      expect(scans.trade).toEqual([small]);
      expect(scans.loads).toEqual([small]);
      // A fresh scan (not two cache reads): the engine is named.
      expect(out.inputs.map((i) => i.engine)).toEqual(['js']);
      expect(new Set(out.results.map(series))).toEqual(new Set(['TOTAL', 'hightech', 'HS:8471,8517', ...['TOTAL', 'hightech', 'HS:8471,8517'].flatMap((p) => ['exports', 'imports', 'total'].map((f) => `${f} ${p}`))]));
    }
    // The per-row path (a Comtrade file) is read once too.
    const plus = shared('comtrade', 'plus', 'chn-deu-usa-total-by-partner-2022.csv');
    scans.loads.length = 0;
    const out = await json('--input', plus, '--indicator', 'import-source-share', '--indicator', 'export-destination-share', '--reporter', 'USA', '--partners', 'CAN,MEX', '--year', '2022', '--flow', 'imports,exports', '--products', 'TOTAL,hs84-85', '--no-cache');
    expect(scans.loads).toEqual([plus]);
    expect(out.results.map((r) => `${r.indicator} ${r.breakdown}`)).toEqual(['import-source-share TOTAL', 'import-source-share hs84-85', 'export-destination-share TOTAL', 'export-destination-share hs84-85']);
  });

  it('a flow no indicator takes is a usage error with a suggestion; one value is as before', async () => {
    const bad = await cli('compute', '--no-sample', '--input', file, '--indicator', 'trade-intra-share', '--group', 'CJK', '--flow', 'exports,totl');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/--flow "totl" is not valid for trade-intra-share[\s\S]*did you mean total\?/);
    const alone = await cli('compute', '--no-sample', '--input', file, '--indicator', 'import-source-share', '--country', 'CHN', '--partners', 'CJK', '--flow', 'exports');
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/--flow "exports" is not valid for import-source-share/);
    // HS codes with commas are one group; a comma list of named groups is several.
    const hs = await json('--input', file, '--indicator', 'trade-intra-share', '--group', 'CJK', '--no-members', '--year', '2018', '--products', 'HS:84,85', '--flow', 'exports');
    expect(hs.results.map(series)).toEqual(['exports HS:84,85']);
    const named = await json('--input', file, '--indicator', 'trade-intra-share', '--group', 'CJK', '--no-members', '--year', '2018', '--products', 'TOTAL,hs84-85', '--products', 'hs84-85', '--flow', 'exports');
    expect(named.results.map(series)).toEqual(['exports TOTAL', 'exports hs84-85']);
    const one = await cli('compute', '--no-sample', '--input', file, '--indicator', 'trade-intra-share', '--group', 'CJK', '--year', '2018', '--flow', 'imports', '--format', 'csv');
    const same = await cli('compute', '--no-sample', '--input', file, '--indicator', 'trade-intra-share', '--group', 'CJK', '--year', '2018', '--flow', 'imports,imports', '--products', 'TOTAL', '--format', 'csv');
    expect(same.stdout).toBe(one.stdout);
  });
});
