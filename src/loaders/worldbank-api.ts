import { dataError } from '../errors.js';
import { msg } from '../messages.js';
import { mapMeasure } from '../model/measures.js';
import type { Provenance } from '../model/types.js';
import { parseValue, parseYear } from './cells.js';
import type { Loader, RowParser } from './loader.js';

/** The record layout a World Bank API v2 JSON answer is read as (one record per element of rows). */
export const WORLD_BANK_API_HEADER = ['indicator.id', 'countryiso3code', 'country.id', 'date', 'value', 'obs_status'] as const;

/**
 * Records of a World Bank Indicators API v2 JSON answer, `[paging, rows]`: a preamble record
 * `lastupdated,<date>` (the edition), the header above, then one record per row. Returns
 * undefined when `parsed` is not that shape (then it is some other JSON).
 */
export function worldBankApiRecords(parsed: unknown): { fields: string[]; line: number }[] | undefined {
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'object' || parsed[0] === null || !Array.isArray(parsed[1])) return undefined;
  const paging = parsed[0] as Record<string, unknown>;
  if (!('page' in paging) || !('total' in paging)) return undefined;
  const text = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? '' : String(v));
  const out: { fields: string[]; line: number }[] = [
    { fields: ['lastupdated', text(paging['lastupdated'])], line: 1 },
    { fields: [...WORLD_BANK_API_HEADER], line: 1 },
  ];
  (parsed[1] as unknown[]).forEach((r, i) => {
    const o = (r ?? {}) as Record<string, unknown>;
    const ind = (o['indicator'] ?? {}) as Record<string, unknown>;
    const ctry = (o['country'] ?? {}) as Record<string, unknown>;
    out.push({ fields: [text(ind['id']), text(o['countryiso3code']), text(ctry['id']), text(o['date']), text(o['value']), text(o['obs_status'])], line: i + 2 });
  });
  return out;
}

/**
 * World Bank Indicators API v2 JSON (what `linkage fetch worldbank:…` stores): rows of
 * indicator × economy × year, values in the indicator's unit (current US$ for the IP charges),
 * null = missing (kept missing). Economies by `countryiso3code` (ISO3 or a World Bank aggregate
 * code) through the country registry; a row without one is skipped and counted. The edition is
 * the answer's `lastupdated` month. "Line" numbers are the row's position in the answer + 1.
 */
export const worldBankApiLoader: Loader = {
  id: 'worldbank-api',
  label: 'World Bank Indicators API v2 JSON',
  signature: WORLD_BANK_API_HEADER,
  detect(header) {
    return header.length === WORLD_BANK_API_HEADER.length && WORLD_BANK_API_HEADER.every((h, i) => header[i] === h);
  },
  open(_header, ctx, preamble): RowParser {
    const updated = preamble.find((p) => p[0] === 'lastupdated')?.[1] ?? '';
    const edition = /^\d{4}-\d{2}/.test(updated) ? updated.slice(0, 7) : 'unknown';
    const provenance: Provenance = { source: 'World Bank', dataset: 'WDI', edition, file: ctx.file, sha256: ctx.sha256 };
    const geos = new Map<string, string>();
    return {
      dataset: 'WDI',
      edition,
      provenance,
      parse(fields, line) {
        const [code = '', iso3 = '', , date = '', value = '', status = ''] = fields.map((f) => f.trim());
        if (iso3 === '') return { skip: 'economy without an ISO3 code (a World Bank aggregate)' };
        if (!/^\d{4}$/.test(date)) return { skip: `not an annual observation (date ${date})` };
        let geo = geos.get(iso3);
        if (geo === undefined) {
          geo = ctx.countries.resolveCode(iso3, { file: ctx.file, line, column: 'countryiso3code' });
          geos.set(iso3, geo);
        }
        if (code === '') throw dataError(msg.apiRowNoIndicator(), { file: ctx.file, line, column: 'indicator.id' });
        const mapped = mapMeasure('WDI', code);
        return {
          measure: mapped?.measure ?? `WDI:${code}`,
          geo,
          partner: null,
          year: parseYear(date, ctx.file, line, 'date'),
          value: parseValue(value, ctx.file, line, 'value'),
          unit: mapped?.unit ?? '',
          flags: status !== '' ? { raw: status, ...(status === 'E' ? { estimated: true as const } : {}) } : {},
          provenance,
        };
      },
    };
  },
};
