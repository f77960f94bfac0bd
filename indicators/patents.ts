import { usageError } from '../src/errors.js';
import { msg } from '../src/messages.js';
import type { ComputeRequest } from '../src/model/indicator.js';
import type { CanonicalRow } from '../src/model/types.js';
import { own } from '../src/model/dict.js';
import { type Decided, decide } from '../src/model/preferred.js';

/** The three co-operation measures of the OECD Patent Statistics Manual (methodology §2). */
export const PATENT_MEASURES = {
  'foreign-ownership': { type: 'foreign-ownership', base: 'inventor', title: 'foreign ownership of domestic inventions' },
  'domestic-ownership': { type: 'domestic-ownership', base: 'owner', title: 'domestic ownership of inventions made abroad' },
  'co-invention': { type: 'co-invention', base: 'inventor', title: 'international co-inventions' },
} as const;

export type PatentMeasure = keyof typeof PATENT_MEASURES;

export interface PatentOptions {
  measures: PatentMeasure[];
  authority: string;
  date: string;
}

/** `--option measure=…,authority=9P50_1,date=PRIORITY` (PCT by priority date by default). */
export function patentOptions(options: Readonly<Record<string, string>>): PatentOptions {
  const measures = (options.measure ?? Object.keys(PATENT_MEASURES).join(',')).split(',').map((m) => m.trim());
  for (const m of measures) if (own(PATENT_MEASURES, m) === undefined) throw usageError(msg.unknownPatentMeasure(m, Object.keys(PATENT_MEASURES)));
  return { measures: measures as PatentMeasure[], authority: options.authority ?? '9P50_1', date: options.date ?? 'PRIORITY' };
}

/** Canonical measure ids written by the SDMX patents profile. */
export function patentIds(m: PatentMeasure, o: PatentOptions) {
  const { type, base } = PATENT_MEASURES[m];
  const tail = `${o.authority}:${o.date}`;
  return { pct: `patents:${type}:pct:${tail}`, count: `patents:${type}:count:${tail}`, total: `patents:total:count:${tail}:${base}` };
}

export interface PairCount {
  count: number;
  rows: CanonicalRow[];
}

/**
 * Applications of economy `c` with the foreign link to `partner` in `year`: the count where the
 * input has counts, else share × total / 100. `pair` is undefined when absent; never zero for a
 * gap. Each key's first row decides (src/model/preferred.ts): an empty count or share is unknown
 * (`why` says so), never another edition's figure, and the share is read only where no input
 * holds the count at all.
 */
export function pairCount(req: ComputeRequest, ids: ReturnType<typeof patentIds>, c: string, partner: string, year: number, total: CanonicalRow | undefined): { pair: PairCount | undefined; why: string[] } {
  const count = decide(req.table.candidates(ids.count, c, year, partner, req.edition), req.edition);
  if (count.row !== undefined) return { pair: { count: count.row.value as number, rows: [count.row] }, why: [] };
  if (count.held) return { pair: undefined, why: count.why };
  const pct = decide(req.table.candidates(ids.pct, c, year, partner, req.edition), req.edition);
  if (pct.row !== undefined && total?.value != null) return { pair: { count: ((pct.row.value as number) / 100) * total.value, rows: [pct.row, total] }, why: [] };
  return { pair: undefined, why: pct.why };
}

/** The base (all applications with an inventor in c, or owned by c): the key's first row decides. */
export function patentTotal(req: ComputeRequest, ids: ReturnType<typeof patentIds>, c: string, year: number): Decided {
  return decide(req.table.candidates(ids.total, c, year, null, req.edition), req.edition);
}

export const PATENT_CAVEATS = [
  'Small economies score high mechanically: a few foreign-linked applications are a large share.',
  'Applicants can be holding affiliates: ownership shows where the parent books the patent, not where research is managed.',
  'The latest two to three years are incomplete (priority-date counts are filled in as applications are published).',
] as const;

/** Options shared by the patent indicators. */
export const PATENT_OPTIONS = {
  measure: { description: 'foreign-ownership, domestic-ownership, co-invention (comma-separated)', default: 'all three', values: ['foreign-ownership', 'domestic-ownership', 'co-invention'], list: true },
  authority: { description: 'patent authority code (9P50_1 = PCT)', default: '9P50_1' },
  date: { description: 'date type (PRIORITY, APPLICATION)', default: 'PRIORITY' },
} as const;

/** What every patent result records about its basis: authority, date type and the measure's definition. */
export function patentDetail(m: PatentMeasure, o: PatentOptions): Record<string, unknown> {
  return { authority: o.authority, date_type: o.date, definition: PATENT_MEASURES[m].title };
}
