import { dataError, usageError } from '../src/errors.js';
import { msg, warning } from '../src/messages.js';
import type { ComputeRequest, OptionSpec, Result } from '../src/model/indicator.js';
import { computeLadder, type FlowSource } from '../src/model/ladder.js';
import type { CanonicalRow, TradeCodes } from '../src/model/types.js';
import { selfMeasure, tradeMeasure } from '../src/trade/aggregate.js';
import { emptyWhy, valued } from '../src/model/preferred.js';
import { resolveProducts, vintageName, type ProductGroup } from '../src/trade/products.js';
import { changesUnder, correlated, crossesGroup, describeChange } from '../src/trade/vintages.js';

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
  flow: { description: 'exports, imports or total (exports + imports)', default: 'total', values: ['exports', 'imports', 'total'] },
  products: { description: 'TOTAL, hs84-85, hightech[:any|:most|:all], HS:<codes>, or a product-list CSV', default: 'TOTAL' },
  basis: { description: 'reporter, mirror (the partner\'s report) or reporter-then-mirror', default: 'reporter', values: ['reporter', 'mirror', 'reporter-then-mirror'] },
  self: { description: 'include to keep self-flows (re-imports from oneself) in the denominators', default: 'exclude', values: ['include', 'exclude'] },
} as const satisfies Record<string, OptionSpec>;

const DIRECT: Record<'exports' | 'imports', { own: string; mirror: string }> = { exports: { own: 'X', mirror: 'M' }, imports: { own: 'M', mirror: 'X' } };

/** One row of a flow, reporter or mirror basis; undefined when absent. */
function one(req: ComputeRequest, o: TradeOptions, dir: 'exports' | 'imports', i: string, j: string, y: number, basis: 'reporter' | 'mirror', from?: string): CanonicalRow | undefined {
  const f = DIRECT[dir];
  // Hot: a ladder over a large group makes thousands of these lookups (no arrays, no closures).
  const rows = basis === 'reporter' ? req.table.candidates(measureOf(f.own, o.products), i, y, j, req.edition) : req.table.candidates(measureOf(f.mirror, o.products), j, y, i, req.edition);
  return valued(rows, from);
}

/**
 * A world total less the self-flow recorded in the same input (the self-flow's input must be the
 * total's: another source's re-imports, e.g. the embedded sample's Comtrade file beside a BACI
 * year, say nothing about what that total holds). `self` finds the self-flow row of an input;
 * `unknown` says whether that input has the self-flow without a value (then so has the result).
 */
function lessSelf(w: CanonicalRow, self: (from: string) => CanonicalRow | undefined, unknown: (from: string) => boolean): CanonicalRow | undefined {
  const s = self(w.provenance.file);
  if (s === undefined) return unknown(w.provenance.file) ? undefined : w;
  return { ...w, value: (w.value as number) - (s.value as number) };
}

/**
 * F[i→j] of one direction on `basis`: whether a row has a value, and otherwise the reasons of its
 * rows without one (a product-group sum with a code the input left empty, src/trade/aggregate.ts).
 * A world total (j = WLD) is always looked up on the reporter's row first.
 */
function cellState(req: ComputeRequest, o: TradeOptions, d: 'exports' | 'imports', i: string, j: string, y: number, basis: Basis, from?: string): { valued: boolean; why: string[] } {
  const f = DIRECT[d];
  const lists = [basis !== 'mirror' || j === 'WLD' ? req.table.candidates(measureOf(f.own, o.products), i, y, j, req.edition) : [], basis !== 'reporter' ? req.table.candidates(measureOf(f.mirror, o.products), j, y, i, req.edition) : []];
  if (lists.some((rows) => valued(rows, from) !== undefined)) return { valued: true, why: [] };
  return { valued: false, why: lists.flatMap((rows) => emptyWhy(rows, from, req.edition)) };
}

/** The reasons F[i→j] of one direction has no value, when rows without one are the cause; empty otherwise. */
function unknownWhy(req: ComputeRequest, o: TradeOptions, d: 'exports' | 'imports', i: string, j: string, y: number, basis: Basis, from?: string): string[] {
  return cellState(req, o, d, i, j, y, basis, from).why;
}

/**
 * Why F[i→j] on the options' flow and basis has no value when the cause is rows without one — for
 * j = WLD, i's world total or, when that has a value, the self-flow taken out of it (or, with
 * --include-self, counted with it) — naming the codes and the input; undefined when that is not the cause.
 */
