import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { usageError } from '../errors.js';
import { msg } from '../messages.js';
import { sharedDataPath } from '../paths.js';
import { readDefinitionJson } from '../io/definition-file.js';
import { schemaProblem } from '../io/schema.js';
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
  /** The definition file read (report.json), for messages. */
  file?: string;
}

/**
 * Read `reports/NAME` (a folder with report.json) or a report.json path; checks it against
 * schemas/report-definition.schema.json, then its references. A malformed file is a usage error
 * (exit 2) naming the file and the JSON path of the field, never quoting the file's text.
 */
export function readReport(path: string): ReportDefinition {
  const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'report.json') : path;
  const fail = (detail: string) => usageError(msg.badReport(file, detail), { file });
  const parsed = readDefinitionJson(file, fail);
  const problem = schemaProblem('report-definition', parsed);
  if (problem !== undefined) throw fail(`${problem.path} ${problem.detail}`);
  const raw = parsed as Omit<ReportDefinition, 'dir'>;
  const ids = new Set<string>();
  for (const i of raw.inputs) {
    if (i.fetch !== undefined) inputQuery({ ...i, fetch: i.fetch });
    if (ids.has(i.id)) throw usageError(msg.reportInputTwice(i.id), { file });
    ids.add(i.id);
  }
  const sectionIds = new Set<string>();
  for (const s of raw.sections) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(s.id) || sectionIds.has(s.id)) throw usageError(msg.reportSectionId(s.id), { file });
    sectionIds.add(s.id);
    for (const i of s.inputs) if (!ids.has(i)) throw usageError(msg.reportUnknownInput(s.id, i, file), { file });
  }
  return { ...raw, dir: dirname(resolve(file)), file };
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
