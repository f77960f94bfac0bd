import type { Command } from 'commander';
import { INDICATORS } from '../../indicators/index.js';
import { usageError } from '../errors.js';
import { recipeFor } from '../fetch/recipes.js';
import { msg } from '../messages.js';
import type { Indicator } from '../model/indicator.js';
import type { CanonicalRow } from '../model/types.js';
import { provenanceLabel } from '../render/labels.js';
import { resolveProducts } from '../trade/products.js';
import { displayTable, terminalWidth, wrap } from '../render/width.js';
import { makeContext, selectIndicators } from './context.js';
import { presentValues, tally, type MeasureTally } from './indicator-values.js';
import { loadInputs } from './inputs.js';
import { emit, type Io } from './io.js';
import { collect, parseFormat } from './options.js';
import { describeMeasure, measureFamily, readsMeasure } from './reads.js';
import { emitWarnings } from './warnings.js';

interface IndicatorsOptions {
  format?: string;
  input?: string[];
  sample?: boolean;
  source?: string;
}

/** How to get an indicator's input: the `linkage fetch --for` command and what it fetches (or why nothing can be). */
function fetchFor(ind: Indicator) {
  const ctx = makeContext();
  const group = ctx.groups.get('CJK');
  const options = ind.meta.example ?? {};
  const command = ['linkage fetch --for', ind.meta.id, '--group CJK', ...Object.entries(options).map(([k, v]) => `--option ${k}=${v}`)].join(' ');
  const r = recipeFor(ind.meta.id, { economies: group?.members ?? ['CHN', 'JPN', 'KOR'], options, countries: ctx.countries });
  if (r === undefined) return { command: null, fetches: [], note: 'no fetch recipe: give the file with --input' };
  if ('manual' in r) return { command, fetches: [], note: `no API: \`linkage fetch ${r.manual.replace('-', ':')}\` prints the download steps` };
  if ('none' in r) return { command: null, fetches: [], note: r.none };
  return { command, fetches: r.queries.map((q) => `${q.api}:${q.id}`), note: null };
}

/** What the inputs (sample and --input) hold that the indicator reads. */
async function coverage(ind: Indicator, opts: IndicatorsOptions) {
  const ctx = makeContext();
  const held = new Map<string, MeasureTally>();
  const byFile = new Map<string, number>();
  const labels = new Map<string, Set<string>>();
  const count = (r: CanonicalRow) => {
    if (!readsMeasure(ind, r.measure)) return false;
    tally(held, r);
    byFile.set(r.provenance.file, (byFile.get(r.provenance.file) ?? 0) + 1);
    labels.set(r.provenance.file, (labels.get(r.provenance.file) ?? new Set()).add(provenanceLabel(r.provenance)));
    return false;
  };
  // A BACI year is read as compute reads it (the trade scan and its cache, all products), not row by row.
  const trade = { groups: [resolveProducts('TOTAL')], engine: 'auto' as const, countries: ctx.countries };
  const { inputs, warnings, sources } = await loadInputs(opts.input ?? [], ctx.countries, opts.source, undefined, count, { sample: opts.sample !== false, trade });
  for (const s of sources) for (const r of s.all()) count(r);
  const all = [...held.values()];
  const geos = [...new Set(all.flatMap((t) => [...t.geos]))].sort();
  return {
    warnings,
    files: inputs.filter((i) => byFile.has(i.file)).map((i) => ({ file: i.file, sources: [...(labels.get(i.file) ?? [])].sort(), rows: byFile.get(i.file) ?? 0 })),
    files_without: inputs.filter((i) => !byFile.has(i.file)).length,
    years: all.length > 0 ? [Math.min(...all.map((t) => t.minYear)), Math.max(...all.map((t) => t.maxYear))] : [],
    economies: geos,
    measures: [...held].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([measure, t]) => ({ measure, rows: t.rows, with_value: t.values, years: [t.minYear, t.maxYear], economies: t.geos.size })),
    present: presentValues(ind.meta.id, held),
  };
}

/** Everything `linkage indicators ID` says about one indicator. */
async function describe(ind: Indicator, opts: IndicatorsOptions) {
  const cov = await coverage(ind, opts);
  const { warnings, present, ...inputs } = cov;
  return {
    warnings,
    body: {
      ...ind.meta,
      reads: ind.meta.measures.map((m) => ({ measure: m, description: describeMeasure(m) ?? null })),
      fetch: fetchFor(ind),
      options: Object.entries(ind.meta.options).map(([key, o]) => ({ key, description: o.description, default: o.default, values: o.values ?? null, present: present[key] ?? null })),
      inputs: { sample: opts.sample !== false, ...inputs },
    },
  };
}

type Described = Awaited<ReturnType<typeof describe>>['body'];

const MAX_LISTED = 40;
const list = (xs: readonly string[]) => (xs.length > MAX_LISTED ? `${xs.slice(0, MAX_LISTED).join(', ')} and ${xs.length - MAX_LISTED} more (--format json lists all)` : xs.join(', '));

type MeasureCover = Described['inputs']['measures'][number];

