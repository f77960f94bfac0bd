import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LinkageError } from '../../src/errors.js';
import { loadFile } from '../../src/loaders/load.js';
import { catalogue } from '../../src/messages.js';
import { countryRegistry } from '../../src/model/countries.js';
import { projectRoot, sharedDataPath } from '../../src/paths.js';
import { tmpDir } from '../helpers.js';
import { describePlan, mutate, plans, type Plan } from './mutate.js';

// Fuzzing (issue 9): seeded random mutations of every real file under ../shared/data — bytes
// flipped, lines dropped, duplicated, truncated, odd text and numbers inserted, re-encoded
// (UTF-16, latin1), and the XML parts of workbooks damaged inside a valid zip — through the loaders
// (the load entry point, in process) and a few through the CLI out of process. Every case must end
// in rows (each value finite or null, skips counted) or a catalogued data error: never another
// exception, E_INTERNAL, exit 70, a crash or a hang. The run is deterministic (seed below);
// LINKAGE_FUZZ_CASES runs more cases, LINKAGE_FUZZ_SEED another seed.
const SEED = Number(process.env.LINKAGE_FUZZ_SEED ?? 20261122);
const CASES = Number(process.env.LINKAGE_FUZZ_CASES ?? 150);
const CLI_CASES = Number(process.env.LINKAGE_FUZZ_CLI_CASES ?? 3);
/** Text files are cut to their first 192 KiB (after a line) before mutation, to keep a case fast. */
const MAX_BYTES = Number(process.env.LINKAGE_FUZZ_MAX_BYTES ?? 192 * 1024);
/** Per-case bound (ms); far above the slowest case here (a few hundred ms), so only a hang trips it. */
const CASE_TIMEOUT = 20_000;

const ROOT = sharedDataPath();
const CODES = new Set(catalogue().map((e) => e.code));

/** Reference tables, concordances and notes: no loader reads them, so they are drawn less often (as are big files, for speed). */
const NOT_INPUT = /(^|\/)(reference|concordance|census)\/|README/;
const weight = (f: string): number => (f === BACI_SEED ? 4 : NOT_INPUT.test(relative(ROOT, f)) || statSync(f).size > 512 * 1024 ? 1 : 4);

/**
 * ../shared/data holds no BACI data file, only the release's dictionaries: a synthetic BACI year
 * built from their codes is one more seed (its name says so), read with the dictionaries beside it.
 */
const BACI_SEED = join(ROOT, 'synthetic', 'BACI_HS17_Y2017_V202301.csv');
const BACI_DICTIONARIES = ['comtrade/reference/country_codes_V202301.csv', 'comtrade/reference/product_codes_HS17_V202301.csv'];

