import type { PublishedFigure } from '../check/published.js';
import type { Context } from '../commands/context.js';
import { fetchMsg } from '../messages.js';
import type { FetchOptions } from './engine.js';
import { fetchRoot, readEntry } from './cache.js';
import { fetchCommand, parseQuery, parseSpan, queryText } from './query.js';
import { fetchAll, modeOf, queriesFor, type FetchedInputs, type FetchFlags } from './inputs.js';
import { RECIPES } from './recipes.js';
import type { Query } from './types.js';
import { join } from 'node:path';

/** A report input named as a query: `{"id": "wb", "fetch": "worldbank:BM.GSR.ROYL.CD", "key": "CHN;JPN;KOR", "years": "2017"}`. */
export interface QueryInput {
  fetch: string;
  key?: string;
  years?: string;
}

/** The query of a report input (a usage error naming it when malformed). */
export function inputQuery(input: QueryInput): Query {
  return parseQuery(input.fetch, input.key, input.years);
}

/**
 * The cached data file of a report input given as a query, or undefined when it has not been
 * fetched (never the network). A BACI answer's dictionaries are not data files.
 */
export function cachedInputFile(input: QueryInput, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const root = fetchRoot(env);
  const entry = readEntry(root, queryText(inputQuery(input)));
  const data = entry?.files.find((f) => !/^(country|product)_codes_/.test(f.name));
  return data === undefined ? undefined : join(root, data.path);
}

/** `linkage fetch …` for a report input given as a query (what the report names when it is absent). */
export function inputFetchCommand(input: QueryInput): string {
  return fetchCommand(inputQuery(input));
}

/** Fetch every report input given as a query (report --fetch / --refresh / --offline). */
export async function fetchReportInputs(inputs: readonly Partial<QueryInput>[], opts: FetchOptions): Promise<void> {
  const queries = inputs.filter((i): i is QueryInput => i.fetch !== undefined).map(inputQuery);
  await fetchAll(queries, opts, (query, e) => opts.note?.(fetchMsg.skipped(query, e.oneLine())));
}

/**
 * The queries the published figures need (check --fetch): the figures of one indicator and one
 * set of options are merged into one selection (all their economies, the span of their years), so
 * the OECD's hourly budget goes on few, larger requests.
 */
export function queriesForFigures(figures: readonly PublishedFigure[], ctx: Context): Query[] {
  const merged = new Map<string, { id: string; options: Record<string, string>; economies: Set<string>; years: [number, number] | undefined }>();
  for (const f of figures) {
    if (RECIPES[f.indicator] === undefined) continue;
    const key = `${f.indicator}|${JSON.stringify(f.options)}`;
    const m = merged.get(key) ?? { id: f.indicator, options: f.options, economies: new Set<string>(), years: undefined };
    const group = ctx.groups.get(f.geo);
    for (const code of group !== undefined ? group.members : ctx.countries.get(f.geo) !== undefined ? [f.geo] : []) m.economies.add(code);
    if (/^\d{4}(-\d{4})?$/.test(f.year)) {
      const [a, b] = parseSpan(f.year);
      m.years = m.years === undefined ? [a, b] : [Math.min(m.years[0], a), Math.max(m.years[1], b)];
    }
    merged.set(key, m);
  }
  const out: Query[] = [];
  const seen = new Set<string>();
  for (const m of merged.values()) {
    if (m.economies.size === 0) continue;
    const sel = { economies: [...m.economies].sort(), ...(m.years ? { years: m.years } : {}), options: m.options, countries: ctx.countries };
    for (const q of queriesFor([m.id], sel).queries) {
      const t = queryText(q);
      if (!seen.has(t)) {
        seen.add(t);
        out.push(q);
      }
    }
  }
  return out;
}

/**
 * Inputs for `check`: with --fetch (--refresh, --offline) the queries of the published figures are
 * fetched and put before the given inputs (or the embedded sample); without them and without
 * --input, what is already cached for those queries is added (never the network).
 */
export async function fetchForFigures(figures: readonly PublishedFigure[], ctx: Context, flags: FetchFlags & { input?: string[] }, opts: Omit<FetchOptions, 'mode'>, defaults: () => string[]): Promise<FetchedInputs | undefined> {
  const mode = modeOf(flags);
  const given = flags.input ?? [];
  if (mode === 'cached' && given.length > 0) return undefined;
  const got = await fetchAll(queriesForFigures(figures, ctx), { ...opts, mode }, (query, e) => opts.note?.(fetchMsg.skipped(query, e.oneLine())));
  if (got.files.length === 0) return undefined;
  return { ...got, files: [...got.files, ...(given.length > 0 ? given : defaults())] };
}
