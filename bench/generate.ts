/**
 * Deterministic generator of SYNTHETIC BACI years in the real layout (`t,i,j,k,v,q`), for the
 * benchmark only. Shape: every area of the real country dictionary (country_codes_V202301.csv, 238
 * areas, two without ISO3), every product of product_codes_HS17_V202301.csv (5,384 HS6 codes),
 * a Zipf-like size per economy so a few pairs trade thousands of products and most pairs a few,
 * log-uniform values over seven orders of magnitude (thousands of US$, 3 decimals) and `NA`
 * quantities, rows sorted by i, j, k like a release. No clock, no randomness outside a seeded LCG.
 * File names end in `_SYNTHETIC.csv` and each folder gets a README saying the data are synthetic.
 */
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDataPath } from '../src/paths.js';
import { parseDataCsv } from '../src/model/csv-text.js';

const REFERENCE = sharedDataPath('comtrade', 'reference');

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** Copy the release's dictionaries beside the data and say the folder is synthetic. */
export function prepareFolder(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'country_codes_V202301.csv'), readFileSync(join(REFERENCE, 'country_codes_V202301.csv')));
  writeFileSync(join(dir, 'product_codes_HS17_V202301.csv'), readFileSync(join(REFERENCE, 'product_codes_HS17_V202301.csv')));
  writeFileSync(join(dir, 'README-SYNTHETIC.txt'), 'SYNTHETIC data written by linkage bench/generate.ts for the benchmark: not CEPII BACI figures.\nThe dictionaries are the real CEPII BACI V202301 ones.\n');
}

/** Write one synthetic year of about `rows` rows into `dir`; returns the file path. */
export function writeYear(dir: string, year: number, rows: number): string {
  prepareFolder(dir);
  const areas = parseDataCsv(readFileSync(join(REFERENCE, 'country_codes_V202301.csv'), 'utf8')).map((r) => Number(r.country_code)).sort((a, b) => a - b);
  const products = parseDataCsv(readFileSync(join(REFERENCE, 'product_codes_HS17_V202301.csv'), 'utf8')).map((r) => Number(r.code)).sort((a, b) => a - b);
  const rand = lcg(year * 7919 + rows);
  // Economy sizes: Zipf over a seeded shuffle of the areas.
  const order = areas.map((_, n) => n).sort(() => 0).map((n) => [n, rand()] as const).sort((a, b) => a[1] - b[1]).map(([n]) => n);
  const size = new Float64Array(areas.length);
  order.forEach((n, rank) => (size[n] = 1 / (rank + 1) ** 0.9));
  const nP = products.length;
  const want = (f: number) => {
    let total = 0;
    for (let i = 0; i < areas.length; i++) for (let j = 0; j < areas.length; j++) if (i !== j) total += Math.min(nP, Math.floor(f * (size[i] as number) * (size[j] as number)));
    return total;
  };
  let lo = 0;
  let hi = 1e9;
  for (let it = 0; it < 60; it++) {
    const mid = (lo + hi) / 2;
    if (want(mid) < rows) lo = mid;
    else hi = mid;
  }
  const file = join(dir, `BACI_HS17_Y${year}_V202301_SYNTHETIC.csv`);
  const fd = openSync(file, 'w');
  let out = 't,i,j,k,v,q\n';
  const picked = new Int32Array(nP);
  for (let i = 0; i < areas.length; i++) {
    for (let j = 0; j < areas.length; j++) {
      if (i === j) continue;
      const m = Math.min(nP, Math.floor(hi * (size[i] as number) * (size[j] as number)));
      if (m === 0) continue;
      // m distinct products: a stride through the list from a seeded start (stride coprime with nP).
      const start = Math.floor(rand() * nP);
      for (let n = 0; n < m; n++) picked[n] = (start + n * 7919) % nP;
      const sel = picked.subarray(0, m).sort();
      for (let n = 0; n < m; n++) {
        const v = (10 ** (rand() * 7 - 2)).toFixed(3);
        const q = rand() < 0.1 ? 'NA' : (rand() * 1000).toFixed(3);
        out += `${year},${areas[i]},${areas[j]},${products[sel[n] as number]},${v},${q}\n`;
      }
      if (out.length > 1 << 20) {
        writeSync(fd, out);
        out = '';
      }
    }
  }
  writeSync(fd, out);
  closeSync(fd);
  return file;
}

if (process.argv[1]?.endsWith('generate.js')) {
  const [dir, year, rows] = process.argv.slice(2);
  console.log(writeYear(dir ?? 'synthetic-baci', Number(year ?? 2018), Number(rows ?? 1_000_000)));
}
