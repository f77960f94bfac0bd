import { basename } from 'node:path';
import type { TradeScanOptions } from '../engine/index.js';
import type { ScanPhase } from '../engine/job.js';
import type { Io } from './io.js';

/** Seconds before a scan shows progress, and the least time between two updates (ms). */
export const PROGRESS_AFTER_S = 2;
const EVERY_MS = 200;

/**
 * One progress line: bytes read of the file, rate and time left, e.g.
 * `scanning BACI_HS17_Y2018.csv: 120 of 343 MB (35 %), 60 MB/s, 4 s left`. `elapsed` in seconds.
 */
export function progressLine(label: string, done: number, total: number, elapsed: number, phase?: ScanPhase): string {
  const mb = (b: number) => (b / 1e6).toFixed(0);
  // DuckDB's estimate can stand still for seconds and then jump: no rate or time left is derived from it.
  if (phase === 'estimate') return `scanning ${label} with DuckDB: about ${total > 0 ? Math.min(100, Math.floor((100 * done) / total)) : 0} % by DuckDB's estimate, ${elapsed.toFixed(0)} s so far`;
  const rate = elapsed > 0 ? done / elapsed : 0;
  const left = rate > 0 ? Math.max(0, (total - done) / rate) : undefined;
  const pct = total > 0 ? Math.min(100, Math.floor((100 * done) / total)) : 0;
  return `${phase === 'locate' ? 'a problem was found; reading again to name its line:' : 'scanning'} ${label}: ${mb(done)} of ${mb(total)} MB (${pct} %), ${mb(rate)} MB/s${left === undefined ? '' : `, ${left.toFixed(0)} s left`}`;
}

/**
 * Progress of a long scan on stderr: nothing for the first 2 s, then one line (the file's base
 * name, so it fits a terminal line) rewritten in place at most every 200 ms, cleared when the scan ends. `now` in ms (replaceable in tests).
 */
export function progressBar(io: Io, now: () => number = () => performance.now()): NonNullable<TradeScanOptions['progress']> {
  return (label: string) => {
    let start = now();
    let shown = false;
    let seen = false; // shown once: a later phase shows at once, not after another 2 s
    let last = 0;
    let phase: ScanPhase | undefined;
    return (done: number, total: number, next?: ScanPhase) => {
      const t = now();
      // A new phase (the re-read that names a problem's line) starts its own rate and time left.
      if (next !== phase) {
        phase = next;
        start = t;
        last = 0;
      }
      if (done >= total) {
        if (shown) io.stderr('\r\u001b[2K');
        shown = false;
        return;
      }
      const elapsed = (t - start) / 1000;
      if ((elapsed < PROGRESS_AFTER_S && !seen) || t - last < EVERY_MS) return;
      last = t;
      shown = true;
      seen = true;
      io.stderr(`\r\u001b[2K${progressLine(basename(label), done, total, elapsed, phase)}`);
    };
  };
}

/** The scan progress a command shows: only when stderr is a terminal and not with --quiet. */
export function scanProgress(io: Io, quiet: boolean | undefined, now?: () => number): TradeScanOptions['progress'] | undefined {
  return io.isTTY && quiet !== true ? progressBar(io, now) : undefined;
}

/** `{ progress }` when there is a reporter, else nothing (for spreading into options). */
export function withProgress(progress: TradeScanOptions['progress'] | undefined): { progress?: NonNullable<TradeScanOptions['progress']> } {
  return progress === undefined ? {} : { progress };
}
