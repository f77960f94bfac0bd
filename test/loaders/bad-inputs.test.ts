import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { msg } from '../../src/messages.js';
import { cli, tmpDir } from '../helpers.js';

// Synthetic bad inputs, each written to a temporary file and run through the CLI in-process.
const HEADER = '"LOCATION","INDICATOR","SUBJECT","MEASURE","FREQUENCY","TIME","Value","Flag Codes"';
const GOOD_ROW = '"KOR","GDEXPRD","TOT","PC_GDP","A","2017",4.29,';

const cases: { name: string; content: string | Buffer; what: string; line?: number }[] = [
  { name: 'empty', content: '', what: msg.emptyFile()[0] },
  { name: 'header only', content: `${HEADER}\n`, what: msg.headerOnly()[0] },
  { name: 'missing column', content: `"LOCATION","INDICATOR","SUBJECT","MEASURE","FREQUENCY","TIME","Flag Codes"\n"KOR","GDEXPRD","TOT","PC_GDP","A","2017",`, what: msg.missingColumn('Value', 'OECD data portal indicator export (DP_LIVE)')[0], line: 1 },
  { name: 'non-numeric value', content: `${HEADER}\n${GOOD_ROW}\n"KOR","GDEXPRD","TOT","PC_GDP","A","2018",4.2x,\n`, what: msg.notNumeric('Value', '4.2x')[0], line: 3 },
  { name: 'unknown country code', content: `${HEADER}\n${GOOD_ROW}\n"XYZ","GDEXPRD","TOT","PC_GDP","A","2017",1,\n`, what: msg.unknownCountry('XYZ')[0], line: 3 },
  { name: 'semicolon-delimited', content: 'LOCATION;INDICATOR;SUBJECT;MEASURE;FREQUENCY;TIME;Value\nKOR;GDEXPRD;TOT;PC_GDP;A;2017;4,29\n', what: msg.semicolon()[0], line: 1 },
  { name: 'UTF-16', content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\n${GOOD_ROW}\n`, 'utf16le')]), what: msg.utf16()[0] },
  { name: 'UTF-16 without BOM', content: Buffer.from(`${HEADER}\n${GOOD_ROW}\n`, 'utf16le'), what: msg.utf16()[0] },
  { name: 'bad year', content: `${HEADER}\n"KOR","GDEXPRD","TOT","PC_GDP","A","17",4.29,\n`, what: msg.badYear('17')[0], line: 2 },
];

describe('bad inputs: one line, file and line named, exit 1, no output file', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const dir = tmpDir();
      const file = join(dir, 'input.csv');
      const out = join(dir, 'out.json');
      writeFileSync(file, c.content);
      const r = await cli('compute', '--input', file, '--indicator', 'rd-intensity', '--format', 'json', '--output', out);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      const [first, second, third] = r.stderr.split('\n');
      expect(first).toMatch(/^linkage: /);
      expect(first).toContain(c.what);
      expect(first).toContain(c.line === undefined ? file : `${file}:${c.line}`);
      expect(second).toMatch(/^ {2}hint: /);
      expect(third).toBe('');
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(out)).toBe(false);
    });
  }

  it('a missing file is a data error naming it', async () => {
    const r = await cli('compute', '--input', '/nonexistent/x.csv');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(msg.noSuchInput('/nonexistent/x.csv')[0]);
  });

  it('a folder without input files given to inspect gets its own message, not the missing-file one', async () => {
    const dir = tmpDir();
    const r = await cli('inspect', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(msg.folderNoInputs(dir)[0]);
    expect(r.stderr).not.toContain('no such file');
  });

  it('--verbose adds the stack trace', async () => {
    const dir = tmpDir();
    const file = join(dir, 'empty.csv');
    writeFileSync(file, '');
    const r = await cli('compute', '--verbose', '--input', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\n\s+at /);
  });

  it('names the column of a non-numeric cell', async () => {
    const dir = tmpDir();
    const file = join(dir, 'x.csv');
    writeFileSync(file, `${HEADER}\n"KOR","GDEXPRD","TOT","PC_GDP","A","2018",abc,\n`);
    const r = await cli('inspect', file);
    expect(r.stderr.split('\n')[0]).toContain(`(${file}:2:Value)`);
  });
});
