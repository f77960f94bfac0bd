import Papa from 'papaparse';
import type { Result } from '../model/indicator.js';
import type { Warning } from '../messages.js';
import type { InputSummary } from '../model/types.js';
import { csvCell } from './escape.js';
import { isLowerBound, provenanceLabel } from './labels.js';
import { ladderValue } from './table.js';

export { provenanceLabel } from './labels.js';
export { COMPACT, ladderValue, renderResultsTable } from './table.js';

/** The version of the results contract (`compute --format json`); README documents it. */
export const RESULTS_SCHEMA = 'linkage/results@2';

/** `lower` for a labelled lower bound (`--option confidential=lower-bound`), else null. */
export function boundOf(r: Result): 'lower' | null {
  return isLowerBound(r) ? 'lower' : null;
}

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

/** Result fields in the order of the JSON contract (README), whatever order an indicator built them in. */
const RESULT_KEYS: readonly (keyof Result | 'bound')[] = ['indicator', 'geo', 'geo_kind', 'partner', 'breakdown', 'year', 'value', 'unit', 'status', 'bound', 'reason', 'years_used', 'provenance', 'flags', 'detail'];

/**
 * The JSON contract `linkage/results@2`: `{"schema", "results": [...], "inputs": [...]}`, plus
 * `warnings` when there are any. Every result carries `bound` (`"lower"` or null).
 */
export function renderResultsJson(results: readonly Result[], inputs: readonly InputSummary[], warnings: readonly Warning[] = []): string {
  const ordered = results.map((r) => {
    const full: Record<string, unknown> = { ...r, bound: boundOf(r) };
    return Object.fromEntries(RESULT_KEYS.filter((k) => full[k] !== undefined).map((k) => [k, full[k]]));
  });
  return `${JSON.stringify({ schema: RESULTS_SCHEMA, results: ordered, inputs, ...(warnings.length > 0 ? { warnings } : {}) }, null, 2)}\n`;
}
