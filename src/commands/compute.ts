import type { Command } from 'commander';
import type { Geo, Indicator, Result } from '../model/indicator.js';
import type { GroupRegistry } from '../model/groups.js';
import { renderResultsJson, renderResultsTable } from '../render/results.js';
import { DEFAULT_GROUPS, makeContext, namer, selectGeos, selectIndicators } from './context.js';
import { defaultInputs, loadInputs } from './inputs.js';
import { withFetched } from '../fetch/inputs.js';
import { emit, filesRead, type Io } from './io.js';
import { prepareOutput } from '../io/output.js';
import { emitWarnings, settleRowWarnings } from './warnings.js';
import { msg, warning, type Warning } from '../messages.js';
import { terminalLine } from '../render/escape.js';
import { collect, outputFormat, parseCount, parseEngine, parseOptions, parseYears } from './options.js';
import { validateOptions } from './option-schema.js';
import { usageError } from '../errors.js';
import { editionMatches } from '../model/table.js';
import type { Provenance } from '../model/types.js';
import { renderResultsMarkdown } from '../render/markdown-table.js';
import { terminalWidth } from '../render/width.js';
import { didYouMean } from '../suggest.js';
import { tradeReducer } from '../trade/aggregate.js';
import { requireSomeValue } from './nothing.js';
import { resolveProducts, type ProductGroup } from '../trade/products.js';
import { computeAll, flowList, productList, type TradeLists } from './combinations.js';
import type { Context } from './context.js';
import type { TradeScanOptions } from '../engine/index.js';
import { scanProgress, withProgress } from './progress.js';

export const DEFAULT_INDICATORS = ['rd-intensity', 'gerd-financed-abroad'];

export interface ComputeOptions {
  input?: string[];
  indicator?: string[];
  group?: string[];
  groups?: string[];
  country?: string[];
  members?: boolean;
  year?: string[];
  latest?: string;
  edition?: string;
  option?: string[];
  /** `--flow` values, each a comma list (exports, imports, total): every flow is computed. */
  flow?: string[];
  /** `--products` values (repeatable; see {@link productList}): every product group is computed. */
  products?: string[];
  basis?: string;
  reporter?: string;
  partners?: string;
  includeSelf?: boolean;
  taiwan490?: boolean;
  baciCountries?: string;
  baciProducts?: string;
  engine?: string;
  /** False with --no-cache: neither read nor write the aggregate cache. */
  cache?: boolean;
  quiet?: boolean;
  /** Progress reporter for long scans (the command sets it when stderr is a terminal). */
  progress?: TradeScanOptions['progress'];
  source?: string;
  /** False with `--no-sample`: leave the embedded sample out (inputs add to it otherwise). */
  sample?: boolean;
  /** Fetch what the selected indicators need (--fetch), re-validate (--refresh), never use the network (--offline). */
  fetch?: boolean;
  refresh?: boolean;
  offline?: boolean;
  /** Where fetch progress notes go (stderr in the commands). */
  fetchNote?: (text: string) => void;
  format?: string;
  /** `--wide`: a CSV of geographies × years. */
  wide?: boolean;
  output?: string;
  /** Display names for input paths (the report labels files relative to the project). */
  inputLabels?: ReadonlyMap<string, string>;
}

/**
 * The trade flags (--flow, --products, --basis, --reporter, --partners, --include-self) as indicator
 * options; `flow` is the comma list of every flow given, `products` the first group (the others are
 * in {@link productList}).
 */
export function tradeFlags(opts: ComputeOptions): Record<string, string> {
  const out: Record<string, string> = {};
  const flows = flowList((opts.flow ?? []).join(','));
  if (flows) out.flow = flows.join(',');
  const products = productList(opts.products);
  if (products?.[0] !== undefined) out.products = products[0];
  if (opts.basis) out.basis = opts.basis;
  if (opts.reporter) out.reporter = opts.reporter;
  if (opts.partners) out.partners = opts.partners;
  if (opts.includeSelf) out.self = 'include';
  return out;
}