function baciSeed(): Uint8Array {
  const codes = (file: string, column: number) =>
    readFileSync(join(ROOT, file), 'utf8')
      .split('\n')
      .slice(1)
      .map((l) => (l.split(',')[column] ?? '').replace(/"/g, ''))
      .filter((c) => /^\d+$/.test(c));
  const areas = codes(BACI_DICTIONARIES[0] as string, 0).slice(0, 16);
  const products = codes(BACI_DICTIONARIES[1] as string, 0).filter((_, n) => n % 97 === 0).slice(0, 12);
  const rows = ['t,i,j,k,v,q'];
  for (const [a, i] of areas.entries()) for (const [b, j] of areas.entries()) for (const [c, k] of products.entries()) if (i !== j && (a + b + c) % 3 === 0) rows.push(`2017,${i},${j},${k},${(((a * 7919 + b * 104729 + c * 31) % 1000000) / 1000).toFixed(3)},${(a + c) % 50}`);
  return Buffer.from(`${rows.join('\n')}\n`);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** What went wrong with one case, or undefined when the outcome is allowed. */
async function judge(file: string): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'hang'>((resolve) => {
    timer = setTimeout(() => resolve('hang'), CASE_TIMEOUT);
  });
  try {
    const loaded = await Promise.race([loadFile(file, { countries: countryRegistry() }), hang]);
    if (loaded === 'hang') return `no outcome within ${CASE_TIMEOUT} ms (a hang)`;
    const bad = loaded.rows.find((r) => r.value !== null && !Number.isFinite(r.value));
    if (bad !== undefined) return `a non-finite value ${String(bad.value)} in a loaded row (${bad.measure} ${bad.geo} ${bad.year})`;
    const { skipped } = loaded.summary;
    if (!Number.isInteger(skipped.count) || skipped.count < 0) return `a skip report without a count: ${JSON.stringify(skipped)}`;
    return undefined;
  } catch (e) {
    if (!(e instanceof LinkageError)) return `an uncaught ${(e as Error).name}: ${(e as Error).message.slice(0, 200)}`;
    if (e.kind !== 'data') return `a ${e.kind} error ${e.code}: ${e.message.slice(0, 200)}`;
    if (!CODES.has(e.code) || e.code === 'E_INTERNAL') return `a non-catalogued error ${e.code}: ${e.message.slice(0, 200)}`;
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

describe('fuzzing the loaders with mutated real files', () => {
  it('../shared/data is there (the fuzz corpus; like every test of real extracts, this fails without it)', () => {
    expect(existsSync(ROOT), `${ROOT} is missing`).toBe(true);
  });

  const files = existsSync(ROOT) ? [...filesUnder(ROOT), BACI_SEED] : [];
  const cases: Plan[] = files.length > 0 ? plans(SEED, CASES, files.map(weight)) : [];
  /** Write case i as a file of the source's name (loaders read the name: the GII edition year, BACI dictionaries) in its own folder. */
  const write = (dir: string, i: number, plan: Plan): string => {
    const source = files[plan.file] as string;
    mkdirSync(join(dir, String(i)));
    const file = join(dir, String(i), basename(source));
    writeFileSync(file, mutate(source === BACI_SEED ? baciSeed() : readFileSync(source), plan, MAX_BYTES));
    // A BACI year is read with its release's dictionaries beside it.
    if (source === BACI_SEED) for (const d of BACI_DICTIONARIES) copyFileSync(join(ROOT, d), join(dir, String(i), basename(d)));
    return file;
  };

  it(`${CASES} seeded cases (seed ${SEED}) in process: rows or a catalogued data error`, async () => {
    expect(files.length).toBeGreaterThan(0);
    const dir = tmpDir();
    const failures: string[] = [];
    const covered = new Set<number>();
    for (const [i, plan] of cases.entries()) {
      const source = files[plan.file] as string;
      covered.add(plan.file);
      const file = write(dir, i, plan);
      const problem = await judge(file);
      if (problem !== undefined) failures.push(`case ${i} (LINKAGE_FUZZ_SEED=${SEED}): ${relative(ROOT, source)} ${describePlan(plan)} → ${problem}`);
    }
    expect(failures).toEqual([]);
    // Every real file is mutated at least once.
    if (CASES >= files.length) expect(files.filter((_, k) => !covered.has(k)).map((f) => relative(ROOT, f))).toEqual([]);
  }, 600_000);

  it(`${CLI_CASES} of them through the built CLI: exit 0 or 1, one catalogued line, no crash or hang`, () => {
    const bin = join(projectRoot(), 'dist', 'src', 'cli.js');
    const dir = tmpDir();
    const failures: string[] = [];
    // The last cases (drawn by weight), and the BACI seed through the trade engine.
    const picked = cases.slice(-CLI_CASES).map((plan, n) => (n === 0 ? { ...plan, file: files.indexOf(BACI_SEED) } : plan));
    for (const [i, plan] of (CLI_CASES > 0 ? picked : []).entries()) {
      const source = files[plan.file] as string;
      const file = write(dir, i, plan);
      const trade = ['--indicator', 'import-source-share', '--reporter', 'CHN', '--partners', 'JPN,KOR', '--year', '2017', '--engine', 'js'];
      const args = source === BACI_SEED ? ['compute', '--input', file, '--no-sample', ...trade, '--format', 'json'] : i % 2 === 0 ? ['compute', '--input', file, '--no-sample', '--format', 'json'] : ['inspect', file];
      const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });
      const first = r.stderr.split('\n').find((l) => l.startsWith('linkage: E_')) ?? r.stderr.split('\n')[0] ?? '';
      const where = `cli case ${i}: ${relative(ROOT, source)} ${describePlan(plan)}`;
      if (r.signal !== null) failures.push(`${where} → killed by ${r.signal} (a hang or a crash)`);
      else if (r.status !== 0 && r.status !== 1) failures.push(`${where} → exit ${String(r.status)}: ${first}`);
      else if (r.status === 1 && !/^linkage: E_[A-Z0-9_]+: /.test(first)) failures.push(`${where} → exit 1 without a catalogued line: ${first}`);
      else if (/E_INTERNAL/.test(r.stderr)) failures.push(`${where} → ${first}`);
      else if (r.status === 0 && args[0] === 'compute') {
        // Every result with a value is a finite number; NaN and Infinity never print.
        const results = (JSON.parse(r.stdout) as { results: { status: string; value: unknown }[] }).results;
        const bad = results.find((x) => (x.value !== null && (typeof x.value !== 'number' || !Number.isFinite(x.value))) || (x.status === 'ok' && x.value === null));
        if (bad !== undefined) failures.push(`${where} → a result ${JSON.stringify(bad).slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
