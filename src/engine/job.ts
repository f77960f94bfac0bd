import { inGroup, type ProductGroup } from '../trade/products.js';
import { vintageError } from '../trade/aggregate.js';
import type { TradeMatrix } from './matrix.js';
import { hs6 } from './release.js';

/** One trade scan: a file, how to name it, the product groups to sum, what is already known. */
export interface ScanJob {
  file: string;
  /** How the file is named in provenance and messages. */
  label: string;
  groups: readonly ProductGroup[];
  /** The file's SHA-256 when already known (remembered per path, size and mtime); computed in the scan otherwise. */
  sha256?: string;
  /** Called with bytes read so far and the file size. */
  progress?: (done: number, total: number) => void;
}

/** What an engine returns: the matrix of sums, the file's digest, counts. */
export interface ScanOutcome {
  matrix: TradeMatrix;
  sha256: string;
  /** Data records read (rows with and without a value). */
  records: number;
  skipped: Record<string, number>;
  vintage: string;
}

/**
 * Product-group membership as bit masks per product (bit g = in groups[g]); `mismatch` has the bits
 * of groups whose HS vintage is not the file's, which a row in them must be refused for.
 */
export function groupMasks(groups: readonly ProductGroup[], cls: string) {
  if (groups.length > 30) throw new Error('at most 30 product groups per scan');
  const byIndex: number[] = [];
  const maskOf = (k: number) => {
    let m = 0;
    groups.forEach((g, i) => {
      if (g.kind === 'total' || inGroup(g, hs6(k))) m |= 1 << i;
    });
    return m;
  };
  let mismatch = 0;
  groups.forEach((g, i) => {
    if (g.vintage !== 'any' && g.vintage !== cls) mismatch |= 1 << i;
  });
  return {
    mismatch,
    /** Record product k at dense index pk. */
    extend(k: number, pk: number) {
      byIndex[pk] = maskOf(k);
    },
    of(pk: number): number {
      return byIndex[pk] ?? 0;
    },
    /** The error for a row in a group of another vintage (the first such group, as the per-row path). */
    vintageError(mask: number, file: string, line: number) {
      const g = groups.findIndex((_, i) => (mask & mismatch & (1 << i)) !== 0);
      return vintageError(groups[g] as ProductGroup, cls, file, line);
    },
  };
}
