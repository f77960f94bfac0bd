import { dataError } from '../errors.js';
import { msg } from '../messages.js';
import type { CanonicalRow, Provenance } from './types.js';

/** Newest first: editions are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `unknown` sorts last. */
export function compareEditions(a: string, b: string): number {
  const ka = a === 'unknown' ? '' : a;
  const kb = b === 'unknown' ? '' : b;
  return kb.localeCompare(ka);
}

/** The order a key's rows are read in: newest edition first, then the input given first (`rank`). */
export function preferenceOrder(a: Provenance, b: Provenance, rank: (p: Provenance) => number): number {
  return compareEditions(a.edition, b.edition) || rank(a) - rank(b);
}

/** True when an `--edition` choice names this provenance (`2019`, `2023-05`, `MSTI`, `MSTI:2019`). */
export function editionMatches(choice: string, p: Provenance): boolean {
  const [ds, ed] = choice.includes(':') ? (choice.split(':', 2) as [string, string]) : [undefined, choice];
  if (ds !== undefined && ds !== p.dataset) return false;
  if (ds === undefined && choice === p.dataset) return true;
  return p.edition === ed || p.edition.startsWith(`${ed}-`);
}

/**
 * Rows of one input held compactly by their producer and made on lookup (a trade matrix's cells,
 * src/engine/matrix.ts): a whole-world year stands for tens of thousands of rows, of which a
 * question reads a few thousand, and building and indexing all of them was most of a cached run.
 */
export interface RowSource {
  /** The provenance every row of the source carries (one input); fields set on it reach its rows. */
  readonly provenance: Provenance;
  /** The measures the source has at least one row of. */
  measures(): readonly string[];
  /** The rows of a key: at most one, the same array on every call; empty when none. */
  rows(measure: string, geo: string, partner: string | null, year: number): readonly CanonicalRow[];
  /** Years with a row of `measure` (of one of `geos`, when given). */
  years(measure: string, geos?: ReadonlySet<string>): Iterable<number>;
  /** Every row, as a table of plain rows would hold them. */
  all(): CanonicalRow[];
}

const NONE: readonly CanonicalRow[] = Object.freeze([]);

/**
 * The canonical long table, indexed for lookups by measure, geo, partner and year. Several
 * editions of the same key may coexist; {@link ObservationTable.candidates} returns them newest
 * first (or the chosen edition first), inputs in the order given where editions tie. Rows come as
 * plain rows or from {@link RowSource}s, which answer the same lookups without holding rows.
 */
export class ObservationTable {
  /**
   * measure → geo → partner ('' for none) → year → the key's rows. Nested maps, not one string
   * key, because a trade ladder over a 38-member group makes thousands of lookups per result and
   * building a key string for each was the largest cost of a cached re-run.
   */
  private readonly index = new Map<string, Map<string, Map<string, Map<number, Entry>>>>();
  private readonly measures = new Set<string>();
  private readonly byFile = new Map<string, Set<string>>();
  /** measure → the sources that have rows of it. */
  private readonly sourced = new Map<string, RowSource[]>();
  /** Keys with rows of both kinds, merged on first lookup (`measure|geo|partner|year`). */
  private readonly merged = new Map<string, CanonicalRow[]>();
  /** Input file → its position among the inputs (ties between editions keep this order). */
  private readonly rank = new Map<string, number>();

  /**
   * `sources` and `order` (the inputs' files in the order given, which places the sources among
   * the rows' files; by default the rows' files first, in the order their rows come) are optional.
   */
  constructor(rows: readonly CanonicalRow[], sources: readonly RowSource[] = [], order: readonly string[] = []) {
    for (const file of order) if (!this.rank.has(file)) this.rank.set(file, this.rank.size);
    for (const row of rows) {
      const years = this.years3(row.measure, row.geo, row.partner ?? '');
      const entry = years.get(row.year);
      if (entry === undefined) years.set(row.year, { rows: [row], looked: false });
      else {
        const list = entry.rows;
        const same = list.find((r) => r.provenance === row.provenance);
        if (same !== undefined) {
          if (same.value === row.value) continue;
          throw dataError(msg.duplicateKey(`${row.measure} ${row.geo}${row.partner ? `→${row.partner}` : ''} ${row.year}`), { file: row.provenance.file });
        }
        list.push(row);
        list.sort((a, b) => compareEditions(a.provenance.edition, b.provenance.edition));
      }
      this.measures.add(row.measure);
      this.fileMeasure(row.provenance.file, row.measure);
    }
    for (const source of sources) {
      for (const m of source.measures()) {
        this.measures.add(m);
        this.fileMeasure(source.provenance.file, m);
        const list = this.sourced.get(m);
        if (list === undefined) this.sourced.set(m, [source]);
        else list.push(source);
      }
      if (!this.rank.has(source.provenance.file)) this.rank.set(source.provenance.file, this.rank.size);
    }
  }

