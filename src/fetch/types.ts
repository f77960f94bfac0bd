/** The APIs linkage fetches from (WIPO has none: `fetch` prints the manual steps). */
export const APIS = ['oecd', 'worldbank', 'imf', 'comtrade', 'baci', 'wipo'] as const;
export type ApiName = (typeof APIS)[number];

/**
 * One query: `api:id` with an optional key and year span. What `id` and `key` mean depends on
 * the API (OECD: dataflow and SDMX key; World Bank: indicator and `;`-separated countries;
 * IMF: dataflow and SDMX key; Comtrade: `C/A/HS` and `param=value&…`; BACI: HS vintage and
 * release).
 */
export interface Query {
  api: ApiName;
  id: string;
  key?: string;
  years?: readonly [number, number];
}

/** One HTTP request of a query (a page, a year, a reporter block). */
export interface Chunk {
  /** Stable name, unique within the query (the resume file is named after it). */
  id: string;
  url: string;
  /** Accept and other non-secret headers. */
  headers?: Readonly<Record<string, string>>;
}

/** A file a query produced, as stored in the cache. */
export interface StoredFile {
  /** Name inside the answer (e.g. `BACI_HS17_Y2017_V202401b.csv`), for messages. */
  name: string;
  /** Path relative to the fetch cache folder. */
  path: string;
  sha256: string;
  size: number;
}

/** HTTP validators and time of one request, as recorded in a cache entry. */
export interface RequestRecord {
  /** The URL without secrets (keys travel in headers only). */
  url: string;
  retrieved: string;
  etag?: string;
  last_modified?: string;
}

/** A cache entry: what was asked, where it came from, what was stored. */
export interface CacheEntry {
  /** The query as `linkage fetch` takes it, e.g. `worldbank:BX.GSR.ROYL.CD --key CHN;JPN --years 2017-2017`. */
  query: string;
  api: ApiName;
  url: string;
  retrieved: string;
  etag?: string;
  last_modified?: string;
  requests: RequestRecord[];
  files: StoredFile[];
}

/** What each API module provides to the fetch engine. */
export interface ApiClient {
  api: ApiName;
  /** Human name for messages. */
  label: string;
  /** The requests a query needs, known before any answer (first pages, years, reporter blocks). */
  plan(query: Query, env: NodeJS.ProcessEnv): Chunk[];
  /**
   * Check one downloaded answer (throttle text with status 200, HTML pages, truncated bodies,
   * error envelopes). Throws `BodyError` (retried) or a data error (not retried); returns the
   * further chunks the answer reveals (World Bank pages).
   */
  check(file: string, chunk: Chunk): Promise<Chunk[]>;
  /** Build the cached files from the chunk files, in chunk order, into `dir`. */
  assemble(chunks: readonly { chunk: Chunk; file: string }[], query: Query, dir: string): Promise<{ name: string; file: string }[]>;
  /** Secret headers (never recorded), e.g. the Comtrade subscription key. */
  secrets?(env: NodeJS.ProcessEnv): Record<string, string>;
}

/** An answer that arrived with a success status but is not the data (retried like a 5xx). */
export class BodyError extends Error {
  constructor(message: string, readonly retryAfterMs?: number) {
    super(message);
    this.name = 'BodyError';
  }
}
