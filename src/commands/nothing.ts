import { dataError } from '../errors.js';
import type { Indicator, Result } from '../model/indicator.js';
import type { ObservationTable } from '../model/table.js';
import type { InputSummary } from '../model/types.js';
import { msg } from '../messages.js';

/** What was asked, for the message: indicators, geographies and years. */
export interface Asked {
  indicators: readonly Indicator[];
  geos: readonly string[];
  years: readonly number[] | undefined;
}

/**
 * When no result has a value, the run has produced nothing: a data error (exit 1) that says what
 * was asked, what each input provides of what the indicators read, and the first reasons given.
 * Returns normally when at least one result is `ok`.
 */
export function requireSomeValue(results: readonly Result[], inputs: readonly InputSummary[], table: ObservationTable, asked: Asked): void {
  if (results.some((r) => r.status === 'ok')) return;
  const reads = [...new Set(asked.indicators.flatMap((i) => [...i.meta.measures]))];
  const readsMeasure = (m: string) => reads.some((r) => m === r || m.startsWith(`${r}:`));
  const provides = inputs.map((i) => {
    const used = table.measuresOf(i.file).filter(readsMeasure);
    return used.length > 0 ? `${i.file} (${i.dataset}) gives ${used.slice(0, 6).join(', ')}${used.length > 6 ? ', …' : ''}` : `${i.file} (${i.dataset}) gives none of them${(i as InputSummary & { filtered?: number }).filtered ? ` (${(i as InputSummary & { filtered?: number }).filtered} rows of other measures)` : ''}`;
  });
  const reasons = [...new Set(results.map((r) => r.reason).filter((r): r is string => r !== null))];
  const geos = results.length > 0 ? [...new Set(results.map((r) => r.geo))] : asked.geos;
  const what = `${asked.indicators.map((i) => i.meta.id).join(', ')} for ${geos.join(', ') || 'the selection'}${asked.years ? ` in ${yearsText(asked.years)}` : ''}`;
  throw dataError(msg.noValue(what, reads, provides, results.length === 0 ? 'the indicators produced no results for this selection' : reasons.slice(0, 2).join(' | ')));
}

function yearsText(years: readonly number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  return first === last ? String(first) : sorted.length === (last as number) - (first as number) + 1 ? `${first}–${last}` : sorted.join(', ');
}
