import type { TradeScanOptions } from '../engine/index.js';
import type { Io } from './io.js';

/**
 * Progress of a long scan on stderr (only used when stderr is a terminal, and not with --quiet):
 * nothing for the first 2 s, then one line rewritten in place — bytes read, rate and time left —
 * cleared when the scan ends.
 */
export function progressBar(io: Io, now: () => number = () => performance.now()): NonNullable<TradeScanOptions['progress']> {
  return (label: string) => {
    const start = now();
    let shown = false;
    let last = 0;
    return (done: number, total: number) => {
      const t = now();
      const elapsed = (t - start) / 1000;
      if (done >= total) {
        if (shown) io.stderr('\r\u001b[2K');
        return;
      }
      if (elapsed < 2 || t - last < 200) return;
      last = t;
      shown = true;
      const rate = done / elapsed;
      const eta = rate > 0 ? (total - done) / rate : 0;
      io.stderr(`\r\u001b[2Kscanning ${label}: ${(done / 1e6).toFixed(0)} of ${(total / 1e6).toFixed(0)} MB, ${(rate / 1e6).toFixed(0)} MB/s, ${eta.toFixed(0)} s left`);
    };
  };
}
