import { dataError } from '../errors.js';
import { msg } from '../messages.js';
import { mapMeasure } from '../model/measures.js';
import type { Provenance } from '../model/types.js';
import { applyPower, editionFromFileName, parseFlags, parsePower, parseValue, parseYear } from './cells.js';
import { requireColumn, type Loader, type RowParser } from './loader.js';

const GEO = ['COUNTRY', 'COU', 'LOCATION', 'REF_AREA'];
const TIME = ['YEAR', 'TIME', 'YEA'];
/** Datasets recognised by their dimension codes (the rest are named `OECD.Stat`). */
const SIGNATURES: { dims: string[]; dataset: string }[] = [
  { dims: ['MSTI_VAR'], dataset: 'MSTI' },
  { dims: ['SECTPERF', 'SECTFUND', 'MEASURE'], dataset: 'GERD_SOF' },
];

/** Header names with R's dots turned back into spaces (`PowerCode.Code` → `PowerCode Code`). */
function normalise(header: string[]): string[] {
  return header.map((h) => h.trim().replace(/\./g, ' '));
}

/**
 * OECD.Stat legacy CSV export ("Export → Text file"): code/label column pairs, `Value`, unit and
 * `PowerCode Code` exponent, flags. Also reads the same export after an R round-trip (leading
 * row-index column, dotted names, `NA`, extra trailing columns).
 */
export const oecdStatLoader: Loader = {
  id: 'oecd-stat',
  label: 'OECD.Stat legacy CSV export',
  detect(header) {
    const h = normalise(header);
    return h.includes('Value') && h.includes('PowerCode Code') && h.includes('Unit Code');
  },
  open(header, ctx): RowParser {
    const h = normalise(header);
    const need = (name: string): number => requireColumn(h, name, ctx.file, this.label);
    const unitCol = need('Unit Code');
    const valueCol = need('Value');
    const powerCol = need('PowerCode Code');
    const flagCol = h.indexOf('Flag Codes');
    const start = h[0] === '' ? 1 : 0; // R's row-index column
    const dims: { name: string; index: number }[] = [];
    for (let i = start; i + 1 < unitCol; i += 2) dims.push({ name: h[i] as string, index: i });
    const geo = dims.find((d) => GEO.includes(d.name));
    const time = dims.find((d) => TIME.includes(d.name));
    if (geo === undefined) throw dataError(msg.missingColumn(GEO.join(' or '), FORMAT), { file: ctx.file, line: 1 });
    if (time === undefined) throw dataError(msg.missingColumn(TIME.join(' or '), FORMAT), { file: ctx.file, line: 1 });
    const measureDims = dims.filter((d) => d !== geo && d !== time);
    const names = measureDims.map((d) => d.name);
    const dataset = SIGNATURES.find((s) => s.dims.join(',') === names.join(','))?.dataset ?? 'OECD.Stat';
    const edition = editionFromFileName(ctx.file);
    const provenance: Provenance = { source: 'OECD', dataset, edition, file: ctx.file, sha256: ctx.sha256 };
    const geoCache = new Map<string, string>();
    return {
      dataset,
      edition,
      provenance,
      parse(fields, line) {
        if (fields.length === 1 && (fields[0] ?? '').trim() === '') return null;
        if (fields.length < valueCol + 1) {
          throw dataError(msg.fieldCount(header.length, fields.length), { file: ctx.file, line });
        }
        const code = measureDims.map((d) => (fields[d.index] ?? '').trim()).join('.');
        const rawGeo = (fields[geo.index] ?? '').trim();
        let g = geoCache.get(rawGeo);
        if (g === undefined) {
          const reason = ctx.countries.ignoredReason(rawGeo);
          if (reason !== undefined) return { skip: reason };
          g = ctx.countries.resolveCode(rawGeo, { file: ctx.file, line, column: header[geo.index] ?? geo.name });
          geoCache.set(rawGeo, g);
        }
        const year = parseYear(fields[time.index], ctx.file, line, header[time.index] ?? time.name);
        const value = parseValue(fields[valueCol], ctx.file, line, header[valueCol] ?? 'Value');
        const power = parsePower(fields[powerCol], ctx.file, line, header[powerCol] ?? 'PowerCode Code');
        const mapped = mapMeasure(dataset, code);
        return {
          measure: mapped?.measure ?? `${dataset}:${code}`,
          geo: g,
          partner: null,
          year,
          value: applyPower(value, power),
          // A row in another unit than the code's (EUR inside a PPP US$ series) keeps its own, which the domain check refuses.
          unit: mapped !== undefined && (!mapped.sourceUnit || mapped.sourceUnit === (fields[unitCol] ?? '').trim()) ? mapped.unit : (fields[unitCol] ?? '').trim(),
          flags: parseFlags(flagCol === -1 ? '' : fields[flagCol]),
          provenance,
        };
      },
    };
  },
};

const FORMAT = 'OECD.Stat legacy CSV export';
