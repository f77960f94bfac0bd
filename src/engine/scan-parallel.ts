import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, Worker } from 'node:worker_threads';
import { projectRoot } from '../paths.js';
import { vintageName } from '../trade/products.js';
import type { ScanJob, ScanOutcome, ScanSplit } from './job.js';
import { TradeMatrix } from './matrix.js';
import type { BaciRelease } from './release.js';
import type { ByteRange, RangeCounts, Span, YearArrays } from './scan-core.js';
import { scanTables, type ScanTables } from './scan-tables.js';

/**
 * Files at least this big (bytes) are scanned in parallel byte ranges; smaller ones on one thread.
 * Each worker costs some 0.2–0.3 s of CPU to start and warm up: measured on 2 cores, a 104 MB
 * (3 M-row) year broke even, a 344 MB (10 M-row) year took 1.6 s instead of 2.5 s.
 */
export const PARALLEL_MIN_BYTES = 128 * 1024 * 1024;
/**
 * A big file is cut into this many byte ranges whatever the machine: the cuts depend only on the
 * file's size, and partial sums are added in range order, so the sums (to the last bit) do not
 * depend on the number of cores.
 */
export const RANGES = 4;
/** At most this many scan workers (each holds its own bitset of repeated keys: ~38 MB for a BACI year). */
export const MAX_WORKERS = 4;

/** What a scan worker is started with. */
export interface WorkerInit {
  file: string;
  tables: ScanTables;
  progress: boolean;
}
/** One range to scan (`id` = its place in file order). */
export interface RangeTask extends ByteRange {
  id: number;
}
/** A range's partial arrays for one year (`bits`: its repeated-key bitset). */
export interface RangeYear extends YearArrays {
  t: number;
  bits: Uint8Array;
  /** The bytes of `bits` with a bit set. */
  span: Span;
}
/** A worker's reply: bytes scanned so far, an error message, or the range's partial arrays. */
export type RangeReply = { id: number; progress: number } | { id: number; error: string } | { id: number; counts: RangeCounts; years: RangeYear[] };

/** How to split a file of `size` bytes, or undefined to scan it sequentially (job.split forces a split, for tests). */
export function splitPlan(size: number, job: Pick<ScanJob, 'split'>): ScanSplit | undefined {
  if (job.split !== undefined) return { workers: Math.max(1, job.split.workers), rangeBytes: Math.max(1, job.split.rangeBytes) };
  if (size < PARALLEL_MIN_BYTES) return undefined;
  return { workers: Math.max(1, Math.min(MAX_WORKERS, availableParallelism())), rangeBytes: Math.ceil(size / RANGES) };
}

/**
 * The worker's module: beside this one when running built (dist/). When running from the
 * TypeScript sources (vitest), a worker thread cannot load a .ts file, so it loads the built one —
 * which must exist and be newer than its sources (`npm run build`; `npm ci` builds it), else a clear
 * error rather than a worker running old code.
 */
export function workerEntry(): URL {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new URL('./scan-worker.js', here);
  const root = projectRoot();
  for (const name of ['scan-worker', 'scan-core', 'scan-fast']) {
    const built = join(root, 'dist', 'src', 'engine', `${name}.js`);
    const source = join(root, 'src', 'engine', `${name}.ts`);
    if (!existsSync(built)) throw new Error(`the parallel scan's worker is not built (${built} is missing): run npm run build`);
    if (statSync(built).mtimeMs < statSync(source).mtimeMs) throw new Error(`the parallel scan's worker is older than its source (${built}): run npm run build`);
  }
  return pathToFileURL(join(root, 'dist', 'src', 'engine', 'scan-worker.js'));
}

