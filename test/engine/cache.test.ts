import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeYear } from '../../bench/generate.js';
import { cacheDir } from '../../src/cache/root.js';
import { cli, tmpDir } from '../helpers.js';

// Scan once: the second run takes the sums from the aggregate cache (provenance says so) with the
// same results; a corrupt entry is ignored and rewritten, never trusted. SYNTHETIC BACI year.
type Out = { results: { value: number | null; detail?: unknown; provenance: { cache?: string; sha256?: string }[] }[]; inputs: { engine?: string }[] };
const run = async (...args: string[]) => {
  const r = await cli('compute', '--format', 'json', '--no-sample', ...args);
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
    // The text table says so too, in its source list (found by an acceptance trial: only JSON did).
    const text = await cli('compute', '--no-sample', ...args);
    expect(text.stdout.replace(/\s+/g, ' ')).toContain(`; sums from the aggregate cache (${warm.results[0]?.provenance[0]?.cache ?? ''})`);
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

  it('a file changed in place with its size and modification time restored is hashed again, never served from the cache (found by an acceptance trial)', async () => {
    const file = writeYear(tmpDir(), 2018, 5000);
    const args = ['--input', file, '--indicator', 'trade-intra-share', '--group', 'CJK', '--year', '2018', '--flow', 'exports'];
    const cold = await run(...args);
    expect((await run(...args)).inputs[0]?.engine).toBe('cache');
    // Change one digit of the first data row's value (same length), then put the mtime back.
    const before = statSync(file);
    const ref = `${file}.time`;
    execFileSync('touch', ['-r', file, ref]); // the exact times, nanoseconds included
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const cells = (lines[1] as string).split(',');
    const v = cells[4] as string;
    cells[4] = `${v[0] === '9' ? '8' : '9'}${v.slice(1)}`;
    lines[1] = cells.join(',');
    writeFileSync(file, lines.join('\n'));
    execFileSync('touch', ['-r', ref, file]);
    expect(statSync(file).size).toBe(before.size);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    const changed = await run(...args);
    expect(changed.inputs[0]?.engine).toBe('js');
    const fresh = await run(...args, '--no-cache');
    expect(changed.results.map((r) => r.provenance[0]?.sha256)).toEqual(fresh.results.map((r) => r.provenance[0]?.sha256));
    expect(changed.results[0]?.provenance[0]?.sha256).not.toBe(cold.results[0]?.provenance[0]?.sha256);
  });

  it('one scan serves the usual product groups: --products hightech after TOTAL reads the cache, with the numbers of a fresh scan', async () => {
    const file = writeYear(tmpDir(), 2018, 50_000);
    const base = ['--input', file, '--year', '2018'];
    const total = await run(...base, '--indicator', 'trade-intra-share', '--group', 'CJK');
    expect(total.inputs[0]?.engine).toBe('js');
    const share = ['--indicator', 'import-source-share', '--products', 'hightech', ...['CHN', 'JPN', 'KOR', 'GBR', 'FRA', 'DEU', 'USA', 'CAN', 'MEX'].flatMap((c) => ['--country', c]), '--partners', 'CJK'];
    const warm = await run(...base, ...share);
    expect(warm.inputs[0]?.engine).toBe('cache');
    const fresh = await run(...base, ...share, '--no-cache');
    expect(fresh.inputs[0]?.engine).toBe('js');
    expect(warm.results.map((r) => [r.value, r.detail])).toEqual(fresh.results.map((r) => [r.value, r.detail]));
    // The high-tech world totals are real sums (the shares of CJK may be 0 in synthetic data).
    expect(warm.results.filter((r) => ((r.detail as { world?: number } | undefined)?.world ?? 0) > 0).length).toBeGreaterThan(0);
    // A group outside the usual ones is scanned (with them) and cached under its own key.
    const other = share.map((a) => (a === 'hightech' ? 'HS:84' : a));
    expect((await run(...base, ...other)).inputs[0]?.engine).toBe('js');
    expect((await run(...base, ...other)).inputs[0]?.engine).toBe('cache');
  });
});
