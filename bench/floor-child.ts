/**
 * The read floor (run in a child process): stream the files' bytes and do nothing with them.
 * Prints {seconds, maxRssKb, bytes} as JSON. Usage: node dist/bench/floor-child.js FILE...
 */
import { closeSync, openSync, readSync } from 'node:fs';

const t0 = performance.now();
const buf = Buffer.allocUnsafe(1 << 22);
let bytes = 0;
for (const file of process.argv.slice(2)) {
  const fd = openSync(file, 'r');
  for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) bytes += n;
  closeSync(fd);
}
process.stdout.write(JSON.stringify({ seconds: (performance.now() - t0) / 1000, maxRssKb: process.resourceUsage().maxRSS, bytes }));
