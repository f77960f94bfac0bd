import { usageError } from '../src/errors.js';
import { msg } from '../src/messages.js';
import type { ComputeRequest, Result } from '../src/model/indicator.js';
import type { FlowSource } from '../src/model/ladder.js';
import type { CanonicalRow } from '../src/model/types.js';
import { tradeMeasure } from '../src/trade/aggregate.js';
import { resolveProducts, type ProductGroup } from '../src/trade/products.js';

export type Flow = 'exports' | 'imports' | 'total';
export type Basis = 'reporter' | 'mirror' | 'reporter-then-mirror';

export interface TradeOptions {
  flow: Flow;
  products: ProductGroup;
  basis: Basis;
  includeSelf: boolean;
}

/** Options shared by the trade indicators (`--flow`, `--products`, `--basis`, `--include-self`). */
export function tradeOptions(options: Readonly<Record<string, string>>, defaultFlow: Flow = 'total'): TradeOptions {
  const flow = (options.flow ?? defaultFlow) as Flow;
  if (!['exports', 'imports', 'total'].includes(flow)) throw usageError(msg.badChoice('--flow', ['exports', 'imports', 'total'], flow, '--flow exports'));
  const basis = (options.basis ?? 'reporter') as Basis;
  if (!['reporter', 'mirror', 'reporter-then-mirror'].includes(basis)) throw usageError(msg.badChoice('--basis', ['reporter', 'mirror', 'reporter-then-mirror'], basis, '--basis mirror'));
  return { flow, products: resolveProducts(options.products), basis, includeSelf: options.self === 'include' };
}

export const TRADE_OPTIONS = {
  flow: { description: 'exports, imports or total (exports + imports)', default: 'total' },
  products: { description: 'TOTAL, hs84-85, hightech[:any|:most|:all], HS:<codes>, or a product-list CSV', default: 'TOTAL' },
  basis: { description: 'reporter, mirror (the partner\'s report) or reporter-then-mirror', default: 'reporter' },
  self: { description: 'include to keep self-flows (re-imports from oneself) in the denominators', default: 'exclude' },
} as const;

const DIRECT: Record<'exports' | 'imports', { own: string; mirror: string }> = { exports: { own: 'X', mirror: 'M' }, imports: { own: 'M', mirror: 'X' } };

/** One row of a flow, reporter or mirror basis; undefined when absent. */
function one(req: ComputeRequest, o: TradeOptions, dir: 'exports' | 'imports', i: string, j: string, y: number, basis: 'reporter' | 'mirror'): CanonicalRow | undefined {
  const f = DIRECT[dir];
  const [measure, geo, partner] = basis === 'reporter' ? [tradeMeasure(f.own, o.products), i, j] : [tradeMeasure(f.mirror, o.products), j, i];
  return req.table.candidates(measure, geo, y, partner, req.edition).find((r) => r.value !== null);
}

function oneWithBasis(req: ComputeRequest, o: TradeOptions, dir: 'exports' | 'imports', i: string, j: string, y: number): CanonicalRow | undefined {
  if (o.basis === 'reporter') return one(req, o, dir, i, j, y, 'reporter');
  if (o.basis === 'mirror') return one(req, o, dir, i, j, y, 'mirror');
  return one(req, o, dir, i, j, y, 'reporter') ?? one(req, o, dir, i, j, y, 'mirror');
}

function combine(rows: (CanonicalRow | undefined)[]): CanonicalRow | undefined {
  if (rows.some((r) => r === undefined)) return undefined;
  const [first] = rows as CanonicalRow[];
  if (first === undefined) return undefined;
  return rows.length === 1 ? first : { ...first, value: (rows as CanonicalRow[]).reduce((a, r) => a + (r.value as number), 0) };
}

const dirs = (flow: Flow): ('exports' | 'imports')[] => (flow === 'total' ? ['exports', 'imports'] : [flow]);

