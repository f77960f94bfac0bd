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
  const provides = providesText(inputs, table, readsMeasure);
  const held = table.years(table.measureIds().filter(readsMeasure));
  if (held.length > 0) provides.push(`they hold years ${yearsText(held)}`);
  const reasons = [...new Set(results.map((r) => r.reason).filter((r): r is string => r !== null))];
  const geos = results.length > 0 ? [...new Set(results.map((r) => r.geo))] : asked.geos;
  const what = `${asked.indicators.map((i) => i.meta.id).join(', ')} for ${geos.join(', ') || 'the selection'}${asked.years ? ` in ${yearsText(asked.years)}` : ''}`;
  throw dataError(msg.noValue(what, reads, provides, results.length === 0 ? 'the indicators produced no results for this selection' : reasons.slice(0, 2).join(' | ')));
}

/**
 * What the inputs give of the measures read: each input that gives some of them by name, then one
 * count for the inputs that give none (so a run with the embedded sample does not list every file).
 */
function providesText(inputs: readonly InputSummary[], table: ObservationTable, readsMeasure: (m: string) => boolean): string[] {
  const out: string[] = [];
  const none: InputSummary[] = [];
  for (const i of inputs) {
    const used = table.measuresOf(i.file).filter(readsMeasure);
    if (used.length === 0) none.push(i);
    else out.push(`${i.file} (${i.dataset}) gives ${used.slice(0, 6).join(', ')}${used.length > 6 ? ', …' : ''}`);
  }
  if (none.length === 1) {
    const i = none[0] as InputSummary & { filtered?: number };
    out.push(`${i.file} (${i.dataset}) gives none of them${i.filtered ? ` (${i.filtered} rows of other measures)` : ''}`);
  }
  else if (none.length > 1) out.push(`${out.length === 0 ? 'no input gives any of them' : `${none.length} other inputs give none of them`}`);
  return out;
}

function yearsText(years: readonly number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  return first === last ? String(first) : sorted.length === (last as number) - (first as number) + 1 ? `${first}–${last}` : sorted.join(', ');
}
