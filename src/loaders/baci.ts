import { dataError } from '../errors.js';
import { baciMsg, type Msg } from '../messages.js';
import type { CanonicalRow } from '../model/types.js';
import { baciProvenance, baciRelease, hs6 } from '../engine/release.js';
import { applyPower, cellNumber, parseYear } from './cells.js';
import type { Loader, LoaderContext, RowParser } from './loader.js';

/**
 * CEPII BACI (`t,i,j,k,v,q`): exporter i, importer j, HS6 product k (leading zero lost, restored),
 * value v in thousands of US$ (×1000). The HS vintage comes from the file name (BACI_HS17_… = HS2017);
 * the release's product dictionary (product_codes_HS17_V*.csv beside the file, or --baci-products)
 * is the authority for product codes (linkage's HS2017 list when it is absent). Areas come from the
 * release's country dictionary; areas it lists without an ISO3 code get a pseudo-code (X849). A
 * repeated t,i,j,k is refused, and so are a double quote anywhere in a row and, in a file whose name
 * says its year (`_Y2018_`), a row of another year. Each flow is written as i's exports to j and j's imports from i
 * (BACI reconciles the two); the aggregation step derives world totals from the whole-world matrix.
 * Commands read BACI files through src/engine/ (the scan and its cache); this per-row parser is the
 * reference the engines are tested against row for row (test/engine/), and reads BACI rows that
 * reach the row loaders otherwise.
 */
const BACI_COLUMNS = ['t', 'i', 'j', 'k', 'v', 'q'];

export const baciLoader: Loader = {
  id: 'baci',
  label: 'CEPII BACI',
  detect(header) {
    return header.map((h) => h.trim()).join(',') === 't,i,j,k,v,q';
  },
  open(_header, ctx: LoaderContext): RowParser {
    const release = baciRelease(ctx.file, ctx.file, ctx.countries, ctx.options);
    const provenance = baciProvenance(release, ctx.file, ctx.sha256);
    const seen = new Set<string>();
    const fail = (m: Msg, line: number, column?: string) => dataError(m, { file: ctx.file, line, ...(column ? { column } : {}) });
    const area = (text: string, line: number, column: string) => {
      const t = text.trim();
      const hit = /^\d{1,4}$/.test(t) ? release.areas.get(Number(t)) : undefined;
      if (hit === undefined) throw fail(baciMsg.unknownArea(text), line, column);
      return hit;
    };
    return {
      dataset: provenance.dataset,
      edition: provenance.edition,
      provenance,
      parse(fields, line, quote) {
        // BACI has no quoted fields: a double quote anywhere in the row is refused, as the engines do.
        if (quote !== undefined) throw fail(baciMsg.strayQuote(), line, BACI_COLUMNS[quote] ?? `field ${quote + 1}`);
        if (fields.length !== 6) throw fail(baciMsg.fieldCount(fields.length), line);
        const year = parseYear(fields[0], ctx.file, line, 't');
        if (release.year !== undefined && year !== release.year) throw fail(baciMsg.otherYear(String(year), release.year), line, 't');
        const i = area(fields[1] ?? '', line, 'i');
        const j = area(fields[2] ?? '', line, 'j');
        const kt = (fields[3] ?? '').trim();
        if (!/^\d{1,6}$/.test(kt)) throw fail(baciMsg.badProduct(fields[3] ?? ''), line, 'k');
        const k = hs6(Number(kt));
        if (release.products !== undefined && !release.products.has(Number(kt))) throw fail(baciMsg.unknownProduct(k, release.productsName), line, 'k');
        const v = cellNumber(fields[4]);
        if (v === undefined) throw fail(baciMsg.notNumber(String(fields[4]).trim()), line, 'v');
        if (v !== null && v < 0) throw fail(baciMsg.negative(String(fields[4]).trim()), line, 'v');
        const key = `t=${year} i=${Number(fields[1])} j=${Number(fields[2])} k=${k}`;
        if (seen.has(key)) throw fail(baciMsg.duplicate(key), line);
        seen.add(key);
        if (v === null) throw fail(baciMsg.noValue(), line, 'v');
        const value = applyPower(v, 3) as number;
        const row = (flow: string, geo: string, partner: string): CanonicalRow => ({ measure: `trade:${flow}:${release.cls}:${k}`, geo, partner, year, value, unit: 'usd', flags: {}, provenance });
        return { rows: [row('X', i, j), row('M', j, i)] };
      },
    };
  },
};
