import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { dataError } from '../errors.js';
import { msg } from '../messages.js';
import { vintageName } from '../trade/products.js';
import type { BaciRelease } from './release.js';
import { TradeMatrix } from './matrix.js';
import { locating, type ScanJob, type ScanOutcome } from './job.js';
import { scanBytes, type ScanSink } from './scan-core.js';
import { scanInRanges, splitPlan } from './scan-parallel.js';
import { scanTables } from './scan-tables.js';

/**
 * The JavaScript engine: the byte scanner of BACI CSV (src/engine/scan-core.ts) over one file.
 * A big file (src/engine/scan-parallel.ts: PARALLEL_MIN_BYTES) is split into byte ranges scanned
 * by worker threads while the main thread computes the SHA-256; any problem in any range (a bad
 * row, a key repeated across ranges) makes it scan the whole file again here, sequentially, so a
 * refusal is always the first problem in file order with its file line and column. Small files,
 * open product lists and one-core machines scan sequentially, hashing the same bytes in one pass.
 * Memory: the matrix (n² × groups × years doubles) plus one bit per possible t,i,j,k (per range).
 */
export async function scanBaciCsv(job: ScanJob, release: BaciRelease): Promise<ScanOutcome> {
  const size = await stat(job.file).then(
    (s) => s.size,
    () => undefined,
  );
  const plan = size === undefined || release.products === undefined ? undefined : splitPlan(size, job);
  if (plan !== undefined && size !== undefined) {
    const done = await scanInRanges(job, release, size, plan);
    if ('outcome' in done) return done.outcome;
    return scanSequential(locating(job), release, done.fallback);
  }
  return scanSequential(job, release);
}

/** The whole file in order on this thread, hashing the same bytes (`fallback`: why a parallel scan gave way to it). */
export async function scanSequential(job: ScanJob, release: BaciRelease, fallback?: string): Promise<ScanOutcome> {
  const { label } = job;
  const { tables, geos, masks } = scanTables(label, job.groups, release);
  const matrix = new TradeMatrix(geos, job.groups);
  matrix.cls = release.cls;
  const sink: ScanSink = { seen: new Map(), spans: new Map(), year: (t) => matrix.year(t) };
  const hash = job.sha256 === undefined ? createHash('sha256') : undefined;
  const handle = await open(job.file, 'r').catch(() => {
    throw dataError(msg.fileNotFound(label), { file: label });
  });
  const size = (await handle.stat()).size;
  let counts;
  try {
    const progress = job.progress;
    counts = await scanBytes(handle, tables, masks, sink, { start: 0, end: Number.POSITIVE_INFINITY, first: true }, { ...(hash ? { hash } : {}), ...(progress ? { progress: (done: number) => progress(done, size) } : {}) });
  } finally {
    job.progress?.(size, size);
    await handle.close();
  }
  if (!counts.header) throw dataError(msg.emptyFile(), { file: label });
  if (counts.records === 0) throw dataError(msg.headerOnly(), { file: label });
  const { records } = counts;
  const sha256 = job.sha256 ?? (hash as ReturnType<typeof createHash>).digest('hex');
  return { matrix, sha256, records, skipped: {}, vintage: vintageName(release.cls), engine: 'js', scan: { ranges: 1, ...(fallback !== undefined ? { fallback } : {}) } };
}
