import Papa from 'papaparse';
import type { Result } from '../model/indicator.js';
import { csvCell } from './escape.js';
import { provenanceLabel } from './labels.js';
import { boundOf } from './results.js';
import { ladderValue } from './table.js';

// Apart from src/render/results.ts so that `compute` loads Papa Parse only for --format csv.

/** The CSV columns of `compute --format csv`, in order. */
export const RESULT_CSV_FIELDS = ['indicator', 'geo', 'geo_kind', 'partner', 'breakdown', 'year', 'value', 'unit', 'status', 'bound', 'reason', 'years_used', 'sources', 'sha256', 'intensity', 'introversion'] as const;

/**
 * One CSV row per result: `value` in `unit` (flows in US$, shares in percent), `bound` = `lower`
 * for a labelled lower bound, provenance flattened as `source dataset edition` and SHA-256s.
 */
export function renderResultsCsv(results: readonly Result[]): string {
  const data = results.map((r) => [
    r.indicator,
    r.geo,
    r.geo_kind,
    r.partner ?? '',
    r.breakdown ?? '',
    String(r.year),
    r.value === null ? '' : String(r.value),
    r.unit,
    r.status,
    boundOf(r) ?? '',
    r.reason ?? '',
    Object.entries(r.years_used)
      .map(([g, y]) => `${g}:${y}`)
      .join(' '),
    r.provenance.map(provenanceLabel).join(' + '),
    r.provenance.map((p) => p.sha256).join(' '),
    ...(['intensity', 'introversion'] as const).map((k) => {
      const v = ladderValue(r, k);
      return v === null ? '' : String(v);
    }),
  ]);
  // Text cells through csvCell (controls visible, formula triggers neutralised); numbers as they are.
  return `${Papa.unparse({ fields: [...RESULT_CSV_FIELDS], data: data.map((row) => row.map((c) => csvCell(c))) }, { newline: '\n' })}\n`;
}
