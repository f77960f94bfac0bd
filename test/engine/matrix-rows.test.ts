import { describe, expect, it } from 'vitest';
import { TradeMatrix } from '../../src/engine/matrix.js';
import type { Provenance } from '../../src/model/types.js';
import type { ProductGroup } from '../../src/trade/products.js';

// TradeMatrix.rows on a SYNTHETIC 3-economy matrix (values made up): the coverage notes list the
// codes present in ascending order (total group: every code; other groups: theirs), and every
// row shares one frozen empty flags object (a trade sum has no flags; a write to it throws).
const TOTAL: ProductGroup = { id: 'TOTAL', label: 'all', vintage: 'any', kind: 'total', codes: new Set(['TOTAL']), citation: '' };
const CHIPS: ProductGroup = { id: 'chips', label: 'chips', vintage: 'any', kind: 'hs6', codes: new Set(['854231', '010121']), citation: '' };
const MACH: ProductGroup = { id: 'mach', label: 'machinery', vintage: 'any', kind: 'prefix', codes: new Set(['84']), citation: '' };
const PROV: Provenance = { source: 'synthetic', dataset: 'test', edition: 'unknown', file: 'x.csv', sha256: '0'.repeat(64) };

function matrix(): TradeMatrix {
  const m = new TradeMatrix(['AAA', 'BBB', 'CCC'], [TOTAL, CHIPS, MACH]);
  m.add(2018, 0, 0, 1, 10);
  m.add(2018, 0, 1, 2, 5);
  m.add(2018, 1, 0, 1, 3);
  m.add(2018, 2, 2, 0, 7);
  const { used } = m.year(2018);
  for (const k of [854231, 10121, 847130, 300490, 843149]) used[k] = 1;
  return m;
}

describe('TradeMatrix.rows', () => {
  it('lists each group\'s codes present in ascending order, per flow', () => {
    const notes = matrix().rows(PROV).filter((r) => r.measure.startsWith('trade-codes:'));
    const present = Object.fromEntries(notes.map((r) => [r.measure, r.codes?.present]));
    expect(present).toEqual({
      'trade-codes:X:TOTAL': ['010121', '300490', '843149', '847130', '854231'],
      'trade-codes:M:TOTAL': ['010121', '300490', '843149', '847130', '854231'],
      'trade-codes:X:chips': ['010121', '854231'],
      'trade-codes:M:chips': ['010121', '854231'],
      'trade-codes:X:mach': ['843149', '847130'],
      'trade-codes:M:mach': ['843149', '847130'],
    });
    // Each note holds its own list (a consumer sorting or extending one does not touch another).
    expect(notes[0]?.codes?.present).not.toBe(notes[1]?.codes?.present);
  });

  it('gives the bilateral and world rows of the groups asked, flags empty and frozen', () => {
    const rows = matrix().rows(PROV, new Set(['AAA', 'BBB']), new Set(['TOTAL']));
    const bilateral = rows.filter((r) => r.unit === 'usd' && r.geo !== 'WLD' && r.partner !== 'WLD');
    expect(bilateral.map((r) => [r.measure, r.geo, r.partner, r.value])).toEqual([
      ['trade:X:TOTAL', 'AAA', 'BBB', 10],
      ['trade:M:TOTAL', 'BBB', 'AAA', 10],
    ]);
    const world = rows.find((r) => r.measure === 'trade:X:TOTAL' && r.geo === 'WLD' && r.partner === 'WLD');
    expect(world?.value).toBe(15);
    for (const r of rows.filter((x) => x.unit === 'usd')) {
      expect(r.flags).toEqual({});
      expect(Object.isFrozen(r.flags)).toBe(true);
    }
  });
});
