import { open, stat } from 'node:fs/promises';
import { dataError, usageError } from '../errors.js';
import { baciMsg, msg, warning } from '../messages.js';
import type { Loaded } from '../loaders/consume.js';
import type { CountryRegistry } from '../model/countries.js';
import { inFileVintage } from '../trade/plan.js';
import { resolveProducts, type ProductGroup } from '../trade/products.js';
import { MatrixSource } from './matrix-source.js';
import { aggregatesFolder, readAggregates, rememberedSha256, rememberSha256, writeAggregates } from './cache.js';
import type { ScanJob, ScanOutcome } from './job.js';
import type { TradeMatrix } from './matrix.js';
import { baciProvenance, baciRelease, type BaciRelease, type ReleaseOptions } from './release.js';

/** `--engine`: `js` (byte-level scanner), `duckdb` (embedded DuckDB), `auto` (by format and size). */
export type EngineName = 'auto' | 'duckdb' | 'js';

/**
 * Above this size a BACI CSV goes to DuckDB under `auto` (bench/results.md: the byte scanner is
 * faster on one CSV year on 2 cores because it checks as it reads, so the threshold is high; DuckDB
 * wins when it can read in parallel on more cores and for Parquet, which only DuckDB reads).
 */
export const AUTO_DUCKDB_BYTES = Number.POSITIVE_INFINITY;

/** How the trade scan of one input runs. */
export interface TradeScanOptions {
  groups: readonly ProductGroup[];
  engine: EngineName;
  countries: CountryRegistry;
  read?: ReleaseOptions;
  /** Read and write the aggregate cache (default true; `--no-cache` turns it off). */
  cache?: boolean;
  /** Only bilateral rows between these economies (ISO3); world totals are always whole. Default: every pair. */
  economies?: ReadonlySet<string>;
  /** Progress reporter for long scans (stderr on a terminal). */
  progress?: (label: string) => ScanJob['progress'];
  /** Internal, for tests: force the byte scanner's parallel split (ScanJob.split). */
  split?: ScanJob['split'];
}

/** Kinds of trade file the engines read. */
export type TradeKind = 'baci-csv' | 'baci-parquet';

/** Whether a file is one the engines read: BACI CSV (by its header) or Parquet (by its magic bytes). */
export async function tradeKind(file: string): Promise<TradeKind | undefined> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const head = Buffer.alloc(64);
    const { bytesRead } = await handle.read(head, 0, 64, 0);
    if (bytesRead >= 4 && head.toString('latin1', 0, 4) === 'PAR1') return 'baci-parquet';
    const first = head.subarray(0, bytesRead).toString('latin1').replace(/^\uFEFF|^\u00ef\u00bb\u00bf/, '').split(/\r?\n/)[0] ?? '';
    return first.split(',').map((h) => h.trim()).join(',') === 't,i,j,k,v,q' ? 'baci-csv' : undefined;
  } finally {
    await handle.close();
  }
}

/** Product groups a cached scan always sums besides the ones asked for (those of the file's HS vintage or any). */
export const CACHED_GROUPS = ['TOTAL', 'hightech', 'hs84-85'] as const;

/** The groups of a cached scan: CACHED_GROUPS, then the others asked for by id (a stable order, so one cache key serves them all). */
export function cachedGroups(asked: readonly ProductGroup[], release: Pick<BaciRelease, 'cls'>): ProductGroup[] {
  const out = CACHED_GROUPS.map((id) => resolveProducts(id)).filter((g) => g.vintage === 'any' || g.vintage === release.cls);
  // Only the groups not already in the list are sorted: the first localeCompare of a process sets up
  // ICU's collator (~15 ms), which the usual question (TOTAL, hightech) does not need.
  const others = asked.filter((g) => !out.some((x) => x.id === g.id));
  for (const g of others.sort((a, b) => a.id.localeCompare(b.id))) if (!out.some((x) => x.id === g.id)) out.push(g);
  return out.length <= 30 ? out : [...asked];
}

/** Which engine runs a file: the user's choice, or by format and size under `auto`. */
export function chooseEngine(engine: EngineName, kind: TradeKind, size: number, label: string): 'js' | 'duckdb' {
  if (kind === 'baci-parquet') {
    if (engine === 'js') {
      throw usageError(baciMsg.engineFormat('js', label));
    }
    return 'duckdb';
  }
  if (engine !== 'auto') return engine;
  return size > AUTO_DUCKDB_BYTES ? 'duckdb' : 'js';
}

