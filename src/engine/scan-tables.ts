import type { ProductGroup } from '../trade/products.js';
import { groupMasks } from './job.js';
import type { BaciRelease } from './release.js';

// Types only here besides the builder: a scan worker imports scan-core.ts alone (it starts faster).

/**
 * What the byte scanner needs to know about a release and the product groups, built once per file
 * (and sent to the scan workers as plain typed arrays): dense indices of areas and products, each
 * product's group mask, and names for messages.
 */
export interface ScanTables {
  /** How the file is named in messages. */
  label: string;
  /** Distinct economies (matrix side): the matrix holds G × nA × nA cells per year. */
  nA: number;
  /** BACI area numbers in the dictionary (repeated keys are found by number). */
  nC: number;
  /** BACI number → economy index, -1 when not in the dictionary. */
  areaIdx: Int16Array;
  /** BACI number → dense number index, -1 when not in the dictionary. */
  codeIdx: Int16Array;
  /** Six-digit product code → dense product index, -1 when not in the product list. */
  prodIdx: Int32Array;
  /** Products indexed so far (the product list's size when `known`). */
  nP: number;
  /** True when the release has a product list (codes outside it are refused). */
  known: boolean;
  /** The product list's name, for messages. */
  productsName: string;
  /** Number of product groups (G ≤ 30). */
  groups: number;
  /** Dense product index → bit mask of its groups (bit g = groups[g]); filled for the listed products. */
  masks: Int32Array;
  /** The year the file's name says it holds (a row of another year is refused), -1 when it says none. */
  year: number;
}

/** Product-group masks by dense product index; `extend` records a product first seen in the file (open product lists only). */
export interface MaskTable {
  extend(k: number, pk: number): void;
  of(pk: number): number;
}

/**
 * The tables of one scan, and the economies' codes in matrix order. Two BACI numbers may name one
 * economy (a former and a current code): sums go by economy, repeated keys by BACI number.
 */
export function scanTables(label: string, groups: readonly ProductGroup[], release: BaciRelease): { tables: ScanTables; geos: string[]; masks: MaskTable } {
  const geoIndex = new Map<string, number>();
  const areaIdx = new Int16Array(10000).fill(-1);
  const codeIdx = new Int16Array(10000).fill(-1);
  let nC = 0;
  for (const [code, geo] of release.areas) {
    if (code < 0 || code >= 10000) continue;
    let gi = geoIndex.get(geo);
    if (gi === undefined) geoIndex.set(geo, (gi = geoIndex.size));
    areaIdx[code] = gi;
    codeIdx[code] = nC++;
  }
  const prodIdx = new Int32Array(1_000_000).fill(-1);
  const masks = groupMasks(groups);
  const listed = release.products === undefined ? [] : [...release.products].filter((k) => k >= 0 && k < 1_000_000).sort((a, b) => a - b);
  const maskArr = new Int32Array(listed.length);
  listed.forEach((k, pk) => {
    masks.extend(k, pk);
    maskArr[pk] = masks.of(pk);
    prodIdx[k] = pk;
  });
  const tables: ScanTables = {
    label,
    nA: geoIndex.size,
    nC,
    areaIdx,
    codeIdx,
    prodIdx,
    nP: listed.length,
    known: release.products !== undefined,
    productsName: release.productsName,
    groups: groups.length,
    masks: maskArr,
    year: release.year ?? -1,
  };
  return { tables, geos: [...geoIndex.keys()], masks };
}
