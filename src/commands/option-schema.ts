import { usageError } from '../errors.js';
import { msg } from '../messages.js';
import type { Indicator } from '../model/indicator.js';
import { didYouMean } from '../suggest.js';
import type { Context } from './context.js';

/** Where each option key comes from on the command line, for messages. */
const FLAG_OF: Readonly<Record<string, string>> = { flow: '--flow', products: '--products', basis: '--basis', reporter: '--reporter', partners: '--partners', self: '--include-self' };

/**
 * Check indicator options (from `--option key=value` and the trade flags) against the selected
 * indicators' option schemas, the same way for every indicator: a key no selected indicator reads,
 * a value outside an option's `values`, an unknown economy or group in a `geos` option, or a
 * non-number in a `number` option is a usage error with a suggestion. `flow` is a comma list
 * (`--flow exports,imports,total`): each flow must suit at least one indicator that reads a flow,
 * and each indicator is computed for the flows it takes (src/commands/combinations.ts). Throws;
 * returns nothing.
 */
export function validateOptions(indicators: readonly Indicator[], options: Readonly<Record<string, string>>, ctx: Context): void {
  const ids = indicators.map((i) => i.meta.id);
  const known = [...new Set(indicators.flatMap((i) => Object.keys(i.meta.options)))].sort();
  for (const [key, value] of Object.entries(options)) {
    const readers = indicators.filter((i) => Object.hasOwn(i.meta.options, key));
    if (readers.length === 0) {
            throw usageError(msg.unknownOption(FLAG_OF[key] ?? key, ids, didYouMean(key, known), known));
    }
    if (key === 'flow') {
      checkFlows(readers, value);
      continue;
    }
    for (const ind of readers) {
      const spec = ind.meta.options[key];
      if (spec === undefined) continue;
      const items = spec.list || spec.kind === 'geos' ? value.split(',').map((v) => v.trim()).filter(Boolean) : [value];
      if (spec.values !== undefined) {
        for (const item of items) {
          if (!spec.values.includes(item)) {
                        throw usageError(msg.badOptionValue(FLAG_OF[key] ?? key, item, ind.meta.id, didYouMean(item, spec.values), [...spec.values]));
          }
        }
      }
      if (spec.kind === 'number' && value !== '' && !Number.isFinite(Number(value))) {
                throw usageError(msg.badOptionValue(FLAG_OF[key] ?? key, value, ind.meta.id, '', ['a number']));
      }
      if (spec.kind === 'geos') for (const item of items) checkGeo(ctx, FLAG_OF[key] ?? `--option ${key}`, item);
    }
  }
}

/** Every item of a `--flow` list suits some reader; otherwise the error names the first reader, as for one value. */
function checkFlows(readers: readonly Indicator[], value: string): void {
  for (const item of splitList(value)) {
    if (readers.some((ind) => ind.meta.options.flow?.values?.includes(item) !== false)) continue;
    const first = readers[0] as Indicator;
    const allowed = first.meta.options.flow?.values ?? [];
    throw usageError(msg.badOptionValue('--flow', item, first.meta.id, didYouMean(item, allowed), [...allowed]));
  }
}

/** A comma list's items, trimmed, empty ones left out, duplicates dropped (first kept). */
export function splitList(value: string): string[] {
  return [...new Set(value.split(',').map((v) => v.trim()).filter(Boolean))];
}

/** An ISO3 code, an aggregate code or a group code; otherwise a usage error with a suggestion. */
function checkGeo(ctx: Context, option: string, code: string): void {
  const upper = code.toUpperCase();
  if (ctx.countries.get(upper) !== undefined || ctx.groups.get(code) !== undefined || ctx.groups.get(upper) !== undefined) return;
  const byName = ctx.countries.codeForName(code);
  const suggestion = byName !== undefined ? `did you mean ${byName}?` : didYouMean(upper, [...ctx.countries.all().map((a) => a.code), ...ctx.groups.all().map((g) => g.code)]);
    throw usageError(msg.unknownGeoArg(option, code, suggestion));
}
