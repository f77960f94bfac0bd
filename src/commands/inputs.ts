import { readdirSync } from 'node:fs';
import { loadFile, type Loaded, type LoadOptions } from '../loaders/load.js';
import type { CountryRegistry } from '../model/countries.js';
import { ObservationTable } from '../model/table.js';
import type { CanonicalRow } from '../model/types.js';
import type { Warning } from '../messages.js';
import { dataPath } from '../paths.js';
import { fetchedFrom } from '../fetch/provenance.js';

/** The embedded default inputs (data/sample/*.csv), sorted, as [path, label]. */
export function defaultInputs(): [string, string][] {
  return readdirSync(dataPath('sample'))
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((f) => [dataPath('sample', f), `data/sample/${f}`]);
}

export interface LoadedInputs {
  table: ObservationTable;
  inputs: Loaded['summary'][];
  /** Warnings the loaders raised (values kept outside their usual domain). */
  warnings: Warning[];
}

/**
 * Load every input (the embedded sample when none is given) into one canonical table. `keep`
 * is pushed down into each scan so only the rows the indicators read are held in memory.
 */
export async function loadInputs(
  files: readonly string[],
  countries: CountryRegistry,
  source: string | undefined,
  labels?: ReadonlyMap<string, string>,
  keep?: (r: CanonicalRow) => boolean,
  extra: Pick<LoadOptions, 'reducer' | 'read' | 'trade'> = {},
): Promise<LoadedInputs> {
  const list: [string, string | undefined][] = files.length > 0 ? files.map((f) => [f, labels?.get(f)]) : defaultInputs();
  const rows: CanonicalRow[] = [];
  const inputs: Loaded['summary'][] = [];
  const warnings: Warning[] = [];
  for (const [file, label] of list) {
    const loaded = await loadFile(file, { countries, ...extra, ...(label !== undefined ? { label } : {}), ...(source !== undefined ? { source } : {}), ...(keep !== undefined ? { keep } : {}) });
    const from = fetchedFrom(file);
    if (from !== undefined) {
      // A download whose format states no edition is dated by its retrieval (an extraction date).
      if (loaded.summary.edition === 'unknown') loaded.summary.edition = from.retrieved.slice(0, 10);
      for (const r of loaded.rows) {
        r.provenance.fetched ??= from;
        if (r.provenance.edition === 'unknown') r.provenance.edition = from.retrieved.slice(0, 10);
      }
    }
    for (const r of loaded.rows) rows.push(r);
    inputs.push(loaded.summary);
    warnings.push(...(loaded.warnings ?? []));
  }
  return { table: new ObservationTable(rows), inputs, warnings };
}
