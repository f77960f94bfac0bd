import type { Command } from 'commander';
import { displayTable } from '../render/width.js';
import { loadFile } from '../loaders/load.js';
import { measureDescription } from '../model/measures.js';
import { makeContext } from './context.js';
import { emit, type Io } from './io.js';
import { prepareOutput } from '../io/output.js';
import { parseFormat } from './options.js';

interface InspectOptions {
  source?: string;
  format?: string;
  output?: string;
}

/** Describe one input: format, dataset, edition, measures, countries, years, rows and skips. */
export async function inspectFile(file: string, source: string | undefined) {
  const ctx = makeContext();
  const measures = new Map<string, number>();
  const geos = new Set<string>();
  const partners = new Set<string>();
  let minYear = Infinity;
  let maxYear = -Infinity;
  let missing = 0;
  let rows = 0;
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
      return false;
    },
  });
  const { filtered: _filtered, ...rest } = summary;
  return {
    ...rest,
    missing_values: missing,
    years: rows > 0 ? [minYear, maxYear] : [],
    geos: [...geos].sort(),
    partners: [...partners].sort(),
    measures: [...measures.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([measure, count]) => ({ measure, rows: count, description: measureDescription(measure) ?? null })),
  };
}

export function registerInspect(program: Command, io: Io): void {
  program
    .command('inspect')
    .argument('<file>', 'input file')
    .description('show what linkage reads from a file: format, dataset, edition, measures, countries, years, rows skipped and why')
    .option('--source <loader>', 'force the input format')
    .option('-f, --format <format>', 'table or json', 'table')
    .option('-o, --output <file>', 'write to FILE instead of stdout')
    .addHelpText('after', '\nExamples:\n  $ linkage inspect ../shared/data/oecd/gerd-dp-live-2023-05.csv\n  $ linkage inspect data/sample/oecd-msti-2019.csv --format json')
    .action(async (file: string, opts: InspectOptions) => {
      const format = parseFormat(opts.format, ['table', 'json'] as const, 'table');
      const target = prepareOutput(opts.output, [file]);
      const info = await inspectFile(file, opts.source);
      if (format === 'json') {
        emit(io, `${JSON.stringify(info, null, 2)}\n`, target);
        return;
      }
      const facts = [
        ['file', info.file],
        ['sha256', info.sha256],
        ['format', `${info.format} (${info.loader}), ${info.encoding}`],
        ['dataset', info.dataset],
        ['edition', info.edition],
        ['rows', `${info.rows} read, ${info.missing_values} with a missing value (kept as missing, never zero)`],
        ['skipped', info.skipped.count === 0 ? '0' : `${info.skipped.count}: ${Object.entries(info.skipped.reasons).map(([r, n]) => `${n} ${r}`).join('; ')}`],
        ['years', info.years.join('–')],
        ['geographies', `${info.geos.length}: ${info.geos.join(' ')}`],
        ...(info.partners.length > 0 ? [['partners', `${info.partners.length}: ${info.partners.join(' ')}`]] : []),
      ];
      const measures = [['measure', 'rows', 'description'], ...info.measures.map((m) => [m.measure, String(m.rows), m.description ?? '(not mapped to a canonical measure)'])];
      emit(io, `${displayTable(facts, { columns: { 1: { width: 90, wrapWord: true } } })}${displayTable(measures, { columns: { 2: { width: 60, wrapWord: true } } })}`, target);
    });
}
