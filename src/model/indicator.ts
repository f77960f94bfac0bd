import type { Warning } from '../messages.js';
import type { Group } from './groups.js';
import type { ObservationTable } from './table.js';
import type { CanonicalRow, Flags, Provenance } from './types.js';

/** A geography to compute for: one economy, or a group of economies. */
export type Geo = { kind: 'country'; code: string } | { kind: 'group'; code: string; group: Group };

/** Default chart of an indicator (used by `linkage chart`). */
export type ChartKind = 'bars' | 'lines' | 'heatmap' | 'dots';

/**
 * One indicator option: what it means, its default and what it accepts. The CLI validates every
 * option against this schema the same way for every indicator (unknown keys and values are usage
 * errors with a suggestion).
 */
export interface OptionSpec {
  description: string;
  default: string;
  /** The accepted values (each item of a comma-separated list when `list`); absent = free text. */
  values?: readonly string[];
  /** A comma-separated list of values. */
  list?: boolean;
  /** `geos`: ISO3 or group codes (comma-separated); `number`: a finite number. */
  kind?: 'geos' | 'number';
}

/** Typed metadata every indicator file declares. */
export interface IndicatorMeta {
  id: string;
  title: string;
  /** Unit of `value`, e.g. `percent`. */
  unit: string;
  definition: string;
  /** Canonical measures read (data/measures.csv). */
  measures: readonly string[];
  sources: readonly string[];
  caveats: readonly string[];
  /** Options the indicator reads from `--option key=value` (and the trade flags), with their defaults. */
  options: Readonly<Record<string, OptionSpec>>;
  chart: ChartKind;
  /** Options for an example run (docs, contract tests, the report), when defaults are not enough. */
  example?: Readonly<Record<string, string>>;
}

/** What a compute call receives. */
export interface ComputeRequest {
  table: ObservationTable;
  geos: readonly Geo[];
  /** Target years; undefined = the latest year available for each geography. */
  years: readonly number[] | undefined;
  /** A member's gap may be filled with its value up to this many years earlier. */
  latest: number;
  /** Preferred edition (`--edition`); otherwise the newest edition of each key. */
  edition: string | undefined;
  options: Readonly<Record<string, string>>;
  /**
   * Receives warnings for the results' `warnings` (e.g. a group mixing editions under `--edition`);
   * the caller prints and records them. Optional: without it warnings are dropped.
   */
  warn?: (w: Warning) => void;
  /** Group registry, for indicators whose options name groups (e.g. a partner group). */
  groups?: { get(code: string): Group | undefined };
}

/** One result row: the JSON contract of `compute --format json`. */
export interface Result {
  indicator: string;
  geo: string;
  geo_kind: 'country' | 'group' | 'aggregate';
  partner: string | null;
  /** Sub-series within the indicator (e.g. the industry of a BERD share), or null. */
  breakdown: string | null;
  year: number;
  value: number | null;
  unit: string;
  status: 'ok' | 'missing';
  reason: string | null;
  /** Member (or country) → year of the data used; differs from `year` where --latest filled a gap. */
  years_used: Record<string, number>;
  provenance: Provenance[];
  /** Flags of the observations used (estimated, provisional, break, ...), member → flags. */
  flags: Record<string, Flags>;
  /** Indicator-specific detail (components, member values, options used). */
  detail?: Record<string, unknown>;
}

/** An indicator: metadata plus one pure compute. */
export interface Indicator {
  meta: IndicatorMeta;
  compute(req: ComputeRequest): Result[];
}

/**
 * The skeleton of a result that is missing until filled: no value, no provenance, reason null.
 * `geo` is the geography computed for; `fields` overrides anything (partner, unit, detail, …).
 */
export function missingResult(indicator: string, geo: { kind: Geo['kind']; code: string }, year: number, fields: Partial<Result> = {}): Result {
  return {
    indicator,
    geo: geo.code,
    geo_kind: geo.kind === 'group' ? 'group' : 'country',
    partner: null,
    breakdown: null,
    year,
    value: null,
    unit: 'percent',
    status: 'missing',
    reason: null,
    years_used: {},
    provenance: [],
    flags: {},
    ...fields,
  };
}

/** Distinct provenances of rows, in a fixed order. */
export function provenanceOf(rows: readonly CanonicalRow[]): Provenance[] {
  const seen = new Set<Provenance>();
  for (const r of rows) seen.add(r.provenance);
  return sortProvenance(seen);
}

/** Distinct provenances in the order of {@link provenanceOf}: by file, dataset, edition. */
export function sortProvenance(seen: ReadonlySet<Provenance>): Provenance[] {
  return [...seen].sort((a, b) => `${a.file}|${a.dataset}|${a.edition}`.localeCompare(`${b.file}|${b.dataset}|${b.edition}`));
}
