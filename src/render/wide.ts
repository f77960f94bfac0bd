import * as aq from 'arquero';
import type { Result } from '../model/indicator.js';
import { own } from '../model/dict.js';
import { csvCell } from './escape.js';

/**
 * A time series as a wide CSV (one row per geography and series, one column per year), the shape
 * analysts paste into papers. Missing values are empty cells, never zero.
 */
export function wideCsv(results: readonly Result[], names: Readonly<Record<string, string>>): string {
  const rows = results.map((r) => ({ geography: csvCell(own(names, r.geo) ?? r.geo), code: csvCell(r.geo), series: csvCell(r.breakdown ?? ''), year: String(r.year), value: r.value }));
  const table = aq
    .from(rows)
    .groupby('geography', 'code', 'series')
    .pivot('year', { value: (d: { value: number | null }) => aq.op.any(d.value) });
  return `${table.toCSV()}\n`;
}
