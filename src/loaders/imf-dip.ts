import type { Provenance } from '../model/types.js';
import { parseFlags, parseValue, parseYear } from './cells.js';
import { requireColumn, type Loader, type RowParser } from './loader.js';

const REQUIRED = ['COUNTRY', 'DV_TYPE', 'INDICATOR', 'COUNTERPART_COUNTRY', 'TIME_PERIOD', 'OBS_VALUE'] as const;

/** DIP indicators: all-instrument positions, inward and outward (apis.md §4.2). */
const INDICATORS: Readonly<Record<string, string>> = {
  INWD_D_NETLA_FALL_ALL: 'fdi_inward_position_usd',
  OTWD_D_NETAL_FALL_ALL: 'fdi_outward_position_usd',
};

/**
 * IMF DIP (Direct Investment Positions by Counterpart Economy, the successor of CDIS) as SDMX-CSV
 * from api.imf.org: `DATAFLOW,COUNTRY,DV_TYPE,INDICATOR,COUNTERPART_COUNTRY,FREQUENCY,TIME_PERIOD,
 * OBS_VALUE,SCALE,STATUS`. ISO3 codes; counterpart `G001` = world. Only DV_TYPE `O` (reported by
 * the economy) is read; `SCC` (derived from counterparts, a mirror) is skipped and counted, like
 * other indicators than the all-instrument positions. Values are plain US$ (SCALE describes the
 * display unit and is not applied: public code divides by 1e6 to get millions) — UNVERIFIED offline.
 */
export const imfDipLoader: Loader = {
  id: 'imf-dip',
  label: 'IMF DIP SDMX-CSV',
  signature: REQUIRED,
  detect(header) {
    return REQUIRED.every((c) => header.includes(c));
  },
  open(header, ctx): RowParser {
    const col = Object.fromEntries(REQUIRED.map((c) => [c, requireColumn(header, c, ctx.file, 'IMF DIP SDMX-CSV')])) as Record<(typeof REQUIRED)[number], number>;
    const freq = header.indexOf('FREQUENCY');
    const status = header.indexOf('STATUS');
    const provenance: Provenance = { source: 'IMF', dataset: 'DIP', edition: 'unknown', file: ctx.file, sha256: ctx.sha256, basis: 'directional, immediate counterpart, reported by the economy' };
    const area = (code: string, line: number, column: string) => (code === 'G001' ? 'WLD' : ctx.countries.resolveCode(code, { file: ctx.file, line, column }));
    return {
      dataset: 'DIP',
      edition: 'unknown',
      provenance,
      parse(fields, line) {
        const f = (i: number) => (fields[i] ?? '').trim();
        if (freq !== -1 && f(freq) !== 'A') return { skip: `not annual (FREQUENCY ${f(freq)})` };
        if (f(col.DV_TYPE) !== 'O') return { skip: `DV_TYPE ${f(col.DV_TYPE)} (only O, reported by the economy, is read)` };
        const measure = INDICATORS[f(col.INDICATOR)];
        if (measure === undefined) return { skip: `indicator ${f(col.INDICATOR)} (only all-instrument positions are read)` };
        return {
          measure,
          geo: area(f(col.COUNTRY), line, 'COUNTRY'),
          partner: area(f(col.COUNTERPART_COUNTRY), line, 'COUNTERPART_COUNTRY'),
          year: parseYear(f(col.TIME_PERIOD), ctx.file, line, 'TIME_PERIOD'),
          value: parseValue(f(col.OBS_VALUE), ctx.file, line, 'OBS_VALUE'),
          unit: 'usd',
          flags: status === -1 ? {} : parseFlags(f(status)),
          provenance,
        };
      },
    };
  },
};
