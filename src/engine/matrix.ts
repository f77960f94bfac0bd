import type { CanonicalRow, Flags, Provenance } from '../model/types.js';
import { selfMeasure, tradeMeasure } from '../trade/aggregate.js';
import { scanCoverage } from '../trade/plan.js';
import type { ProductGroup } from '../trade/products.js';
import { hs6 } from './release.js';

/**
 * World totals of one group and year of the matrix, US$, NaN where no row fell: each exporter's
 * exports to the world (`out`, by exporter index), each importer's imports (`in`), the whole
 * matrix (`world`) and the self-flows on its diagonal (`self`).
 */
export interface GroupMargins {
  out: Float64Array;
  in: Float64Array;
  world: number;
  self: number;
}

/**
 * The margins of one group's n × n block (`sums` and `present` of that block), summed in one fixed
 * order (exporter, then importer), so the cache's stored margins and a fresh sum agree exactly.
 * `active` marks the economies with any row in the year (any product): a whole-world matrix lists
 * every non-zero flow, so such an economy without a cell in the group traded 0 of it, and the
 * world's total of a group with no cell in a year that has rows is 0. Without a row at all, NaN.
 */
export function marginsOf(sums: Float64Array, present: Uint8Array, n: number, active: Uint8Array): GroupMargins {
  const out = new Float64Array(n);
  const into = new Float64Array(n);
  const hasOut = new Uint8Array(n);
  const hasIn = new Uint8Array(n);
  let world = 0;
  let self = 0;
  let any = false;
  let anySelf = false;
  for (let i = 0; i < n; i++) {
    const base = i * n;
    for (let j = 0; j < n; j++) {
      if (present[base + j] !== 1) continue;
      const v = sums[base + j] as number;
      out[i] = (out[i] as number) + v;
      into[j] = (into[j] as number) + v;
      hasOut[i] = 1;
      hasIn[j] = 1;
      world += v;
      any = true;
      if (i === j) {
        self += v;
        anySelf = true;
      }
    }
  }
  let anyActive = false;
  for (let i = 0; i < n; i++) {
    if (active[i] === 1) {
      anyActive = true;
      continue;
    }
    if (hasOut[i] !== 1) out[i] = Number.NaN;
    if (hasIn[i] !== 1) into[i] = Number.NaN;
  }
  return { out, in: into, world: any || anyActive ? world : Number.NaN, self: anySelf ? self : Number.NaN };
}

/** One frozen empty flags object for every trade-sum row (a sum has no flags; a write to it throws). */
export const NO_FLAGS: Flags = Object.freeze({});

