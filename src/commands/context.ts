import { INDICATORS, indicatorById } from '../../indicators/index.js';
import { usageError } from '../errors.js';
import { msg } from '../messages.js';
import { countryRegistry, normaliseName, type CountryRegistry } from '../model/countries.js';
import { closest, didYouMean } from '../suggest.js';
import { loadGroups, type GroupRegistry } from '../model/groups.js';
import type { Geo, Indicator } from '../model/indicator.js';

export const DEFAULT_GROUPS = ['CJK', 'UFG', 'UCM'];

export interface Context {
  countries: CountryRegistry;
  groups: GroupRegistry;
}

export function makeContext(groupFiles: readonly string[] = []): Context {
  const countries = countryRegistry();
  return { countries, groups: loadGroups(countries, [...groupFiles]) };
}

/** Indicators by id (`--indicator`), or the defaults. */
export function selectIndicators(ids: readonly string[] | undefined, defaults: readonly string[]): Indicator[] {
  const list = ids !== undefined && ids.length > 0 ? ids.flatMap((s) => s.split(',')).map((s) => s.trim()) : defaults;
  return list.map((id) => {
    const ind = indicatorById(id);
    if (ind === undefined) {
      const known = INDICATORS.map((i) => i.meta.id);
      throw usageError(msg.unknownIndicator(id, known, didYouMean(id, known)));
    }
    return ind;
  });
}

/**
 * Geographies to compute: for each group its members then the group (unless `members` is false),
 * then single countries; duplicates removed, order kept.
 */
export function selectGeos(ctx: Context, groupSpecs: readonly string[] | undefined, countrySpecs: readonly string[] | undefined, members: boolean): Geo[] {
  const out: Geo[] = [];
  const seen = new Set<string>();
  const push = (g: Geo) => {
    const k = `${g.kind}:${g.code}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(g);
    }
  };
  const countries = (countrySpecs ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  const groups = groupSpecs !== undefined && groupSpecs.length > 0 ? groupSpecs : countries.length > 0 ? [] : DEFAULT_GROUPS;
  for (const spec of groups) {
    const group = ctx.groups.resolve(spec);
    if (members) for (const m of group.members) push({ kind: 'country', code: m });
    push({ kind: 'group', code: group.code, group });
  }
  for (const c of countries) push({ kind: 'country', code: countryArg(ctx, c) });
  return out;
}

/**
 * A `--country` argument: an ISO3 or aggregate code, or an unambiguous country name or name
 * variant (`China`, `Korea, Rep.`); otherwise a usage error suggesting the closest codes.
 */
export function countryArg(ctx: Context, spec: string): string {
  const code = spec.trim().toUpperCase();
  if (ctx.countries.get(code) !== undefined) return code;
  const byName = ctx.countries.codeForName(spec);
  if (byName !== undefined) return byName;
  const names = new Map(ctx.countries.all().map((a) => [normaliseName(a.name), a.code]));
  const near = closest(normaliseName(spec), [...names.keys()], 2).map((n) => names.get(n) ?? n);
  const codes = [...new Set([...closest(code, ctx.countries.all().map((a) => a.code), 3), ...near])].slice(0, 3);
  const suggestion = codes.length === 0 ? '' : `did you mean ${codes.map((c) => `${c} (${ctx.countries.name(c)})`).join(' or ')}?`;
    throw usageError(msg.unknownCountryArg(spec, suggestion));
}

/** Display names: countries by their registry name, groups as "name (CODE)". */
export function namer(ctx: Context) {
  return (code: string, kind?: string): string => {
    const g = kind === 'group' ? ctx.groups.get(code) : undefined;
    return g !== undefined ? (g.name === g.code ? `${g.code} (group)` : `${g.name} (${g.code})`) : ctx.countries.name(code);
  };
}
