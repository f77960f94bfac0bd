import { describe, expect, it } from 'vitest';
import { writeYear } from '../../bench/generate.js';
import { scanTrade } from '../../src/engine/index.js';
import { MatrixSource } from '../../src/engine/matrix-source.js';
import { TradeMatrix } from '../../src/engine/matrix.js';
import { countryRegistry } from '../../src/model/countries.js';
import { ObservationTable, type RowSource } from '../../src/model/table.js';
import type { CanonicalRow, Provenance } from '../../src/model/types.js';
import { resolveProducts, type ProductGroup } from '../../src/trade/products.js';
import { allRows, tmpDir } from '../helpers.js';

// A trade scan's rows are made on lookup (MatrixSource) instead of all at once (TradeMatrix.rows):
// every lookup, year list and measure list of a table over the source must be exactly that of a
// table over the rows. Matrices here are SYNTHETIC (values made up, or bench/generate.ts's
// generated year in the real BACI V202301 layout).
const TOTAL: ProductGroup = { id: 'TOTAL', label: 'all', vintage: 'any', kind: 'total', codes: new Set(['TOTAL']), citation: '' };
const CHIPS: ProductGroup = { id: 'chips', label: 'chips', vintage: 'any', kind: 'hs6', codes: new Set(['854231']), citation: '' };
const PROV: Provenance = { source: 'synthetic', dataset: 'BACI', edition: '202301', file: 'baci.csv', sha256: '0'.repeat(64) };

/** Two years; DDD trades only in 2017; 2019 holds no chips at all; a self-flow of AAA in 2018. */
function matrix(): TradeMatrix {
  const m = new TradeMatrix(['AAA', 'BBB', 'CCC', 'DDD'], [TOTAL, CHIPS]);
  m.add(2018, 0, 0, 1, 10);
  m.add(2018, 0, 1, 2, 5);
  m.add(2018, 0, 0, 0, 2);
  m.add(2018, 1, 0, 1, 3);
  m.add(2017, 0, 3, 0, 4);
  m.add(2017, 0, 2, 1, 0);
  m.add(2019, 0, 1, 0, 8);
  m.cls = 'H5';
  for (const k of [854231, 10121]) m.year(2018).used[k] = 1;
  m.year(2017).used[10121] = 1;
  m.year(2019).used[10121] = 1;
  return m;
}

const GEOS = ['AAA', 'BBB', 'CCC', 'DDD', 'WLD', 'ZZZ'];
const YEARS = [2016, 2017, 2018, 2019];

/** Both tables give the same rows for every key, and the same measures and years. */
function expectSame(plain: ObservationTable, lazy: ObservationTable, measures: readonly string[], geos: readonly string[] = GEOS): void {
  expect(lazy.measureIds()).toEqual(plain.measureIds());
  for (const m of [...measures, 'trade:X:other']) {
    for (const y of YEARS) {
      for (const g of geos) {
        for (const p of [...geos, null]) expect(lazy.candidates(m, g, y, p), `${m} ${g}→${p} ${y}`).toEqual(plain.candidates(m, g, y, p));
      }
    }
    expect(lazy.years([m]), m).toEqual(plain.years([m]));
    for (const g of geos) expect(lazy.years([m], [g]), `${m} ${g}`).toEqual(plain.years([m], [g]));
    expect(lazy.years([m], ['AAA', 'DDD']), m).toEqual(plain.years([m], ['AAA', 'DDD']));
  }
}

