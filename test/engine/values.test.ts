import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDuckdb, source } from '../../src/engine/duckdb-read.js';
import { scanTrade } from '../../src/engine/index.js';
import { applyPower, parseValue } from '../../src/loaders/cells.js';
import { loadFile } from '../../src/loaders/load.js';
import { countryRegistry } from '../../src/model/countries.js';
import type { CanonicalRow } from '../../src/model/types.js';
import { tradeReducer } from '../../src/trade/aggregate.js';
import { resolveProducts } from '../../src/trade/products.js';
import { allRows, shared, tmpDir } from '../helpers.js';

// Issue 8 audit: DuckDB read v as DECIMAL(18,6), so a value with a seventh decimal was rounded on
// that path only. Every path must give the value the JS parse gives, to the last bit. The values
// are SYNTHETIC (written here by a fixed generator); the country dictionary is the real V202301 one.
const HAND = ['1.1234567891', '0.0000001', '123456.7890123', '0.12345678901234567', '12345678901234.567', '4000000000000.5', '1.005', '2.675', '0.0001', '1e3', '1.5E-7', '+5', '.5', '5.', '00012.5', ' 7 ', '9007199254740.993', '0'];

/** A fixed sequence of value texts in the writings JS reads: up to 20 digits, up to 14 decimals, exponents, signs, spaces. */
function generated(n: number): string[] {
  let seed = 20181;
  const rand = (k: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor((seed / 2147483648) * k);
  };
  const digits = (k: number) => Array.from({ length: k }, () => String(rand(10))).join('');
  const out: string[] = [];
  while (out.length < n) {
    const int = digits(rand(14));
    const frac = digits(rand(15));
    let t = frac === '' ? int || '0' : `${int}.${frac}`;
    if (rand(8) === 0) t = `${t}e${rand(2) === 0 ? '-' : ''}${rand(12)}`;
    if (rand(10) === 0) t = `+${t}`;
    out.push(t);
  }
  return out;
}

/** What the per-row path makes of a value text: US$, or null. */
const jsValue = (text: string) => applyPower(parseValue(text, 'x', 1, 'v'), 3);

describe("DuckDB's values are the JS parse's", () => {
  it('each text of a generated set: the same double (not rounded to six decimals)', async () => {
    const texts = [...HAND, ...generated(3000)];
    const file = join(tmpDir(), 'values.csv');
    writeFileSync(file, `t,i,j,k,v,q\n${texts.map((v, n) => `2018,156,392,${n},${v},1`).join('\n')}\n`);
    const { con, close } = await openDuckdb();
    try {
      const rows = (await con.runAndReadAll(`select k, v, bad from ${source('baci-csv', file)} order by k`)).getRows();
      expect(rows.length).toBe(texts.length);
      for (const [k, v, bad] of rows) {
        const text = texts[Number(k)] as string;
        expect(bad, text).toBe(false);
        expect(v, text).toBe(jsValue(text));
      }
    } finally {
      close();
    }
  });

  // Plain writings below 10^8 (thousands of US$), which DuckDB's DECIMAL(18,6) read and rounded past 6 decimals.
  const PLAIN = /^\d{0,8}(\.\d*)?$/;
  it('a BACI file with one value per cell, up to 14 decimals: per-row path, byte scanner and DuckDB give the same rows', async () => {
    await sameRows(generated(3000).filter((t) => PLAIN.test(t)));
  });

  // Other writings (exponents, signs, spaces, 17 digits, 10^9 and more): DuckDB's DECIMAL read
  // refused them or overflowed (v × 1000 in DECIMAL(18,6)) and quietly handed the file to the byte
  // scanner; DuckDB reads them itself now.
  it('the other writings JS reads, one value per cell: the same rows, read by DuckDB itself', async () => {
    await sameRows([...HAND, ...generated(2000).filter((t) => !PLAIN.test(t))]);
  });
});

/** Each text in its own exporter × importer cell of a BACI year (real country dictionary, product 854231): every path gives the same rows. */
async function sameRows(texts: string[]): Promise<void> {
  const dir = tmpDir();
  for (const f of ['country_codes_V202301.csv', 'product_codes_HS17_V202301.csv']) writeFileSync(join(dir, f), readFileSync(shared('comtrade', 'reference', f)));
  const areas = readFileSync(join(dir, 'country_codes_V202301.csv'), 'utf8').split('\n').slice(1).map((l) => l.split(',')[0] ?? '').filter((c) => /^\d+$/.test(c)).slice(0, 60);
  const lines = texts.slice(0, 3600).map((v, n) => `2018,${areas[n % 60]},${areas[Math.floor(n / 60)]},854231,${v},1`);
  const file = join(dir, 'BACI_HS17_Y2018_V202301.csv');
  writeFileSync(file, `t,i,j,k,v,q\n${lines.join('\n')}\n`);
  const countries = countryRegistry();
  const groups = ['TOTAL', 'hightech'].map(resolveProducts);
  const byKey = (rows: CanonicalRow[]) => new Map(rows.map((r) => [`${r.measure}|${r.geo}|${r.partner}|${r.year}`, r.codes === undefined ? r.value : JSON.stringify(r.codes)]));
  const perRow = byKey(allRows(await loadFile(file, { countries, reducer: () => tradeReducer(groups) })));
  expect(perRow.get('trade:X:TOTAL|AFG|AFG|2018')).toBe(jsValue(texts[0] as string));
  const scanned: Map<string, unknown>[] = [];
  for (const engine of ['js', 'duckdb'] as const) {
    const loaded = await scanTrade(file, file, 'baci-csv', { groups, engine, countries, cache: false });
    expect(loaded?.summary.engine, 'the engine that read the file').toBe(engine);
    scanned.push(byKey(allRows(loaded)));
  }
  // The engines sum the same cells in the same order: equal to the last bit, world totals too.
  expect(scanned[1]).toEqual(scanned[0]);
  // The per-row path sums the whole world in file order, the engines cell by cell: the world's
  // total (WLD, WLD) may differ in its last bits; every other row is the same to the last bit.
  const [js] = scanned as [Map<string, unknown>];
  expect([...js.keys()].sort()).toEqual([...perRow.keys()].sort());
  for (const [k, v] of perRow) {
    if (!k.includes('|WLD|WLD|')) expect(js.get(k), k).toBe(v);
    else expect(Math.abs((js.get(k) as number) - (v as number)), k).toBeLessThanOrEqual(1e-12 * Math.abs(v as number));
  }
}
