/** Observation flags, normalised across sources. */
export interface Flags {
  estimated?: true;
  provisional?: true;
  confidential?: true;
  break?: true;
  /** The source's own flag codes, verbatim (e.g. `B; E; P`). */
  raw?: string;
}

/** Where a row came from. One object per input file, shared by all its rows. */
export interface Provenance {
  /** Publisher, e.g. `OECD`. */
  source: string;
  /** Dataset code, e.g. `MSTI`, `GERD_SOF`, `DP_LIVE`. */
  dataset: string;
  /** Edition or extraction date, `YYYY` or `YYYY-MM` (sortable); `unknown` when not stated. */
  edition: string;
  /** Input path as given on the command line. */
  file: string;
  /** SHA-256 of the input file's bytes. */
  sha256: string;
  /** For embedded extracts: the original file (under ../shared/data) and its SHA-256. */
  derived_from?: string;
  /** Set when the trade sums came from linkage's aggregate cache instead of a scan: the cache entry's key. */
  cache?: string;
  /** Statistical basis where the source states one (FDI principle and counterpart level, patent authority and date). */
  basis?: string;
  /** For files downloaded by `linkage fetch`: the query, URL (never a key), retrieval time and HTTP validators. */
  fetched?: FetchedFrom;
}

/** Where a cached download came from (the cache entry of `linkage fetch`). */
export interface FetchedFrom {
  query: string;
  url: string;
  retrieved: string;
  etag?: string;
  last_modified?: string;
  size: number;
  sha256: string;
}

/**
 * One row of the canonical long table. `value` is in `unit` after applying the source's unit
 * multiplier (PowerCode / UNIT_MULT); null means missing (never zero).
 */
export interface CanonicalRow {
  /** Canonical measure id (data/measures.csv) or `DATASET:codes` when the source code is unmapped. */
  measure: string;
  /** ISO3 or aggregate code (e.g. `OECD`, `EU27_2020`, `WLD`). */
  geo: string;
  /** Partner ISO3/aggregate code, or null for country attributes. */
  partner: string | null;
  year: number;
  value: number | null;
  unit: string;
  flags: Flags;
  provenance: Provenance;
  /** 1-based line (record) of the input the row was read from, where known (for data errors). */
  line?: number;
  /**
   * For a row whose value is null, why, where a loader or reducer knows (a product-group sum with a
   * code that has no value in the input names the code and the file).
   */
  missing?: string;
  /** On `trade-codes:<flow>:<group>` rows only: what the product group held in that year. */
  codes?: TradeCodes;
}

/** What a product group held for one flow and year of one input (written by the trade reducer). */
export interface TradeCodes {
  /** HS vintages (H4, H5, H6, …) of the rows read. */
  vintages: string[];
  /** Codes that contributed, at the level used (converted to a fixed list's vintage). */
  present: string[];
  /** Rows of another vintage a fixed list could not take, each naming the code and its change. */
  refused: string[];
}

/** Why a loader skipped rows, with counts. */
export type SkipCounts = Record<string, number>;

/** Summary of one loaded input (the `inputs` array of the JSON contract). */
export interface InputSummary {
  file: string;
  sha256: string;
  format: string;
  dataset: string;
  edition: string;
  /** Data records read (lines of a CSV, records of a sheet or JSON document), header and blank lines not counted. */
  records: number;
  /** Canonical rows the records gave (a record can give several: a BACI line is an export and an import row). */
  rows: number;
  skipped: { count: number; reasons: SkipCounts };
}