/** One line per measure held; beyond a dozen, one line per family (`gii_rank`: 119 measures ...). */
function measureLines(measures: readonly MeasureCover[]): string[] {
  const line = (name: string, m: Pick<MeasureCover, 'rows' | 'with_value' | 'years'>, extra: string) => `${name}: ${m.rows} rows (${m.with_value} with a value), ${m.years.join('–')}${extra}`;
  if (measures.length <= 12) return measures.map((m) => line(m.measure, m, `, ${m.economies} economies`));
  const families = new Map<string, MeasureCover[]>();
  for (const m of measures) families.set(measureFamily(m.measure), [...(families.get(measureFamily(m.measure)) ?? []), m]);
  return [...families].map(([f, ms]) => {
    const sum = { rows: ms.reduce((a, m) => a + m.rows, 0), with_value: ms.reduce((a, m) => a + m.with_value, 0), years: [Math.min(...ms.map((m) => m.years[0] ?? Infinity)), Math.max(...ms.map((m) => m.years[1] ?? -Infinity))] };
    return line(f, sum, ` in ${ms.length} measures`);
  });
}

function describeText(d: Described, width: number): string {
  const para = (label: string, text: string, indent = '  ') => wrap(`${label}${text}`, width, indent).join('\n');
  const out = [para('', `${d.id} — ${d.title}`), para('unit: ', d.unit), para('definition: ', d.definition), ''];
  out.push('reads:', ...d.reads.map((r) => para('  ', `${r.measure}${r.description ? ` — ${r.description}` : ''}`, '    ')), para('sources: ', d.sources.join('; ')));
  out.push(para('get it: ', [[d.fetch.command, d.fetch.fetches.length > 0 ? `(fetches ${d.fetch.fetches.join(', ')})` : ''].filter(Boolean).join(' '), d.fetch.note ?? ''].filter(Boolean).join(' — ')), '');
  if (d.options.length > 0) {
    const rows = d.options.map((o) => [o.key, o.default, `${o.description}${o.values ? `\nvalues: ${o.values.join(', ')}` : ''}${o.present !== null ? `\nin the inputs: ${o.present.length > 0 ? list(o.present) : 'none'}` : ''}`]);
    const keyW = Math.max(6, ...rows.map((r) => (r[0] ?? '').length));
    const defW = Math.min(24, Math.max(7, ...rows.map((r) => (r[1] ?? '').length)));
    out.push('options (--option key=value):', displayTable([['option', 'default', 'meaning'], ...rows], { columns: { 1: { width: defW, wrapWord: true }, 2: { width: Math.max(20, width - keyW - defW - 10), wrapWord: true } } }).trimEnd(), '');
  }
  out.push(para('caveats: ', d.caveats.join(' ')), '');
  const i = d.inputs;
  out.push(`in the inputs (${i.sample ? 'embedded sample' : 'no sample'}${i.files.length > 0 || i.files_without > 0 ? ' and --input files' : ''}):`);
  if (i.files.length === 0) out.push(para('  ', `no input holds rows this indicator reads (${i.files_without} file(s) looked at)`));
  else {
    out.push(...i.files.map((f) => para('  ', `${f.file} — ${f.sources.join('; ')}, ${f.rows} rows`, '    ')));
    out.push(para('  years: ', i.years.join('–')), para('  economies: ', `${i.economies.length}: ${list(i.economies)}`, '    '));
    out.push(...measureLines(i.measures).map((l) => para('  ', l, '    ')));
  }
  return `${out.join('\n')}\n`;
}

export function registerIndicators(program: Command, io: Io): void {
  program
    .command('indicators')
    .argument('[id]', 'one indicator: what it reads, how to get it, its options and the values the inputs hold')
    .description('list the indicators with their definitions, units, sources and caveats; with an ID, that indicator in full')
    .option('-f, --format <format>', 'table or json', 'table')
    .option('-i, --input <file>', 'with ID: input file, folder or glob (repeatable) whose values to list, added to the embedded sample', collect)
    .option('--no-sample', 'with ID: leave the embedded sample out')
    .option('--source <loader>', 'force the input format of --input files')
    .addHelpText('after', '\nExamples:\n  $ linkage indicators\n  $ linkage indicators --format json\n  $ linkage indicators gii-indicator --input ../shared/data/wipo/gii-2022-dataset.xlsx\n  $ linkage indicators berd-industry-share --format json')
    .action(async (id: string | undefined, opts: IndicatorsOptions) => {
      const format = parseFormat(opts.format, ['table', 'json'] as const, 'table');
      if (id !== undefined) {
        const [ind] = selectIndicators([id], []);
        if (ind === undefined) return;
        const { warnings, body } = await describe(ind, opts);
        emitWarnings(io, warnings);
        emit(io, format === 'json' ? `${JSON.stringify(body, null, 2)}\n` : describeText(body, terminalWidth()), undefined);
        return;
      }
      if ((opts.input ?? []).length > 0 || opts.sample === false) throw usageError(msg.indicatorsNeedsId());
      if (format === 'json') {
        emit(io, `${JSON.stringify({ indicators: INDICATORS.map((i) => i.meta) }, null, 2)}\n`, undefined);
        return;
      }
      const rows = INDICATORS.map((i) => [
        i.meta.id,
        `${i.meta.title}\n${i.meta.definition}${Object.keys(i.meta.options).length > 0 ? `\nOptions: ${Object.entries(i.meta.options).map(([k, o]) => `${k} (${o.description}; default ${o.default})`).join('; ')}` : ''}\nCaveats: ${i.meta.caveats.join(' ')}`,
        i.meta.unit,
      ]);
      emit(io, displayTable([['id', 'definition', 'unit'], ...rows], { columns: { 1: { width: 80, wrapWord: true } } }), undefined);
    });
}
