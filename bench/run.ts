/**
 * `npm run bench`: the issue-8 benchmark. Engines in the same run, alternating, medians of
 * `--runs` (default 3): linkage `auto` and `--engine js` (the real CLI, the whole job in one call:
 * the ladder for exports, imports and total and the high-tech import-source shares), linkage as the
 * four calls of earlier versions (one-year files), the same job as DuckDB SQL and in pandas, and
 * the read floor. Every engine's answers are checked against DuckDB SQL's
 * (a mismatch fails the bench). Writes bench/results.md and prints its main table.
 * Options: --runs N, --quick (1 M rows only), --clean (remove the generated files at the end),
 * --duckdb-question (also time the single question with --engine duckdb on the largest year).
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compare } from './ladder.js';
import { benchData, dataRoot } from './data.js';
import { hasPandas, runFloor, runLinkage, runOne, runPandas, runSql, runStartup, type Engine, type Measured } from './measure.js';
import { renderResults, type Scenario } from './report.js';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const RUNS = Math.max(1, Number(argv[argv.indexOf('--runs') + 1] ?? 3) || 3);
const QUICK = flag('--quick');
const M = 1_000_000;
const SIZES = QUICK ? [M] : [M, 3 * M, 10 * M];
const FOLDER_ROWS = QUICK ? M : 10 * M;
const FOLDER_YEARS = [2014, 2015, 2016, 2017, 2018];
const started = performance.now();
const note = (s: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}\n`);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? Number.NaN : n % 2 === 1 ? (s[(n - 1) / 2] as number) : ((s[n / 2 - 1] as number) + (s[n / 2] as number)) / 2;
};

const load0 = loadavg();
const pandas = hasPandas();
if (!pandas) note('pandas skipped: /usr/bin/python3 cannot import pandas (Debian: apt-get install python3-pandas)');
note(`generating or reusing the synthetic files in ${dataRoot()}`);
const data = benchData(SIZES, FOLDER_ROWS, FOLDER_YEARS);
const work = mkdtempSync(join(tmpdir(), 'linkage-bench-'));
let cacheN = 0;
const freshCache = () => join(work, `cache-${cacheN++}`);
const mismatches: string[] = [];

/** Run `engines` alternating (the order rotates each round), `runs` times; check answers against SQL's. */
function scenario(name: string, input: string, files: string[], years: string, engines: Engine[], runs: number): Scenario {
  const times = new Map<Engine, Measured[]>();
  let warm: string | undefined;
  for (let r = 0; r < runs; r++) {
    const order = engines.map((_, n) => engines[(n + r) % engines.length] as Engine);
    for (const e of order) {
      let m: Measured;
      if (e === 'auto' || e === 'js' || e === 'duckdb' || e === 'four') {
        const cache = freshCache();
        m = e === 'four' ? runLinkage(input, years, 'auto', cache, 'four') : runLinkage(input, years, e, cache);
        if (e === 'auto') warm = cache;
        else rmSync(cache, { recursive: true, force: true });
      } else if (e === 'sql') m = runSql(files.length === 1 ? (files[0] as string) : join(input, 'BACI_*.csv'), data.areasCsv, data.hightechCsv);
      else if (e === 'pandas') m = runPandas(files, data.areasCsv, data.hightechCsv);
      else if (e === 'one-js' || e === 'one-duckdb') m = runOne(input, years, e === 'one-js' ? 'js' : 'duckdb');
      else m = runFloor(files);
      note(`${name} ${e} run ${r + 1}: ${m.seconds.toFixed(2)} s, ${m.rssMb?.toFixed(0) ?? '?'} MB`);
      const list = times.get(e) ?? [];
      list.push(m);
      times.set(e, list);
    }
  }
  const cached: Measured[] = [];
  if (warm !== undefined) {
    for (let r = 0; r < runs; r++) cached.push(runLinkage(input, years, 'auto', warm));
    note(`${name} auto cached: ${median(cached.map((m) => m.seconds)).toFixed(2)} s`);
    times.set('cached' as Engine, cached);
  }
  const ref = times.get('sql')?.[0]?.answers;
  for (const [e, list] of times) {
    for (const m of list) {
      if (ref === undefined || m.answers === undefined || e === 'sql') continue;
      // A single question answers a few of the job's keys: compare those.
      const want = e.startsWith('one') ? new Map([...ref].filter(([k]) => m.answers?.has(k))) : ref;
      const bad = compare(want, m.answers, ['DuckDB SQL', String(e)]);
      if (bad.length > 0) mismatches.push(`${name}, ${e}: ${bad.length} answers differ, e.g.\n  ${bad.slice(0, 5).join('\n  ')}`);
    }
  }
  const answered = ref === undefined ? 0 : [...ref.values()].filter((v) => v !== null).length;
  const bytes = files.reduce((a, f) => a + statSync(f).size, 0);
  return {
    name,
    bytes,
    answers: ref?.size ?? 0,
    answered,
    engines: [...times].map(([engine, list]) => ({ engine: engine as string, seconds: median(list.map((m) => m.seconds)), rssMb: Math.max(...list.map((m) => m.rssMb ?? 0)), runs: list.length })),
  };
}

