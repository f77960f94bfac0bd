import { readFileSync } from 'node:fs';
import { cellText, readXlsx } from '../../src/loaders/xlsx.js';
import { shared } from '../helpers.js';

/** One WDI value as the World Bank API v2 JSON gives it. */
export interface WbRow {
  indicator: { id: string; value: string };
  country: { id: string; value: string };
  countryiso3code: string;
  date: string;
  value: number | null;
  unit: string;
  obs_status: string;
  decimal: number;
}

/**
 * Rows of the real WDI DataBank extract (../shared/data/worldbank/wdi-ip-charges-1980-2021.xlsx)
 * rendered in the World Bank API v2 row shape: the values are real, the JSON layout is the API's
 * (apis.md §2). Newest year first, as the API orders them.
 */
let wdi: string[][] | undefined;

export function wdiRows(indicator: string, countries: readonly string[], years: readonly [number, number]): WbRow[] {
  if (wdi === undefined) {
    const [sheet] = readXlsx(readFileSync(shared('worldbank', 'wdi-ip-charges-1980-2021.xlsx')), 'wdi.xlsx').filter((s) => s.name === 'Data');
    if (sheet === undefined) throw new Error('no Data sheet');
    wdi = sheet.rows.map((r) => r.map(cellText));
  }
  const rowsOfSheet = wdi;
  const header = rowsOfSheet[0] ?? [];
  const out: WbRow[] = [];
  for (const iso3 of countries) {
    const row = rowsOfSheet.find((r) => r[1] === indicator && r[3] === iso3);
    if (row === undefined) throw new Error(`no ${indicator} ${iso3}`);
    for (let y = years[1]; y >= years[0]; y--) {
      const i = header.findIndex((h) => h.startsWith(`${y} [`));
      const v = row[i] ?? '..';
      out.push({ indicator: { id: indicator, value: row[0] ?? '' }, country: { id: iso3.slice(0, 2), value: row[2] ?? '' }, countryiso3code: iso3, date: String(y), value: v === '..' || v === '' ? null : Number(v), unit: '', obs_status: '', decimal: 0 });
    }
  }
  return out;
}

/** Page `page` (1-based) of `rows` in the API's `[paging, rows]` shape, `perPage` rows a page. */
export function wbPage(rows: readonly WbRow[], page: number, perPage: number, lastupdated = '2023-03-30'): string {
  const pages = Math.max(1, Math.ceil(rows.length / perPage));
  return JSON.stringify([{ page, pages, per_page: perPage, total: rows.length, sourceid: '2', lastupdated }, rows.slice((page - 1) * perPage, page * perPage)]);
}

/** The page number a World Bank request asks for. */
export function pageOf(url: string): number {
  return Number(/[?&]page=(\d+)/.exec(url)?.[1] ?? '1');
}
