import { scanMember } from '../trade/plan.js';
import type { ProductGroup } from '../trade/products.js';
import type { TradeMatrix } from './matrix.js';
import { hs6 } from './release.js';

/** One trade scan: a file, how to name it, the product groups to sum, what is already known. */
export interface ScanJob {
  file: string;
  /** How the file is named in provenance and messages. */
  label: string;
  groups: readonly ProductGroup[];
  /** The file's SHA-256 when already known (remembered per path, inode, size, mtime and ctime); computed in the scan otherwise. */
  sha256?: string;
  /**
   * Called with bytes read so far and the file size; `phase` is `locate` while the file is read
   * again to name the line of a problem a faster pass found (DuckDB, the parallel ranges), and
   * `estimate` when `done` stands for DuckDB's own estimate of its query's progress.
   */
  progress?: (done: number, total: number, phase?: ScanPhase) => void;
  /**
   * Internal, for tests: split the byte scanner's work into ranges of `rangeBytes` bytes scanned by
   * `workers` worker threads, whatever the file's size (default: src/engine/scan-parallel.ts decides).
   */
  split?: ScanSplit;
}

/** What a scan's progress counts: bytes read (undefined), bytes re-read to name a problem's line, or DuckDB's estimate. */
export type ScanPhase = 'locate' | 'estimate';

/** The same job, its progress said to be locating a problem (the re-read that names the line). */
export function locating(job: ScanJob): ScanJob {
  const p = job.progress;
  return p === undefined ? job : { ...job, progress: (done, total) => p(done, total, 'locate') };
}

/** How the byte scanner splits a file: byte ranges of `rangeBytes`, scanned by `workers` worker threads. */
export interface ScanSplit {
  workers: number;
  rangeBytes: number;
}

/** What an engine returns: the matrix of sums, the file's digest, counts. */
export interface ScanOutcome {
  matrix: TradeMatrix;
  sha256: string;
  /** Data records read (rows with and without a value). */
  records: number;
  skipped: Record<string, number>;
  vintage: string;
  /**
   * The engine whose scan gave these sums: `duckdb`, or `js` — also when DuckDB handed the file to
   * the byte scanner (to name a bad row's line) and the scanner accepted it. Absent for sums read
   * from the aggregate cache. Said in the input's summary (`inputs[].engine`), so a fallback is seen.
   */
  engine?: 'js' | 'duckdb';
  /** How the byte scanner ran: byte ranges scanned (1 = sequential), and why a parallel scan gave way to the sequential one. */
  scan?: { ranges: number; fallback?: string };
}

/**
 * Product-group membership as bit masks per product (bit g = in groups[g]). A group of another HS
 * vintage than the file's comes marked with the file's (src/trade/plan.ts inFileVintage): its
 * members are the file's codes that convert 1:1 into it, by the per-row path's rule.
 */
export function groupMasks(groups: readonly ProductGroup[]) {
  if (groups.length > 30) throw new Error('at most 30 product groups per scan');
  const byIndex: number[] = [];
  const maskOf = (k: number) => {
    let m = 0;
    groups.forEach((g, i) => {
      if (scanMember(g, hs6(k))) m |= 1 << i;
    });
    return m;
  };
  return {
    /** Record product k at dense index pk. */
    extend(k: number, pk: number) {
      byIndex[pk] = maskOf(k);
    },
    of(pk: number): number {
      return byIndex[pk] ?? 0;
    },
  };
}