/** SHA-256 of a file, read in 4 MiB chunks on this thread while the workers scan. */
async function hashFile(file: string, abort: { aborted: boolean }): Promise<string> {
  const hash = createHash('sha256');
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 22);
    for (let pos = 0; ; ) {
      if (abort.aborted) throw new Error('hash abandoned');
      const { bytesRead } = await handle.read(buf, 0, buf.length, pos);
      if (bytesRead === 0) break;
      hash.update(buf.subarray(0, bytesRead));
      pos += bytesRead;
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

/**
 * OR `b` into `a` (same length) over b's bytes [span.lo, span.hi] (all of it by default: outside
 * them b has no bit set); true when they share a set bit. Words of `b` that are zero leave `a`'s
 * memory untouched.
 */
function orInto(a: Uint8Array, b: Uint8Array, span: Span = { lo: 0, hi: b.length - 1 }): boolean {
  let overlap = 0;
  if (span.hi < span.lo) return false;
  if (a.byteLength % 4 === 0 && a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0) {
    const a32 = new Int32Array(a.buffer, a.byteOffset, a.byteLength >> 2);
    const b32 = new Int32Array(b.buffer, b.byteOffset, b.byteLength >> 2);
    for (let i = span.lo >> 2, last = span.hi >> 2; i <= last; i++) {
      const y = b32[i] as number;
      if (y === 0) continue;
      const x = a32[i] as number;
      overlap |= x & y;
      a32[i] = x | y;
    }
  } else {
    for (let i = span.lo; i <= span.hi; i++) {
      overlap |= (a[i] as number) & (b[i] as number);
      a[i] = (a[i] as number) | (b[i] as number);
    }
  }
  return overlap !== 0;
}

/**
 * Free arrays a merge is done with now rather than at V8's next collection: a year's four ranges
 * bring some 40 MB of repeated-key bitsets, and dead ArrayBuffers wait for a GC that external
 * memory triggers only some 64 MB later — which a folder of years paid once more per file.
 * Transferring a buffer to a closed channel detaches it here and drops its memory.
 */
function discard(...arrays: (ArrayBufferView | undefined)[]): void {
  const { port1, port2 } = new MessageChannel();
  const buffers = [...new Set(arrays.flatMap((a) => (a === undefined || a.buffer instanceof SharedArrayBuffer ? [] : [a.buffer as ArrayBuffer])))];
  port1.postMessage(null, buffers);
  port1.close();
  port2.close();
}

/** What the ranges gave, merged: counts in range order, per year the OR of cells, used codes, active economies and bits, and each range's sums. */
interface Merged {
  counts: RangeCounts[];
  years: Map<number, { present: Uint8Array; used: Uint8Array; active: Uint8Array; bits: Uint8Array; sums: (Float64Array | undefined)[] }>;
}

/** Scan the ranges with a pool of workers, merging the ranges' arrays in range order as they arrive; any problem ends it with the reason. */
function runRanges(entry: URL, init: WorkerInit, ranges: RangeTask[], workers: number, progress?: (bytes: number) => void): Promise<Merged | { fallback: string }> {
  return new Promise((resolve) => {
    const merged: Merged = { counts: [], years: new Map() };
    const pool: Worker[] = [];
    const exited = new Set<Worker>();
    const scanned = new Float64Array(ranges.length);
    let next = 0;
    let done = 0;
    let settled = false;
    // Replies arrive in any order; each is merged once the ranges before it are (the first range's
    // arrays become the accumulators, every later one is checked against them over its span).
    const waiting: (Extract<RangeReply, { counts: RangeCounts }> | undefined)[] = [];
    const finish = (result: Merged | { fallback: string }) => {
      if (settled) return;
      settled = true;
      // The answer is given once every worker has ended: a worker's heap and its ranges' arrays
      // are freed when its thread exits, so a folder of years does not hold two files' workers at once.
      const live = pool.filter((w) => !exited.has(w));
      let running = live.length;
      if (running === 0) resolve(result);
      for (const w of live) {
        w.once('exit', () => --running === 0 && resolve(result));
        if ('fallback' in result) void w.terminate();
        else w.postMessage('close');
      }
    };
    const merge = (m: { id: number; counts: RangeCounts; years: RangeYear[] }) => {
      merged.counts[m.id] = m.counts;
      for (const y of m.years) {
        const acc = merged.years.get(y.t);
        if (acc === undefined) {
          const sums: (Float64Array | undefined)[] = [];
          sums[m.id] = y.sums;
          merged.years.set(y.t, { present: y.present, used: y.used, active: y.active, bits: y.bits, sums });
          continue;
        }
        // A key in two ranges' bitsets is a repeated t,i,j,k across ranges.
        if (orInto(acc.bits, y.bits, y.span)) return `a t,i,j,k of ${y.t} repeated across ranges`;
        orInto(acc.present, y.present);
        orInto(acc.used, y.used);
        orInto(acc.active, y.active);
        acc.sums[m.id] = y.sums;
        discard(y.bits, y.present, y.used, y.active);
      }
      return undefined;
    };
    const assign = (w: Worker) => {
      const task = ranges[next++];
      if (task !== undefined) w.postMessage(task);
    };
    // Ranges queued per worker: at least two, so a worker starts its next range while this thread
    // merges the last one (a BACI year's four ranges on two workers are all sent at once); more
    // when ranges are many and tiny (tests), so thread round trips do not dominate.
    const depth = Math.max(2, Math.ceil(ranges.length / workers / 8));
    try {
      for (let i = 0; i < Math.min(workers, ranges.length); i++) {
        const w = new Worker(entry, { workerData: init });
        pool.push(w);
        w.on('message', (m: RangeReply) => {
          if (settled) return;
          if ('progress' in m) {
            scanned[m.id] = m.progress;
            progress?.(scanned.reduce((a, b) => a + b, 0));
          } else if ('error' in m) finish({ fallback: `range ${m.id + 1} of ${ranges.length}: ${m.error}` });
          else {
            waiting[m.id] = m;
            for (let r = waiting[done]; r !== undefined; r = waiting[done]) {
              waiting[done++] = undefined;
              const problem = merge(r);
              if (problem !== undefined) return finish({ fallback: problem });
            }
            if (done === ranges.length) finish(merged);
            else assign(w);
          }
        });
        w.on('error', (e) => finish({ fallback: `a scan worker failed: ${e.message}` }));
        w.on('exit', (code) => {
          exited.add(w);
          finish({ fallback: `a scan worker exited (code ${code})` });
        });
        for (let d = 0; d < depth; d++) assign(w);
      }
    } catch (e) {
      finish({ fallback: `a scan worker did not start: ${(e as Error).message}` });
    }
  });
}

/**
 * The parallel scan of one BACI CSV: `plan.rangeBytes` byte ranges (src/engine/scan-core.ts,
 * ByteRange) scanned by `plan.workers` worker threads into partial arrays, merged in range order
 * (sums added, cells and used codes OR-ed, repeated-key bitsets OR-ed: a bit set in two ranges is a
 * key repeated across them), while this thread computes the SHA-256 unless it is known. Returns
 * the outcome, or why it gave up (any error in any range, a key repeated across ranges): the caller
 * then scans sequentially, which names the first problem in file order.
 */
export async function scanInRanges(job: ScanJob, release: BaciRelease, size: number, plan: ScanSplit): Promise<{ outcome: ScanOutcome } | { fallback: string }> {
  const { tables, geos } = scanTables(job.label, job.groups, release);
  const ranges: RangeTask[] = [];
  for (let id = 0, start = 0; id === 0 || start < size; id++, start += plan.rangeBytes) ranges.push({ id, start, end: Math.min(size, start + plan.rangeBytes), first: id === 0 });
  const entry = workerEntry();
  const abort = { aborted: false };
  const hashing = job.sha256 !== undefined ? Promise.resolve(job.sha256) : hashFile(job.file, abort);
  hashing.catch(() => undefined);
  const report = job.progress;
  const merged = await runRanges(entry, { file: job.file, tables, progress: report !== undefined }, ranges, plan.workers, report && ((bytes) => report(Math.min(bytes, size), size)));
  report?.(size, size);
  if ('fallback' in merged) {
    abort.aborted = true;
    return merged;
  }
  if (merged.counts[0]?.header !== true) return { fallback: 'no header line in the first range' };
  const records = merged.counts.reduce((a, c) => a + c.records, 0);
  if (records === 0) return { fallback: 'no data rows' };
  let sha256: string;
  try {
    sha256 = await hashing;
  } catch (e) {
    return { fallback: `hash: ${(e as Error).message}` };
  }
  const matrix = new TradeMatrix(geos, job.groups);
  matrix.cls = release.cls;
  for (const [t, y] of [...merged.years].sort((a, b) => a[0] - b[0])) {
    // Partial sums are added in range order: the result depends only on the file and the cuts.
    let sums: Float64Array | undefined;
    for (const part of y.sums) {
      if (part === undefined) continue;
      if (sums === undefined) sums = part;
      else {
        for (let i = 0; i < sums.length; i++) sums[i] = (sums[i] as number) + (part[i] as number);
        discard(part);
      }
    }
    discard(y.bits);
    matrix.sums.set(t, sums ?? new Float64Array(y.present.length));
    matrix.present.set(t, y.present);
    matrix.used.set(t, y.used);
    matrix.active.set(t, y.active);
  }
  return { outcome: { matrix, sha256, records, skipped: {}, vintage: vintageName(release.cls), engine: 'js', scan: { ranges: ranges.length } } };
}