export function whyNoValue(req: ComputeRequest, o: TradeOptions, i: string, j: string, y: number): string | undefined {
  const cells = dirs(o.flow).map((d) => cellState(req, o, d, i, j, y, o.basis));
  const why = cells.flatMap((c) => c.why);
  if (why.length === 0 && j === 'WLD' && cells.every((c) => c.valued)) why.push(...dirs(o.flow).flatMap((d) => unknownWhy(req, o, d, i, i, y, o.basis)));
  return why.length === 0 ? undefined : [...new Set(why)].join('; ');
}

const measureNames = new WeakMap<ProductGroup, Record<string, string>>();

/** {@link tradeMeasure}, remembered per product group (the ladder asks for it per cell). */
function measureOf(flow: string, products: ProductGroup): string {
  let names = measureNames.get(products);
  if (names === undefined) measureNames.set(products, (names = {}));
  return (names[flow] ??= tradeMeasure(flow, products));
}

function oneWithBasis(req: ComputeRequest, o: TradeOptions, dir: 'exports' | 'imports', i: string, j: string, y: number, from?: string): CanonicalRow | undefined {
  if (o.basis === 'reporter') return one(req, o, dir, i, j, y, 'reporter', from);
  if (o.basis === 'mirror') return one(req, o, dir, i, j, y, 'mirror', from);
  return one(req, o, dir, i, j, y, 'reporter', from) ?? one(req, o, dir, i, j, y, 'mirror', from);
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
 * flow — and is returned as 0 with a flag; in reporter files an absent pair stays missing. With
 * `from`, only rows of that input count (a self-flow must come from the input of the total it is
 * set against).
 */
export function bilateral(req: ComputeRequest, o: TradeOptions, i: string, j: string, y: number, from?: string): CanonicalRow | undefined {
  // Hot (thousands of calls per ladder): plain branches rather than arrays and closures.
  if (o.flow !== 'total') return bilateralOne(req, o, o.flow, i, j, y, from);
  return combine([bilateralOne(req, o, 'exports', i, j, y, from), bilateralOne(req, o, 'imports', i, j, y, from)]);
}

/** `w` is i's world row of direction d (reporter basis, of `from` when given), when the caller has it at hand. */
function bilateralOne(req: ComputeRequest, o: TradeOptions, d: 'exports' | 'imports', i: string, j: string, y: number, from?: string, w = one(req, o, d, i, 'WLD', y, 'reporter', from)): CanonicalRow | undefined {
  // A reporter whose world total comes from a whole-world matrix (BACI) takes its pairs from that
  // input too: a pair the matrix does not list is zero there, never another input's figure (the
  // embedded sample's Comtrade rows) set against the matrix's total.
  const whole = w !== undefined && w.provenance.dataset.startsWith('BACI') ? w : undefined;
  const r = oneWithBasis(req, o, d, i, j, y, from ?? whole?.provenance.file);
  // The zero of an absent pair is for economies: a group's trade is its members' (or the source's own group row).
  if (r !== undefined || req.groups?.get(j) !== undefined) return r;
  return whole !== undefined ? { ...whole, partner: j, value: 0, flags: { raw: 'absent from the whole-world matrix: no recorded trade' } } : undefined;
}

/**
 * F[i→W]: the source's own world total for i — the reporter's world row, or on mirror bases where
 * i does not report, the world's reports on i (which only a whole-world matrix such as BACI has) —
 * less the self-flow F[i→i] unless self-flows are included. Never a sum of the partners in a file.
 */
export function worldTotal(req: ComputeRequest, o: TradeOptions, i: string, y: number): CanonicalRow | undefined {
  return combine(dirs(o.flow).map((d) => totalOne(req, o, d, i, y)));
}

/** {@link worldTotal} of one direction, remembered per table (every ladder and share asks for each member's). */
function totalOne(req: ComputeRequest, o: TradeOptions, d: 'exports' | 'imports', i: string, y: number): CanonicalRow | undefined {
  return remembered(req, o, `total|${d}|${i}|${y}`, () => {
    const own = one(req, o, d, i, 'WLD', y, 'reporter');
    const w = own ?? (o.basis === 'reporter' ? undefined : valued(req.table.candidates(tradeMeasure(DIRECT[d].mirror, o.products), 'WLD', y, i, req.edition)));
    if (w === undefined || o.includeSelf) return w;
    const basis = own !== undefined ? 'reporter' : 'mirror';
    return lessSelf(w, (from) => one(req, o, d, i, i, y, basis, from), (from) => unknownWhy(req, o, d, i, i, y, basis, from).length > 0);
  });
}

/**
 * F[W→j] of one direction (j = WLD: F[W→W]) under the same self-flow rule as the members' totals
 * and the intra sum: without --include-self, j's self-flow F[j→j] (for the world, Σ_k F[k→k]) is
 * taken out. Remembered per table, as {@link totalOne}.
 */
function worldTo(req: ComputeRequest, o: TradeOptions, d: 'exports' | 'imports', j: string, y: number): CanonicalRow | undefined {
  return remembered(req, o, `world|${d}|${j}|${y}`, () => {
    const m = tradeMeasure(DIRECT[d].own, o.products);
    const w = valued(req.table.candidates(m, 'WLD', y, j, req.edition));
    if (w === undefined || o.includeSelf) return w;
    return lessSelf(
      w,
      (from) => (j === 'WLD' ? valued(req.table.candidates(selfMeasure(m), 'WLD', y, undefined, req.edition), from) : one(req, o, d, j, j, y, 'reporter', from)),
      (from) => j !== 'WLD' && unknownWhy(req, o, d, j, j, y, 'reporter', from).length > 0,
    );
  });
}

const totals = new WeakMap<ComputeRequest['table'], Map<string, CanonicalRow | null>>();

/** `make()` once per table, product group, basis, self-flow rule, edition and `key` (undefined kept as such). */
function remembered(req: ComputeRequest, o: TradeOptions, key: string, make: () => CanonicalRow | undefined): CanonicalRow | undefined {
  let memo = totals.get(req.table);
  if (memo === undefined) totals.set(req.table, (memo = new Map()));
  const k = `${key}|${o.products.id}|${o.basis}|${o.includeSelf}|${req.edition ?? ''}`;
  const seen = memo.get(k);
  if (seen !== undefined) return seen ?? undefined;
  const r = make();
  memo.set(k, r ?? null);
  return r;
}

/** The ladder's flow source for trade. */
export function tradeSource(req: ComputeRequest, o: TradeOptions): FlowSource {
  const flows = dirs(o.flow).flatMap((d) => [tradeMeasure(DIRECT[d].own, o.products), tradeMeasure(DIRECT[d].mirror, o.products)]);
  const world = (j: string, y: number) => combine(dirs(o.flow).map((d) => worldTo(req, o, d, j, y)));
  // The ladder asks per pair: the year's block of the flow is kept at hand (no key built per call).
  let year = Number.NaN;
  let block: Cells | undefined;
  const cells = (y: number): Cells => {
    if (block === undefined || y !== year) {
      year = y;
      block = Cells.of(req, o, o.flow, y);
    }
    return block;
  };
  return {
    what: `${o.flow === 'total' ? 'total trade' : o.flow} of ${o.products.id} with the world`,
    measures: flows,
    basis: `${o.basis}; flow ${o.flow}; products ${o.products.id}${o.includeSelf ? '; self-flows included' : ''}`,
    flow: (i, j, y) => cells(y).get(req, o, i, j),
    ...(o.includeSelf ? { self: (i: string, y: number) => combine(dirs(o.flow).map((d) => oneWithBasis(req, o, d, i, i, y))) } : {}),
    // With self-flows counted, a member whose self-flow has no value has no known part in the ladder.
    total: (i, y) => {
      const t = worldTotal(req, o, i, y);
      return t !== undefined && o.includeSelf && dirs(o.flow).some((d) => unknownWhy(req, o, d, i, i, y, o.basis).length > 0) ? undefined : t;
    },
    worldTo: (j, y) => world(j, y),
    worldTotal: (y) => world('WLD', y),
    pairLabel: (i, j, y) => {
      const why = whyNoValue(req, o, i, j, y);
      return why === undefined ? `${i}→${j}` : `${i}→${j} (${why})`;
    },
    noTotal: (members, y) => {
      const why = members.map((m) => whyNoValue(req, o, m, 'WLD', y));
      const rest = members.filter((_, k) => why[k] === undefined);
      const not = rest.length === 0 ? [] : [`${listOf(rest)} ${rest.length > 1 ? 'are' : 'is'} not ${rest.length > 1 ? 'reporters' : 'a reporter'} in the input for ${y} (no world total${o.basis === 'reporter' ? '' : ', and no whole-world matrix to mirror'})`];
      return { reason: [...why.filter((w) => w !== undefined), ...not].join('; '), saysYear: not.length > 0 };
    },
  };
}

const cellMemo = new WeakMap<ComputeRequest['table'], Map<string, Cells>>();

/**
 * The cells F[i→j] of one flow, product group, basis, edition and year (as {@link bilateral}
 * reads them), each looked up once per table: the three flows (total = exports + imports, from
 * the cells of both directions) and overlapping groups (EU27 within EU28, most of both within the
 * OECD) read the same cells, and a ladder over a 38-member group reads 1,406 of them.
 * Economies are indexed densely; `null` marks a cell looked up and absent.
 */
class Cells {
  private readonly ids = new Map<string, number>();
  private readonly rows: (CanonicalRow | null)[][] = [];
  /** By economy index: its world row of this direction (reporter basis), looked up once; `null` when absent. */
  private readonly worlds: (CanonicalRow | null)[] = [];

  /** For total trade: the cells of exports and of imports it adds up. */
  private parts: [Cells, Cells] | undefined;

  private constructor(
    private readonly d: Flow,
    private readonly y: number,
  ) {}

  static of(req: ComputeRequest, o: TradeOptions, d: Flow, y: number): Cells {
    let memo = cellMemo.get(req.table);
    if (memo === undefined) cellMemo.set(req.table, (memo = new Map()));
    const key = JSON.stringify([d, y, o.products.id, o.basis, req.edition ?? null]);
    let c = memo.get(key);
    if (c === undefined) {
      memo.set(key, (c = new Cells(d, y)));
      if (d === 'total') c.parts = [Cells.of(req, o, 'exports', y), Cells.of(req, o, 'imports', y)];
    }
    return c;
  }

  private id(code: string): number {
    let n = this.ids.get(code);
    if (n === undefined) {
      n = this.ids.size;
      this.ids.set(code, n);
      this.rows.push([]);
    }
    return n;
  }

  private world(req: ComputeRequest, o: TradeOptions, i: string): CanonicalRow | undefined {
    const at = this.id(i);
    let w = this.worlds[at];
    if (w === undefined) this.worlds[at] = w = one(req, o, this.d as 'exports' | 'imports', i, 'WLD', this.y, 'reporter') ?? null;
    return w ?? undefined;
  }

  get(req: ComputeRequest, o: TradeOptions, i: string, j: string): CanonicalRow | undefined {
    const row = this.rows[this.id(i)] as (CanonicalRow | null)[];
    const at = this.id(j);
    const seen = row[at];
    if (seen !== undefined) return seen ?? undefined;
    const r = this.d !== 'total' ? bilateralOne(req, o, this.d, i, j, this.y, undefined, this.world(req, o, i)) : combine([this.parts?.[0].get(req, o, i, j), this.parts?.[1].get(req, o, i, j)]);
    row[at] = r ?? null;
    return r;
  }
}

const ladders = new WeakMap<ComputeRequest['table'], Map<string, Result[]>>();

/**
 * The trade ladder (share, weight, intensities, introversion) of the requested groups, computed
 * once per table and question and shared by trade-intra-share, trade-intensity and
 * trade-introversion, which differ only in the rung they report: a job asking for all three reads
 * each group's thousands of pair cells once, not three times. The key holds everything the ladder
 * reads (flow, products, basis, self-flows, edition, years, each group's members); each caller gets
 * its own copies of the results, under its own indicator id.
 */
export function tradeLadder(req: ComputeRequest, o: TradeOptions, indicator: string): Result[] {
  const geos = req.geos.map((g) => (g.kind === 'group' ? [g.code, g.group.members] : g.code));
  const key = JSON.stringify([o.flow, o.products.id, o.basis, o.includeSelf, req.edition ?? null, req.years ?? null, geos]);
  let memo = ladders.get(req.table);
  if (memo === undefined) ladders.set(req.table, (memo = new Map()));
  let results = memo.get(key);
  if (results === undefined) memo.set(key, (results = computeLadder(req, tradeSource(req, o), 'trade-ladder', false)));
  return results.map((r) => ({ ...r, indicator, ...(r.detail === undefined ? {} : { detail: { ...r.detail } }) }));
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

/** The `trade-codes` notes the reducer left for the flows this basis reads, by year. */
function codeNotes(req: ComputeRequest, o: TradeOptions, year: number): { codes: TradeCodes; file: string }[] {
  const flows = dirs(o.flow).flatMap((d) => (o.basis === 'reporter' ? [DIRECT[d].own] : o.basis === 'mirror' ? [DIRECT[d].mirror] : [DIRECT[d].own, DIRECT[d].mirror]));
  return [...new Set(flows)].flatMap((f) => req.table.candidates(`trade-codes:${f}:${o.products.id}`, 'WLD', year).flatMap((r) => (r.codes ? [{ codes: r.codes, file: r.provenance.file }] : [])));
}

/**
 * What the product group held in the years the results use: a fixed-vintage list (the HS2017
 * high-tech list) refuses, by name, codes of another vintage that were split or merged (only rows
 * of those years and flows count); a group of codes as reported (`HS:85`, hs84-85) whose codes'
 * content changed between the vintages of those years gets a warning naming the changes (a break
 * in the series, also in `detail.hs_breaks`); every result names the codes actually present
 * (`detail.products_present`, and beside the group's name when only part of a prefix group is there).
 */
export function annotateProducts(req: ComputeRequest, o: TradeOptions, results: Result[]): Result[] {
  const g = o.products;
  if (g.kind === 'total') return results;
  const used = [...new Set(results.map((r) => r.year).filter((y) => y > 0))];
  // With no result at all, the years asked (or those the group's rows were read for) are checked.
  const years = (used.length > 0 ? used : (req.years ?? req.table.years(['X', 'M'].map((f) => `trade-codes:${f}:${g.id}`)))).slice().sort((a, b) => a - b);
  const byVintage = new Map<string, number[]>();
  const present = new Set<string>();
  for (const y of years) {
    for (const { codes, file } of codeNotes(req, o, y)) {
      if (codes.refused.length > 0) {
        const others = codes.vintages.filter((v) => v !== g.vintage).map(vintageName).join(', ');
        const refused = `${codes.refused.slice(0, 3).join('; ')}${codes.refused.length > 3 ? `; and ${codes.refused.length - 3} more` : ''}`;
        throw dataError(msg.productVintage(g.id, vintageName(g.vintage), others, y, refused), { file });
      }
      for (const v of codes.vintages) byVintage.set(v, [...new Set([...(byVintage.get(v) ?? []), y])]);
      for (const c of codes.present) present.add(c);
    }
  }
  const breaks: string[] = [];
  if (g.vintage === 'any' && g.kind === 'prefix' && byVintage.size > 1) {
    const vintages = [...byVintage.keys()].sort();
    for (let k = 0; k + 1 < vintages.length; k++) {
      const [a, b] = [vintages[k] as string, vintages[k + 1] as string];
      const changes = [...g.codes].flatMap((p) => changesUnder(p, a, b)).filter((c) => crossesGroup(c, g.codes));
      const seen = new Set<string>();
      for (const c of changes) if (!seen.has(c.code)) seen.add(c.code) && breaks.push(describeChange(c));
      if (changes.length > 0) {
        req.warn?.(warning(msg.hsBreak(g.id, `${vintageName(a)} (${span(byVintage.get(a) ?? [])})`, `${vintageName(b)} (${span(byVintage.get(b) ?? [])})`, breaks.slice(-seen.size))));
      } else if (!correlated(a, b)) {
        req.warn?.(warning(msg.hsNoTable(g.id, vintageName(a), vintageName(b))));
      }
    }
  }
  const list = [...present].sort();
  const partial = g.kind === 'prefix' && list.length > 0 && list.join(',') !== [...g.codes].sort().join(',');
  const suffix = partial ? ` [present: ${list.slice(0, 8).join(', ')}${list.length > 8 ? `, … ${list.length} codes` : ''}]` : '';
  return results.map((r) => ({
    ...r,
    breakdown: r.breakdown !== null && suffix !== '' ? `${r.breakdown}${suffix}` : r.breakdown,
    detail: { ...r.detail, products_present: g.kind === 'hs6' ? `${list.length} of ${g.codes.size} codes` : list, ...(breaks.length > 0 ? { hs_breaks: breaks } : {}) },
  }));
}

function span(years: readonly number[]): string {
  const s = [...years].sort((x, y) => x - y);
  return s.length === 0 ? '' : s[0] === s[s.length - 1] ? String(s[0]) : `${s[0]}–${s[s.length - 1]}`;
}
