import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeYear } from '../../bench/generate.js';
import type { ScanOutcome } from '../../src/engine/job.js';
import { baciRelease } from '../../src/engine/release.js';
import { scanBaciCsv, scanSequential } from '../../src/engine/scan-csv.js';
import { countryRegistry } from '../../src/model/countries.js';
import { resolveProducts } from '../../src/trade/products.js';
import { tmpDir } from '../helpers.js';
import { ROWS as HAND, release as releaseFiles } from './baci-hand-made.js';

// The parallel byte scan (src/engine/scan-parallel.ts) against the sequential one on SYNTHETIC
// BACI files written here (and by bench/generate.ts from the real V202301 dictionaries), with the
// ranges forced small (ScanJob.split) so the cuts fall at every awkward place.
//
// Tolerance: the parallel scan adds each range's partial sums in range order, so a sum can differ
// from the sequential running sum in its last bits: sums are compared with a relative tolerance of
// 1e-12; everything else (cells present, codes used, counts, SHA-256) must be identical.
const REL = 1e-12;
const GROUPS = ['TOTAL', 'hs84-85', 'hightech'].map(resolveProducts);
// The hand-made rows of ./baci-hand-made.ts but the one to an area without ISO3.
const ROWS = HAND.filter((r) => !r.includes(',849,'));

function write(body: string): string {
  const dir = tmpDir();
  releaseFiles(dir);
  const file = join(dir, 'BACI_HS17_Y2018_V202301.csv');
  writeFileSync(file, body);
  return file;
}

const job = (file: string, rangeBytes?: number) => ({ file, label: file, groups: GROUPS, ...(rangeBytes !== undefined ? { split: { workers: 2, rangeBytes } } : {}) });
const release = (file: string) => baciRelease(file, file, countryRegistry());

/** The two outcomes agree: sums within REL, everything else identical. */
function same(par: ScanOutcome, seq: ScanOutcome): void {
  expect(par.records).toBe(seq.records);
  expect(par.skipped).toEqual(seq.skipped);
  expect(par.sha256).toBe(seq.sha256);
  expect([...par.matrix.sums.keys()].sort()).toEqual([...seq.matrix.sums.keys()].sort());
  for (const [year, sums] of seq.matrix.sums) {
    // Byte arrays compared as buffers (toEqual on a million-element array is slow).
    const bytes = (m: Map<number, Uint8Array>) => Buffer.from(m.get(year) ?? new Uint8Array(0));
    expect(bytes(par.matrix.present).equals(bytes(seq.matrix.present)), `cells present in ${year}`).toBe(true);
    expect(bytes(par.matrix.used).equals(bytes(seq.matrix.used)), `codes used in ${year}`).toBe(true);
    expect(bytes(par.matrix.active).equals(bytes(seq.matrix.active)), `economies with a row in ${year}`).toBe(true);
    const got = par.matrix.sums.get(year) as Float64Array;
    for (let i = 0; i < sums.length; i++) {
      const want = sums[i] as number;
      if (Math.abs((got[i] as number) - want) > REL * Math.abs(want)) expect(got[i], `year ${year} cell ${i}`).toBe(want);
    }
  }
}

/** What kind of place byte `cut` is in `body` (the parallel scan's range starts fall at each such place). */
function kind(body: Buffer, cut: number): string {
  if (cut === 0) return 'file start';
  if (body[0] === 0xef && cut < 3) return 'inside the BOM';
  if (body[cut - 1] === 10) return body[cut] === 10 || body[cut] === 13 ? 'line start of a blank line' : 'line start';
  if (body[cut] === 10) return body[cut - 1] === 13 ? 'between CR and LF' : 'at a newline';
  return 'inside a line';
}