describe('MatrixSource: the rows of TradeMatrix.rows, made on lookup', () => {
  it('every key, year and measure, for all economies and groups and for a subset of each', () => {
    for (const [economies, groups] of [[undefined, undefined], [new Set(['AAA', 'BBB']), new Set(['TOTAL'])], [new Set(['AAA', 'DDD', 'CCC']), new Set(['chips', 'TOTAL'])]] as const) {
      const m = matrix();
      const plain = new ObservationTable(m.rows(PROV, economies, groups));
      const lazy = new ObservationTable([], [new MatrixSource(m, PROV, economies, groups)]);
      expectSame(plain, lazy, plain.measureIds());
      expect(lazy.measuresOf('baci.csv')).toEqual(plain.measuresOf('baci.csv'));
    }
  });

  it('a lookup returns the same rows each time; all() is TradeMatrix.rows', () => {
    const m = matrix();
    const source = new MatrixSource(m, PROV);
    const a = source.rows('trade:X:TOTAL', 'AAA', 'BBB', 2018);
    expect(a).toHaveLength(1);
    expect(source.rows('trade:X:TOTAL', 'AAA', 'BBB', 2018)).toBe(a);
    expect(source.rows('trade:X:TOTAL', 'BBB', 'AAA', 2018)).toEqual([]);
    expect(source.all()).toEqual(m.rows(PROV));
  });

  it('beside plain rows of the same keys: newest edition first, inputs in the order given on a tie', () => {
    const comtrade: Provenance = { source: 'UN', dataset: 'COMTRADE', edition: '2023-05-01', file: 'comtrade.csv', sha256: '1'.repeat(64) };
    const sameEdition: Provenance = { ...PROV, file: 'other-baci.csv', sha256: '2'.repeat(64) };
    const plainRows: CanonicalRow[] = [
      { measure: 'trade:X:TOTAL', geo: 'AAA', partner: 'BBB', year: 2018, value: 11, unit: 'usd', flags: {}, provenance: comtrade },
      { measure: 'trade:X:TOTAL', geo: 'AAA', partner: 'WLD', year: 2018, value: 99, unit: 'usd', flags: {}, provenance: sameEdition },
      { measure: 'trade:X:TOTAL', geo: 'DDD', partner: 'AAA', year: 2018, value: 1, unit: 'usd', flags: {}, provenance: sameEdition },
    ];
    for (const order of [['comtrade.csv', 'other-baci.csv', 'baci.csv'], ['baci.csv', 'comtrade.csv', 'other-baci.csv']]) {
      const m = matrix();
      const source = new MatrixSource(m, PROV);
      const matrixRows = m.rows(PROV);
      // The plain table gets every row in the inputs' order, as loadInputs used to build it.
      const byFile = (file: string) => (file === 'baci.csv' ? matrixRows : plainRows.filter((r) => r.provenance.file === file));
      const plain = new ObservationTable(order.flatMap(byFile));
      const lazy = new ObservationTable(plainRows, [source], order);
      expectSame(plain, lazy, plain.measureIds());
      const tie = lazy.candidates('trade:X:TOTAL', 'AAA', 2018, 'WLD').map((r) => r.provenance.file);
      expect(tie).toEqual(order.filter((f) => f !== 'comtrade.csv'));
      // --edition puts the chosen edition's rows first, as for plain rows.
      expect(lazy.candidates('trade:X:TOTAL', 'AAA', 2018, 'BBB', '2023-05').map((r) => r.value)).toEqual([11, 10]);
    }
  });

  it('a generated BACI year, scanned and then read from the aggregate cache: the same lookups as its rows', async () => {
    const file = writeYear(tmpDir(), 2019, 20_000);
    const before = process.env['LINKAGE_CACHE_DIR'];
    process.env['LINKAGE_CACHE_DIR'] = tmpDir();
    try {
      const groups = ['TOTAL', 'hightech'].map(resolveProducts);
      const economies = new Set(['CHN', 'JPN', 'KOR', 'USA', 'DEU']);
      for (const pass of ['scan', 'cache']) {
        const loaded = await scanTrade(file, file, 'baci-csv', { groups, engine: 'js', countries: countryRegistry(), economies });
        expect(loaded?.summary.engine, pass).toBe(pass === 'scan' ? 'js' : 'cache');
        const plain = new ObservationTable(allRows(loaded));
        const lazy = new ObservationTable([], [loaded?.source as RowSource]);
        expectSame(plain, lazy, plain.measureIds().filter((m) => m.includes('TOTAL')), ['CHN', 'JPN', 'USA', 'FRA', 'WLD']);
      }
    } finally {
      if (before === undefined) delete process.env['LINKAGE_CACHE_DIR'];
      else process.env['LINKAGE_CACHE_DIR'] = before;
    }
  });
});
