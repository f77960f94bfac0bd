import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, tmpDir } from '../helpers.js';
import { handMade } from './baci-hand-made.js';

// A cache folder that cannot be written made every run a full scan without a word (found by an
// acceptance trial). It is now said once per input, and the answer is the same. SYNTHETIC BACI file.
const baci = (): string => handMade(['2018,156,392,854110,10,1', '2018,392,410,854140,20,1', '2018,410,156,847130,30,1'], 'BACI_HS17_Y2018_V202301.csv', '\n');

const before = process.env.LINKAGE_CACHE_DIR;
afterEach(() => {
  process.env.LINKAGE_CACHE_DIR = before;
});

describe('an aggregate cache that cannot be written', () => {
  it('is said in W_CACHE_UNWRITABLE, text and JSON, and the values are those of a run without cache', async () => {
    const file = baci();
    const args = ['compute', '--input', file, '--no-sample', '--indicator', 'trade-intra-share', '--group', 'CJK', '--year', '2018'];
    const plain = await cli(...args, '--no-cache', '--format', 'json');
    // A regular file where the cache folder should be: nothing can be created under it.
    const blocker = join(tmpDir(), 'not-a-folder');
    writeFileSync(blocker, 'x');
    process.env.LINKAGE_CACHE_DIR = blocker;
    const json = await cli(...args, '--format', 'json');
    expect(json.code, json.stderr).toBe(0);
    const out = JSON.parse(json.stdout) as { results: unknown[]; warnings?: { code: string; message: string }[] };
    expect(out.results).toEqual((JSON.parse(plain.stdout) as { results: unknown[] }).results);
    expect(out.warnings?.map((w) => w.code)).toContain('W_CACHE_UNWRITABLE');
    expect(out.warnings?.find((w) => w.code === 'W_CACHE_UNWRITABLE')?.message).toContain(join(blocker, 'aggregates'));
    const text = await cli(...args);
    expect(text.stderr).toMatch(/W_CACHE_UNWRITABLE/);
    expect(readFileSync(blocker, 'utf8')).toBe('x');
  });
});
