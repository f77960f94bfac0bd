import { dataError } from '../errors.js';
import { msg } from '../messages.js';
import type { CanonicalRow, Provenance } from './types.js';

/** Newest first: editions are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `unknown` sorts last. */
export function compareEditions(a: string, b: string): number {
  const ka = a === 'unknown' ? '' : a;
  const kb = b === 'unknown' ? '' : b;
  return kb.localeCompare(ka);
}

/** True when an `--edition` choice names this provenance (`2019`, `2023-05`, `MSTI`, `MSTI:2019`). */
export function editionMatches(choice: string, p: Provenance): boolean {
  const [ds, ed] = choice.includes(':') ? (choice.split(':', 2) as [string, string]) : [undefined, choice];
  if (ds !== undefined && ds !== p.dataset) return false;
  if (ds === undefined && choice === p.dataset) return true;
  return p.edition === ed || p.edition.startsWith(`${ed}-`);
}

/**
 * The canonical long table, indexed for lookups by measure, geo, partner and year. Several
 * editions of the same key may coexist; {@link ObservationTable.candidates} returns them newest
 * first (or the chosen edition first).
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
  readonly size: number;

  constructor(rows: readonly CanonicalRow[]) {
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
      const f = this.byFile.get(row.provenance.file);
      if (f === undefined) this.byFile.set(row.provenance.file, new Set([row.measure]));
      else f.add(row.measure);
    }
    this.size = rows.length;
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

  /** Rows for a key, preferred edition first, then newest first. */
  candidates(measure: string, geo: string, year: number, partner: string | null = null, edition?: string): CanonicalRow[] {
    const entry = this.entry(measure, geo, partner, year);
    if (entry === undefined) return [];
    entry.looked = true;
    const list = entry.rows;
    if (edition === undefined) return list;
    return [...list.filter((r) => editionMatches(edition, r.provenance)), ...list.filter((r) => !editionMatches(edition, r.provenance))];
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
    }
    return [...out].sort((a, b) => a - b);
  }
}

/** One key's rows and whether a lookup has returned them (so they may have fed a result). */
interface Entry {
  rows: CanonicalRow[];
  looked: boolean;
}