/** Run the compute pipeline and return results with input summaries (shared with `check`). */
export async function runCompute(opts: ComputeOptions) {
  const ctx = makeContext(opts.groups);
  const indicators = selectIndicators(opts.indicator, DEFAULT_INDICATORS);
  const geos = selectGeos(ctx, opts.group, opts.country, opts.members !== false);
  const years = parseYears(opts.year);
  const latest = parseCount('--latest', opts.latest, 0);
  const optionPairs = parseOptions(opts.option);
  const options = { ...tradeFlags(opts), ...optionPairs };
  validateOptions(indicators, options, ctx);
  // `--option products=…` (a report section's way) is one group, as it was; `--option flow=a,b` a list.
  const lists: TradeLists = { flows: flowList(options.flow), products: optionPairs.products !== undefined ? [optionPairs.products] : productList(opts.products) };
  const measures = new Set(indicators.flatMap((i) => [...i.meta.measures]));
  const trade = measures.has('trade');
  const fetched = await fetchedFor(indicators, ctx, opts, options, lists.products);
  const labels = fetched !== undefined && (opts.input ?? []).length === 0 ? new Map(defaultInputs()) : opts.inputLabels;
  const engine = parseEngine(opts.engine);
  // Every product group is summed in the same pass over each input.
  const groups = trade ? uniqueGroups((lists.products ?? [options.products]).map(resolveProducts)) : [];
  const { table, inputs, provenances, warnings: loadWarnings } = await loadInputs(fetched?.files ?? opts.input ?? [], ctx.countries, opts.source, labels, (r) => measures.has(r.measure) || measures.has(r.measure.slice(0, r.measure.indexOf(':'))), {
    read: {
      taiwan490: opts.taiwan490 === true,
      ...(opts.baciCountries ? { baciDictionary: opts.baciCountries } : fetched?.baciDictionary ? { baciDictionary: fetched.baciDictionary } : {}),
      ...(opts.baciProducts ? { baciProducts: opts.baciProducts } : {}),
    },
    sample: opts.sample !== false,
    // The years the results can read (with --latest N, up to N years before each): BACI years of a folder outside them are not scanned.
    ...(trade && years !== undefined ? { years: new Set(years.flatMap((y) => Array.from({ length: latest + 1 }, (_, k) => y - k))) } : {}),
    ...(trade ? { reducer: () => tradeReducer(groups), trade: { groups, engine, countries: ctx.countries, cache: opts.cache !== false, economies: economiesAsked(geos, options, ctx.groups), ...(opts.progress && !opts.quiet ? { progress: opts.progress } : {}) } } : {}),
  });
  if (opts.edition !== undefined) checkEdition(opts.edition, provenances);
  const computeWarnings: Warning[] = [];
  const warn = (w: Warning) => void (computeWarnings.some((x) => x.code === w.code && x.message === w.message) || computeWarnings.push(w));
  const results: Result[] = computeAll(indicators, { table, geos, years, latest, edition: opts.edition, groups: ctx.groups, warn }, options, lists);
  // An input the user named that feeds none of the indicators (they add to the sample, so the run can still succeed).
  const given = new Set((fetched?.files ?? opts.input ?? []).map((f) => labels?.get(f) ?? f));
  // (When nothing has a value, the no-value error says it all.)
  const unused = !results.some((r) => r.status === 'ok') ? [] : inputs.filter((i) => given.has(i.file) && i.rows > 0 && i.filtered === i.rows).map((i) => warning(msg.inputUnused(i.file, indicators.map((x) => x.meta.id))));
  const warnings: Warning[] = [...(opts.taiwan490 ? [warning(msg.taiwan490())] : []), ...settleRowWarnings(loadWarnings, (r) => table.wasLookedUp(r)), ...unused, ...computeWarnings];
  return { ctx, indicators, results, inputs, warnings, table, geos, years };
}

/** Product groups without repeats (by id), in order. */
function uniqueGroups(groups: readonly ProductGroup[]): ProductGroup[] {
  return groups.filter((g, i) => groups.findIndex((x) => x.id === g.id) === i);
}

/**
 * The fetched (or cached) inputs for the indicators: one recipe selection per product group (a
 * Comtrade query names one group's codes), the files merged in order, the given inputs last.
 */
