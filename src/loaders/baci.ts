import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { dataError } from '../errors.js';
import { msg } from '../messages.js';
import { parseDataCsv } from '../model/csv-text.js';
import type { CanonicalRow, Provenance } from '../model/types.js';
import { isHs2017Code } from '../trade/products.js';
import { parseValue, parseYear } from './cells.js';
import type { Loader, LoaderContext, RowParser } from './loader.js';
import { own } from '../model/dict.js';

const VINTAGES: Record<string, string> = { HS92: 'H0', HS96: 'H1', HS02: 'H2', HS07: 'H3', HS12: 'H4', HS17: 'H5', HS22: 'H6' };

/** The release's country dictionary: given, or `country_codes_V*.csv` beside the data file. */
function dictionary(ctx: LoaderContext): Map<string, string> {
  let path = ctx.options?.baciDictionary;
  if (path === undefined) {
    try {
      const dir = dirname(ctx.file);
      const hit = readdirSync(dir).find((f) => /^country_codes_V\d+\.csv$/i.test(f));
      if (hit) path = join(dir, hit);
    } catch {
      /* no folder listing: reported below */
    }
  }
  if (path === undefined) {
    throw dataError(msg.baciNoDictionary(), { file: ctx.file, line: 1 });
  }
  const map = new Map<string, string>();
  for (const r of parseDataCsv(readFileSync(path, 'utf8'))) {
    const iso3 = (r.iso_3digit_alpha ?? '').trim();
    const code = (r.country_code ?? '').trim();
    const resolved = ctx.countries.get(iso3) !== undefined ? iso3 : ctx.countries.lookupNumeric(code);
    if (resolved !== undefined) map.set(code, resolved);
  }
  return map;
}

/**
 * CEPII BACI (`t,i,j,k,v,q`): exporter i, importer j, HS6 product k (leading zero lost, restored),
 * value v in thousands of US$ (×1000). The HS vintage comes from the file name (BACI_HS17_… = HS2017);
 * a product code that is not in that vintage is an error. Each flow is written as i's exports to j
 * and j's imports from i (BACI reconciles the two); BACI being the whole world matrix, the
 * aggregation step derives world totals from it.
 */
export const baciLoader: Loader = {
  id: 'baci',
  label: 'CEPII BACI',
  detect(header) {
    return header.map((h) => h.trim()).join(',') === 't,i,j,k,v,q';
  },
  open(header, ctx): RowParser {
    const codes = dictionary(ctx);
    const release = /BACI_(HS\d\d)_/i.exec(basename(ctx.file));
    const cls = release ? (own(VINTAGES, (release[1] ?? '').toUpperCase()) ?? 'H?') : 'H?';
    const provenance: Provenance = { source: 'CEPII', dataset: `BACI${release ? ` ${release[1]}` : ''}`, edition: /_V(\d{6})/.exec(basename(ctx.file))?.[1] ?? 'unknown', file: ctx.file, sha256: ctx.sha256 };
    const area = (code: string, line: number, column: string) => {
      const hit = codes.get(code.trim());
      if (hit === undefined) throw dataError(msg.baciUnknownCountry(code), { file: ctx.file, line, column });
      return hit;
    };
    return {
      dataset: provenance.dataset,
      edition: provenance.edition,
      provenance,
      parse(fields, line) {
        const k = (fields[3] ?? '').trim().padStart(6, '0');
        if (!/^\d{6}$/.test(k)) throw dataError(msg.notHs6(fields[3] ?? ''), { file: ctx.file, line, column: 'k' });
        if (cls === 'H5' && !isHs2017Code(k)) throw dataError(msg.notInHs2017(k), { file: ctx.file, line, column: 'k' });
        const v = parseValue(fields[4], ctx.file, line, 'v');
        if (v === null) return { skip: 'no trade value' };
        if (v < 0) throw dataError(msg.negativeValue('trade value', v, 'trade values cannot be negative'), { file: ctx.file, line, column: 'v' });
        const value = Number(`${v}e3`);
        const i = area(fields[1] ?? '', line, 'i');
        const j = area(fields[2] ?? '', line, 'j');
        const year = parseYear(fields[0], ctx.file, line, 't');
        const row = (flow: string, geo: string, partner: string): CanonicalRow => ({ measure: `trade:${flow}:${cls}:${k}`, geo, partner, year, value, unit: 'usd', flags: {}, provenance });
        return { rows: [row('X', i, j), row('M', j, i)] };
      },
    };
  },
};
