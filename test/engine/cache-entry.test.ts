import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeYear } from '../../bench/generate.js';
import { cacheDir } from '../../src/cache/root.js';
import { cli, tmpDir } from '../helpers.js';

// The aggregate cache's entry on disk (src/engine/cache.ts): a JSON header and a binary body. A
// damaged entry — cut short, a flipped byte, a value that is no sum, a FIFO or a link in its place —
// is ignored (the file is scanned again, with the numbers of a fresh scan) and rewritten; nothing is
// written outside the cache folder. SYNTHETIC BACI years (bench/generate.ts).
type Out = { results: { value: number | null }[]; inputs: { engine?: string }[] };
const saved = process.env.LINKAGE_CACHE_DIR;
beforeEach(() => {
  process.env.LINKAGE_CACHE_DIR = join(tmpDir(), 'cache');
});
afterEach(() => {
  process.env.LINKAGE_CACHE_DIR = saved;
});

async function run(file: string): Promise<Out> {
  const r = await cli('compute', '--format', 'json', '--no-sample', '--input', file, '--indicator', 'trade-introversion', '--group', 'CJK', '--group', 'UFG', '--year', '2018');
  if (r.code !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Out;
}

/** The one entry of the cache: its header file and body file. */
function entry(): { header: string; body: string } {
  const dir = cacheDir('aggregates');
  const bodies = readdirSync(dir).filter((f) => f.endsWith('.bin'));
  expect(bodies).toHaveLength(1);
  const body = join(dir, bodies[0] as string);
  return { header: body.replace(/\.bin$/, '.json'), body };
}

/** Scan, then damage the entry with `damage`: the next run scans again (same numbers), the one after reads the rewritten entry. */
async function ignoredAndRewritten(damage: (e: { header: string; body: string }) => void): Promise<void> {
  const file = writeYear(tmpDir(), 2018, 5000);
  const cold = await run(file);
  expect(cold.inputs[0]?.engine).toBe('js');
  expect((await run(file)).inputs[0]?.engine).toBe('cache');
  damage(entry());
  const again = await run(file);
  expect(again.inputs[0]?.engine).toBe('js');
  expect(again.results.map((r) => r.value)).toEqual(cold.results.map((r) => r.value));
  const warm = await run(file);
  expect(warm.inputs[0]?.engine).toBe('cache');
  expect(warm.results.map((r) => r.value)).toEqual(cold.results.map((r) => r.value));
}

const hasMkfifo = (() => {
  try {
    execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
    return process.platform !== 'win32';
  } catch {
    return false;
  }
})();

describe('aggregate cache entries on disk', () => {
  it('an entry is a small JSON header and a binary body of the sums', async () => {
    await run(writeYear(tmpDir(), 2018, 5000));
    const { header, body } = entry();
    const h = JSON.parse(readFileSync(header, 'utf8')) as { geos: string[]; groups: string[]; years: { used: number }[]; body: { bytes: number; sha256: string } };
    const bytes = readFileSync(body);
    expect(bytes.length).toBe(h.body.bytes);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(h.body.sha256);
    // Sums (8 bytes a cell), a byte a cell for whether a row fell there, a byte an economy for whether it had a row, each group's margins, the product codes.
    const [g, n] = [h.groups.length, h.geos.length];
    expect(bytes.length).toBe(g * n * n * 9 + n + g * (2 * n + 2) * 8 + (h.years[0]?.used ?? 0) * 4);
  });

  it('a body cut short is ignored and rewritten', async () => {
    await ignoredAndRewritten(({ body }) => writeFileSync(body, readFileSync(body).subarray(0, 1000)));
  });

  it('a body with one byte changed is ignored and rewritten', async () => {
    await ignoredAndRewritten(({ body }) => {
      const b = readFileSync(body);
      b[b.length >> 1] = (b[b.length >> 1] as number) ^ 0x40;
      writeFileSync(body, b);
    });
  });

  it('a negative sum is not trusted even with a matching digest', async () => {
    await ignoredAndRewritten(({ header, body }) => {
      const b = readFileSync(body);
      b.writeDoubleLE(-5, 0);
      const h = JSON.parse(readFileSync(header, 'utf8')) as { body: { sha256: string } };
      h.body.sha256 = createHash('sha256').update(b).digest('hex');
      writeFileSync(body, b);
      writeFileSync(header, JSON.stringify(h));
    });
  });

  it('a header that is not JSON, or of another entry, is ignored', async () => {
    await ignoredAndRewritten(({ header }) => writeFileSync(header, '{"format": 3, "key": "'));
    await ignoredAndRewritten(({ header }) => {
      const h = JSON.parse(readFileSync(header, 'utf8')) as { key: string };
      writeFileSync(header, JSON.stringify({ ...h, key: h.key.replace(/^./, (c) => (c === '0' ? '1' : '0')) }));
    });
  });

  it('a symbolic link in place of the body is not followed', async () => {
    await ignoredAndRewritten(({ body }) => {
      const elsewhere = join(tmpDir(), 'copy.bin');
      renameSync(body, elsewhere);
      symlinkSync(elsewhere, body);
    });
  });

  it.skipIf(!hasMkfifo)('a FIFO in place of the header or the body is not opened for a blocking read', async () => {
    await ignoredAndRewritten(({ body }) => {
      rmSync(body);
      execFileSync('mkfifo', [body]);
    });
    await ignoredAndRewritten(({ header }) => {
      rmSync(header);
      execFileSync('mkfifo', [header]);
    });
  });

  it('nothing is written through a symbolic link in place of the cache folder', async () => {
    const outside = tmpDir();
    const dir = cacheDir('aggregates');
    mkdirSync(join(dir, '..'), { recursive: true });
    symlinkSync(outside, dir);
    const file = writeYear(tmpDir(), 2018, 5000);
    expect((await run(file)).inputs[0]?.engine).toBe('js');
    expect((await run(file)).inputs[0]?.engine).toBe('js');
    expect(readdirSync(outside)).toEqual([]);
    expect(existsSync(join(outside, '..', 'aggregates'))).toBe(false);
  });
});