async function fetchedFor(indicators: readonly Indicator[], ctx: Context, opts: ComputeOptions, options: Readonly<Record<string, string>>, products: readonly string[] | undefined) {
  const ids = indicators.map((i) => i.meta.id);
  const defaults = () => defaultInputs().map(([p]) => p);
  const note = opts.fetchNote ? { note: opts.fetchNote } : {};
  if (products === undefined || products.length <= 1) return withFetched(ids, ctx, opts, options, DEFAULT_GROUPS, note, defaults);
  const parts = [];
  for (const p of products) parts.push(await withFetched(ids, ctx, opts, { ...options, products: p }, DEFAULT_GROUPS, note, defaults));
  const got = parts.filter((x) => x !== undefined);
  if (got.length === 0) return undefined;
  const given = new Set([...(opts.input ?? []), ...defaults()]);
  const files = [...new Set(got.flatMap((x) => x.files))];
  const baciDictionary = got.find((x) => x.baciDictionary !== undefined)?.baciDictionary;
  return { files: [...files.filter((f) => !given.has(f)), ...files.filter((f) => given.has(f))], ...(baciDictionary !== undefined ? { baciDictionary } : {}) };
}

/**
 * Every economy a trade request can read bilateral flows of: the groups' members (every period),
 * the countries, and the reporters and partners of --reporter/--partners (groups expanded).
 * Whole-world scans (BACI) give bilateral rows only among these.
 */
export function economiesAsked(geos: readonly Geo[], options: Readonly<Record<string, string>>, groups: Pick<GroupRegistry, 'get'>): Set<string> {
  const out = new Set<string>();
  const add = (code: string) => {
    const g = groups.get(code);
    if (g === undefined) out.add(code);
    else g.members.forEach((m) => out.add(m));
  };
  for (const g of geos) add(g.code);
  for (const list of [options.reporter, options.partners]) for (const c of (list ?? '').split(',')) if (c.trim() !== '') add(c.trim().toUpperCase());
  return out;
}

/** `--edition` must name an edition some input holds (a usage error with the editions held otherwise). */
export function checkEdition(edition: string, held: readonly Provenance[]): void {
  if (held.some((p) => editionMatches(edition, p))) return;
  const labels = [...new Set(held.map((p) => `${p.dataset}:${p.edition}`))].sort();
    throw usageError(msg.unknownEdition(edition, labels, didYouMean(edition, [...labels, ...new Set(held.map((p) => p.edition))])));
}

/** The options compute shares with chart and report: inputs, selection, trade flags. */
export function addComputeOptions(cmd: Command): Command {
  return cmd
    .option('-i, --input <file>', 'input file, folder or quoted glob (repeatable; CSV, JSON, XLSX, BACI Parquet), added to the embedded sample; format detected from the header', collect)
    .option('--no-sample', 'leave the embedded OECD sample out (use only --input files)')
    .option('--indicator <id>', 'indicator id (repeatable; see `linkage indicators`)', collect)
    .option('-g, --group <group>', 'group code or NAME=ISO3,ISO3,... (repeatable; default CJK, UFG, UCM)', collect)
    .option('--groups <file>', 'extra groups file shaped like data/groups.json (repeatable)', collect)
    .option('-c, --country <iso3>', 'single economy (repeatable)', collect)
    .option('--no-members', 'do not list group members separately')
    .option('-y, --year <years>', 'year or range, e.g. 2017 or 2000-2018 (repeatable; default: latest available)', collect)
    .option('--latest <n>', "fill a member's gap with its value up to N years earlier (reported in years_used)")
    .option('--edition <edition>', 'prefer this edition where several hold the same figure (e.g. 2019, MSTI:2019); default newest')
    .option('--option <key=value>', 'indicator option, e.g. industry=pharmaceuticals, threshold=10 (repeatable)', collect)
    .option('--flow <flows>', 'trade: exports, imports or total, or a comma list of them (repeatable; default total); each flow is computed', collect)
    .option('--products <group>', 'trade: TOTAL, hs84-85, hightech[:any|:most|:all], HS:<codes> or a product-list CSV (repeatable; default TOTAL); each group is computed', collect)
    .option('--basis <basis>', 'trade: reporter, mirror or reporter-then-mirror (default reporter)')
    .option('--reporter <iso3>', 'trade: the reporting economy for import-source-share / export-destination-share (only those)')
    .option('--partners <list>', 'trade: partner economies or groups, comma-separated (import-source-share / export-destination-share only)')
    .option('--include-self', 'trade: keep self-flows (re-imports from oneself) in denominators')
    .option('--taiwan-490', 'label UN Comtrade area 490 "Other Asia, nes" as Taiwan (TWN); a warning is kept in the output')
    .option('--baci-countries <file>', "the BACI release's country_codes_V*.csv (default: the one beside the BACI file)")
    .option('--baci-products <file>', "the BACI release's product_codes_HS*_V*.csv, the authority for its product codes (default: the one beside the BACI file, else linkage's HS2017 list)")
    .option('--engine <engine>', 'trade scans of BACI files: auto (the byte scanner for a CSV, DuckDB for Parquet), duckdb or js')
    .option('--no-cache', 'neither read nor write the cache of trade aggregates ($LINKAGE_CACHE_DIR, else $XDG_CACHE_HOME/linkage, else ~/.cache/linkage)')
    .option('-q, --quiet', 'no progress on stderr')
    .option('--source <loader>', 'force the input format (see `linkage inspect`)')
    .option('--fetch', 'download what the selected indicators need (see `linkage fetch --for`) into the cache and compute from it')
    .option('--refresh', 'like --fetch, re-validating cached downloads with the server')
    .option('--offline', 'never touch the network: use only downloads already cached (an uncached one is an error with --fetch)');
}

