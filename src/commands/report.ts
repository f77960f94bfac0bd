import type { Command } from 'commander';
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { renderCheckCsv, renderCheckJson, summaryLine } from '../check/render.js';
import { usageError } from '../errors.js';
import { toolVersion } from '../paths.js';
import { renderResultsCsv } from '../render/results-csv.js';
import { buildReport, type BuiltReport } from '../report/build.js';
import { inputPath, readReport, type ReportDefinition } from '../report/definition.js';
import { confineReport } from '../report/confine.js';
import { msg, warning } from '../messages.js';
import { emitWarnings } from './warnings.js';
import { onInterrupt } from '../io/interrupt.js';
import { acquireLock } from '../io/lock.js';
import { checkReplaceable, present, REPORT_MARKER } from '../io/report-folder.js';
import { terminalLine, visibleControls } from '../render/escape.js';
import { defaultInputs } from './inputs.js';
import { renderHtml } from '../report/html.js';
import { renderMarkdown } from '../report/markdown.js';
import type { Io } from './io.js';
import { fetchReportInputs } from '../fetch/report.js';
import { modeOf } from '../fetch/inputs.js';
import { collect, parseFormat } from './options.js';
import { scanProgress, withProgress } from './progress.js';

interface ReportOptions {
  out: string;
  format?: string;
  force?: boolean;
  /** Fetch the definition's inputs given as queries (--fetch), re-validate (--refresh), or use the cache only (--offline). */
  fetch?: boolean;
  refresh?: boolean;
  offline?: boolean;
  /** Trade scans: `--engine`, `--no-cache`; `--quiet` silences progress. */
  engine?: string;
  cache?: boolean;
  quiet?: boolean;
  /** Extra folders report inputs may resolve into (--allow-path, repeatable). */
  allowPath?: string[];
}

/**
 * Build the report into a fresh temporary folder beside `out`, then move it into place: a failed
 * run leaves nothing half-written, and an existing folder is replaced only with --force.
 */
export async function writeReport(definition: string, opts: ReportOptions, io: Io, argv: readonly string[]): Promise<void> {
  const format = parseFormat(opts.format, ['html', 'md'] as const, 'html');
  const out = resolve(opts.out);
  const def = readReport(definition);
  confineReport(def, definition, opts.allowPath);
  if ((opts.fetch || opts.refresh) && !opts.offline) await fetchReportInputs(def.inputs, { mode: modeOf(opts), note: (t) => io.stderr(`linkage: ${terminalLine(t)}\n`) });
  const reads = reportReads(def, definition);
  if (present(out)) {
    if (!opts.force) throw usageError(msg.reportExists(opts.out));
    checkReplaceable(out, opts.out, reads);
  }
  try {
    mkdirSync(dirname(out), { recursive: true });
  } catch {
    throw usageError(msg.outputFolder(opts.out, 'cannot be created'));
  }
  const unlock = acquireLock(out);
  const tmp = join(dirname(out), `.${basename(out)}.${randomBytes(6).toString('hex')}.tmp`);
  const forgetTmp = onInterrupt(() => rmSync(tmp, { recursive: true, force: true }));
  try {
    // Checked again under the lock: another run may have written the folder meanwhile.
    if (present(out)) {
      if (!opts.force) throw usageError(msg.reportExists(opts.out));
      checkReplaceable(out, opts.out, reads);
    }
    const summary = await writeReportFolder(def, definition, format, tmp, io, argv, opts);
    if (present(out)) {
      checkReplaceable(out, opts.out, reads);
      const old = `${tmp}.old`;
      renameSync(out, old);
      renameSync(tmp, out);
      rmSync(old, { recursive: true, force: true });
    } else renameSync(tmp, out);
    if (io.isTTY) io.stderr('\r\u001b[2K');
    io.stderr(`linkage: report written to ${terminalLine(opts.out)} (${summaryLine(summary)})\n`);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  } finally {
    forgetTmp();
    unlock();
  }
}

/** Every file a report reads (definition, inputs, groups, published figures): --force never replaces a folder holding one. */
function reportReads(def: ReportDefinition, definition: string): string[] {
  const paths = def.inputs.map((i) => inputPath(def, i)).filter((p): p is string => p !== undefined);
  return [resolve(definition), def.dir, ...paths, ...(def.groups ?? []).map((g) => join(def.dir, g)), ...(def.published ? [join(def.dir, def.published)] : []), ...defaultInputs().map(([p]) => p)];
}

