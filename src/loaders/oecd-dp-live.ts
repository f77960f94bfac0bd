import { dataError } from '../errors.js';
import { msg } from '../messages.js';
import { mapMeasure } from '../model/measures.js';
import type { Provenance } from '../model/types.js';
import { applyPower, editionFromFileName, parseFlags, parseValue, parseYear } from './cells.js';
import { requireColumn, type Loader, type RowParser } from './loader.js';

const COLUMNS = ['LOCATION', 'INDICATOR', 'SUBJECT', 'MEASURE', 'FREQUENCY', 'TIME', 'Value'];

/**
 * data.oecd.org indicator export (`DP_LIVE_*.csv`): LOCATION, INDICATOR, SUBJECT, MEASURE,
 * FREQUENCY, TIME, Value, Flag Codes. Units are implied by MEASURE (MLN_USD = millions, scaled by
 * data/measures.csv). Non-annual rows are skipped and counted.
 */
export const oecdDpLiveLoader: Loader = {
  id: 'oecd-dp-live',
  label: 'OECD data portal indicator export (DP_LIVE)',
  signature: COLUMNS,
  detect(header) {
    return COLUMNS.every((c) => header.includes(c));
  },
  open(header, ctx): RowParser {
    const col = (name: string): number => requireColumn(header, name, ctx.file, this.label);
    const [loc, ind, sub, mea, freq, time, val] = COLUMNS.map(col) as [number, number, number, number, number, number, number];
    const flagCol = header.indexOf('Flag Codes');
    const edition = editionFromFileName(ctx.file);
    const provenance: Provenance = { source: 'OECD', dataset: 'DP_LIVE', edition, file: ctx.file, sha256: ctx.sha256 };
    const geoCache = new Map<string, string>();
    return {
      dataset: 'DP_LIVE',
      edition,
      provenance,
      parse(fields, line) {
        if (fields.length === 1 && (fields[0] ?? '').trim() === '') return null;
        if (fields.length < header.length - 1) {
          throw dataError(msg.fieldCount(header.length, fields.length), { file: ctx.file, line });
        }
        if ((fields[freq] ?? '').trim() !== 'A') return { skip: `not annual (FREQUENCY ${fields[freq] ?? ''})` };
        const rawGeo = (fields[loc] ?? '').trim();
        let g = geoCache.get(rawGeo);
        if (g === undefined) {
          const reason = ctx.countries.ignoredReason(rawGeo);
          if (reason !== undefined) return { skip: reason };
          g = ctx.countries.resolveCode(rawGeo, { file: ctx.file, line, column: 'LOCATION' });
          geoCache.set(rawGeo, g);
        }
        const code = [fields[ind], fields[sub], fields[mea]].map((s) => (s ?? '').trim()).join('.');
        const mapped = mapMeasure('DP_LIVE', code);
        const value = parseValue(fields[val], ctx.file, line, 'Value');
        return {
          measure: mapped?.measure ?? `DP_LIVE:${code}`,
          geo: g,
          partner: null,
          year: parseYear(fields[time], ctx.file, line, 'TIME'),
          value: applyPower(value, mapped?.scale ?? 0),
          unit: mapped?.unit ?? (fields[mea] ?? '').trim(),
          flags: parseFlags(flagCol === -1 ? '' : fields[flagCol]),
          provenance,
        };
      },
    };
  },
};
