import Papa from 'papaparse';
import { CANONICAL_COLUMNS } from '../loaders/canonical.js';
import type { CanonicalRow } from '../model/types.js';

/** Rows in linkage's canonical CSV, sorted by measure, geo, partner, year; `#` comment lines first. */
export function renderCanonicalCsv(rows: readonly CanonicalRow[], comments: readonly string[], derivedFrom?: string): string {
  const sorted = [...rows].sort(
    (a, b) => a.measure.localeCompare(b.measure) || a.geo.localeCompare(b.geo) || (a.partner ?? '').localeCompare(b.partner ?? '') || a.year - b.year,
  );
  const data = sorted.map((r) => [
    r.measure,
    r.geo,
    r.partner ?? '',
    String(r.year),
    r.value === null ? '' : String(r.value),
    r.unit,
    r.flags.raw ?? '',
    r.provenance.source,
    r.provenance.dataset,
    r.provenance.edition,
    derivedFrom ?? r.provenance.derived_from ?? '',
  ]);
  const csv = Papa.unparse({ fields: [...CANONICAL_COLUMNS], data }, { newline: '\n' });
  return `${comments.join('\n')}\n${csv}\n`;
}
