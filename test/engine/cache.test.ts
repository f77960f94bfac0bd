import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeYear } from '../../bench/generate.js';
import { cacheDir } from '../../src/cache/root.js';
import { cli, tmpDir } from '../helpers.js';

// Scan once: the second run takes the sums from the aggregate cache (provenance says so) with the
// same results; a corrupt entry is ignored and rewritten, never trusted. SYNTHETIC BACI year.
type Out = { results: { value: number | null; detail?: unknown; provenance: { cache?: string }[] }[]; inputs: { engine?: string }[] };
const run = async (...args: string[]) => {
  const r = await cli('compute', '--format', 'json', ...args);
  if (r.code !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Out;
};

describe('aggregate cache', () => {
  it('a re-run reads the cache, says so, and gives the same numbers; a corrupt entry is rescanned', async () => {
    const file = writeYear(tmpDir(), 2018, 5000);
    const args = ['--input', file, '--indicator', 'trade-introversion', '--group', 'CJK', '--group', 'UFG', '--year', '2018'];
    const cold = await run(...args);
    expect(cold.inputs[0]?.engine).toBe('js');
    expect(cold.results[0]?.provenance[0]?.cache).toBeUndefined();
    const warm = await run(...args);
    expect(warm.inputs[0]?.engine).toBe('cache');
    expect(warm.results[0]?.provenance[0]?.cache).toMatch(/^[0-9a-f]{16}$/);
    expect(warm.results.map((r) => [r.value, r.detail])).toEqual(cold.results.map((r) => [r.value, r.detail]));
    const off = await run(...args, '--no-cache');
    expect(off.inputs[0]?.engine).toBe('js');
    // Corrupt every aggregate entry: ignored, the file is scanned again and the entry rewritten.
    const dir = cacheDir('aggregates');
    const entries = readdirSync(dir).filter((f) => !f.startsWith('sha-') && f.endsWith('.json'));
    expect(entries.length).toBe(1);
    for (const f of entries) writeFileSync(join(dir, f), '{"key": "x", "years": [{"year": 2018, "cells": [[0, -1]]}]');
    const again = await run(...args);
    expect(again.inputs[0]?.engine).toBe('js');
    expect(again.results.map((r) => r.value)).toEqual(cold.results.map((r) => r.value));
    expect((await run(...args)).inputs[0]?.engine).toBe('cache');
  });
});
