import type { Result } from '../model/indicator.js';
import type { Warning } from '../messages.js';
import type { InputSummary } from '../model/types.js';
import { isLowerBound } from './labels.js';

export { provenanceLabel } from './labels.js';
export { COMPACT, ladderValue, renderResultsTable } from './table.js';

/** The version of the results contract (`compute --format json`); README documents it. */
export const RESULTS_SCHEMA = 'linkage/results@2';

/** `lower` for a labelled lower bound (`--option confidential=lower-bound`), else null. */
export function boundOf(r: Result): 'lower' | null {
  return isLowerBound(r) ? 'lower' : null;
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
