import type { Command } from 'commander';
import { usageError } from '../errors.js';
import { msg } from '../messages.js';
import { table as textTable } from 'table';
import { checkFigures, type CheckedFigure } from '../check/check.js';
import { readPublished } from '../check/published.js';
import { formatNumber } from '../render/format.js';
import { tradeReducer } from '../trade/aggregate.js';
import { resolveProducts } from '../trade/products.js';
import { COMPACT } from '../render/results.js';
import { makeContext } from './context.js';
import { loadInputs } from './inputs.js';
import { emit, filesRead, type Io } from './io.js';
import { prepareOutput } from '../io/output.js';
import { dataPath } from '../paths.js';
import { defaultInputs } from './inputs.js';
import { collect, parseFormat } from './options.js';

export interface CheckOptions {
  input?: string[];
  published?: string;
  groups?: string[];
  source?: string;
  only?: string;
  inputLabels?: ReadonlyMap<string, string>;
  format?: string;
  output?: string;
}

/** Run the check and return the figures and summary (shared with the report). */
export async function runCheck(opts: CheckOptions) {
  const ctx = makeContext(opts.groups);
  const figures = readPublished(opts.published);
  const products = [...new Set(['TOTAL', ...figures.map((f) => f.options.products).filter((p): p is string => p !== undefined)])].map(resolveProducts);
  const { table, inputs } = await loadInputs(opts.input ?? [], ctx.countries, opts.source, opts.inputLabels, undefined, { reducer: () => tradeReducer(products), trade: { groups: products, engine: 'auto', countries: ctx.countries } });
  if (opts.only !== undefined && !['reproduced', 'mismatch', 'unavailable'].includes(opts.only)) {
    throw usageError(msg.badOnly(opts.only));
  }
  const checked = checkFigures(figures, table, ctx.countries, ctx.groups, inputs.map((i) => i.file));
  const summary = {
    reproduced: checked.filter((c) => c.verdict === 'reproduced').length,
    mismatch: checked.filter((c) => c.verdict === 'mismatch').length,
    unavailable: checked.filter((c) => c.verdict === 'unavailable').length,
  };
  return { figures: opts.only === undefined ? checked : checked.filter((c) => c.verdict === opts.only), summary, inputs };
}

function renderTable(figures: readonly CheckedFigure[], summary: Record<string, number>): string {
  const head = ['Figure', 'Year', 'Published', 'Computed', 'Diff.', 'Verdict', 'Edition / note'];
  const computed = figures.filter((f) => f.verdict !== 'unavailable');
  const rows = computed.map((f) => [
    f.id,
    f.year,
    f.published.toFixed(f.precision),
    formatNumber(f.computed, Math.max(f.precision + 1, 2)),
    f.difference === null ? '' : formatNumber(f.difference, Math.max(f.precision + 1, 2)),
    f.verdict === 'reproduced' && f.tolerance !== null ? `reproduced (±${f.tolerance})` : f.verdict,
    [
      f.edition_used ?? '',
      Object.entries(f.years_used)
        .filter(([, y]) => String(y) !== f.year)
        .map(([g, y]) => `${g} ${y} used`)
        .join(', '),
      f.tolerance_reason ?? '',
      f.verdict !== 'reproduced' ? (f.reason ?? '') : '',
    ]
      .filter(Boolean)
      .join('; '),
  ]);
  const parts: string[] = [];
  if (rows.length > 0) parts.push(textTable([head, ...rows], { ...COMPACT, columns: { 6: { width: 70, wrapWord: true } } }));
  const unavailable = figures.filter((f) => f.verdict === 'unavailable');
  if (unavailable.length > 0) {
    const byReason = new Map<string, string[]>();
    for (const f of unavailable) byReason.set(f.reason ?? '', [...(byReason.get(f.reason ?? '') ?? []), f.id]);
    parts.push(`Could not be computed from these inputs (${unavailable.length}):\n${[...byReason].map(([reason, ids]) => `- ${ids.join(', ')}\n    ${reason}`).join('\n')}\n`);
  }
  return `${parts.join('\n')}\n${summary.reproduced ?? 0} reproduced, ${summary.mismatch ?? 0} mismatch, ${summary.unavailable ?? 0} unavailable\n`;
}

export function registerCheck(program: Command, io: Io): void {
  program
    .command('check')
    .description("compute the reference study's published figures from the inputs and compare (exit 1 on any mismatch)")
    .option('-i, --input <file>', 'input file (repeatable; default: the embedded sample)', collect)
    .option('--published <file>', 'published figures in linkage schema (default: data/published/huang-lv-wang.csv)')
    .option('--groups <file>', 'extra groups file (repeatable)', collect)
    .option('--source <loader>', 'force the input format')
    .option('--only <verdict>', 'list only reproduced, mismatch or unavailable figures')
    .option('-f, --format <format>', 'table or json', 'table')
    .option('-o, --output <file>', 'write to FILE instead of stdout')
    .addHelpText(
      'after',
      `
A figure is reproduced when the computed value rounds to the published one at the published
precision, or lies within a tolerance stated with a written reason (shown). "unavailable" names
the one input that provides the figure and the \`linkage fetch\` command that gets it (also the
JSON field "fetch"), and says when that file is already in ../shared/data.

Examples:
  $ linkage check
  $ linkage check --format json --only mismatch
  $ linkage check --input ../shared/data/oecd/msti-2019-edition-long.csv`,
    )
    .action(async (opts: CheckOptions) => {
      const format = parseFormat(opts.format, ['table', 'json'] as const, 'table');
      const target = prepareOutput(opts.output, filesRead(opts, [...defaultInputs().map(([p]) => p), dataPath('published', 'huang-lv-wang.csv')]));
      const { figures, summary, inputs } = await runCheck(opts);
      const text = format === 'json' ? `${JSON.stringify({ figures, summary, inputs }, null, 2)}\n` : renderTable(figures, summary);
      emit(io, text, target);
      if (summary.mismatch > 0) io.status.code = 1;
    });
}
