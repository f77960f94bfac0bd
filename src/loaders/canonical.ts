import { dataError } from '../errors.js';
import { msg } from '../messages.js';
import type { Provenance } from '../model/types.js';
import { parseFlags, parseValue, parseYear } from './cells.js';
import type { Loader, RowParser } from './loader.js';

/** Columns of linkage's own canonical long CSV (what data/sample/ holds and `--format csv` of inputs). */
export const CANONICAL_COLUMNS = ['measure', 'geo', 'partner', 'year', 'value', 'unit', 'flags', 'source', 'dataset', 'edition', 'derived_from'] as const;

/**
 * linkage canonical CSV: one observation per row with its own source, dataset and edition, so a
 * small extract can combine several sources. `derived_from` names the original file and its
 * SHA-256. Lines starting with `#` before the header carry the citation.
 */
export const canonicalLoader: Loader = {
  id: 'linkage-canonical',
  label: 'linkage canonical CSV',
  signature: CANONICAL_COLUMNS.slice(0, 10),
  detect(header) {
    return CANONICAL_COLUMNS.slice(0, 10).every((c) => header.includes(c));
  },
  open(header, ctx): RowParser {
    const idx = Object.fromEntries(
      CANONICAL_COLUMNS.map((c) => {
        const i = header.indexOf(c);
        if (i === -1 && c !== 'derived_from') {
          throw dataError(msg.missingColumn(c, 'linkage canonical CSV'), { file: ctx.file, line: 1 });
        }
        return [c, i];
      }),
    ) as Record<(typeof CANONICAL_COLUMNS)[number], number>;
    const provenances = new Map<string, Provenance>();
    const fileProvenance: Provenance = { source: 'linkage', dataset: 'canonical', edition: 'unknown', file: ctx.file, sha256: ctx.sha256 };
    const get = (fields: string[], c: (typeof CANONICAL_COLUMNS)[number]) => (idx[c] === -1 ? '' : (fields[idx[c]] ?? '').trim());
    return {
      dataset: 'canonical',
      edition: 'mixed',
      provenance: fileProvenance,
      parse(fields, line) {
        if (fields.length === 1 && (fields[0] ?? '').trim() === '') return null;
        if ((fields[0] ?? '').startsWith('#')) return null;
        const source = get(fields, 'source');
        const dataset = get(fields, 'dataset');
        const edition = get(fields, 'edition') || 'unknown';
        const derived = get(fields, 'derived_from');
        const key = `${source}|${dataset}|${edition}|${derived}`;
        let provenance = provenances.get(key);
        if (provenance === undefined) {
          provenance = { source, dataset, edition, file: ctx.file, sha256: ctx.sha256, ...(derived ? { derived_from: derived } : {}) };
          provenances.set(key, provenance);
        }
        const partner = get(fields, 'partner');
        return {
          measure: get(fields, 'measure'),
          geo: ctx.countries.resolveCode(get(fields, 'geo'), { file: ctx.file, line, column: 'geo' }),
          partner: partner === '' ? null : ctx.countries.resolveCode(partner, { file: ctx.file, line, column: 'partner' }),
          year: parseYear(get(fields, 'year'), ctx.file, line, 'year'),
          value: parseValue(get(fields, 'value'), ctx.file, line, 'value'),
          unit: get(fields, 'unit'),
          flags: parseFlags(get(fields, 'flags')),
          provenance,
        };
      },
    };
  },
};
