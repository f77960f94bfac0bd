import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { writeYear } from '../../bench/generate.js';
import { COMMANDS, commandNamed, registerStub } from '../../src/commands/list.js';
import type { Io } from '../../src/commands/io.js';
import { projectRoot } from '../../src/paths.js';
import { tmpDir } from '../helpers.js';

// The CLI registers the command that runs in full and every other one as a stub (src/commands/list.ts),
// so `linkage --help` lists commands without loading their modules. These tests keep the stubs true.
const io: Io = { stdout: () => undefined, stderr: () => undefined, isTTY: false, status: { code: 0 } };

describe('command stubs match the real commands', () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s: same usage term and description in the top-level help', async (_name, entry) => {
    const real = new Command('linkage');
    (await entry.load())(real, io);
    const stub = new Command('linkage');
    registerStub(stub, entry);
    const help = real.createHelp();
    const [r] = real.commands;
    const [s] = stub.commands;
    expect(r?.name()).toBe(entry.name);
    expect(help.subcommandTerm(s as Command)).toBe(help.subcommandTerm(r as Command));
    expect(s?.description()).toBe(r?.description());
  });

  it('every command module is listed once', () => {
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
  });

  it('finds the command named after global flags and in `help NAME`; none for a misspelling', () => {
    expect(commandNamed(['--strict', 'compute', '--year', '2017'])?.name).toBe('compute');
    expect(commandNamed(['help', 'report'])?.name).toBe('report');
    expect(commandNamed(['comptue'])).toBeUndefined();
    expect(commandNamed(['--help'])).toBeUndefined();
  });
});

// What the built CLI really loads (dynamic imports and CommonJS requires included): a preload logs
// every ES module resolved, every CommonJS module in require.cache and node's internal modules
// (node's own undici loads when a fetch, Response, Headers or FormData global is touched).
const PRELOAD = `
import { createRequire, register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent('export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write("LOADED " + r.url + "\\\\n"); return r; }'));
process.on('exit', () => {
  for (const k of Object.keys(createRequire(process.execPath).cache)) process.stderr.write('LOADED ' + k + '\\n');
  for (const m of process.moduleLoadList) process.stderr.write('INTERNAL ' + m + '\\n');
});`;

const CACHE = join(tmpDir(), 'cache');

/** Modules the built CLI loads for `args` (each `LOADED <url or path>` or `INTERNAL <name>`), and its stdout. */
function loaded(...args: string[]): { mods: string[]; stdout: string } {
  const bin = join(projectRoot(), 'dist', 'src', 'cli.js');
  const env = { ...process.env, LINKAGE_CACHE_DIR: CACHE };
  const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(PRELOAD)}`, bin, ...args], { encoding: 'utf8', env, timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  const mods = r.stderr.split('\n').filter((l) => l.startsWith('LOADED ') || l.startsWith('INTERNAL ')).map((l) => l.replace(/\\/g, '/'));
  return { mods, stdout: r.stdout };
}

/** Modules that `compute --format json` must not load: text tables (and the ajv they bring), schemas, downloads, charts, DuckDB. */
const NOT_FOR_JSON = [/node_modules\/(table|ajv|ajv-formats|undici|vega|vega-lite|arquero|@resvg|@duckdb)\//, /dist\/src\/render\/(draw|chart|wide)\.js/, /^INTERNAL .*undici/];
/** With --input and no --fetch, the download engine is not needed either (the embedded sample looks in the download cache). */
const NOT_FOR_INPUT = [...NOT_FOR_JSON, /dist\/src\/fetch\/(engine|http|clients)\.js/];

describe('compute --format json loads only what it needs (the built CLI, as run)', () => {
  it('the listing sees a CommonJS package when it loads: a text table loads `table`', () => {
    const { mods } = loaded('compute', '--indicator', 'rd-intensity', '--group', 'CJK');
    expect(mods.some((m) => m.endsWith('/dist/src/cli.js'))).toBe(true);
    expect(mods.some((m) => /node_modules\/table\//.test(m))).toBe(true);
  });

  it.each([
    ['the embedded sample', () => ['compute', '--format', 'json']],
    ['a cached BACI year', () => {
      const file = writeYear(tmpDir(), 2018, 5000);
      return ['compute', '--format', 'json', '--no-sample', '--input', file, '--indicator', 'trade-introversion', '--group', 'CJK', '--year', '2018'];
    }],
  ])('%s: no text table, ajv, undici, download or chart code', (_name, argsOf) => {
    const args = argsOf();
    const input = args.includes('--input');
    // With --input, the second run reads the aggregate cache the first one wrote.
    const { mods, stdout } = input ? (loaded(...args), loaded(...args)) : loaded(...args);
    if (input) expect((JSON.parse(stdout) as { inputs: { engine: string }[] }).inputs[0]?.engine).toBe('cache');
    for (const bad of input ? NOT_FOR_INPUT : NOT_FOR_JSON) expect(mods.filter((m) => bad.test(m)), String(bad)).toEqual([]);
  });
});

describe('a cached re-run loads no scanner and no row-by-row loader', () => {
  it('the scan loads the byte scanner; the re-run that reads the cache loads neither it nor the loaders', () => {
    const file = writeYear(tmpDir(), 2018, 5000);
    const args = ['compute', '--format', 'json', '--no-sample', '--input', file, '--indicator', 'trade-intensity', '--group', 'CJK', '--year', '2018'];
    // Chunks are named after the module a dynamic import() loads (scripts/bundle.ts).
    const scanner = /dist\/src\/cli-chunk-scan-csv-[\w-]+\.js$/;
    const loaders = /dist\/src\/cli-chunk-(consume|containers|records)-[\w-]+\.js$/;
    const cold = loaded(...args);
    expect((JSON.parse(cold.stdout) as { inputs: { engine: string }[] }).inputs[0]?.engine).toBe('js');
    expect(cold.mods.filter((m) => scanner.test(m))).toHaveLength(1);
    const warm = loaded(...args);
    expect((JSON.parse(warm.stdout) as { inputs: { engine: string }[] }).inputs[0]?.engine).toBe('cache');
    expect(warm.mods.filter((m) => scanner.test(m) || loaders.test(m))).toEqual([]);
    // Commander's node:child_process (executable subcommands) loads on first spawn only (scripts/bundle.ts).
    expect(warm.mods).not.toContain('INTERNAL NativeModule child_process');
    // Papa Parse neither: the data CSVs are split directly and CSV output is not asked for.
    expect(warm.mods.filter((m) => /papaparse/.test(m))).toEqual([]);
  });

  it('the built CLI still loads Papa Parse for an irregular CSV (its message reaches the user)', () => {
    const list = join(tmpDir(), 'ragged-products.csv');
    writeFileSync(list, 'code,classification\n"8542",H5\n8541\n');
    const bin = join(projectRoot(), 'dist', 'src', 'cli.js');
    const r = spawnSync(process.execPath, [bin, 'compute', '--indicator', 'import-source-share', '--products', list, '--country', 'CHN', '--partners', 'CJK', '--format', 'json'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Too few fields: expected 2 fields but parsed 1');
    expect(r.stdout).toBe('');
  });
});
