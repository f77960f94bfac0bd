import { describe, expect, it } from 'vitest';
import { scanTrade } from '../../src/engine/index.js';
import { loadFile } from '../../src/loaders/load.js';
import { countryRegistry } from '../../src/model/countries.js';
import { tradeReducer } from '../../src/trade/aggregate.js';
import { resolveProducts } from '../../src/trade/products.js';
import { allRows, cli } from '../helpers.js';
import { handMade } from './baci-hand-made.js';

// A whole-world matrix (BACI) lists every non-zero flow of the year: an economy that trades in the
// year but not in a narrow product group traded 0 of it, not "no data". Before, Korea (no HS 8541
// trade below) had no world row of the group, so a ladder over CJK said "KOR is not a reporter".
// An economy absent from the whole year (Brazil below) still has no world total. The zero may not
// depend on the all-products group being scanned too (the cache adds it; --no-cache does not).
// SYNTHETIC BACI file (values made up; the dictionary of ./baci-hand-made.ts, the real V202301 product list).
const ROWS = ['2018,156,392,854110,10,1', '2018,392,156,854140,20,1', '2018,156,842,854110,30,1', '2018,410,842,847130,50,1', '2018,842,410,300490,60,1', '2018,842,156,854110,5,1'];

const baci = (): string => handMade(ROWS, 'BACI_HS17_Y2018_V202301.csv', '\n');

const world = (rows: { measure: string; geo: string; partner: string | null; value: number | null }[], measure: string, geo: string, partner: string) => rows.find((r) => r.measure === measure && r.geo === geo && r.partner === partner)?.value;

describe('an economy without trade in a product group of a BACI year', () => {
  it('has world totals of 0 on every path, and one absent from the year has none', async () => {
    const file = baci();
    const groups = [resolveProducts('HS:8541')];
    const countries = countryRegistry();
    const perRow = allRows(await loadFile(file, { countries, reducer: () => tradeReducer(groups) }));
    const js = await scanTrade(file, file, 'baci-csv', { groups, engine: 'js', countries, cache: false });
    const duck = await scanTrade(file, file, 'baci-csv', { groups, engine: 'duckdb', countries, cache: false });
    const ranges = await scanTrade(file, file, 'baci-csv', { groups, engine: 'js', countries, cache: false, split: { workers: 2, rangeBytes: 40 } });
    for (const [name, rows] of [['per-row', perRow], ['js', allRows(js)], ['duckdb', allRows(duck)], ['ranges', allRows(ranges)]] as const) {
      const m = (f: string) => `trade:${f}:HS:8541`;
      expect(world(rows, m('X'), 'KOR', 'WLD'), name).toBe(0);
      expect(world(rows, m('M'), 'KOR', 'WLD'), name).toBe(0);
      expect(world(rows, m('X'), 'WLD', 'KOR'), name).toBe(0);
      expect(world(rows, m('M'), 'WLD', 'KOR'), name).toBe(0);
      expect(world(rows, m('X'), 'CHN', 'WLD'), name).toBe(40_000); // US$ (BACI gives thousands)
      expect(world(rows, m('X'), 'BRA', 'WLD'), name).toBeUndefined();
      expect(world(rows, m('M'), 'BRA', 'WLD'), name).toBeUndefined();
    }
  });

  for (const cache of [['--no-cache'], []]) {
    it(`the CJK ladder counts Korea's 0 (${cache.length > 0 ? 'no cache' : 'cache written, then read'})`, async () => {
      const file = baci();
      for (const engine of ['js', 'duckdb', 'js']) {
        const r = await cli('compute', '--input', file, '--no-sample', '--indicator', 'trade-intra-share', '--group', 'CJK', '--group', 'CJB=CHN,JPN,BRA', '--year', '2018', '--flow', 'exports', '--products', 'HS:8541', '--engine', engine, ...cache, '--format', 'json');
        expect(r.code, r.stderr).toBe(0);
        const [cjk, cjb] = (JSON.parse(r.stdout) as { results: { geo: string; status: string; value: number | null; reason: string | null }[] }).results;
        expect(cjk?.status, `${engine}: ${cjk?.reason}`).toBe('ok');
        // (CHN→JPN 10 + JPN→CHN 20) / (CHN 40 + JPN 20 + KOR 0)
        expect(cjk?.value, engine).toBeCloseTo(50, 12);
        expect(cjb?.status, engine).toBe('missing');
        expect(cjb?.reason, engine).toMatch(/BRA is not a reporter/);
      }
    });
  }
});
