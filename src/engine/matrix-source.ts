import type { CanonicalRow, Provenance } from '../model/types.js';
import type { RowSource } from '../model/table.js';
import { selfMeasure, tradeMeasure } from '../trade/aggregate.js';
import { scanCoverage } from '../trade/plan.js';
import type { ProductGroup } from '../trade/products.js';
import { NO_FLAGS, usedCodes, type TradeMatrix } from './matrix.js';

/** What a measure of the matrix is: a flow of a group (X exports, M imports), its self-flows, or its coverage note. */
type Kind = 'X' | 'M' | 'selfX' | 'selfM' | 'codesX' | 'codesM';

/**
 * The rows of {@link TradeMatrix.rows} as a {@link RowSource}: each made when a lookup first asks
 * for its key (then kept), none held before. Same rows, same values, same bits: `all()` is
 * `rows()` itself, and test/engine/matrix-source.test.ts checks every lookup against it.
 */
export class MatrixSource implements RowSource {
  private readonly at = new Map<string, number>();
  private readonly kinds = new Map<string, { kind: Kind; g: number; index: number }>();
  private readonly keep: Uint8Array;
  private readonly made = new Map<number, readonly CanonicalRow[]>();
  private readonly codeMemo = new Map<number, { present: string[]; refused: string[] }>();
  private readonly years_: number[];
  /** By year position: that year's sums and presence (looked up once). */
  private readonly blocks: { sums: Float64Array; present: Uint8Array }[] = [];

  constructor(
    private readonly matrix: TradeMatrix,
    readonly provenance: Provenance,
    private readonly economies?: ReadonlySet<string>,
    private readonly groupIds?: ReadonlySet<string>,
  ) {
    matrix.geos.forEach((g, i) => this.at.set(g, i));
    this.keep = new Uint8Array(matrix.geos.length).fill(economies === undefined ? 1 : 0);
    if (economies !== undefined) matrix.geos.forEach((g, i) => economies.has(g) && (this.keep[i] = 1));
    matrix.groups.forEach((group, g) => {
      if (groupIds !== undefined && !groupIds.has(group.id)) return;
      const mx = tradeMeasure('X', group);
      const mm = tradeMeasure('M', group);
      const measures: [string, Kind][] = [[mx, 'X'], [mm, 'M'], [selfMeasure(mx), 'selfX'], [selfMeasure(mm), 'selfM'], [`trade-codes:X:${group.id}`, 'codesX'], [`trade-codes:M:${group.id}`, 'codesM']];
      for (const [m, kind] of measures) this.kinds.set(m, { kind, g, index: this.kinds.size });
    });
    this.years_ = [...matrix.sums.keys()].sort((a, b) => a - b);
  }

  all(): CanonicalRow[] {
    return this.matrix.rows(this.provenance, this.economies, this.groupIds);
  }

  measures(): string[] {
    return [...this.kinds].filter(([m]) => this.years_.some((y) => this.has(m, y))).map(([m]) => m);
  }

  years(measure: string, geos?: ReadonlySet<string>): number[] {
    return this.years_.filter((y) => this.has(measure, y, geos));
  }

  /** Whether `measure` has a row in year `y` (of one of `geos`, when given). */
  private has(measure: string, y: number, geos?: ReadonlySet<string>): boolean {
    const k = this.kinds.get(measure);
    if (k === undefined || !this.matrix.sums.has(y)) return false;
    const m = this.matrix.groupMargins(y, k.g);
    // A row of economy i exists exactly when i has a world total of that flow (its bilateral rows
    // are cells of that total); a world row when the matrix has any cell, or any self-flow, or any code.
    const world = k.kind === 'X' || k.kind === 'M' ? !Number.isNaN(m.world) : k.kind === 'selfX' || k.kind === 'selfM' ? !Number.isNaN(m.self) : this.anyCode(y, k.g);
    if (geos === undefined) return world;
    if (world && geos.has('WLD')) return true;
    if (k.kind !== 'X' && k.kind !== 'M') return false;
    const totals = k.kind === 'X' ? m.out : m.in;
    for (const geo of geos) {
      const i = this.at.get(geo);
      if (i !== undefined && !Number.isNaN(totals[i])) return true;
    }
    return false;
  }