const scenarios: Scenario[] = [];
const startup: Scenario['engines'] = [];
try {
  const st = new Map<string, number[]>();
  const cache = freshCache();
  for (let r = 0; r < Math.max(5, RUNS); r++) for (const w of [...(process.env['NODE_EXTRA_CA_CERTS'] ? (['node-plain'] as const) : []), 'node', 'help', 'compute-help', 'compute'] as const) st.set(w, [...(st.get(w) ?? []), runStartup(w, cache).seconds]);
  for (const [w, xs] of st) startup.push({ engine: w, seconds: median(xs), rssMb: 0, runs: xs.length });
  note(`start-up: ${startup.map((s) => `${s.engine} ${s.seconds.toFixed(3)} s`).join(', ')}`);
  const all: Engine[] = ['auto', 'js', 'four', 'sql', ...(pandas ? (['pandas'] as Engine[]) : []), 'floor'];
  for (const rows of SIZES) {
    const file = data.years.get(rows) as string;
    // The single question of the issue, one call per engine: js everywhere; DuckDB on the largest
    // year only with --duckdb-question (about 25 s a run on 2 cores: it would push the bench past 10 minutes).
    const one: Engine[] = rows === SIZES[SIZES.length - 1] && flag('--duckdb-question') ? ['one-js', 'one-duckdb'] : ['one-js'];
    scenarios.push(scenario(`${rows / M} M rows, one year`, file, [file], '2018', [...all, ...one], RUNS));
  }
  // The five-year folder: fewer engines (see results.md) to stay within 10 minutes on 2 cores.
  const five: Engine[] = ['auto', 'sql', 'floor'];
  scenarios.push(scenario(`${FOLDER_YEARS.length} years × ${FOLDER_ROWS / M} M rows (folder)`, data.folder, data.folderFiles, `${FOLDER_YEARS[0]}-${FOLDER_YEARS[FOLDER_YEARS.length - 1]}`, five, RUNS));
} finally {
  rmSync(work, { recursive: true, force: true });
  if (flag('--clean')) rmSync(dataRoot(), { recursive: true, force: true });
}
const load1 = loadavg();
const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: availableParallelism(), memGb: totalmem() / 2 ** 30, node: process.version, load0, load1, pandas, runs: RUNS, quick: QUICK, seconds: (performance.now() - started) / 1000 };
const { markdown, table } = renderResults(machine, startup, scenarios, mismatches);
if (!QUICK) writeFileSync(join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'bench', 'results.md'), markdown);
console.log(table);
if (mismatches.length > 0) {
  console.error(`the engines disagree:\n${mismatches.join('\n')}`);
  process.exitCode = 1;
}
