/**
 * Preloaded into a benchmarked Node process (`node --import dist/bench/rss-hook.js …`): on exit,
 * writes the process's peak resident set size (KiB, `process.resourceUsage().maxRSS`) to the file
 * named by BENCH_RSS_FILE. Nothing else; the CLI runs unchanged.
 */
import { writeFileSync } from 'node:fs';

const out = process.env['BENCH_RSS_FILE'];
if (out !== undefined && out !== '') {
  process.on('exit', () => {
    try {
      writeFileSync(out, String(process.resourceUsage().maxRSS));
    } catch {
      /* the benchmark reports a missing figure */
    }
  });
}
