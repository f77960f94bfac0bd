import { readdirSync } from 'node:fs';
import { loadFile, type Loaded, type LoadOptions } from '../loaders/load.js';
import type { CountryRegistry } from '../model/countries.js';
import { ObservationTable, preferenceOrder, type RowSource } from '../model/table.js';
import type { CanonicalRow, Provenance } from '../model/types.js';
import { warning, type Warning } from '../messages.js';
import { dataPath } from '../paths.js';
import { fetchedFrom } from '../fetch/provenance.js';
import { expandInputs, notRecognised } from '../inputs/expand.js';
import { baciFileYear } from '../engine/file-year.js';
import { msg } from '../messages.js';

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
  /** The distinct provenances (dataset, edition, file) of the rows kept. */
  provenances: Provenance[];
  /** Warnings the loaders raised (values kept outside their usual domain). */
  warnings: Warning[];
  /** The trade scans' row sources (their rows are made on lookup, not passed to `keep`). */
  sources: RowSource[];
}

/**
 * Load the embedded sample (unless `sample` is false) plus every input into one canonical table:
 * inputs add to the sample, they do not replace it. `source` forces the format of the given files
 * only (the sample's is known). `keep` is pushed down into each scan so only the rows the
 * indicators read are held in memory.
 */
export async function loadInputs(
  files: readonly string[],
  countries: CountryRegistry,
  source: string | undefined,
  labels?: ReadonlyMap<string, string>,
  keep?: (r: CanonicalRow) => boolean,
  extra: Pick<LoadOptions, 'reducer' | 'read' | 'trade'> & { sample?: boolean; years?: ReadonlySet<number> } = {},
): Promise<LoadedInputs> {
  const { sample = true, years, ...load } = extra;
  // The user's files first: where one holds the same dataset and edition as the sample (the sample
  // is extracted from such files), its rows come first and its provenance is named.
  const expanded = expandInputs(files);
  const list: [string, string | undefined, boolean][] = [
    ...expanded.files.map((f): [string, string | undefined, boolean] => [f, labels?.get(f), true]),
    ...(sample ? defaultInputs().map(([f, l]): [string, string, boolean] => [f, l, false]) : []),
  ];
  const rows: CanonicalRow[] = [];
  const sources: RowSource[] = [];
  const inputs: Loaded['summary'][] = [];
  const warnings: Warning[] = [];
  const skipped = [...expanded.skipped];
  const seen = new Set<string>();
  const provenances = new Set<Provenance>();
  for (const [file, label, given] of list) {
    // A folder or glob of BACI years and a question about some years: the other years are not scanned.
    const year = years !== undefined && load.trade !== undefined && expanded.listed.has(file) ? await baciFileYear(file) : undefined;
    if (year !== undefined && !years?.has(year)) {
      skipped.push(`${file} (year ${year}, by its name and first row; not asked for)`);
      continue;
    }
    let loaded: Loaded;
    try {
      loaded = await loadFile(file, { countries, ...load, ...(label !== undefined ? { label } : {}), ...(given && source !== undefined ? { source } : {}), ...(keep !== undefined ? { keep } : {}) });
    } catch (e) {
      // A file a folder or glob held, in no format linkage knows: listed as not read, not fatal.
      const entry = given ? notRecognised(e, file, expanded.listed) : undefined;
      if (entry === undefined) throw e;
      skipped.push(entry);
      continue;
    }
    // The same bytes given twice (e.g. the sample file named explicitly) are read once.
    if (seen.has(loaded.summary.sha256)) continue;
    seen.add(loaded.summary.sha256);
    const from = fetchedFrom(file);
    if (from !== undefined) {
      // A download whose format states no edition is dated by its retrieval (an extraction date).
      if (loaded.summary.edition === 'unknown') loaded.summary.edition = from.retrieved.slice(0, 10);
      for (const p of [...loaded.rows.map((r) => r.provenance), ...(loaded.source ? [loaded.source.provenance] : [])]) {
        p.fetched ??= from;
        if (p.edition === 'unknown') p.edition = from.retrieved.slice(0, 10);
      }
    }
    for (const r of loaded.rows) {
      rows.push(r);
      provenances.add(r.provenance);
    }
    if (loaded.source !== undefined) {
      sources.push(loaded.source);
      provenances.add(loaded.source.provenance);
    }
    inputs.push(loaded.summary);
    warnings.push(...(loaded.warnings ?? []));
  }
  if (skipped.length > 0) warnings.unshift(warning(msg.inputsSkipped(skipped.length, skipped, 'an --input folder or glob')));
  warnings.push(...sameYears(sources));
  return { table: new ObservationTable(rows, sources, inputs.map((i) => i.file)), inputs, provenances: [...provenances], warnings, sources };
}

/**
 * A year of one dataset held by several trade scans (a CSV and a Parquet of the same BACI year, two
 * releases): the table reads each figure from the newest edition, then the first given, so the
 * others are not used; said in a warning rather than left to be found.
 */
function sameYears(sources: readonly RowSource[]): Warning[] {
  const held = new Map<string, RowSource[]>();
  for (const s of sources) {
    const years = new Set(s.measures().flatMap((m) => [...s.years(m)]));
    for (const y of years) {
      const key = JSON.stringify([s.provenance.dataset, y]);
      held.set(key, [...(held.get(key) ?? []), s]);
    }
  }
  return [...held]
    .filter(([, list]) => list.length > 1)
    .map(([key, list]) => {
      const [dataset, year] = JSON.parse(key) as [string, number];
      const given = list.map((s) => s.provenance);
      const ordered = [...given].sort((a, b) => preferenceOrder(a, b, (p) => given.indexOf(p)));
      return warning(msg.sameYearTwice(dataset, year, ordered.map((p) => `${p.file} (${p.edition})`)));
    });
}
