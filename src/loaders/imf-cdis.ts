import { dataError } from '../errors.js';
import { msg } from '../messages.js';
import type { CanonicalRow, Provenance } from '../model/types.js';
import { applyPower, parseValue } from './cells.js';
import type { Loader, LoaderContext, RowParser } from './loader.js';
import { own } from '../model/dict.js';

const HEADER = 'Investment in:';
const NOT_SPECIFIED = /^Not Specified/i;
const UNITS: Record<string, number> = { 'US Dollars, Millions': 6, 'US Dollars, Billions': 9, 'US Dollars': 0 };

/** Year from a title such as "… as of end-2017". */
function titleYear(preamble: string[][]): number | undefined {
  for (const r of preamble) {
    const m = /end-(\d{4})/.exec(r.join(','));
    if (m) return Number(m[1]);
  }
  return undefined;
}

function unitPower(preamble: string[][], ctx: LoaderContext): number {
  for (const r of preamble) {
    const p = own(UNITS, (r[0] ?? '').trim());
    if (p !== undefined) return p;
  }
  throw dataError(msg.cdisNoUnit(), { file: ctx.file });
}

/**
 * IMF Coordinated Direct Investment Survey tables exported from the IMF data site as .xlsx (or
 * CSV): Table 6-o (outward positions: reporting economies in columns, counterpart economies in
 * rows, year in the title) and Table 4-i (total inward positions: economies in rows, years in
 * columns). Names are IMF spellings resolved through the country registry (an unknown name is an
 * error). `C` (confidential) is kept as a missing, flagged value; blank cells (not available) are
 * skipped and counted; the "World" row is the partner WLD, the "Total Investment" column the
 * all-reporters total (geo WLD); notes at the foot are ignored.
 */
export const imfCdisLoader: Loader = {
  id: 'imf-cdis',
  label: 'IMF CDIS table (6-o outward by counterpart, 4-i inward totals)',
  detect(header) {
    return (header[0] ?? '').trim() === HEADER && header.length > 2;
  },
  open(header, ctx, preamble): RowParser {
    const inwardTotals = /^\d{4}$/.test((header[1] ?? '').trim());
    const power = unitPower(preamble, ctx);
    const year = titleYear(preamble);
    if (!inwardTotals && year === undefined) throw dataError(msg.cdisNoYear(), { file: ctx.file, line: 1 });
    const dataset = inwardTotals ? 'CDIS_4i' : 'CDIS_6o';
    const extracted = preamble.map((r) => /Data extracted .* on:\s*(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(r[0] ?? '')).find(Boolean);
    const provenance: Provenance = { source: 'IMF', dataset, edition: extracted ? `${extracted[3]}-${extracted[1]?.padStart(2, '0')}` : 'unknown', file: ctx.file, sha256: ctx.sha256 };
    // Column economies: reporters (6-o) or years (4-i).
    const columns = header.slice(1).map((h, i) => {
      const name = h.trim();
      if (name === '') return undefined;
      if (inwardTotals) return { year: Number(name), code: '' };
      if (name === 'Total Investment') return { year: year as number, code: 'WLD' };
      return { year: year as number, code: ctx.countries.resolveName(name, { file: ctx.file, line: 1, column: `${i + 2}` }) };
    });
    let footer = false;
    return {
      dataset,
      get edition() {
        return provenance.edition;
      },
      provenance,
      parse(fields, line) {
        const name = (fields[0] ?? '').trim();
        if (footer || name === 'Notes') {
          footer = true;
          const m = /Data extracted .* on:\s*(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(name);
          if (m) provenance.edition = `${m[3]}-${(m[1] ?? '').padStart(2, '0')}`;
          return null;
        }
        if (NOT_SPECIFIED.test(name)) return { skip: 'counterpart not specified (part of the World total)' };
        const rowCode = name === 'World' || name === 'Total Investment' ? 'WLD' : ctx.countries.resolveName(name, { file: ctx.file, line, column: '1' });
        const rows: CanonicalRow[] = [];
        let blank = 0;
        columns.forEach((col, i) => {
          if (col === undefined) return;
          const text = (fields[i + 1] ?? '').trim();
          if (text === '') {
            blank++;
            return;
          }
          const confidential = text.toUpperCase() === 'C';
          const value = confidential ? null : applyPower(parseValue(text, ctx.file, line, header[i + 1] ?? `${i + 2}`), power);
          rows.push({
            measure: inwardTotals ? 'fdi_inward_position_usd' : 'fdi_outward_position_usd',
            geo: inwardTotals ? rowCode : col.code,
            partner: inwardTotals ? 'WLD' : rowCode,
            year: col.year,
            value,
            unit: 'usd',
            flags: confidential ? { confidential: true, raw: 'C' } : {},
            provenance,
          });
        });
        const skipped: Record<string, number> = blank > 0 ? { 'blank cell (not available)': blank } : {};
        return { rows, skipped };
      },
    };
  },
};
