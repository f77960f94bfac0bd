import { dataError } from '../errors.js';
import { msg } from '../messages.js';
import { mapMeasure } from '../model/measures.js';
import type { CanonicalRow, Provenance } from '../model/types.js';
import { parseValue } from './cells.js';
import type { Loader, RowParser } from './loader.js';

const KEYS = ['Series Name', 'Series Code', 'Country Name', 'Country Code'];
const YEAR = /^(\d{4})(?: \[YR\d{4}\])?$/;

/**
 * World Bank DataBank (WDI) extract, .xlsx or CSV: `Series Name, Series Code, Country Name,
 * Country Code, 1980 [YR1980], …`; `..` = missing (kept as missing); footer lines ("Data from
 * database: …", "Last Updated: MM/DD/YYYY", which sets the edition) are not data. Country codes
 * are ISO3 or World Bank aggregate codes, all resolved through the registry.
 */
export const worldBankWdiLoader: Loader = {
  id: 'worldbank-wdi',
  label: 'World Bank DataBank (WDI) extract',
  signature: KEYS,
  detect(header) {
    return KEYS.every((k, i) => (header[i] ?? '').trim() === k);
  },
  open(header, ctx): RowParser {
    const years = header.map((h) => YEAR.exec(h.trim())).map((m) => (m ? Number(m[1]) : undefined));
    if (!years.some((y) => y !== undefined)) {
      throw dataError(msg.missingColumn('YYYY [YRYYYY]', 'World Bank DataBank extract'), { file: ctx.file, line: 1 });
    }
    const provenance: Provenance = { source: 'World Bank', dataset: 'WDI', edition: 'unknown', file: ctx.file, sha256: ctx.sha256 };
    const cache = new Map<string, string>();
    return {
      dataset: 'WDI',
      get edition() {
        return provenance.edition;
      },
      provenance,
      parse(fields, line) {
        const first = (fields[0] ?? '').trim();
        const updated = /^Last Updated:\s*(\d{2})\/(\d{2})\/(\d{4})/.exec(first);
        if (updated) {
          provenance.edition = `${updated[3]}-${updated[1]}`;
          return null;
        }
        if (first.startsWith('Data from database:') || (fields.slice(1).every((f) => f.trim() === '') && first !== '')) return null;
        const code = (fields[1] ?? '').trim();
        const country = (fields[3] ?? '').trim();
        let geo = cache.get(country);
        if (geo === undefined) {
          geo = ctx.countries.resolveCode(country, { file: ctx.file, line, column: 'Country Code' });
          cache.set(country, geo);
        }
        const mapped = mapMeasure('WDI', code);
        const rows: CanonicalRow[] = [];
        years.forEach((year, i) => {
          if (year === undefined) return;
          rows.push({
            measure: mapped?.measure ?? `WDI:${code}`,
            geo: geo as string,
            partner: null,
            year,
            value: parseValue(fields[i], ctx.file, line, header[i] ?? String(year)),
            unit: mapped?.unit ?? '',
            flags: {},
            provenance,
          });
        });
        return { rows };
      },
    };
  },
};
