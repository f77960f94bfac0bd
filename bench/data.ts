/**
 * The benchmark's SYNTHETIC files (bench/generate.ts), kept in a folder reused across runs
 * (`LINKAGE_BENCH_DATA`, default `<tmpdir>/linkage-bench-data-v1`; the generator is deterministic,
 * so the same version gives the same bytes; `npm run bench -- --clean` removes it at the end):
 * 1 M and 3 M rows for 2018, and a folder of five 10 M-row years 2014–2018 (`5y-10m`; `5y-1m` under --quick). The 2018 file of that
 * folder is the 10 M-row year; 2014–2017 are its rows with the year rewritten (same size and
 * shape; generating four more years would double a fresh run's time).
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { baciRelease } from '../src/engine/release.js';
import { countryRegistry } from '../src/model/countries.js';
import { resolveProducts } from '../src/trade/products.js';
import { prepareFolder, writeYear } from './generate.js';

export const DATA_VERSION = 1;

export function dataRoot(): string {
  return process.env['LINKAGE_BENCH_DATA'] || join(tmpdir(), `linkage-bench-data-v${DATA_VERSION}`);
}

/** A year file of `rows` rows in `dir`, generated unless a previous run left it complete. */
function year(dir: string, y: number, rows: number): string {
  const done = join(dataRoot(), `.complete-${basename(dir)}-${y}-${rows}`);
  const file = join(dir, `BACI_HS17_Y${y}_V202301_SYNTHETIC.csv`);
  if (existsSync(done) && existsSync(file)) return file;
  writeYear(dir, y, rows);
  writeFileSync(done, '');
  return file;
}

/** Copy `from` with the leading 4-digit year of every data line replaced by `y`. */
function rewriteYear(from: string, dir: string, y: number): string {
  const done = join(dataRoot(), `.complete-${basename(dir)}-${y}-copy`);
  const file = join(dir, `BACI_HS17_Y${y}_V202301_SYNTHETIC.csv`);
  if (existsSync(done) && existsSync(file)) return file;
  const src = openSync(from, 'r');
  const dst = openSync(file, 'w');
  const buf = Buffer.allocUnsafe(1 << 22);
  const digits = Buffer.from(String(y));
  let col = 0; // position in the current line (chunks may cut lines)
  let header = false;
  for (let n; (n = readSync(src, buf, 0, buf.length, null)) > 0; ) {
    // A data line starts with the 4-digit year (the header with 't').
    for (let p = 0; p < n; p++) {
      if (col === 0) header = buf[p] === 116;
      if (!header && col < 4) buf[p] = digits[col] as number;
      col = buf[p] === 10 ? 0 : col + 1;
    }
    writeSync(dst, buf, 0, n);
  }
  closeSync(src);
  closeSync(dst);
  writeFileSync(done, '');
  return file;
}

export interface BenchData {
  /** rows → single-year file. */
  years: Map<number, string>;
  /** The folder of five 10 M-row years and its files. */
  folder: string;
  folderFiles: string[];
  /** code,geo (the release's areas as linkage resolves them) and k (high-tech HS6 codes) for SQL and pandas. */
  areasCsv: string;
  hightechCsv: string;
}

export function benchData(sizes: readonly number[], folderRows: number, folderYears: readonly number[]): BenchData {
  const root = dataRoot();
  mkdirSync(root, { recursive: true });
  const years = new Map<number, string>();
  // The folder's name carries its row count: a `--quick` run (1 M-row years) must not overwrite the
  // full run's 10 M-row base year, whose completion marker would then vouch for the wrong file.
  const folder = join(root, `${folderYears.length}y-${folderRows / 1e6}m`);
  prepareFolder(folder);
  const last = folderYears[folderYears.length - 1] as number;
  const base = year(folder, last, folderRows);
  for (const y of folderYears) if (y !== last) rewriteYear(base, folder, y);
  for (const rows of sizes) years.set(rows, rows === folderRows ? base : year(join(root, `${rows / 1e6}m`), last, rows));
  const release = baciRelease(base, base, countryRegistry());
  const areasCsv = join(root, 'areas.csv');
  writeFileSync(areasCsv, `code,geo\n${[...release.areas].map(([c, g]) => `${c},${g}`).join('\n')}\n`);
  const hightechCsv = join(root, 'hightech.csv');
  writeFileSync(hightechCsv, `k\n${[...resolveProducts('hightech').codes].map((c) => String(Number(c))).join('\n')}\n`);
  const folderFiles = readdirSync(folder).filter((f) => f.startsWith('BACI_')).sort().map((f) => join(folder, f));
  return { years, folder, folderFiles, areasCsv, hightechCsv };
}