  rows(measure: string, geo: string, partner: string | null, year: number): readonly CanonicalRow[] {
    const k = this.kinds.get(measure);
    if (k === undefined) return NONE;
    const n = this.matrix.geos.length;
    // Economies are 0…n−1, the world n; a key is its cell of (year position, kind, geo, partner).
    const gi = geo === 'WLD' ? n : this.at.get(geo);
    const pj = partner === null ? n + 1 : partner === 'WLD' ? n : this.at.get(partner);
    const yi = this.years_.indexOf(year);
    if (gi === undefined || pj === undefined || yi === -1) return NONE;
    const key = ((yi * this.kinds.size + k.index) * (n + 1) + gi) * (n + 2) + pj;
    let made = this.made.get(key);
    if (made === undefined) {
      const row = this.make(measure, k.kind, k.g, gi, pj, year, yi);
      made = row === undefined ? NONE : Object.freeze([row]);
      this.made.set(key, made);
    }
    return made;
  }

  /** The row of a key as rows() writes it, or undefined (n is the world, n + 1 no partner). */
  private make(measure: string, kind: Kind, g: number, geo: number, partner: number, year: number, yi: number): CanonicalRow | undefined {
    const n = this.matrix.geos.length;
    const m = this.matrix.groupMargins(year, g);
    if (kind === 'selfX' || kind === 'selfM') {
      return geo === n && partner === n + 1 && !Number.isNaN(m.self) ? this.row(measure, 'WLD', null, year, m.self) : undefined;
    }
    if (kind === 'codesX' || kind === 'codesM') {
      const { present, refused } = this.codes(year, g);
      if (geo !== n || partner !== n + 1 || (present.length === 0 && refused.length === 0)) return undefined;
      const cls = this.matrix.cls;
      return { measure, geo: 'WLD', partner: null, year, value: null, unit: 'codes', flags: {}, provenance: this.provenance, codes: { vintages: cls === '' ? [] : [cls], present: [...present], refused: [...refused] } };
    }
    if (partner === n + 1) return undefined;
    // Exports are exporter → importer; imports importer ← exporter (the same cell, read the other way).
    const [from, to] = kind === 'X' ? [geo, partner] : [partner, geo];
    let value: number;
    if (from === n && to === n) value = m.world;
    else if (to === n) value = m.out[from] as number;
    else if (from === n) value = m.in[to] as number;
    else {
      if (this.keep[from] !== 1 || this.keep[to] !== 1) return undefined;
      const at = (g * n + from) * n + to;
      const block = (this.blocks[yi] ??= this.matrix.year(year));
      if (block.present[at] !== 1) return undefined;
      value = block.sums[at] as number;
    }
    return Number.isNaN(value) ? undefined : this.row(measure, this.code(geo), this.code(partner), year, value);
  }

  /** The code of economy i, or the world's (n). */
  private code(i: number): string {
    return this.matrix.geos[i] ?? 'WLD';
  }

  private row(measure: string, geo: string, partner: string | null, year: number, value: number): CanonicalRow {
    return { measure, geo, partner, year, value, unit: 'usd', flags: NO_FLAGS, provenance: this.provenance };
  }

  /** Whether group g has a code present in year y (for all products, without listing the codes). */
  private anyCode(y: number, g: number): boolean {
    if ((this.matrix.groups[g] as ProductGroup).kind === 'total') return (this.matrix.used.get(y) as Uint8Array).includes(1);
    const { present, refused } = this.codes(y, g);
    return present.length > 0 || refused.length > 0;
  }

  /** The codes of group g present in year y, ascending, and those refused (the coverage note's lists). */
  private codes(y: number, g: number): { present: string[]; refused: string[] } {
    const key = y * this.matrix.groups.length + g;
    let c = this.codeMemo.get(key);
    if (c === undefined) {
      c = scanCoverage(this.matrix.groups[g] as ProductGroup, usedCodes(this.matrix.used.get(y) as Uint8Array));
      this.codeMemo.set(key, c);
    }
    return c;
  }
}

const NONE: readonly CanonicalRow[] = Object.freeze([]);
