import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeYear } from '../../bench/generate.js';
import { openDuckdb } from '../../src/engine/duckdb.js';
import { loadFile } from '../../src/loaders/load.js';
import { countryRegistry } from '../../src/model/countries.js';
import { cli, tmpDir } from '../helpers.js';

// `inspect` of a BACI year (found by an acceptance trial: 157 s and 2.6 GB on a 10 M-row year, and
// a text of 10,768 product × flow measures). It now reads the file with the engines' scan and
// summarises. Every file here is SYNTHETIC: a year written by bench/generate.ts with the real
// V202301 dictionaries beside it.

interface BaciInfo {
  file: string;
  sha256: string;
  format: string;
  edition: string | null;
  records: number;
  rows: number;
  skipped: { count: number; reasons: Record<string, number> };
  engine: string;
  years: number[];
  exporters: number;
  geos: string[];
  partners: string[];
  measures: { measure: string; rows: number; read_by: string[] }[];
  products: { classification: string; codes: number; examples: string[] };
  groups: { group: string; year: number; world_usd: number | null; pairs: number; codes_present: number }[];
  warnings: { code: string; message: string }[];
}

/** What the per-row loader reads from the file: the facts inspect gave before (and must still give). */
async function perRow(file: string) {
  const geos = new Set<string>();
  const partners = new Set<string>();
  const years = new Set<number>();
  const exporters = new Set<string>();
  const { summary } = await loadFile(file, {
    countries: countryRegistry(),
    keep: (r) => {
      geos.add(r.geo);
      if (r.measure.startsWith('trade:X:')) exporters.add(r.geo);
      if (r.partner !== null) partners.add(r.partner);
      years.add(r.year);
      return false;
    },
  });
  return { summary, geos: [...geos].sort(), partners: [...partners].sort(), years: [...years].sort(), exporters: exporters.size };
}

/** Σ v × 1000 over the data lines (US$; BACI's values have three decimals, so the sum is exact). */
function worldTotal(file: string): number {
  return readFileSync(file, 'utf8').trim().split('\n').slice(1).reduce((a, l) => a + Math.round(Number(l.split(',')[4]) * 1000), 0);
}

describe('inspect of a BACI year: the engines\' scan, summarised', () => {
  it('the text fits a screen and keeps what inspect said: format, edition, sha256, records and rows, skipped, years, economies', async () => {
    const file = writeYear(tmpDir(), 2018, 20_000);
    const r = await cli('inspect', file);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.length).toBeLessThan(60);
    const flat = r.stdout.replace(/[║│\s]+/g, ' ');
    const want = await perRow(file);
    for (const fact of [want.summary.sha256, 'CEPII BACI (baci), utf-8', 'BACI HS17', '202301', `${want.summary.records.toLocaleString('en')} records read, giving ${want.summary.rows.toLocaleString('en')} rows`, 'skipped 0', 'years 2018', `economies ${want.geos.length} `, 'trade:M:H5:<code>', 'TOTAL 2018']) {
      expect(flat, fact).toContain(fact);
    }
    expect(flat).toMatch(/products [\d,]+ HS2017 codes/);
  });

  it('JSON: the same counts as the per-row loader, two measures standing for the product codes, world totals by group', async () => {
    const file = writeYear(tmpDir(), 2018, 19_000);
    const r = await cli('inspect', file, '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const info = JSON.parse(r.stdout) as BaciInfo;
    const want = await perRow(file);
    expect(info.engine).toBe('js');
    expect([info.sha256, info.records, info.rows, info.skipped]).toEqual([want.summary.sha256, want.summary.records, want.summary.rows, want.summary.skipped]);
    expect([info.geos, info.partners, info.years, info.exporters]).toEqual([want.geos, want.partners, [2018, 2018], want.exporters]);
    expect(info.measures.map((m) => [m.measure, m.rows])).toEqual([['trade:X:H5:<code>', want.summary.rows / 2], ['trade:M:H5:<code>', want.summary.rows / 2]]);
    expect(info.measures[1]?.read_by).toContain('import-source-share');
    const codes = new Set(readFileSync(file, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[3]?.padStart(6, '0')));
    expect(info.products.codes).toBe(codes.size);
    expect(info.products.examples.length).toBeLessThan(10);
    const total = info.groups.find((g) => g.group === 'TOTAL');
    expect(total?.world_usd).toBe(worldTotal(file));
    expect(total?.codes_present).toBe(codes.size);
    expect(info.groups.map((g) => g.group)).toEqual(['TOTAL', 'hightech', 'hs84-85']);
    expect(info.warnings).toEqual([]);
  });

  it('a Parquet year is inspected by DuckDB with the same counts; a second inspect reads the aggregate cache', async () => {
    const csv = writeYear(tmpDir(), 2018, 5_000);
    const parquet = csv.replace(/\.csv$/, '.parquet');
    const { con, close } = await openDuckdb();
    try {
      await con.run(`copy (select * from read_csv('${csv}', header = true, columns = {'t': 'INTEGER', 'i': 'INTEGER', 'j': 'INTEGER', 'k': 'INTEGER', 'v': 'DOUBLE', 'q': 'VARCHAR'})) to '${parquet}' (format parquet)`);
    } finally {
      close();
    }
    const fromCsv = JSON.parse((await cli('inspect', csv, '--format', 'json')).stdout) as BaciInfo;
    const again = JSON.parse((await cli('inspect', csv, '--format', 'json')).stdout) as BaciInfo;
    const fromParquet = JSON.parse((await cli('inspect', parquet, '--format', 'json')).stdout) as BaciInfo;
    const duckdb = JSON.parse((await cli('inspect', csv, '--format', 'json', '--engine', 'duckdb', '--no-cache')).stdout) as BaciInfo;
    expect([fromCsv.engine, again.engine, fromParquet.engine, duckdb.engine]).toEqual(['js', 'cache', 'duckdb', 'duckdb']);
    for (const info of [again, fromParquet, duckdb]) {
      expect([info.records, info.rows, info.geos, info.years, info.products, info.groups]).toEqual([fromCsv.records, fromCsv.rows, fromCsv.geos, fromCsv.years, fromCsv.products, fromCsv.groups]);
    }
  });
});

describe('inspect: the warnings of a folder', () => {
  it('files not read are named as given to inspect (not "--input"), and JSON carries the warnings', async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, 'msti.csv'), readFileSync(join('data', 'sample', 'oecd-msti-2019.csv')));
    writeFileSync(join(dir, 'notes.csv'), 'a,b\n1,2\n');
    const r = await cli('inspect', dir, '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/W_INPUTS_SKIPPED: 1 file in a folder or glob given to inspect not read: .*notes\.csv/);
    expect(r.stderr).not.toContain('--input');
    const body = JSON.parse(r.stdout) as { warnings: { code: string; message: string }[] };
    expect(body.warnings.map((w) => w.code)).toEqual(['W_INPUTS_SKIPPED']);
    expect(body.warnings[0]?.message).toMatch(/notes\.csv/);
  });
});