/**
 * F[i→j] for the flow and basis (total = exports + imports). In a whole-world matrix (BACI) a pair
 * that is absent while i has a world total is recorded trade of zero — BACI lists every non-zero
 * flow — and is returned as 0 with a flag; in reporter files an absent pair stays missing.
 */
export function bilateral(req: ComputeRequest, o: TradeOptions, i: string, j: string, y: number): CanonicalRow | undefined {
  return combine(
    dirs(o.flow).map((d) => {
      const r = oneWithBasis(req, o, d, i, j, y);
      if (r !== undefined) return r;
      const w = one(req, o, d, i, 'WLD', y, 'reporter');
      return w !== undefined && w.provenance.dataset.startsWith('BACI') ? { ...w, partner: j, value: 0, flags: { raw: 'absent from the whole-world matrix: no recorded trade' } } : undefined;
    }),
  );
}

/**
 * F[i→W]: the source's own world total for i — the reporter's world row, or on mirror bases where
 * i does not report, the world's reports on i (which only a whole-world matrix such as BACI has) —
 * less the self-flow F[i→i] unless self-flows are included. Never a sum of the partners in a file.
 */
export function worldTotal(req: ComputeRequest, o: TradeOptions, i: string, y: number): CanonicalRow | undefined {
  const parts = dirs(o.flow).map((d) => {
    const own = one(req, o, d, i, 'WLD', y, 'reporter');
    const w = own ?? (o.basis === 'reporter' ? undefined : req.table.candidates(tradeMeasure(DIRECT[d].mirror, o.products), 'WLD', y, i, req.edition).find((r) => r.value !== null));
    if (w === undefined || o.includeSelf) return w;
    const self = one(req, o, d, i, i, y, own !== undefined ? 'reporter' : 'mirror');
    return self === undefined ? w : { ...w, value: (w.value as number) - (self.value as number) };
  });
  return combine(parts);
}

/** The ladder's flow source for trade. */
export function tradeSource(req: ComputeRequest, o: TradeOptions): FlowSource {
  const flows = dirs(o.flow).flatMap((d) => [tradeMeasure(DIRECT[d].own, o.products), tradeMeasure(DIRECT[d].mirror, o.products)]);
  const world = (j: string, y: number) => combine(dirs(o.flow).map((d) => req.table.candidates(tradeMeasure(DIRECT[d].own, o.products), 'WLD', y, j, req.edition).find((r) => r.value !== null)));
  return {
    what: `${o.flow === 'total' ? 'total trade' : o.flow} of ${o.products.id} with the world`,
    measures: flows,
    basis: `${o.basis}; flow ${o.flow}; products ${o.products.id}${o.includeSelf ? '; self-flows included' : ''}`,
    flow: (i, j, y) => bilateral(req, o, i, j, y),
    total: (i, y) => worldTotal(req, o, i, y),
    worldTo: (j, y) => world(j, y),
    worldTotal: (y) => world('WLD', y),
    noTotal: (members, y) => `${listOf(members)} ${members.length > 1 ? 'are' : 'is'} not ${members.length > 1 ? 'reporters' : 'a reporter'} in the input for ${y} (no world total${o.basis === 'reporter' ? '' : ', and no whole-world matrix to mirror'})`,
  };
}

/** A ladder result re-expressed as one of its indices (intensity or introversion). */
export function asIndex(r: Result, key: 'intensity' | 'introversion', o: TradeOptions): Result {
  const v = r.detail?.[key];
  const value = r.status === 'ok' && typeof v === 'number' ? v : null;
  const lost = r.status === 'ok' && value === null;
  return { ...r, breakdown: `${o.flow} ${o.products.id}`, unit: 'index', value, status: lost ? 'missing' : r.status, reason: lost ? String(r.detail?.ladder_reason ?? 'no world totals by partner') : r.reason };
}

/** "A", "A and B", "A, B and C". */
export function listOf(items: readonly string[]): string {
  return items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}
