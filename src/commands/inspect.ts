import { usageError } from '../errors.js';
import type { Command } from 'commander';
import { tradeKind } from '../engine/index.js';
import { expandInputs, notRecognised } from '../inputs/expand.js';
import { regularInput } from '../io/input-file.js';
import { loadFile } from '../loaders/load.js';
import { msg, warning } from '../messages.js';
import { editionLabel, provenanceLabel } from '../render/labels.js';
import { displayTable, terminalWidth } from '../render/width.js';
import { makeContext } from './context.js';
import { emit, type Io } from './io.js';
import { prepareOutput } from '../io/output.js';
import { parseEngine, parseFormat } from './options.js';
import { scanProgress, withProgress } from './progress.js';
import { baciFacts, baciTables, inspectBaci, type InspectedBaci } from './inspect-baci.js';
import { describeMeasure, isCanonical, readersOf } from './reads.js';
import { emitWarnings } from './warnings.js';

interface InspectOptions {
  source?: string;
  format?: string;
  output?: string;
  engine?: string;
  /** False with --no-cache. */
  cache?: boolean;
}

/** One measure of an inspected file: its rows, what it is, and which indicators use it. */
export interface InspectedMeasure {
  measure: string;
  rows: number;
  description: string | null;
  /** A canonical measure (data/measure-domains.csv); false = a source code kept as `DATASET:code`. */
  canonical: boolean;
  /** Indicators that use these rows (none: the rows are read but nothing computes from them). */
  read_by: string[];
}

/** Describe one input: format, dataset, edition, measures (and who reads them), countries, years, rows and skips. */
export async function inspectFile(file: string, source: string | undefined) {
  const ctx = makeContext();
  const measures = new Map<string, number>();
  const geos = new Set<string>();
  const partners = new Set<string>();
  let minYear = Infinity;
  let maxYear = -Infinity;
  let missing = 0;
  let rows = 0;
  const rowSources = new Set<string>();
  // Tally while streaming and keep nothing: inspect works on files larger than memory.
  const { summary } = await loadFile(file, {
    countries: ctx.countries,
    ...(source !== undefined ? { source } : {}),
    keep: (r) => {
      rows++;
      measures.set(r.measure, (measures.get(r.measure) ?? 0) + 1);
      geos.add(r.geo);
      if (r.partner !== null) partners.add(r.partner);
      minYear = Math.min(minYear, r.year);
      maxYear = Math.max(maxYear, r.year);
      if (r.value === null) missing++;
      rowSources.add(provenanceLabel(r.provenance));
      return false;
    },
  });
  const { filtered: _filtered, ...rest } = summary;
  const { edition } = summary;
  return {
    ...rest,
    /** The file's edition; null when it states none (the text says "(edition not stated)"). */
    edition: edition === 'unknown' || edition === '' ? null : edition,
    /** Where the rows say they come from (a canonical CSV names source, dataset and edition on each row). */
    row_sources: [...rowSources].sort(),
    missing_values: missing,
    years: rows > 0 ? [minYear, maxYear] : [],
    geos: [...geos].sort(),
    partners: [...partners].sort(),
    measures: [...measures.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([measure, count]): InspectedMeasure => ({ measure, rows: count, description: describeMeasure(measure) ?? null, canonical: isCanonical(measure), read_by: readersOf(measure) })),
  };
}

type Inspected = Awaited<ReturnType<typeof inspectFile>>;

/**
 * Describe one input: a BACI file (CSV or Parquet) from the engines' scan, summarised (memory
 * bounded, a text that fits a screen); any other file row by row.
 */
async function inspectOne(file: string, opts: InspectOptions, io: Io): Promise<Inspected | InspectedBaci> {
  await regularInput(file);
  const kind = opts.source === undefined || opts.source === 'baci' ? await tradeKind(file) : undefined;
  if (kind === undefined) return inspectFile(file, opts.source);
  return inspectBaci(file, kind, { engine: parseEngine(opts.engine), cache: opts.cache !== false, ...withProgress(scanProgress(io, false)) });
}

/** What the measure table says a measure is and who reads it: never "not mapped" for a canonical measure. */
function measureCells(m: InspectedMeasure): string[] {
  if (!m.canonical) return [m.measure, String(m.rows), `${m.description ?? 'a source code kept as DATASET:code'}\nnot mapped to a canonical measure, so no indicator uses it (map it in data/measures.csv)`];
  return [m.measure, String(m.rows), `${m.description ?? ''}${m.description ? '\n' : ''}used by: ${m.read_by.length > 0 ? m.read_by.join(', ') : 'none (no indicator uses these rows)'}`];
}

/** The facts and measures tables of one file, fitting `width` columns. */
/**
 * What was read: records (data lines) and the rows they gave, named apart when they differ (a BACI
 * line is an export and an import row; a wide sheet's line one row per year), and the missing values.
 */
function rowsFact(info: Pick<Inspected, 'records' | 'rows' | 'missing_values'>): string {
  const n = (x: number) => x.toLocaleString('en');
  const read = info.records === info.rows ? `${n(info.rows)} read` : `${n(info.records)} records read, giving ${n(info.rows)} rows`;
  return `${read}, ${n(info.missing_values)} with a missing value (kept as missing, never zero)`;
}

