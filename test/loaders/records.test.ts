import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordsFromFile, recordsFromText } from '../../src/loaders/records.js';
import { loadFile, loadText } from '../../src/loaders/load.js';
import { countryRegistry } from '../../src/model/countries.js';
import { tmpDir } from '../helpers.js';

async function all(records: AsyncIterable<{ fields: string[]; line: number }>) {
  const out: { fields: string[]; line: number }[] = [];
  for await (const r of records) out.push(r);
  return out;
}

// Synthetic: a file larger than the 1 MiB read chunk, with quoted commas, doubled quotes and a
// quoted line break, so records straddle chunk boundaries.
function bigCsv(): string {
  const lines = ['COUNTRY,Country,MSTI_VAR,MSTI Variables,YEAR,Year,Unit Code,Unit,PowerCode Code,PowerCode,Value,Flag Codes,Flags'];
  for (let i = 0; i < 12000; i++) {
    const year = 1900 + (i % 120);
    lines.push(`KOR,"Korea, Rep. ""South""",V${i},"label with, comma\nand a line break",${year},${year},PC,Percentage,0,Units,${i}.5,,`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('record streams: the file path and the text path agree', () => {
  it('splits chunks only between records and counts lines across quoted line breaks', async () => {
    const text = bigCsv();
    expect(text.length).toBeGreaterThan(1 << 20);
    const dir = tmpDir();
    const file = join(dir, 'big.csv');
    writeFileSync(file, text);
    const fromFile = await all((await recordsFromFile(file)).records);
    const fromText = await all(recordsFromText(text).records);
    expect(fromFile.length).toBe(12001);
    expect(fromFile).toEqual(fromText);
    expect(fromFile[2]?.line).toBe(4); // record 1 spans lines 2-3
    expect(fromFile[12000]?.fields[2]).toBe('V11999');
    expect(fromFile[5]?.fields[1]).toBe('Korea, Rep. "South"');
  });

  it('loads the same canonical rows from a file and from text', async () => {
    const text = bigCsv();
    const file = join(tmpDir(), 'big.csv');
    writeFileSync(file, text);
    const a = await loadFile(file, { countries: countryRegistry(), label: 'x.csv' });
    const b = await loadText(text, 'x.csv', { countries: countryRegistry() });
    expect(a.rows.length).toBe(12000);
    expect(a.rows.map((r) => [r.measure, r.year, r.value])).toEqual(b.rows.map((r) => [r.measure, r.year, r.value]));
    expect(a.summary.sha256).toBe(b.summary.sha256);
  });

  it('decodes cp1252 when the bytes are not UTF-8, never mojibake', async () => {
    const dir = tmpDir();
    const file = join(dir, 'latin.csv');
    writeFileSync(file, Buffer.from('name,value\nC\xf4te d\x92Ivoire,1\n', 'latin1'));
    const s = await recordsFromFile(file);
    expect(s.encoding).toBe('windows-1252');
    const recs = await all(s.records);
    expect(recs[1]?.fields[0]).toBe('Côte d\u2019Ivoire');
  });
});

// Synthetic: a header ending in CRLF above data rows ending in LF (a file edited on two systems).
// The old splitter guessed CRLF from the header and read every data row as one record: one row
// loaded, silently (issue 9, a noticed defect).
describe('mixed line endings', () => {
  const header = 'LOCATION,INDICATOR,SUBJECT,MEASURE,FREQUENCY,TIME,Value,Flag Codes';
  const rows = ['KOR,GERD,TOT,PC_GDP,A,2015,3.98,', 'KOR,GERD,TOT,PC_GDP,A,2016,3.99,', 'JPN,GERD,TOT,PC_GDP,A,2016,3.11,'];
  const cases: [string, string][] = [
    ['a CRLF header above LF rows', `${header}\r\n${rows.join('\n')}\n`],
    ['LF rows with one CRLF row in the middle', `${header}\n${rows[0]}\r\n${rows.slice(1).join('\n')}\n`],
    ['a CRLF header above LF rows, no final newline', `${header}\r\n${rows.join('\n')}`],
  ];
  for (const [name, text] of cases) {
    it(`${name}: every row is read, in the file and the text path`, async () => {
      const file = join(tmpDir(), 'mixed.csv');
      writeFileSync(file, text);
      const fromFile = await all((await recordsFromFile(file)).records);
      const fromText = await all(recordsFromText(text).records);
      expect(fromFile.map((r) => r.fields.length)).toEqual([8, 8, 8, 8]);
      expect(fromFile.map((r) => r.line)).toEqual([1, 2, 3, 4]);
      expect(fromText).toEqual(fromFile);
      expect(fromFile[3]?.fields).toEqual(['JPN', 'GERD', 'TOT', 'PC_GDP', 'A', '2016', '3.11', '']);
      const loaded = await loadFile(file, { countries: countryRegistry() });
      expect(loaded.rows.length).toBe(3);
      expect((await loadText(text, 'mixed.csv', { countries: countryRegistry() })).rows.length).toBe(3);
    });
  }
});
