import type { ComputeRequest, Indicator, Result } from '../model/indicator.js';
import { NAMED_PRODUCT_GROUPS, resolveProducts } from '../trade/products.js';
import { splitList } from './option-schema.js';

/**
 * The flows and product groups one compute call asks for: `--flow exports,imports,total` (a comma
 * list, repeatable) and `--products` (repeatable). Undefined = not given (each indicator's default).
 */
export interface TradeLists {
  flows: string[] | undefined;
  products: string[] | undefined;
}

/**
 * `--products` values as a list: repeatable, and a value is split at commas only when every piece
 * is a named group (`TOTAL,hightech`); `HS:8471,8517` and file paths are one group each. Duplicates
 * (`hightech` and `hightech:most` name one group) are dropped, the first kept. Undefined when none given.
 */
export function productList(values: readonly string[] | undefined): string[] | undefined {
  const out: string[] = [];
  const ids = new Set<string>();
  for (const v of values ?? []) {
    const pieces = v.split(',').map((p) => p.trim());
    for (const p of pieces.length > 1 && pieces.every((x) => NAMED_PRODUCT_GROUPS.includes(x)) ? pieces : [v.trim()]) {
      if (p === '') continue;
      const id = NAMED_PRODUCT_GROUPS.includes(p) ? resolveProducts(p).id : p;
      if (!ids.has(id)) out.push(p);
      ids.add(id);
    }
  }
  return out.length > 0 ? out : undefined;
}

/** `--flow` values (each a comma list) as one list, duplicates dropped; undefined when none given. */
export function flowList(value: string | undefined): string[] | undefined {
  const flows = splitList(value ?? '');
  return flows.length > 0 ? flows : undefined;
}

/**
 * The option sets an indicator is computed with: one per product group × flow it reads (products
 * outer, flows inner, in the order given). An indicator that reads no flow (or no products) is
 * computed once for it; one whose flows are fixed (import-source-share: imports) takes the listed
 * flows it accepts, or its own when none is listed, so `--flow exports,imports,total` asks the ladder
 * for three series and the share for its one.
 */
export function optionSets(ind: Indicator, options: Readonly<Record<string, string>>, lists: TradeLists): Record<string, string>[] {
  const spec = ind.meta.options;
  const flows = spec.flow === undefined || lists.flows === undefined ? [options.flow] : lists.flows.filter((f) => spec.flow?.values?.includes(f) !== false);
  const products = spec.products === undefined || lists.products === undefined ? [options.products] : lists.products;
  const out: Record<string, string>[] = [];
  for (const p of products) {
    for (const f of flows.length > 0 ? flows : [undefined]) {
      const o: Record<string, string> = { ...options };
      delete o.flow;
      delete o.products;
      if (f !== undefined) o.flow = f;
      if (p !== undefined) o.products = p;
      out.push(o);
    }
  }
  return out;
}

/**
 * Compute every indicator for every flow × product group that applies to it, on one table (the
 * inputs were scanned once for all of them). Results keep the indicator order; within an indicator
 * asked for several series they are ordered by geography (first appearance), then by series
 * (products, then flows, in the order given), so exports, imports and total sit side by side.
 */
export function computeAll(indicators: readonly Indicator[], req: Omit<ComputeRequest, 'options'>, options: Readonly<Record<string, string>>, lists: TradeLists): Result[] {
  return indicators.flatMap((ind) => {
    const sets = optionSets(ind, options, lists);
    const runs = sets.map((o) => ind.compute({ ...req, options: o }));
    if (runs.length === 1) return runs[0] ?? [];
    const all = runs.flat();
    const first = new Map<string, number>();
    all.forEach((r, i) => first.has(r.geo) || first.set(r.geo, i));
    // Array.prototype.sort is stable: within a geography the series keep their order.
    return all.map((r, i) => ({ r, i, g: first.get(r.geo) ?? i })).sort((a, b) => a.g - b.g || a.i - b.i).map((x) => x.r);
  });
}