/** The HS6 codes marked in `used` (1 at index k), ascending, as six-digit strings. */
export function usedCodes(used: Uint8Array): string[] {
  const codes: string[] = [];
  for (let k = used.indexOf(1); k !== -1; k = used.indexOf(1, k + 1)) codes.push(hs6(k));
  return codes;
}

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
  /** year → 1 at index k for each product code that had a value (for the groups' coverage notes). */
  readonly used = new Map<number, Uint8Array>();
  /** year → 1 at economy index i when i is the exporter or importer of any row of the year (any product). */
  readonly active = new Map<number, Uint8Array>();
  /**
   * year → per group, the world totals of each economy, when known in advance (the aggregate cache
   * stores them, src/engine/cache.ts); otherwise rows() sums them from the cells. Either way they
   * come from {@link marginsOf}, so the numbers are the same to the last bit.
   */
  readonly margins = new Map<number, GroupMargins[]>();
  /** Margins summed from the cells (when none are stored), by year × group, summed once. */
  private readonly summed = new Map<number, GroupMargins>();
  /** The release's HS vintage (H5…), recorded in the coverage notes. */
  cls = '';

  constructor(
    readonly geos: readonly string[],
    readonly groups: readonly ProductGroup[],
  ) {}

  /** The arrays of one year, created on first use. */
  year(y: number): { sums: Float64Array; present: Uint8Array; used: Uint8Array; active: Uint8Array } {
    let s = this.sums.get(y);
    let p = this.present.get(y);
    if (s === undefined || p === undefined) {
      const n = this.geos.length;
      s = new Float64Array(this.groups.length * n * n);
      p = new Uint8Array(this.groups.length * n * n);
      this.sums.set(y, s);
      this.present.set(y, p);
      this.used.set(y, new Uint8Array(1_000_000));
      this.active.set(y, new Uint8Array(n));
    }
    return { sums: s, present: p, used: this.used.get(y) as Uint8Array, active: this.activeIn(y) };
  }

  /** Group g's margins in year y (a year of the matrix): the stored ones (the cache's), else {@link marginsOf} of its block, once. */
  groupMargins(y: number, g: number): GroupMargins {
    const stored = this.margins.get(y)?.[g];
    if (stored !== undefined) return stored;
    const key = y * this.groups.length + g;
    let m = this.summed.get(key);
    if (m === undefined) {
      const n = this.geos.length;
      const { sums, present } = this.year(y);
      m = marginsOf(sums.subarray(g * n * n, (g + 1) * n * n), present.subarray(g * n * n, (g + 1) * n * n), n, this.activeIn(y));
      this.summed.set(key, m);
    }
    return m;
  }

  /** The economies with a row in year y (all zero for a year without arrays). */
  activeIn(y: number): Uint8Array {
    return this.active.get(y) ?? new Uint8Array(this.geos.length);
  }

  /** Add `value` (US$) to a cell (its exporter and importer are then active in the year). */
  add(y: number, g: number, i: number, j: number, value: number): void {
    const { sums, present, active } = this.year(y);
    const n = this.geos.length;
    const at = (g * n + i) * n + j;
    sums[at] = (sums[at] as number) + value;
    present[at] = 1;
    active[i] = 1;
    active[j] = 1;
  }

  /**
   * The canonical rows the trade indicators read — the same rows `tradeReducer` gives for a BACI
   * file: each present cell as i's exports to j and j's imports from i, world totals summed over
   * the matrix (self-flows included, as a source's world row includes re-imports; their sum is a
   * `trade-self:` row so the indicators apply one self-flow rule everywhere), and per group
   * and flow a `trade-codes:` note of the codes present (the coverage the indicators report).
   * With `groupIds`, rows of those product groups only (a cached scan sums more than asked).
   * With `economies`, bilateral rows only between those economies (what the request can read: a
   * 238-area year has some 50,000 cells per group, and the rows are most of a cached run's time).
   */
  rows(provenance: Provenance, economies?: ReadonlySet<string>, groupIds?: ReadonlySet<string>): CanonicalRow[] {
    const out: CanonicalRow[] = [];
    const n = this.geos.length;
    // Bilateral rows only between the economies asked about (world totals always sum every cell).
    const keep = new Uint8Array(n).fill(economies === undefined ? 1 : 0);
    if (economies !== undefined) this.geos.forEach((g, i) => economies.has(g) && (keep[i] = 1));
    const asked = this.groups.map((group, g) => [group, g] as const).filter(([group]) => groupIds === undefined || groupIds.has(group.id));
    for (const [year, sums] of [...this.sums].sort((a, b) => a[0] - b[0])) {
      const present = this.present.get(year) as Uint8Array;
      for (const [, g] of asked) this.groupRows(out, provenance, year, g, sums.subarray(g * n * n, (g + 1) * n * n), present.subarray(g * n * n, (g + 1) * n * n), keep);
    }
    // Coverage notes, as tradeReducer writes them: the codes that contributed, per group and flow.
    for (const [year, used] of [...this.used].sort((a, b) => a[0] - b[0])) {
      const codes = usedCodes(used);
      for (const [group] of asked) {
        // hs6 strings are zero-padded to six digits, so ascending k is already their sorted order.
        const { present, refused } = scanCoverage(group, codes);
        if (present.length === 0 && refused.length === 0) continue;
        for (const flow of ['X', 'M']) {
          out.push({ measure: `trade-codes:${flow}:${group.id}`, geo: 'WLD', partner: null, year, value: null, unit: 'codes', flags: {}, provenance, codes: { vintages: this.cls === '' ? [] : [this.cls], present: [...present], refused: [...refused] } });
        }
      }
    }
    return out;
  }

  /** The rows of one group and year (`sums` and `present` are that group's n × n block). */
  private groupRows(out: CanonicalRow[], provenance: Provenance, year: number, g: number, sums: Float64Array, present: Uint8Array, keep: Uint8Array): void {
    const n = this.geos.length;
    const geos = this.geos;
    const group = this.groups[g] as ProductGroup;
    const mx = tradeMeasure('X', group);
    const mm = tradeMeasure('M', group);
    // One frozen empty flags object for every row (a trade sum has no flags; frozen, so a write to it throws).
    const row = (measure: string, geo: string, partner: string, value: number): CanonicalRow => ({ measure, geo, partner, year, value, unit: 'usd', flags: NO_FLAGS, provenance });
    // Bilateral rows between the economies kept, in exporter then importer order.
    const kept: number[] = [];
    for (let i = 0; i < n; i++) if (keep[i] === 1) kept.push(i);
    for (const i of kept) {
      for (const j of kept) {
        if (present[i * n + j] !== 1) continue;
        const v = sums[i * n + j] as number;
        out.push(row(mx, geos[i] as string, geos[j] as string, v), row(mm, geos[j] as string, geos[i] as string, v));
      }
    }
    const m = this.groupMargins(year, g);
    for (let i = 0; i < n; i++) {
      const exports = m.out[i] as number;
      const imports = m.in[i] as number;
      if (!Number.isNaN(exports)) out.push(row(mx, geos[i] as string, 'WLD', exports), row(mm, 'WLD', geos[i] as string, exports));
      if (!Number.isNaN(imports)) out.push(row(mx, 'WLD', geos[i] as string, imports), row(mm, geos[i] as string, 'WLD', imports));
    }
    if (!Number.isNaN(m.world)) out.push(row(mx, 'WLD', 'WLD', m.world), row(mm, 'WLD', 'WLD', m.world));
    if (!Number.isNaN(m.self)) out.push({ ...row(selfMeasure(mx), 'WLD', 'WLD', m.self), partner: null }, { ...row(selfMeasure(mm), 'WLD', 'WLD', m.self), partner: null });
  }
}
