import { open } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { LinkageError } from '../errors.js';
import { fixedMasks, scanBytes, spanOf, type ScanSink, type YearArrays } from './scan-core.js';
import type { RangeReply, RangeTask, RangeYear, WorkerInit } from './scan-parallel.js';

/**
 * A scan worker (src/engine/scan-parallel.ts): scans the byte ranges it is sent with the same
 * scanner as the sequential path (src/engine/scan-core.ts), each into its own sums, cells, used
 * codes and repeated-key bitsets, and sends them back transferred (not copied). Any error in a
 * range is sent back as its message: the main thread then rescans the whole file sequentially.
 */
const init = workerData as WorkerInit;
const port = parentPort;
if (port === null) throw new Error('scan-worker runs as a worker thread');
const masks = fixedMasks(init.tables.masks);
const cells = init.tables.groups * init.tables.nA * init.tables.nA;
const handle = await open(init.file, 'r');

async function scan(task: RangeTask): Promise<void> {
  const years = new Map<number, YearArrays>();
  const sink: ScanSink = {
    seen: new Map(),
    spans: new Map(),
    year(t) {
      let y = years.get(t);
      if (y === undefined) years.set(t, (y = { sums: new Float64Array(cells), present: new Uint8Array(cells), used: new Uint8Array(1_000_000), active: new Uint8Array(init.tables.nA) }));
      return y;
    },
  };
  try {
    const progress = init.progress ? (bytes: number) => port?.postMessage({ id: task.id, progress: bytes } satisfies RangeReply) : undefined;
    const counts = await scanBytes(handle, init.tables, masks, sink, task, progress ? { progress } : {});
    const out: RangeYear[] = [];
    for (const [t, y] of years) {
      const bits = sink.seen.get(t);
      if (!(bits instanceof Uint8Array)) throw new Error('a closed product list keeps its repeated keys in a bitset');
      out.push({ t, ...y, bits, span: spanOf(sink, t) });
    }
    const reply: RangeReply = { id: task.id, counts, years: out };
    port?.postMessage(reply, out.flatMap((y) => [y.sums.buffer, y.present.buffer, y.used.buffer, y.active.buffer, y.bits.buffer] as ArrayBuffer[]));
  } catch (e) {
    const error = e instanceof LinkageError ? e.oneLine() : e instanceof Error ? e.message : String(e);
    port?.postMessage({ id: task.id, error } satisfies RangeReply);
  }
}

// Ranges are scanned one after another, in the order sent; 'close' after the last one closes the
// file and lets the thread end.
let queue = Promise.resolve();
port.on('message', (task: RangeTask | 'close') => {
  queue = queue.then(() => (task === 'close' ? handle.close().finally(() => port.close()) : scan(task)));
});
