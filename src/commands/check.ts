import type { Command } from 'commander';
import { emitWarnings, settleRowWarnings } from './warnings.js';
import { checkFigures, VERDICTS, type Verdict } from '../check/check.js';
import { compareExpectations, readExpectations } from '../check/expect.js';
import { readPublished } from '../check/published.js';
import { renderCheckCsv, renderCheckJson, renderCheckTable, summarise } from '../check/render.js';
import { usageError } from '../errors.js';
import { msg } from '../messages.js';
import { terminalWidth } from '../render/width.js';
import { didYouMean } from '../suggest.js';
import { tradeReducer } from '../trade/aggregate.js';
import { resolveProducts } from '../trade/products.js';
import { makeContext } from './context.js';
import { loadInputs } from './inputs.js';
import { emit, filesRead, type Io } from './io.js';
import { prepareOutput } from '../io/output.js';
import { dataPath } from '../paths.js';
import { defaultInputs } from './inputs.js';
import { fetchForFigures } from '../fetch/report.js';
import { terminalLine } from '../render/escape.js';
import { collect, outputFormat, parseEngine } from './options.js';
import { scanProgress, withProgress } from './progress.js';
import type { TradeScanOptions } from '../engine/index.js';

export interface CheckOptions {
  input?: string[];
  /** False with `--no-sample`. */
  sample?: boolean;
  published?: string;
  groups?: string[];
  source?: string;
  only?: string;
  inputLabels?: ReadonlyMap<string, string>;
  format?: string;
  output?: string;
  /** Fetch the inputs of the published figures (--fetch), re-validate (--refresh), network forbidden (--offline). */
  fetch?: boolean;
  refresh?: boolean;
  offline?: boolean;
  fetchNote?: (text: string) => void;
  failOn?: string;
  expect?: string;
  /** Trade scans of BACI files: `--engine auto|duckdb|js` (default auto), `--no-cache`, progress on a terminal. */
  engine?: string;
  cache?: boolean;
  quiet?: boolean;
  progress?: TradeScanOptions['progress'];
}

/** A comma-separated list of verdicts (`--only`, `--fail-on`); `none` is the empty list. */
export function parseVerdicts(option: string, value: string | undefined, fallback: readonly Verdict[]): Verdict[] {
  if (value === undefined) return [...fallback];
  if (value.trim() === 'none') return [];
  return value.split(',').map((v) => {
    const t = v.trim();
    if (!(VERDICTS as readonly string[]).includes(t)) {
            throw usageError(msg.badVerdictList(option, value, didYouMean(t, VERDICTS)));
    }
    return t as Verdict;
  });
}

/** Run the check and return every figure and the summary (shared with the report). */
export async function runCheck(opts: CheckOptions) {
  const ctx = makeContext(opts.groups);
  const figures = readPublished(opts.published);
  const products = [...new Set(['TOTAL', ...figures.map((f) => f.options.products).filter((p): p is string => p !== undefined)])].map(resolveProducts);
  // Inputs add to the embedded sample (loadInputs adds it unless --no-sample), so fetched files
  // are given without the sample's paths.
  const fetched = await fetchForFigures(figures, ctx, opts, opts.fetchNote ? { note: opts.fetchNote } : {}, () => []);
  const { table, inputs, warnings } = await loadInputs(fetched?.files ?? opts.input ?? [], ctx.countries, opts.source, opts.inputLabels, undefined, { reducer: () => tradeReducer(products), sample: opts.sample !== false, trade: { groups: products, engine: parseEngine(opts.engine), countries: ctx.countries, cache: opts.cache !== false, ...withProgress(opts.quiet ? undefined : opts.progress) }, ...(fetched?.baciDictionary ? { read: { baciDictionary: fetched.baciDictionary } } : {}) });
  const checked = checkFigures(figures, table, ctx.countries, ctx.groups, inputs.map((i) => i.file));
  return { figures: checked, summary: summarise(checked), inputs, warnings: settleRowWarnings(warnings, (r) => table.wasLookedUp(r)) };
}

