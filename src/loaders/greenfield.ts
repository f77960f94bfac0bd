import { readFileSync } from 'node:fs';
import { dataError } from '../errors.js';
import { msg } from '../messages.js';
import { parseDataCsv } from '../model/csv-text.js';
import type { CanonicalRow, Provenance } from '../model/types.js';
import { dataPath } from '../paths.js';
import { editionFromFileName, parseValue, parseYear } from './cells.js';
import { requireColumn, type Loader, type RowParser } from './loader.js';

/** The documented layout for a licensed project-level export (fDi Markets or similar). */
export const GREENFIELD_COLUMNS = ['source_economy', 'destination_economy', 'year', 'sector', 'capex_usd_m'] as const;

function hightechSectors(): Set<string> {
  return new Set(parseDataCsv(readFileSync(dataPath('greenfield-hightech-sectors.csv'), 'utf8')).map((r) => (r.sector ?? '').trim().toLowerCase()));
}

/**
 * Project-level greenfield FDI: one announced project per row (`source_economy`,
 * `destination_economy` as ISO3 codes or names, `year`, `sector`, `capex_usd_m`, capital
 * expenditure in US$ millions). Projects are summed per source × destination × year into
 * `greenfield_capex_usd` and, for sectors in data/greenfield-hightech-sectors.csv,
 * `greenfield_capex_hightech_usd`, and the projects counted into `greenfield_projects`. An empty
 * capex is counted and skipped (never zero).
 */
export const greenfieldLoader: Loader = {
  id: 'greenfield-projects',
  label: 'project-level greenfield FDI (linkage layout)',
  signature: GREENFIELD_COLUMNS,
  detect(header) {
    return GREENFIELD_COLUMNS.every((c) => header.includes(c));
  },
  open(header, ctx): RowParser {
    const col = (c: string) => requireColumn(header, c, ctx.file, 'greenfield projects');
    const [src, dst, yr, sec, cap] = GREENFIELD_COLUMNS.map(col) as [number, number, number, number, number];
    const hightech = hightechSectors();
    const provenance: Provenance = { source: 'greenfield projects', dataset: 'GREENFIELD', edition: editionFromFileName(ctx.file), file: ctx.file, sha256: ctx.sha256 };
    const sums = new Map<string, { total: number; hightech: number; projects: number }>();
    const economy = (text: string, line: number, column: string) => {
      const t = text.trim();
      return ctx.countries.get(t) !== undefined ? t : ctx.countries.resolveName(t, { file: ctx.file, line, column });
    };
    return {
      dataset: 'GREENFIELD',
      edition: provenance.edition,
      provenance,
      parse(fields, line) {
        const value = parseValue(fields[cap], ctx.file, line, 'capex_usd_m');
        if (value === null) return { skip: 'project without capital expenditure' };
        if (value < 0) throw dataError(msg.negativeValue('capital expenditure', value, 'announced capex cannot be negative; fix the row'), { file: ctx.file, line, column: 'capex_usd_m' });
        const key = `${economy(fields[src] ?? '', line, 'source_economy')}|${economy(fields[dst] ?? '', line, 'destination_economy')}|${parseYear(fields[yr], ctx.file, line, 'year')}`;
        const s = sums.get(key) ?? { total: 0, hightech: 0, projects: 0 };
        s.total += value;
        if (hightech.has((fields[sec] ?? '').trim().toLowerCase())) s.hightech += value;
        s.projects++;
        sums.set(key, s);
        return { rows: [] };
      },
      finish() {
        const rows: CanonicalRow[] = [];
        for (const [key, s] of [...sums].sort(([a], [b]) => a.localeCompare(b))) {
          const [geo, partner, year] = key.split('|') as [string, string, string];
          const base = { geo, partner, year: Number(year), unit: 'usd', flags: {}, provenance };
          rows.push({ ...base, measure: 'greenfield_capex_usd', value: Number(`${s.total}e6`) });
          rows.push({ ...base, measure: 'greenfield_capex_hightech_usd', value: Number(`${s.hightech}e6`) });
          rows.push({ ...base, measure: 'greenfield_projects', unit: 'count', value: s.projects });
        }
        return rows;
      },
    };
  },
};
