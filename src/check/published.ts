import { readFileSync } from 'node:fs';
import { usageError } from '../errors.js';
import { msg } from '../messages.js';
import { parseDataCsv } from '../model/csv-text.js';
import { dataPath } from '../paths.js';

/** One published figure in linkage's schema (data/published/README.md). */
export interface PublishedFigure {
  id: string;
  table: string;
  indicator: string;
  breakdown: string;
  /** Indicator options, e.g. { industry: 'pharmaceuticals' }. */
  options: Record<string, string>;
  geo: string;
  /** The linkage geography computed when `geo` is the study's own label (e.g. `USMCA+EU28`), else ''. */
  geoAs: string;
  partner: string;
  /** A year, or a span such as `2000-2017` (span figures are not computed). */
  year: string;
  value: number;
  unit: string;
  precision: number;
  latest: number;
  edition: string;
  tolerance: number | null;
  toleranceReason: string;
  /** The one input that provides the figure (dataset and query). */
  needs: string;
  /** The source the study names for the figure (`source_named`), or ''. */
  sourceNamed: string;
  /** A file under ../shared/data that provides it, or ''. */
  shared: string;
  note: string;
}

export const DEFAULT_PUBLISHED = 'huang-lv-wang.csv';

/** Read a published-figures file; a malformed one is a usage error naming the figure. */
export function readPublished(path: string = dataPath('published', DEFAULT_PUBLISHED)): PublishedFigure[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw usageError(msg.badPublished(`cannot read ${path}`));
  }
  return parseDataCsv(text).map((r, i) => {
    const value = Number(r.value);
    const precision = Number(r.precision);
    const tolerance = r.tolerance ? Number(r.tolerance) : null;
    if (!r.id || !r.indicator || !Number.isFinite(value) || !Number.isInteger(precision)) {
      throw usageError(msg.badPublished(`row ${i + 1} (${r.id ?? '?'}) needs id, indicator, a numeric value and an integer precision`));
    }
    if (tolerance !== null && !(r.tolerance_reason ?? '').trim()) {
      throw usageError(msg.badPublished(`figure ${r.id} has a tolerance without a written tolerance_reason`));
    }
    return {
      id: r.id,
      table: r.paper_table ?? '',
      indicator: r.indicator,
      breakdown: r.breakdown ?? '',
      options: Object.fromEntries(
        (r.options ?? '')
          .split(';')
          .filter((kv) => kv.includes('='))
          .map((kv) => [kv.slice(0, kv.indexOf('=')).trim(), kv.slice(kv.indexOf('=') + 1).trim()]),
      ),
      geo: r.geo ?? '',
      geoAs: r.geo_as ?? '',
      partner: r.partner ?? '',
      year: r.year ?? '',
      value,
      unit: r.unit ?? '',
      precision,
      latest: r.latest ? Number(r.latest) : 0,
      edition: r.edition ?? '',
      tolerance,
      toleranceReason: r.tolerance_reason ?? '',
      needs: r.needs ?? '',
      sourceNamed: r.source_named ?? '',
      shared: r.shared ?? '',
      note: r.note ?? '',
    };
  });
}
