/**
 * How the benchmark runs each engine in a child process and measures it: wall time from this
 * process (start-up included, for every engine alike) and the child's own peak RSS
 * (process.resourceUsage / getrusage), plus the job's answers for the agreement check.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answers, type Answers, type PairSums } from './ladder.js';
import { jobGroups, linkageAnswers, linkageCall, linkageFourCalls, NINE, PARTNER_GROUP } from './job.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const CLI = join(here, '..', 'src', 'cli.js');
const HOOK = join(here, 'rss-hook.js');
export const PYTHON = '/usr/bin/python3';
const PANDAS = join(here, '..', '..', 'bench', 'pandas_job.py');

/** `four`: linkage (auto) as the four calls of earlier versions. */
export type Engine = 'auto' | 'js' | 'duckdb' | 'four' | 'sql' | 'pandas' | 'floor' | 'one-js' | 'one-duckdb';
export interface Measured {
  seconds: number;
  rssMb: number | null;
  answers?: Answers;
}

function spawn(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ...env } });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.slice(0, 6).join(' ')} … exited ${String(r.status)}: ${(r.stderr || r.error?.message || '').slice(0, 2000)}`);
  return { seconds, stdout: r.stdout };
}

/** A Node child with the RSS hook: wall time and peak RSS (MB). */
function node(args: string[], env: NodeJS.ProcessEnv = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'linkage-bench-rss-'));
  const file = join(dir, 'rss');
  try {
    const r = spawn(process.execPath, ['--import', HOOK, ...args], { ...env, BENCH_RSS_FILE: file });
    const kb = existsSync(file) ? Number(readFileSync(file, 'utf8')) : Number.NaN;
    return { ...r, rssMb: Number.isFinite(kb) ? kb / 1024 : null };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The job through the linkage CLI, with the aggregate cache in `cache`: one call (`calls` 'one'),
 * or the four calls of earlier versions (seconds summed, the largest peak RSS).
 */
export function runLinkage(input: string, years: string, engine: 'auto' | 'js' | 'duckdb', cache: string, calls: 'one' | 'four' = 'one'): Measured {
  const out: Answers = new Map();
  const problems: string[] = [];
  let seconds = 0;
  let rss = 0;
  for (const args of calls === 'one' ? [linkageCall(input, years, engine)] : linkageFourCalls(input, years, engine)) {
    const r = node([CLI, ...args], { LINKAGE_CACHE_DIR: cache });
    seconds += r.seconds;
    rss = Math.max(rss, r.rssMb ?? 0);
    linkageAnswers(r.stdout, out, problems);
  }
  if (problems.length > 0) throw new Error(`linkage contradicts itself:\n${problems.slice(0, 10).join('\n')}`);
  return { seconds, rssMb: rss || null, answers: out };
}

/**
 * The single question (`compute --input BIG.csv --indicator trade-introversion --group CJK
 * --year 2018`) as one CLI call with `--engine js|duckdb`, without the cache: one scan's time and memory.
 */
export function runOne(input: string, years: string, engine: 'js' | 'duckdb'): Measured {
  const r = node([CLI, 'compute', '--input', input, '--no-sample', '--indicator', 'trade-introversion', '--group', 'CJK', '--year', years, '--engine', engine, '--no-cache', '--quiet', '--format', 'json']);
  const out: Answers = new Map();
  const problems: string[] = [];
  linkageAnswers(r.stdout, out, problems);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return { seconds: r.seconds, rssMb: r.rssMb, answers: out };
}

function reference(pairs: [number, string, string, number, number][]): Answers {
  const sums: PairSums = new Map();
  for (const [t, i, j, v, h] of pairs) {
    let y = sums.get(t);
    if (y === undefined) sums.set(t, (y = new Map()));
    const key = `${i}|${j}`;
    const had = y.get(key) ?? [0, 0];
    y.set(key, [had[0] + v, had[1] + h]);
  }
  const groups = jobGroups();
  return answers(sums, groups, NINE, groups[PARTNER_GROUP] ?? []);
}

/** The job as hand-written DuckDB SQL (bench/sql-child.ts). */
export function runSql(glob: string, areas: string, hightech: string): Measured {
  const r = node([join(here, 'sql-child.js'), glob, areas, hightech]);
  const j = JSON.parse(r.stdout) as { pairs: [number, string, string, number, number][] };
  return { seconds: r.seconds, rssMb: r.rssMb, answers: reference(j.pairs) };
}

/** The job in pandas (bench/pandas_job.py). */
export function runPandas(files: string[], areas: string, hightech: string): Measured {
  const r = spawn(PYTHON, [PANDAS, areas, hightech, ...files]);
  const j = JSON.parse(r.stdout) as { maxRssKb: number; pairs: [number, string, string, number, number][] };
  return { seconds: r.seconds, rssMb: j.maxRssKb / 1024, answers: reference(j.pairs) };
}

/** Streaming the files' bytes and nothing else. */
export function runFloor(files: string[]): Measured {
  const r = node([join(here, 'floor-child.js'), ...files]);
  return { seconds: r.seconds, rssMb: r.rssMb };
}

/** Whether Debian's pandas is importable by /usr/bin/python3. */
export function hasPandas(): boolean {
  return spawnSync(PYTHON, ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0;
}

/** Start-up: `node -e 0`, `linkage --help`, `linkage compute --help` (the compute command's modules loaded, nothing read), `linkage compute` (the embedded sample). */
export function runStartup(what: 'node' | 'node-plain' | 'help' | 'compute-help' | 'compute', cache: string): Measured {
  const args = what === 'node' || what === 'node-plain' ? ['-e', '0'] : what === 'help' ? [CLI, '--help'] : what === 'compute-help' ? [CLI, 'compute', '--help'] : [CLI, 'compute'];
  // node-plain: Node without NODE_EXTRA_CA_CERTS (a certificate file some machines set, parsed at every Node start).
  const r = node(args, { LINKAGE_CACHE_DIR: cache, ...(what === 'node-plain' ? { NODE_EXTRA_CA_CERTS: undefined } : {}) });
  return { seconds: r.seconds, rssMb: r.rssMb };
}