  private fileMeasure(file: string, measure: string): void {
    const f = this.byFile.get(file);
    if (f === undefined) {
      this.byFile.set(file, new Set([measure]));
      if (!this.rank.has(file)) this.rank.set(file, this.rank.size);
    } else f.add(measure);
  }

  private years3(measure: string, geo: string, partner: string): Map<number, Entry> {
    let geos = this.index.get(measure);
    if (geos === undefined) this.index.set(measure, (geos = new Map()));
    let partners = geos.get(geo);
    if (partners === undefined) geos.set(geo, (partners = new Map()));
    let years = partners.get(partner);
    if (years === undefined) partners.set(partner, (years = new Map()));
    return years;
  }

  private entry(measure: string, geo: string, partner: string | null, year: number): Entry | undefined {
    return this.index.get(measure)?.get(geo)?.get(partner ?? '')?.get(year);
  }

  /** Rows for a key, preferred edition first, then newest first (read-only: shared between calls). */
  candidates(measure: string, geo: string, year: number, partner: string | null = null, edition?: string): readonly CanonicalRow[] {
    const entry = this.entry(measure, geo, partner, year);
    if (entry !== undefined) entry.looked = true;
    const sources = this.sourced.get(measure);
    const list = sources === undefined ? (entry?.rows ?? NONE) : this.withSources(sources, entry, measure, geo, partner, year);
    if (edition === undefined || list.length === 0) return list;
    return [...list.filter((r) => editionMatches(edition, r.provenance)), ...list.filter((r) => !editionMatches(edition, r.provenance))];
  }

  /** A key's rows when sources hold its measure: one input's rows as they are, several merged once. */
  private withSources(sources: readonly RowSource[], entry: Entry | undefined, measure: string, geo: string, partner: string | null, year: number): readonly CanonicalRow[] {
    // Hot: a ladder over a large group looks up thousands of cells, nearly always of one input.
    let only = entry?.rows ?? NONE;
    let several = false;
    for (const s of sources) {
      const rows = s.rows(measure, geo, partner, year);
      if (rows.length === 0) continue;
      if (only.length === 0) only = rows;
      else several = true;
    }
    if (!several) return only;
    const key = `${measure}|${geo}|${partner ?? ''}|${year}`;
    let list = this.merged.get(key);
    if (list === undefined) {
      list = [...(entry?.rows ?? []), ...sources.flatMap((s) => s.rows(measure, geo, partner, year))];
      // As the constructor orders a key's rows: newest edition first, inputs in order within one.
      list.sort((a, b) => preferenceOrder(a.provenance, b.provenance, (p) => this.rank.get(p.file) ?? 0));
      this.merged.set(key, list);
    }
    return list;
  }

  /**
   * True when a lookup ({@link ObservationTable.candidates}) has returned the rows of this row's
   * key, so it may have fed a result (any edition of the key counts); false when no computation
   * looked at it. Used to decide whether a warning about the row concerns the results.
   */
  wasLookedUp(row: Pick<CanonicalRow, 'measure' | 'geo' | 'partner' | 'year'>): boolean {
    return this.entry(row.measure, row.geo, row.partner, row.year)?.looked === true;
  }

  hasMeasure(measure: string): boolean {
    return this.measures.has(measure);
  }

  /** Every measure in the table, sorted. */
  measureIds(): string[] {
    return [...this.measures].sort();
  }

  /** The measures an input file gave (kept after filtering), sorted; empty when none. */
  measuresOf(file: string): string[] {
    return [...(this.byFile.get(file) ?? [])].sort();
  }

  /** Years with any row for these measures and geos, ascending. */
  years(measures: readonly string[], geos?: readonly string[]): number[] {
    const ms = new Set(measures);
    const gs = geos === undefined ? undefined : new Set(geos);
    const out = new Set<number>();
    for (const m of ms) {
      for (const [geo, partners] of this.index.get(m) ?? []) {
        if (gs !== undefined && !gs.has(geo)) continue;
        for (const years of partners.values()) for (const y of years.keys()) out.add(y);
      }
      for (const s of this.sourced.get(m) ?? []) for (const y of s.years(m, gs)) out.add(y);
    }
    return [...out].sort((a, b) => a - b);
  }
}

/** One key's rows and whether a lookup has returned them (so they may have fed a result). */
interface Entry {
  rows: CanonicalRow[];
  looked: boolean;
}
