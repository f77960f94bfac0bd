import { readFileSync } from 'node:fs';
import { dataError } from '../errors.js';
import { msg } from '../messages.js';
import { dataPath } from '../paths.js';
import { parseDataCsv } from './csv-text.js';
import type { CanonicalRow } from './types.js';

/** A measure's declared domain (data/measure-domains.csv). */
export interface Domain {
  pattern: RegExp;
  measure: string;
  /** Required unit of the rows ('' = not checked). */
  unit: string;
  min: number;
  max: number;
  /** `error`: a value outside is a data error; `warn`: kept, with a warning (the source publishes it). */
  outside: 'error' | 'warn';
  note: string;
}

let cached: Domain[] | undefined;

/** The declared domains, first match wins. */
export function domains(): Domain[] {
  cached ??= parseDataCsv(readFileSync(dataPath('measure-domains.csv'), 'utf8')).map((r) => {
    const measure = r.measure ?? '';
    const glob = measure.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
    return {
      pattern: new RegExp(`^${glob}$`),
      measure,
      unit: r.unit ?? '',
      min: r.min ? Number(r.min) : -Infinity,
      max: r.max ? Number(r.max) : Infinity,
      outside: r.outside === 'warn' ? 'warn' : 'error',
      note: r.note ?? '',
    };
  });
  return cached;
}

const byMeasure = new Map<string, Domain | null>();

/** The domain of a canonical measure, or undefined when none is declared. */
export function domainOf(measure: string): Domain | undefined {
  let d = byMeasure.get(measure);
  if (d === undefined) {
    d = domains().find((x) => x.pattern.test(measure)) ?? null;
    byMeasure.set(measure, d);
  }
  return d ?? undefined;
}

/**
 * Check one row as it is read: a value that is not finite (an overflow after the unit multiplier)
 * is a data error; so is a value outside the measure's declared domain or a row in another unit,
 * except where the domain says the source publishes such values (`warn`: the row is kept and
 * `warn` receives the measure and value).
 */
export function checkRow(row: CanonicalRow, file: string, line: number, warn: (row: CanonicalRow, note: string) => void): void {
  const v = row.value;
  if (v !== null && !Number.isFinite(v)) {
    throw dataError(msg.notFinite(row.measure, row.geo, row.year), { file, line });
  }
  const d = domainOf(row.measure);
  if (d === undefined) return;
  if (d.unit !== '' && row.unit !== d.unit) {
    throw dataError(msg.mixedUnit(row.unit || 'no unit', row.measure, d.unit), { file, line });
  }
  if (v === null || (v >= d.min && v <= d.max)) return;
  const range = `${Number.isFinite(d.min) ? d.min : '−∞'} to ${Number.isFinite(d.max) ? d.max : '∞'}`;
  if (d.outside === 'warn') {
    warn(row, d.note);
    return;
  }
  throw dataError(msg.outsideDomain(v, row.measure, row.geo, row.year, range, d.note), { file, line });
}