async function run(engine: 'js' | 'duckdb', kind: TradeKind, job: ScanJob, release: BaciRelease): Promise<ScanOutcome> {
  // The scanners (and their worker and parallel-split code) load only when a scan runs, not on a cache hit.
  if (engine === 'js') {
    const { scanBaciCsv } = await import('./scan-csv.js');
    return scanBaciCsv(job, release);
  }
  const { scanWithDuckdb } = await import('./duckdb.js');
  return scanWithDuckdb(job, release, kind);
}

/**
 * Scan one BACI file (CSV or Parquet) into the trade indicators' rows with the chosen engine, or
 * take its sums from the aggregate cache when the same bytes were scanned for the same product
 * groups before. Its rows (a {@link MatrixSource}, made on lookup) are those of the per-row path
 * (src/loaders/baci.ts + tradeReducer).
 */
export async function scanTrade(file: string, label: string, kind: TradeKind, opts: TradeScanOptions): Promise<Loaded> {
  return (await scanTradeMatrix(file, label, kind, opts)).loaded;
}

/** A trade scan: its rows (as {@link scanTrade} gives them), the matrix of sums they come from, and the file's release. */
export interface TradeScan {
  loaded: Loaded;
  matrix: TradeMatrix;
  release: BaciRelease;
}

/** {@link scanTrade}, with the matrix and release (what `inspect` summarises). */
export async function scanTradeMatrix(file: string, label: string, kind: TradeKind, opts: TradeScanOptions): Promise<TradeScan> {
  const info = await stat(file).catch(() => {
    throw dataError(msg.fileNotFound(label), { file: label });
  });
  const release = baciRelease(file, label, opts.countries, opts.read, opts.cache !== false);
  // A product group of another HS vintage is read in the file's: its codes converted 1:1, those
  // split or merged refused by name once the scan has seen them (the per-row path's rule, src/trade/plan.ts).
  const asked = opts.groups.map((g) => inFileVintage(g, release.cls));
  const useCache = opts.cache !== false;
  // With the cache on, one pass also sums the usual product groups, so a follow-up question
  // (a report's next section, --products hightech after TOTAL) reads the cache instead of rescanning.
  const groups = useCache ? cachedGroups(asked, release) : asked;
  const known = useCache ? rememberedSha256(file, info) : undefined;
  const engine = chooseEngine(opts.engine, kind, info.size, label);
  let outcome: ScanOutcome | undefined;
  let cacheKey: string | undefined;
  let unwritable = false;
  if (known !== undefined) {
    const hit = readAggregates(known, groups, release);
    // The same bytes under another file name: a year the new name does not say is refused by the scan, with its line.
    const fits = hit !== undefined && (release.year === undefined || [...hit.outcome.matrix.sums.keys()].every((t) => t === release.year));
    if (hit !== undefined && fits) ({ outcome, key: cacheKey } = hit);
  }
  if (outcome === undefined) {
    const progress = opts.progress?.(label);
    outcome = await run(engine, kind, { file, label, groups, ...(known !== undefined ? { sha256: known } : {}), ...(progress ? { progress } : {}), ...(opts.split ? { split: opts.split } : {}) }, release);
    if (useCache) {
      rememberSha256(file, info, outcome.sha256);
      // Said, not silent: a cache that cannot be written makes every run a full scan.
      unwritable = !writeAggregates(outcome, groups, release);
    }
  }
  const provenance = { ...baciProvenance(release, label, outcome.sha256), ...(cacheKey !== undefined ? { cache: cacheKey } : {}) };
  const source = new MatrixSource(outcome.matrix, provenance, opts.economies, new Set(opts.groups.map((g) => g.id)));
  const skippedCount = Object.values(outcome.skipped).reduce((a, b) => a + b, 0);
  const loaded: Loaded = {
    rows: [],
    source,
    summary: {
      file: label,
      sha256: outcome.sha256,
      format: kind === 'baci-parquet' ? 'CEPII BACI (Parquet)' : 'CEPII BACI',
      loader: 'baci',
      encoding: kind === 'baci-parquet' ? 'parquet' : 'utf-8',
      dataset: release.dataset,
      edition: release.edition,
      records: outcome.records,
      rows: 2 * (outcome.records - skippedCount),
      filtered: 0,
      skipped: { count: skippedCount, reasons: outcome.skipped },
      engine: cacheKey !== undefined ? 'cache' : (outcome.engine ?? engine),
    },
    ...(unwritable ? { warnings: [warning(msg.cacheUnwritable(aggregatesFolder(), label))] } : {}),
  };
  return { loaded, matrix: outcome.matrix, release };
}
