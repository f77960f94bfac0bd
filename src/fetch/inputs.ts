import { LinkageError, usageError } from '../errors.js';
import { fetchMsg } from '../messages.js';
import { countryArg, type Context } from '../commands/context.js';
import { parseSpan } from './query.js';
import { RECIPES, recipeFor, type Selection } from './recipes.js';
import type { FetchMode, FetchOptions } from './engine.js';
import type { Query } from './types.js';
import { queryText } from './query.js';

/** The selection flags fetch recipes read (the same as compute's). */
export interface SelectionFlags {
  group?: string[];
  country?: string[];
  year?: string[];
  option?: string[];
}

/** Economies of the selection: group members (default groups when none) and single countries, ISO3. */
export function selectionOf(ctx: Context, flags: SelectionFlags, options: Readonly<Record<string, string>>, defaultGroups: readonly string[]): Selection {
  const countries = (flags.country ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  const groups = flags.group !== undefined && flags.group.length > 0 ? flags.group : countries.length > 0 ? [] : defaultGroups;
  const economies: string[] = [];
  for (const g of groups) for (const m of ctx.groups.resolve(g).members) if (!economies.includes(m)) economies.push(m);
  for (const c of countries) {
    const code = countryArg(ctx, c);
    if (!economies.includes(code)) economies.push(code);
  }
  const spans = (flags.year ?? []).map(parseSpan);
  const years: [number, number] | undefined = spans.length > 0 ? [Math.min(...spans.map((s) => s[0])), Math.max(...spans.map((s) => s[1]))] : undefined;
  return { economies, ...(years ? { years } : {}), options, countries: ctx.countries };
}

/** Queries for indicators (deduplicated); indicators without a fetchable source are listed apart. */
export function queriesFor(ids: readonly string[], sel: Selection): { queries: Query[]; manual: string[]; none: { id: string; why: string }[] } {
  const queries: Query[] = [];
  const seen = new Set<string>();
  const manual: string[] = [];
  const none: { id: string; why: string }[] = [];
  for (const id of ids) {
    const r = recipeFor(id, sel);
    if (r === undefined) {
      throw usageError(fetchMsg.noRecipe(id, Object.keys(RECIPES)));
    }
    if ('manual' in r) manual.push(r.manual);
    else if ('none' in r) none.push({ id, why: r.none });
    else
      for (const q of r.queries) {
        const t = queryText(q);
        if (!seen.has(t)) {
          seen.add(t);
          queries.push(q);
        }
      }
  }
  return { queries, manual, none };
}

/** The mode of compute/check/chart/report: --fetch downloads, --refresh re-validates, --offline never touches the network, none = cached only. */
export function modeOf(flags: { fetch?: boolean; refresh?: boolean; offline?: boolean }): FetchMode {
  if (flags.offline) return flags.fetch || flags.refresh ? 'offline' : 'cached';
  if (flags.refresh) return 'refresh';
  return flags.fetch ? 'fetch' : 'cached';
}

/** Files of fetched queries for --input, and a BACI release's country dictionary when one came with them. */
export interface FetchedInputs {
  files: string[];
  baciDictionary?: string;
}

/**
 * Fetch (or find in the cache) every query; the data files to add to the inputs, in query order.
 * With `onError`, a query that fails with a data error (no data, service down) is reported there
 * and skipped, so one missing input does not stop a check of many figures.
 */
export async function fetchAll(queries: readonly Query[], opts: FetchOptions, onError?: (query: string, error: LinkageError) => void): Promise<FetchedInputs> {
  const out: FetchedInputs = { files: [] };
  // The fetch engine (HTTP, API clients, the download cache) loads only when there is a query.
  if (queries.length === 0) return out;
  const { fetchQuery } = await import('./engine.js');
  for (const q of queries) {
    let got;
    try {
      got = await fetchQuery(q, opts);
    } catch (e) {
      if (onError === undefined || !(e instanceof LinkageError) || e.kind !== 'data') throw e;
      onError(queryText(q), e);
      continue;
    }
    if (got === undefined) continue;
    got.entry.files.forEach((f, i) => {
      const path = got.files[i] as string;
      if (f.name.startsWith('country_codes_')) out.baciDictionary ??= path;
      else if (!f.name.startsWith('product_codes_')) out.files.push(path);
    });
  }
  return out;
}

/** The fetch flags compute, check, chart and report share. */
export interface FetchFlags {
  fetch?: boolean;
  refresh?: boolean;
  offline?: boolean;
}

/**
 * Inputs for a run: with --fetch (or --refresh, --offline) the files the recipes of `ids` name
 * are fetched (or taken from the cache) and added to the inputs (to the embedded sample when no
 * --input is given); without those flags and without --input, what is already cached for the
 * recipes is added (never the network). Indicators without a recipe are skipped. Fetched files
 * come first, so where an input holds the same key in the same edition the download wins.
 */
export async function withFetched(ids: readonly string[], ctx: Context, flags: FetchFlags & SelectionFlags & { input?: string[] }, options: Readonly<Record<string, string>>, defaultGroups: readonly string[], opts: Omit<FetchOptions, 'mode'>, defaults: () => string[]): Promise<FetchedInputs | undefined> {
  const mode = modeOf(flags);
  const given = flags.input ?? [];
  if (mode === 'cached' && given.length > 0) return undefined;
  const sel = selectionOf(ctx, flags, options, defaultGroups);
  const { queries } = queriesFor(ids.filter((id) => RECIPES[id] !== undefined), sel);
  const got = await fetchAll(queries, { ...opts, mode });
  if (got.files.length === 0) return undefined;
  return { ...got, files: [...got.files, ...(given.length > 0 ? given : defaults())] };
}