export function registerCompute(program: Command, io: Io): void {
  addComputeOptions(program.command('compute').description('compute indicators for countries and groups from the inputs (default: the embedded OECD sample)'))
    .option('-f, --format <format>', 'table, csv, json or md (default: from --output\'s extension, else table)')
    .option('-o, --output <file>', 'write to FILE instead of stdout (written whole or not at all); .csv, .json, .md, .txt set the format')
    .option('--wide', 'CSV with one row per geography and series and one column per year')
    .addHelpText(
      'after',
      `
Examples:
  $ linkage compute
  $ linkage compute --indicator rd-intensity --group CJK --group UFG --year 2000-2018 --format csv
  $ linkage compute --input ../shared/data/oecd/gerd-by-source-of-funds-2023-06.csv \\
      --indicator gerd-financed-abroad --year 2017 --latest 1 --format json
  $ linkage compute --input ../shared/data/comtrade/plus/chn-deu-usa-total-by-partner-2022.csv \\
      --indicator export-destination-share --reporter USA --partners CAN,MEX --year 2022
  $ linkage compute --input ../shared/data/comtrade/plus/chn-deu-usa-total-by-partner-2022.csv \\
      --indicator trade-intra-share --indicator import-source-share --group TRIO=CHN,DEU,USA --no-members \\
      --country CHN --partners DEU,USA --flow exports,imports,total --year 2022

--flow and --products take several values: every trade indicator is computed for each flow and
product group it applies to, from one scan of each input (results differ by their breakdown).
--partners and --reporter apply only to import-source-share and export-destination-share, whose
flow is fixed (imports, exports); the ladder indicators compute for groups, the shares for countries.`,
    )
    .action(async (opts: ComputeOptions) => {
      const format = outputFormat(opts.format, opts.output, ['table', 'csv', 'json', 'md'] as const, opts.wide ? 'csv' : 'table');
      if (opts.wide && format !== 'csv') {
                throw usageError(msg.wideNeedsCsv(format));
      }
      const target = prepareOutput(opts.output, filesRead(opts, opts.sample === false ? [] : defaultInputs().map(([p]) => p)));
      const { ctx, indicators, results, inputs, warnings, table, geos, years } = await runCompute({ ...opts, fetchNote: (t) => io.stderr(`linkage: ${terminalLine(t)}\n`), ...withProgress(scanProgress(io, opts.quiet)) });
      const titles = Object.fromEntries(indicators.map((i) => [i.meta.id, i.meta.title]));
      emitWarnings(io, warnings);
      requireSomeValue(results, inputs, table, { indicators, geos: geos.map((g) => g.code), years });
      const name = namer(ctx);
      const text =
        format === 'json'
          ? renderResultsJson(results, inputs, warnings)
          : format === 'csv'
            ? opts.wide
              ? // arquero loads only here: compute starts fast without it.
                (await import('../render/wide.js')).renderWideCsv(results, name)
              : // Papa Parse loads only for CSV output.
                (await import('../render/results-csv.js')).renderResultsCsv(results)
            : format === 'md'
              ? renderResultsMarkdown(results, name, titles)
              : renderResultsTable(results, name, titles, terminalWidth());
      emit(io, text, target);
    });
}