/** Write the whole report into the fresh folder `tmp`. */
async function writeReportFolder(def: ReportDefinition, definition: string, format: 'html' | 'md', tmp: string, io: Io, argv: readonly string[], opts: ReportOptions): Promise<BuiltReport['summary']> {
  const put = (file: string, data: string | Uint8Array): void => writeFileSync(file, typeof data === 'string' ? visibleControls(data) : data);
  const progress = io.isTTY && opts.quiet !== true ? (s: string) => io.stderr(`\r\u001b[2K${s}`) : () => undefined;
  const report = await buildReport(def, progress, { ...(opts.engine !== undefined ? { engine: opts.engine } : {}), ...(opts.cache === false ? { cache: false } : {}), ...withProgress(scanProgress(io, opts.quiet)) });
  // The renderers (vega, vega-lite, resvg, arquero) load only when a report is drawn: fast start elsewhere.
  const [{ compileSpec, renderSvg, svgToPng }, { wideCsv }] = await Promise.all([import('../render/draw.js'), import('../render/wide.js')]);
  const chartWarnings = report.sections.flatMap((s) => (s.spec === undefined || s.unavailable ? [] : compileSpec(s.spec).warnings.map((w) => warning(msg.chartCompile(s.section.id, w)))));
  emitWarnings(io, [...report.warnings, ...chartWarnings]);
  mkdirSync(join(tmp, 'tables'), { recursive: true });
  mkdirSync(join(tmp, 'charts'), { recursive: true });
  const svgs = new Map<string, string>();
  for (const s of report.sections) {
    if (s.unavailable) continue;
    // Rendering is synchronous work: give the event loop a turn so SIGINT/SIGTERM are handled now.
    await new Promise((next) => setImmediate(next));
    progress(`rendering ${s.section.id}`);
    put(join(tmp, 'tables', `${s.section.id}.csv`), renderResultsCsv(s.results));
    if (new Set(s.results.map((r) => r.year)).size > 1) put(join(tmp, 'tables', `${s.section.id}-wide.csv`), wideCsv(s.results, s.names));
    if (s.spec === undefined) continue;
    put(join(tmp, 'charts', `${s.section.id}.vl.json`), `${JSON.stringify(s.spec, null, 2)}\n`);
    const svg = await renderSvg(s.spec);
    // The HTML page prints the caption as text under the chart, so it inlines the chart without it.
    svgs.set(s.section.id, format === 'html' && s.plain !== undefined && s.plain !== s.spec && (s.caption ?? []).length > 0 ? await renderSvg(s.plain) : svg);
    put(join(tmp, 'charts', `${s.section.id}.svg`), svg);
    put(join(tmp, 'charts', `${s.section.id}.png`), svgToPng(svg));
  }
  put(join(tmp, 'check.json'), renderCheckJson(report.figures, report.summary, report.inputs));
  put(join(tmp, 'check.csv'), renderCheckCsv(report.figures));
  const version = toolVersion();
  if (format === 'md') put(join(tmp, 'index.md'), renderMarkdown(report, version));
  else put(join(tmp, 'index.html'), renderHtml(report, svgs, version));
  const manifest = {
    ...REPORT_MARKER,
    version,
    command: ['linkage', ...argv].join(' '),
    created: new Date().toISOString(),
    report: definition,
    inputs: report.inputs.map((i) => ({ file: i.file, sha256: i.sha256, format: i.format, dataset: i.dataset, edition: i.edition, rows: i.rows })),
    absent_inputs: report.absent,
    summary: report.summary,
  };
  put(join(tmp, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return report.summary;
}

export function registerReport(program: Command, io: Io): void {
  program
    .command('report')
    .argument('<definition>', 'report folder (with report.json), e.g. reports/cjk-linkage')
    .description('rebuild a report: tables, charts (SVG/PNG, Vega-Lite specs), the published-figure check and a manifest, in one folder')
    .requiredOption('--out <dir>', 'output folder (created; refused if it exists unless --force)')
    .option('-f, --format <format>', 'html or md', 'html')
    .option('--force', 'replace an existing output folder (atomically)')
    .option('--fetch', 'download the inputs the definition names as queries ({"fetch": "worldbank:…"}) into the cache first')
    .option('--refresh', 'like --fetch, re-validating cached downloads with the server')
    .option('--offline', 'never touch the network: queries not yet cached are listed as absent inputs')
    .option('--engine <engine>', 'trade scans of BACI files: auto (the byte scanner for a CSV, DuckDB for Parquet), duckdb or js')
    .option('--no-cache', 'neither read nor write the cache of trade aggregates ($LINKAGE_CACHE_DIR, else $XDG_CACHE_HOME/linkage, else ~/.cache/linkage)')
    .option('-q, --quiet', 'no progress on stderr')
    .option('--allow-path <dir>', "let the definition's inputs come from this folder too (repeatable); by default only its own folder, data/, ../shared/data and the download cache", collect)
    .addHelpText('after', '\nExamples:\n  $ linkage report reports/cjk-linkage --out out/report\n  $ linkage report reports/cjk-linkage --out out/report-md --format md')
    .action(async (definition: string, opts: ReportOptions) => {
      await writeReport(definition, opts, io, process.argv.slice(2));
    });
}

