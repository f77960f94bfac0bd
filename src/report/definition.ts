import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { usageError } from '../errors.js';
import { sharedDataPath } from '../paths.js';
import { cachedInputFile, inputFetchCommand, inputQuery } from '../fetch/report.js';

/** One input of a report: the embedded sample, a file under ../shared/data, or a path. */
export interface ReportInput {
  id: string;
  sample?: boolean;
  shared?: string;
  path?: string;
  /** A `linkage fetch` query (`worldbank:BM.GSR.ROYL.CD`), with its `key` and `years`: read from the download cache. */
  fetch?: string;
  key?: string;
  years?: string;
}

export interface ReportSection {
  id: string;
  title: string;
  text?: string;
  indicator: string;
  inputs: string[];
  groups: string[];
  countries?: string[];
  members?: boolean;
  years?: string;
  latest?: number;
  edition?: string;
  options?: Record<string, string>;
  chart?: 'bars' | 'lines' | 'heatmap' | 'dots';
}

export interface ReportDefinition {
  title: string;
  subtitle?: string;
  published?: string;
  /** Extra groups files (layout of data/groups.json), relative to the definition's folder. */
  groups?: string[];
  inputs: ReportInput[];
  sections: ReportSection[];
  /** The folder the definition came from. */
  dir: string;
}

/** Read `reports/NAME` (a folder with report.json) or a report.json path; checks references. */
export function readReport(path: string): ReportDefinition {
  const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'report.json') : path;
  let raw: Omit<ReportDefinition, 'dir'>;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8')) as Omit<ReportDefinition, 'dir'>;
  } catch (e) {
    throw usageError(`cannot read report definition ${file}: ${(e as Error).message}`, 'give a folder holding report.json (e.g. reports/cjk-linkage)');
  }
  const ids = new Set<string>();
  for (const i of raw.inputs ?? []) {
    if (i.fetch !== undefined) inputQuery({ ...i, fetch: i.fetch });
    if (ids.has(i.id)) throw usageError(`report input "${i.id}" is defined twice`, 'give each input its own id');
    ids.add(i.id);
  }
  const sectionIds = new Set<string>();
  for (const s of raw.sections ?? []) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(s.id) || sectionIds.has(s.id)) throw usageError(`report section id "${s.id}" must be unique, lower-case letters, digits and dashes`, 'it names the section\'s CSV, chart and anchor');
    sectionIds.add(s.id);
    for (const i of s.inputs) if (!ids.has(i)) throw usageError(`section ${s.id} names unknown input "${i}"`, `define it under "inputs" in ${file}`);
  }
  return { ...raw, dir: dirname(resolve(file)) };
}

/**
 * The file an input points to (undefined for the embedded sample). An input given as a query
 * points to its cached file, or — not fetched yet — to the `linkage fetch` command that gets it
 * (a path that does not exist, so the report lists the input as absent and names the command).
 */
export function inputPath(def: ReportDefinition, input: ReportInput): string | undefined {
  if (input.sample) return undefined;
  if (input.shared !== undefined) return sharedDataPath(...input.shared.split('/'));
  if (input.path !== undefined) return isAbsolute(input.path) ? input.path : join(def.dir, input.path);
  if (input.fetch !== undefined) return cachedInputFile({ ...input, fetch: input.fetch }) ?? inputFetchCommand({ ...input, fetch: input.fetch });
  throw usageError(`report input "${input.id}" needs sample, shared, path or fetch`, 'e.g. { "id": "wdi", "shared": "worldbank/wdi-ip-charges-1980-2021.xlsx" }');
}
