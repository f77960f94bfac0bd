import * as aq from 'arquero';
import type { Result } from '../model/indicator.js';
import { own } from '../model/dict.js';
import { csvCell } from './escape.js';
import { hasPartner } from './labels.js';
import type { Namer } from './table.js';

/**
 * A time series as a wide CSV (one row per geography, partner and series, one column per year), the
 * shape analysts paste into papers. Values in the results' unit (named in the `unit` column);
 * missing values are empty cells, never zero.
 */
export function wideCsv(results: readonly Result[], names: Readonly<Record<string, string>>): string {
  const partner = results.some(hasPartner);
  const rows = results.map((r) => ({
    indicator: r.indicator,
    geography: csvCell(own(names, r.geo) ?? r.geo),
    code: r.geo,
    ...(partner ? { partner: r.partner ?? '' } : {}),
    series: csvCell(r.breakdown ?? ''),
    unit: r.unit,
    year: String(r.year),
    value: r.value,
  }));
  const keys = ['indicator', 'geography', 'code', ...(partner ? ['partner'] : []), 'series', 'unit'];
  const years = [...new Set(results.map((r) => r.year))].sort((a, b) => a - b).map(String);
  const table = aq
    .from(rows)
    .groupby(...keys)
    .pivot('year', { value: (d: { value: number | null }) => aq.op.any(d.value) });
  return `${table.select(...keys, ...years).toCSV()}\n`;
}

/** `compute --wide`: {@link wideCsv} with display names from the namer. */
export function renderWideCsv(results: readonly Result[], name: Namer): string {
  const names = Object.fromEntries(results.map((r) => [r.geo, name(r.geo, r.geo_kind)]));
  return wideCsv(results, names);
}