describe('the parallel scan gives the sequential scan\'s sums (relative tolerance 1e-12)', () => {
  const files: [string, string, string[]][] = [
    ['LF', `t,i,j,k,v,q\n${ROWS.join('\n')}\n`, ['line start', 'at a newline', 'inside a line']],
    ['CRLF', `t,i,j,k,v,q\r\n${ROWS.join('\r\n')}\r\n`, ['line start', 'between CR and LF', 'inside a line']],
    ['no final newline', `t,i,j,k,v,q\n${ROWS.join('\n')}`, ['line start', 'at a newline', 'inside a line']],
    ['BOM', `\uFEFFt,i,j,k,v,q\n${ROWS.join('\n')}\n`, ['inside the BOM', 'line start', 'at a newline']],
    ['blank lines', `t,i,j,k,v,q\n\n${ROWS.slice(0, 5).join('\n')}\n\n\n ,,\n${ROWS.slice(5).join('\n')}\n\n`, ['line start of a blank line', 'at a newline']],
    ['one data line', `t,i,j,k,v,q\n${ROWS[0] as string}\n`, ['line start', 'inside a line']],
  ];
  for (const [name, body, kinds] of files) {
    it(`${name}: a cut at every byte, and ranges of 5 and 27 bytes`, async () => {
      const file = write(body);
      const bytes = readFileSync(file);
      const seq = await scanSequential(job(file), release(file));
      expect(seq.records).toBeGreaterThan(0);
      // Range size 1 puts a cut at every byte: more ranges than lines, ranges without a whole line.
      const seen = new Set<string>();
      for (let cut = 1; cut < bytes.length; cut++) seen.add(kind(bytes, cut));
      for (const k of kinds) expect(seen, k).toContain(k);
      for (const rangeBytes of [1, 5, 27]) {
        const par = await scanBaciCsv(job(file, rangeBytes), release(file));
        expect(par.scan, `${rangeBytes}-byte ranges`).toEqual({ ranges: Math.ceil(bytes.length / rangeBytes) });
        same(par, seq);
      }
    });
  }

  it('generated year (real dictionaries, 20,000 rows), four ranges: same sums; SHA-256 of the file', async () => {
    const file = writeYear(tmpDir(), 2019, 20_000);
    const size = statSync(file).size;
    const seq = await scanSequential(job(file), release(file));
    const par = await scanBaciCsv(job(file, Math.ceil(size / 4)), release(file));
    expect(par.scan).toEqual({ ranges: 4 });
    expect(par.records).toBeGreaterThan(15_000);
    same(par, seq);
    expect(par.sha256).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
  });
});

describe('the parallel scan refuses what the sequential scan refuses, with its message, line and column', () => {
  // Each bad row is the file's last line and the whole second range (the cut falls at its start):
  // the message is the sequential scan's, naming the file's line — not the line within the range.
  const cases: [string, string, string][] = [
    ['bad value', '2018,392,410,854232,1x,1', 'BACI value "1x" in column v is not a number (FILE:LINE:v)'],
    ['unknown area', '2018,156,999,854231,1,1', 'BACI country code "999" is not in the release\'s country dictionary (FILE:LINE:j)'],
    ['cut row', '2018,156,39', 'BACI row has 3 fields, expected 6 (t,i,j,k,v,q) (FILE:LINE)'],
    ['stray quote', '2018,156,"392,854231,1,1', 'a double quote in a BACI row (BACI has no quoted fields) (FILE:LINE:j)'],
    ['negative value', '2018,392,410,854232,-5,1', 'negative trade value -5 (FILE:LINE:v)'],
    ['key repeated across ranges', ROWS[1] as string, 'duplicate BACI row t=2018 i=156 j=410 k=854231 (FILE:LINE)'],
    // A space in the value sends the row through the general parser instead of the fast path.
    ['key repeated across ranges, the repeat written unusually', '2018,156,410,854231, 20 ,1', 'duplicate BACI row t=2018 i=156 j=410 k=854231 (FILE:LINE)'],
  ];
  for (const [name, bad, expected] of cases) {
    it(name, async () => {
      const lines = ['t,i,j,k,v,q', ...ROWS, bad];
      const line = lines.length;
      const file = write(`${lines.join('\n')}\n`);
      const rangeBytes = lines.slice(0, -1).join('\n').length + 1;
      expect(Math.ceil(statSync(file).size / rangeBytes), 'two ranges').toBe(2);
      const message = (p: Promise<unknown>) => p.then(() => 'accepted', (e: Error & { oneLine?: () => string }) => e.oneLine?.() ?? e.message);
      const want = expected.replace('FILE', file).replace('LINE', String(line));
      expect(await message(scanSequential(job(file), release(file)))).toBe(want);
      expect(await message(scanBaciCsv(job(file, rangeBytes), release(file)))).toBe(want);
    });
  }
});