function inspectTable(info: Inspected | InspectedBaci, width: number): string {
  if ('groups' in info) return baciTable(info, width);
  const facts = [
    ['file', info.file],
    ['sha256', info.sha256],
    ['format', `${info.format} (${info.loader}), ${info.encoding}`],
    ['dataset', info.dataset],
    ['edition', info.edition ?? (info.dataset === 'canonical' && info.row_sources.length > 0 ? `on each row: ${info.row_sources.join('; ')}` : editionLabel('unknown'))],
    ['rows', rowsFact(info)],
    ['skipped', info.skipped.count === 0 ? '0' : `${info.skipped.count}: ${Object.entries(info.skipped.reasons).map(([r, n]) => `${n} ${r}`).join('; ')}`],
    ['years', info.years.join('–')],
    ['economies', `${info.geos.length}: ${info.geos.join(' ')}`],
    ...(info.partners.length > 0 ? [['partners', `${info.partners.length}: ${info.partners.join(' ')}`]] : []),
  ];
  const measures = [['measure', 'rows', 'what it is; indicators that use it'], ...info.measures.map(measureCells)];
  // Borders and padding: 7 columns for two cells, 10 for three; the last cell takes what is left.
  const keyWidth = Math.max(...measures.map((r) => (r[0] ?? '').length), 7);
  const rowsWidth = Math.max(...measures.map((r) => (r[1] ?? '').length), 4);
  // A SHA-256 (64 characters) is never broken: below 80 columns its row overflows instead.
  const factKey = Math.max(...facts.map((r) => (r[0] ?? '').length));
  return `${displayTable(facts, { columns: { 1: { width: Math.max(64, width - 7 - factKey), wrapWord: true } } })}${displayTable(measures, { columns: { 0: { width: Math.min(keyWidth, 28), wrapWord: true }, 2: { width: Math.max(20, width - 10 - Math.min(keyWidth, 28) - rowsWidth), wrapWord: true } } })}`;
}

/** The facts, measures and product groups of a BACI file, fitting `width` columns. */
function baciTable(info: InspectedBaci, width: number): string {
  const facts = baciFacts(info, rowsFact(info), info.edition ?? editionLabel('unknown'));
  const { measures, groups } = baciTables(info);
  const factKey = Math.max(...facts.map((r) => (r[0] ?? '').length));
  const keyWidth = Math.max(...measures.map((r) => (r[0] ?? '').length));
  const rowsWidth = Math.max(...measures.map((r) => (r[1] ?? '').length));
  return `${displayTable(facts, { columns: { 1: { width: Math.max(64, width - 7 - factKey), wrapWord: true } } })}${displayTable(measures, { columns: { 2: { width: Math.max(20, width - 10 - keyWidth - rowsWidth), wrapWord: true } } })}${displayTable(groups)}`;
}

export function registerInspect(program: Command, io: Io): void {
  program
    .command('inspect')
    .argument('<files...>', 'input files, folders (their .csv, .json and .xlsx files) or quoted globs')
    .description('show what linkage reads from each file: format, dataset, edition, measures and the indicators that use them, countries, years, rows skipped and why')
    .option('--source <loader>', 'force the input format')
    .option('-f, --format <format>', 'table or json (one file: its object; several: {"files": [...]})', 'table')
    .option('-o, --output <file>', 'write to FILE instead of stdout')
    .option('--engine <engine>', 'BACI files: auto (the byte scanner for a CSV, DuckDB for Parquet), duckdb or js')
    .option('--no-cache', 'neither read nor write the cache of trade aggregates (a BACI file\'s scan)')
    .addHelpText('after', '\nExamples:\n  $ linkage inspect ../shared/data/oecd/gerd-dp-live-2023-05.csv\n  $ linkage inspect data/sample/oecd-msti-2019.csv --format json\n  $ linkage inspect data/sample\n  $ linkage inspect \'data/sample/imf-*.csv\'')
    .action(async (args: string[], opts: InspectOptions) => {
      const format = parseFormat(opts.format, ['table', 'json'] as const, 'table');
      const { files, skipped, listed } = expandInputs(args);
      const target = prepareOutput(opts.output, files);
      const infos: (Inspected | InspectedBaci)[] = [];
      for (const file of files) {
        try {
          infos.push(await inspectOne(file, opts, io));
        } catch (e) {
          // A folder's or glob's file in no known format is listed as not read; a named file is an error.
          const entry = notRecognised(e, file, listed);
          if (entry === undefined) throw e;
          skipped.push(entry);
        }
      }
      if (infos.length === 0) throw usageError(msg.folderNoInputs(args.join(' ')));
      const warnings = skipped.length > 0 ? [warning(msg.inputsSkipped(skipped.length, skipped, 'a folder or glob given to inspect'))] : [];
      emitWarnings(io, warnings);
      if (format === 'json') {
        const body = infos.length === 1 ? { ...infos[0], warnings } : { files: infos, ...(skipped.length > 0 ? { skipped } : {}), warnings };
        emit(io, `${JSON.stringify(body, null, 2)}\n`, target);
        return;
      }
      emit(io, infos.map((i) => inspectTable(i, terminalWidth())).join('\n'), target);
    });
}
