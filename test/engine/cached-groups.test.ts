import { afterEach, describe, expect, it, vi } from 'vitest';
import { cachedGroups } from '../../src/engine/index.js';
import { resolveProducts } from '../../src/trade/products.js';

const ids = (asked: string[], cls = 'H5') => cachedGroups(asked.map((s) => resolveProducts(s)), { cls }).map((g) => g.id);

describe('cachedGroups: the product groups of a cached scan, in a stable order', () => {
  afterEach(() => vi.restoreAllMocks());

  it('the usual groups first, then the others asked for by id', () => {
    expect(ids(['TOTAL'])).toEqual(['TOTAL', 'hightech', 'hs84-85']);
    expect(ids(['hightech', 'TOTAL'])).toEqual(['TOTAL', 'hightech', 'hs84-85']);
    expect(ids(['HS:85', 'TOTAL', 'HS:84', 'HS:85'])).toEqual(['TOTAL', 'hightech', 'hs84-85', 'HS:84', 'HS:85']);
    // The HS2017 high-tech list is not summed for a file of another vintage.
    expect(ids(['TOTAL'], 'H6')).toEqual(['TOTAL', 'hs84-85']);
  });

  it('sorts nothing (no locale collation set up) when every group asked for is a usual one', () => {
    const compare = vi.spyOn(String.prototype, 'localeCompare');
    ids(['TOTAL', 'hightech']);
    expect(compare).not.toHaveBeenCalled();
  });
});
