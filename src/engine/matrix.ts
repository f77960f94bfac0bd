import type { CanonicalRow, Provenance } from '../model/types.js';
import { SELF_FLOWS, tradeMeasure } from '../trade/aggregate.js';
import type { ProductGroup } from '../trade/products.js';

/**
 * Sums of a whole-world trade matrix (BACI) by year × product group × exporter × importer, held
 * in typed arrays: what every engine produces and what the cache stores. `geos` are the distinct
 * linkage codes of the release's areas (ISO3 or pseudo-codes), indexed densely.
 */
export class TradeMatrix {
  /** year → sums, index (g · n + exporter) · n + importer, US$. */
  readonly sums = new Map<number, Float64Array>();
  /** year → 1 where at least one row fell in the cell (an absent pair is not a zero row). */
  readonly present = new Map<number, Uint8Array>();

  constructor(
    readonly geos: readonly string[],
    readonly groups: readonly ProductGroup[],
  ) {}

  /** The arrays of one year, created on first use. */
  year(y: number): { sums: Float64Array; present: Uint8Array } {
    let s = this.sums.get(y);
    let p = this.present.get(y);
    if (s === undefined || p === undefined) {
      const n = this.geos.length;
      s = new Float64Array(this.groups.length * n * n);
      p = new Uint8Array(this.groups.length * n * n);
      this.sums.set(y, s);
      this.present.set(y, p);
    }
    return { sums: s, present: p };
  }

  /** Add `value` (US$) to a cell. */
  add(y: number, g: number, i: number, j: number, value: number): void {
    const { sums, present } = this.year(y);
    const n = this.geos.length;
    const at = (g * n + i) * n + j;
    sums[at] = (sums[at] as number) + value;
    present[at] = 1;
  }

  /**
   * The canonical rows the trade indicators read — the same rows `tradeReducer` gives for a BACI
   * file: each present cell as i's exports to j and j's imports from i, world totals summed over
   * the matrix (self-flows included, as a source's world row includes re-imports), and the sum of
   * the diagonal (partner `SELF`) so indicators can apply one self-flow rule everywhere.
   */
  rows(provenance: Provenance): CanonicalRow[] {
    const out: CanonicalRow[] = [];
    const n = this.geos.length;
    const geos = this.geos;
    for (const [year, sums] of [...this.sums].sort((a, b) => a[0] - b[0])) {
      const present = this.present.get(year) as Uint8Array;
      this.groups.forEach((group, g) => {
        const mx = tradeMeasure('X', group);
        const mm = tradeMeasure('M', group);
        const row = (measure: string, geo: string, partner: string, value: number): CanonicalRow => ({ measure, geo, partner, year, value, unit: 'usd', flags: {}, provenance });
        const out_i = new Float64Array(n);
        const in_j = new Float64Array(n);
        const hasOut = new Uint8Array(n);
        const hasIn = new Uint8Array(n);
        let world = 0;
        let diag = 0;
        let any = false;
        let anyDiag = false;
        for (let i = 0; i < n; i++) {
          const base = (g * n + i) * n;
          for (let j = 0; j < n; j++) {
            if (present[base + j] !== 1) continue;
            const v = sums[base + j] as number;
            out.push(row(mx, geos[i] as string, geos[j] as string, v), row(mm, geos[j] as string, geos[i] as string, v));
            out_i[i] = (out_i[i] as number) + v;
            in_j[j] = (in_j[j] as number) + v;
            hasOut[i] = 1;
            hasIn[j] = 1;
            world += v;
            any = true;
            if (i === j) {
              diag += v;
              anyDiag = true;
            }
          }
        }
        for (let i = 0; i < n; i++) {
          if (hasOut[i] === 1) out.push(row(mx, geos[i] as string, 'WLD', out_i[i] as number), row(mm, 'WLD', geos[i] as string, out_i[i] as number));
          if (hasIn[i] === 1) out.push(row(mx, 'WLD', geos[i] as string, in_j[i] as number), row(mm, geos[i] as string, 'WLD', in_j[i] as number));
        }
        if (any) out.push(row(mx, 'WLD', 'WLD', world), row(mm, 'WLD', 'WLD', world));
        if (anyDiag) out.push(row(mx, 'WLD', SELF_FLOWS, diag), row(mm, 'WLD', SELF_FLOWS, diag));
      });
    }
    return out;
  }
}
