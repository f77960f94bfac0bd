import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { usageError } from '../errors.js';
import { msg } from '../messages.js';
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
    throw usageError(msg.badReport(file, (e as Error).message), { file });
  }
  const ids = new Set<string>();
  for (const i of raw.inputs ?? []) {
    if (i.fetch !== undefined) inputQuery({ ...i, fetch: i.fetch });
    if (ids.has(i.id)) throw usageError(msg.reportInputTwice(i.id), { file });
    ids.add(i.id);
  }
  const sectionIds = new Set<string>();
  for (const s of raw.sections ?? []) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(s.id) || sectionIds.has(s.id)) throw usageError(msg.reportSectionId(s.id), { file });
    sectionIds.add(s.id);
    for (const i of s.inputs) if (!ids.has(i)) throw usageError(msg.reportUnknownInput(s.id, i, file), { file });
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
  throw usageError(msg.reportInputSource(input.id));
}
