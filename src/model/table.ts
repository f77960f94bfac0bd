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
  private readonly index = new Map<string, CanonicalRow[]>();
  private readonly measures = new Set<string>();
  private readonly byFile = new Map<string, Set<string>>();
  /** The keys a lookup has returned rows for (their rows may have fed a result). */
  private readonly looked = new Set<readonly CanonicalRow[]>();
  readonly size: number;

  constructor(rows: readonly CanonicalRow[]) {
    for (const row of rows) {
      const k = key(row.measure, row.geo, row.partner, row.year);
      const list = this.index.get(k);
      if (list === undefined) this.index.set(k, [row]);
      else {
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

  /** Rows for a key, preferred edition first, then newest first. */
  candidates(measure: string, geo: string, year: number, partner: string | null = null, edition?: string): CanonicalRow[] {
    const list = this.index.get(key(measure, geo, partner, year));
    if (list === undefined) return [];
    this.looked.add(list);
    if (edition === undefined) return list;
    return [...list.filter((r) => editionMatches(edition, r.provenance)), ...list.filter((r) => !editionMatches(edition, r.provenance))];
  }

  /**
   * True when a lookup ({@link ObservationTable.candidates}) has returned the rows of this row's
   * key, so it may have fed a result (any edition of the key counts); false when no computation
   * looked at it. Used to decide whether a warning about the row concerns the results.
   */
  wasLookedUp(row: Pick<CanonicalRow, 'measure' | 'geo' | 'partner' | 'year'>): boolean {
    const list = this.index.get(key(row.measure, row.geo, row.partner, row.year));
    return list !== undefined && this.looked.has(list);
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
    for (const list of this.index.values()) {
      const r = list[0];
      if (r !== undefined && ms.has(r.measure) && (gs === undefined || gs.has(r.geo))) out.add(r.year);
    }
    return [...out].sort((a, b) => a - b);
  }
}

function key(measure: string, geo: string, partner: string | null, year: number): string {
  return `${measure}\u0000${geo}\u0000${partner ?? ''}\u0000${year}`;
}