export function registerCheck(program: Command, io: Io): void {
  program
    .command('check')
    .description("compute the reference study's published figures from the inputs and compare (exit 1 on an unexplained mismatch)")
    .option('-i, --input <file>', 'input file, folder or quoted glob (repeatable; CSV, JSON, XLSX, BACI Parquet), added to the embedded sample', collect)
    .option('--no-sample', 'leave the embedded OECD sample out')
    .option('--published <file>', 'published figures in linkage schema (default: data/published/huang-lv-wang.csv)')
    .option('--groups <file>', 'extra groups file (repeatable)', collect)
    .option('--source <loader>', 'force the input format')
    .option('--only <verdicts>', 'list only these verdicts: reproduced, explained, mismatch, unavailable (comma-separated)')
    .option('--fail-on <verdicts>', 'exit 1 when a listed figure has one of these verdicts (default mismatch; none never fails)')
    .option('--expect <file>', 'pinned verdicts (id,verdict CSV as written by --format csv, or JSON): exit 1 when any differs')
    .option('--fetch', 'download the inputs the published figures need (their `linkage fetch --for` recipes) and check with them')
    .option('--refresh', 'like --fetch, re-validating cached downloads with the server')
    .option('--offline', 'never touch the network: use only downloads already cached')
    .option('--engine <engine>', 'trade scans of BACI files: auto (the byte scanner for a CSV, DuckDB for Parquet), duckdb or js')
    .option('--no-cache', 'neither read nor write the cache of trade aggregates ($LINKAGE_CACHE_DIR, else $XDG_CACHE_HOME/linkage, else ~/.cache/linkage)')
    .option('-q, --quiet', 'no progress on stderr')
    .option('-f, --format <format>', 'table, csv or json (default: from --output\'s extension, else table)')
    .option('-o, --output <file>', 'write to FILE instead of stdout')
    .addHelpText(
      'after',
      `
A figure is reproduced when the computed value rounds to the published one at the published
precision, or lies within a tolerance stated with a written reason (shown). A mismatch is
"explained" when its cause is documented: the study names an edition and the value comes from
another, or the study names a source and the value comes from another publisher. "unavailable"
names the one input that provides the figure and the \`linkage fetch\` command that gets it (also
the JSON field "fetch"), and says when that file is already in ../shared/data. The exit code is 1
when a listed figure has a verdict in --fail-on (default: mismatch), or, with --expect, when a
pinned verdict changed.

Examples:
  $ linkage check
  $ linkage check --format json --only mismatch,explained
  $ linkage check --input ../shared/data/oecd/msti-2019-edition-long.csv
  $ linkage check --format csv --output expected.csv     # pin today's verdicts
  $ linkage check --expect expected.csv                  # CI: fail when any verdict changes`,
    )
    .action(async (opts: CheckOptions) => {
      const format = outputFormat(opts.format, opts.output, ['table', 'csv', 'json'] as const, 'table');
      const only = parseVerdicts('--only', opts.only, VERDICTS);
      const failOn = parseVerdicts('--fail-on', opts.failOn, ['mismatch']);
      const expected = opts.expect !== undefined ? readExpectations(opts.expect) : undefined;
      const target = prepareOutput(opts.output, filesRead(opts, [...(opts.sample === false ? [] : defaultInputs().map(([p]) => p)), dataPath('published', 'huang-lv-wang.csv')]));
      const { figures, summary, inputs, warnings } = await runCheck({ ...opts, fetchNote: (t) => io.stderr(`linkage: ${terminalLine(t)}\n`), ...withProgress(scanProgress(io, opts.quiet)) });
      emitWarnings(io, warnings);
      const shown = figures.filter((f) => only.includes(f.verdict));
      const text =
        format === 'json' ? renderCheckJson(shown, summary, inputs, warnings) : format === 'csv' ? renderCheckCsv(shown) : renderCheckTable(shown, summary, terminalWidth(), figures.length - shown.length);
      emit(io, text, target);
      const changed = expected !== undefined ? compareExpectations(figures, expected, opts.expect as string) : [];
      for (const c of changed) io.stderr(`linkage: ${c.id}: expected ${c.expected}, got ${c.got}\n`);
      if (changed.length > 0) {
        const [what, hint] = msg.expectationsDiffer(changed.length, opts.expect as string);
        io.stderr(`linkage: ${what}\n  hint: ${hint}\n`);
      }
      const failing = shown.filter((f) => !expected?.has(f.id) && failOn.includes(f.verdict));
      if (changed.length > 0 || failing.length > 0) io.status.code = 1;
    });
}
