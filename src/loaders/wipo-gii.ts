import { dataError } from '../errors.js';
import { msg } from '../messages.js';
import type { CanonicalRow, Provenance } from '../model/types.js';
import { editionFromFileName, parseValue } from './cells.js';
import type { Loader, RowParser } from './loader.js';

const COLUMNS = ['ISO3', 'ECONOMY_NAME', 'NUM', 'NAME', 'DATAYR', 'VALUE_SCREEN', 'SCORE', 'RANK'];

/**
 * WIPO Global Innovation Index dataset workbook, sheet `Data`: one row per economy × indicator
 * (NUM, e.g. `OUT.6.1.2`; empty NUM = the overall GII). Gives canonical measures
 * `gii_score:NUM`, `gii_rank:NUM` (year = the GII edition, from the file name) and
 * `gii_value:NUM` (year = DATAYR, the year of the underlying data).
 */
export const wipoGiiLoader: Loader = {
  id: 'wipo-gii',
  label: 'WIPO Global Innovation Index dataset',
  signature: COLUMNS,
  detect(header) {
    return COLUMNS.every((c, i) => (header[i] ?? '').trim() === c);
  },
  open(header, ctx): RowParser {
    const edition = editionFromFileName(ctx.file);
    const giiYear = Number(/(?:^|\D)((?:19|20)\d{2})(?:\D|$)/.exec(ctx.file.split(/[\\/]/).pop() ?? '')?.[1]);
    if (!Number.isFinite(giiYear)) {
      throw dataError(msg.giiYearInName(ctx.file), { file: ctx.file });
    }
    const provenance: Provenance = { source: 'WIPO', dataset: 'GII', edition: edition === 'unknown' ? String(giiYear) : edition, file: ctx.file, sha256: ctx.sha256 };
    return {
      dataset: 'GII',
      edition: provenance.edition,
      provenance,
      parse(fields, line) {
        const geo = ctx.countries.resolveCode((fields[0] ?? '').trim(), { file: ctx.file, line, column: 'ISO3' });
        const num = (fields[2] ?? '').trim() || 'GII';
        const rows: CanonicalRow[] = [];
        let empty = 0;
        const add = (measure: string, year: number, text: string | undefined, column: string, unit: string) => {
          const value = parseValue(text, ctx.file, line, column);
          if (value !== null) rows.push({ measure: `${measure}:${num}`, geo, partner: null, year, value, unit, flags: {}, provenance });
          else empty++;
        };
        add('gii_score', giiYear, fields[6], 'SCORE', 'score');
        add('gii_rank', giiYear, fields[7], 'RANK', 'rank');
        const dataYear = (fields[4] ?? '').trim();
        if (/^\d{4}$/.test(dataYear)) add('gii_value', Number(dataYear), fields[5], 'VALUE_SCREEN', 'value');
        const skipped: Record<string, number> = empty > 0 ? { 'empty score, rank or value cell (not published for this economy)': empty } : {};
        return { rows, skipped };
      },
    };
  },
};
