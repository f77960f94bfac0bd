import { readFileSync } from 'node:fs';
import { dataPath } from '../paths.js';
import { parseDataCsv } from './csv-text.js';

/** A canonical measure a source code maps to (data/measures.csv). */
export interface MeasureMapping {
  measure: string;
  unit: string;
  /** Power of ten to apply when the source has no unit-multiplier column. */
  scale: number;
  description: string;
  /** The unit code the source must state for it (OECD.Stat `Unit Code`), or '' when not checked. */
  sourceUnit?: string;
}

let cached: Map<string, MeasureMapping> | undefined;

function table(): Map<string, MeasureMapping> {
  if (cached) return cached;
  cached = new Map();
  for (const r of parseDataCsv(readFileSync(dataPath('measures.csv'), 'utf8'))) {
    cached.set(`${r.dataset}|${r.code}`, {
      measure: r.measure ?? '',
      unit: r.unit ?? '',
      scale: r.scale ? Number(r.scale) : 0,
      description: r.description ?? '',
      sourceUnit: r.source_unit ?? '',
    });
  }
  return cached;
}

/** The canonical measure for a dataset's code, or undefined (the row is kept as `DATASET:code`). */
export function mapMeasure(dataset: string, code: string): MeasureMapping | undefined {
  return table().get(`${dataset}|${code}`);
}

/** Descriptions of canonical measures, for `inspect` and error messages. */
export function measureDescription(measure: string): string | undefined {
  for (const m of table().values()) if (m.measure === measure) return m.description;
  return undefined;
}
