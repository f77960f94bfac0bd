import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { indicatorById } from '../../indicators/index.js';
import { runCheck } from '../commands/check.js';
import { namer } from '../commands/context.js';
import { runCompute } from '../commands/compute.js';
import { defaultInputs } from '../commands/inputs.js';
import type { CheckedFigure } from '../check/check.js';
import type { CheckSummary } from '../check/render.js';
import { usageError } from '../errors.js';
import { msg, type Warning } from '../messages.js';
import type { IndicatorMeta, Result } from '../model/indicator.js';
import type { InputSummary } from '../model/types.js';
import { projectRoot } from '../paths.js';
import { buildChart, fittingKinds, misfit } from '../render/chart.js';
import { inputPath, type ReportDefinition, type ReportSection } from './definition.js';
import type { TradeScanOptions } from '../engine/index.js';

export interface BuiltSection {
  section: ReportSection;
  meta: IndicatorMeta;
  results: Result[];
  /** The chart with its caption drawn under it (files); absent when no result has a value. */
  spec?: TopLevelSpec;
  /** The same chart without the caption, inlined in HTML above {@link BuiltSection.caption} as text. */
  plain?: TopLevelSpec;
  /** The chart's caption (missing data, lower bounds, how to read it), one paragraph an item. */
  caption?: string[];
  /** Why the section could not be computed (an input file is absent). */
  unavailable?: string;
  names: Record<string, string>;
}

export interface BuiltReport {
  def: ReportDefinition;
  sections: BuiltSection[];
  figures: CheckedFigure[];
  summary: CheckSummary;
  inputs: InputSummary[];
  /** Inputs the definition names that are not on this machine. */
  absent: { id: string; path: string }[];
  /** Warnings of every section, in section order (duplicates removed). */
  warnings: Warning[];
}

/** Files of a set of report inputs, with display labels relative to the project. */
function files(def: ReportDefinition, ids: readonly string[]): { paths: string[]; labels: Map<string, string>; absent: { id: string; path: string }[]; fromSample: Set<string> } {
  const paths: string[] = [];
  const labels = new Map<string, string>();
  // Labels of the files taken in as part of the whole embedded sample (an input `{ "sample": true }`).
  const fromSample = new Set<string>();
  const absent: { id: string; path: string }[] = [];
  for (const id of ids) {
    const input = def.inputs.find((i) => i.id === id);
    if (input === undefined) continue;
    const p = inputPath(def, input);
    if (p === undefined) {
      for (const [path, label] of defaultInputs()) {
        if (paths.includes(path)) continue;
        paths.push(path);
        labels.set(path, label);
        fromSample.add(label);
      }
      continue;
    }
    if (!existsSync(p)) absent.push({ id, path: input.fetch !== undefined ? `not fetched yet: ${p}` : relative(projectRoot(), p) });
    else if (!paths.includes(p)) {
      paths.push(p);
      labels.set(p, relative(projectRoot(), p));
    }
  }
  return { paths, labels, absent, fromSample };
}

/**
 * A "holds none of the rows" warning about one file of the embedded sample: a section that names
 * the sample takes the whole set, of which most files never feed its one indicator — that is no
 * news to the reader (a file the definition names on its own still gets the warning).
 */
function sampleUnused(w: Warning, fromSample: ReadonlySet<string>): boolean {
  return w.code === 'W_INPUT_UNUSED' && [...fromSample].some((label) => w.message.startsWith(`${label} holds none`));
}

/** How a report's trade scans run: `--engine`, `--no-cache`, progress of long scans. */
export interface ReportScan {
  engine?: string;
  cache?: boolean;
  progress?: TradeScanOptions['progress'];
}

/** Compute every section and the published-figure check. `progress` is told each step. */
export async function buildReport(def: ReportDefinition, progress: (step: string) => void = () => undefined, scan: ReportScan = {}): Promise<BuiltReport> {
  const scanOpts = { ...(scan.engine !== undefined ? { engine: scan.engine } : {}), ...(scan.cache === false ? { cache: false } : {}), ...(scan.progress ? { progress: scan.progress } : {}) };
  const sections: BuiltSection[] = [];
  const allInputs = new Map<string, InputSummary>();
  const warnings = new Map<string, Warning>();
  let n = 0;
  for (const section of def.sections) {
    progress(`[${++n}/${def.sections.length + 1}] ${section.id}`);
    const indicator = indicatorById(section.indicator);
    if (indicator === undefined) throw usageError(msg.reportUnknownIndicator(section.id, section.indicator));
    const kind = section.chart ?? indicator.meta.chart;
    const why = misfit(indicator.meta, kind);
    if (why !== null) throw usageError(msg.chartKindMisfit(kind, `${indicator.meta.id} (section ${section.id})`, why, fittingKinds(indicator.meta)));
    const { paths, labels, absent, fromSample } = files(def, section.inputs);
    if (absent.length > 0) {
      sections.push({ section, meta: indicator.meta, results: [], names: {}, unavailable: `input not found on this machine: ${absent.map((a) => a.path).join(', ')}` });
      continue;
    }
    const { ctx, results, inputs, warnings: sectionWarnings } = await runCompute({
      input: paths,
      inputLabels: labels,
      indicator: [section.indicator],
      group: section.groups,
      country: section.countries ?? [],
      members: section.members !== false,
      ...(section.years ? { year: [section.years] } : {}),
      ...(section.latest !== undefined ? { latest: String(section.latest) } : {}),
      ...(section.edition ? { edition: section.edition } : {}),
      option: Object.entries(section.options ?? {}).map(([k, v]) => `${k}=${v}`),
      groups: (def.groups ?? []).map((g) => join(def.dir, g)),
      // The definition names every input, the embedded sample included when it wants it.
      sample: false,
      ...scanOpts,
    });
    for (const i of inputs) allInputs.set(i.file, i);
    for (const w of sectionWarnings) if (!sampleUnused(w, fromSample)) warnings.set(`${w.code} ${w.message}`, w);
    const name = namer(ctx);
    const names = Object.fromEntries([...new Set(results.flatMap((r) => [r.geo, r.partner ?? '']))].filter(Boolean).map((g) => [g, name(g, results.find((r) => r.geo === g)?.geo_kind)]));
    // No value, no chart: the table says why each value is missing.
    const chart = results.some((r) => r.status === 'ok') ? buildChart(results, indicator.meta, name, section.chart) : undefined;
    sections.push({ section, meta: indicator.meta, results, names, ...(chart ? { spec: chart.spec, plain: chart.plain, caption: chart.caption } : {}) });
  }
  progress(`[${n + 1}/${def.sections.length + 1}] published figures`);
  const every = files(def, def.inputs.map((i) => i.id));
  const published = def.published ? relative(process.cwd(), `${def.dir}/${def.published}`) : undefined;
  const check = await runCheck({ input: every.paths, inputLabels: every.labels, sample: false, ...(published ? { published } : {}), ...scanOpts });
  for (const i of check.inputs) allInputs.set(i.file, i);
  return { def, sections, figures: check.figures, summary: check.summary, inputs: [...allInputs.values()].sort((a, b) => a.file.localeCompare(b.file)), absent: every.absent, warnings: [...warnings.values()] };
}
