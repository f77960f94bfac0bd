/**
 * Benchmark: linkage's streaming scan + aggregation of a BACI file against DuckDB (the reference
 * engine) in the same run, on the same synthetic file. Reports time and peak memory as ratios
 * (these machines are noisy; absolute seconds are printed for information only), and checks that
 * both engines give the same totals. Run: `npm run bench -- [rows]` (default 2,000,000 rows).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeYear } from './generate.js';
import { duckdbTotals, linkageTotals } from './engines.js';

const worker = fileURLToPath(import.meta.url);

async function child(engine: string, file: string): Promise<void> {
  const t0 = process.hrtime.bigint();
  const totals = engine === 'linkage' ? await linkageTotals(file) : await duckdbTotals(file, join(file, '..', 'country_codes_V202301.csv'));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  let sum = 0;
  for (const v of totals.values()) sum += v;
  process.stdout.write(JSON.stringify({ engine, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, cells: totals.size, sum }));
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 2_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'linkage-bench-'));
  try {
    const file = writeYear(dir, 2018, rows);
    const mb = statSync(file).size / 1e6;
    const run = (engine: string) => {
      const r = spawnSync(process.execPath, [worker, '--child', engine, file], { encoding: 'utf8', maxBuffer: 1 << 24 });
      if (r.status !== 0) throw new Error(`${engine} failed: ${r.stderr}`);
      return JSON.parse(r.stdout) as { engine: string; seconds: number; maxRssMb: number; cells: number; sum: number };
    };
    const results = [run('duckdb'), run('linkage'), run('duckdb'), run('linkage')];
    const best = (e: string) => results.filter((r) => r.engine === e).sort((a, b) => a.seconds - b.seconds)[0] as (typeof results)[number];
    const d = best('duckdb');
    const l = best('linkage');
    const agree = d.cells === l.cells && Math.abs(d.sum - l.sum) <= 1e-6 * Math.abs(d.sum);
    console.log(`synthetic BACI: ${rows.toLocaleString('en')} rows, ${mb.toFixed(1)} MB`);
    console.log(`DuckDB  ${d.seconds.toFixed(2)} s, peak RSS ${d.maxRssMb.toFixed(0)} MB`);
    console.log(`linkage ${l.seconds.toFixed(2)} s, peak RSS ${l.maxRssMb.toFixed(0)} MB`);
    console.log(`ratio linkage/DuckDB: time ${(l.seconds / d.seconds).toFixed(2)}, peak memory ${(l.maxRssMb / d.maxRssMb).toFixed(2)}`);
    console.log(`results agree: ${agree ? 'yes' : 'NO'} (${l.cells} cells)`);
    if (!agree) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(process.argv[3] as string, process.argv[4] as string);
else await main();
