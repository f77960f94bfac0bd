import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseDataCsv } from '../../src/model/csv-text.js';

/** What Papa Parse gives for a project data file (the reference the direct split must equal). */
function papa(text: string): Record<string, string>[] {
  const body = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => !l.startsWith('#')).join('\n');
  const parsed = Papa.parse<Record<string, string>>(body, { header: true, skipEmptyLines: true, delimiter: ',' });
  if (parsed.errors.length > 0) throw new Error('papa error');
  return parsed.data;
}

const dataFiles = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? dataFiles(join(dir, e.name)) : e.name.endsWith('.csv') ? [join(dir, e.name)] : []));

describe('parseDataCsv', () => {
  it('gives the records Papa Parse gives for every CSV the package ships', () => {
    const files = dataFiles('data');
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      let expected: Record<string, string>[] | Error;
      try {
        expected = papa(text);
      } catch (e) {
        expected = e as Error;
      }
      if (expected instanceof Error) expect(() => parseDataCsv(text), f).toThrow();
      else expect(parseDataCsv(text), f).toEqual(expected);
    }
  });

  // Synthetic texts: the direct split and Papa Parse agree on each, including where Papa must decide.
  it.each([
    ['plain', 'a,b\n1,2\n3,4\n'],
    ['comments, BOM, CRLF and blank lines', '\uFEFF# cited\r\na,b\r\n1,2\r\n\r\n3,\r\n'],
    ['quoted comma', 'a,b\n"x,y",2\n'],
    ['empty cells', 'a,b,c\n,,\n1,,3\n'],
    ['header only', 'a,b\n'],
    ['doubled quotes and a newline in quotes', 'a,b\n"say ""hi""","x\ny"\n"",z\n'],
    ['quoted header and last field without newline', '"a",b\n1,"2"'],
    ['a quote inside an unquoted field', 'a,b\nx"y,2\n'],
    ['text after a closing quote', 'a,b\n"x"y,2\n'],
    ['an unclosed quote', 'a,b\n"x,2\n'],
    ['lone carriage returns', 'a,b\r1,2\r'],
  ])('%s', (_name, text) => {
    let expected: Record<string, string>[] | undefined;
    try {
      expected = papa(text);
    } catch {
      expected = undefined;
    }
    if (expected === undefined) expect(() => parseDataCsv(text)).toThrow(/project data CSV/);
    else expect(parseDataCsv(text)).toEqual(expected);
  });

  it('still refuses a ragged row (Papa Parse reports it)', () => {
    expect(() => parseDataCsv('a,b\n1,2\n3\n')).toThrow(/project data CSV/);
    expect(() => parseDataCsv('a,b\n1,2,3\n')).toThrow(/project data CSV/);
  });

  it('leaves duplicate header names to Papa Parse', () => {
    expect(parseDataCsv('a,a\n1,2\n')).toEqual(Papa.parse('a,a\n1,2', { header: true }).data);
  });
});
