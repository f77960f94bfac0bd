import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tmpDir } from '../helpers.js';

// Found by a new-user trial: `--output x.xlsx` (or .tsv, or no extension) wrote a box-drawn text
// table under that name with exit 0 — junk in a file whose name promises data (issue 10).
describe('an --output whose extension names no format needs --format', () => {
  it.each([['compute'], ['check']])('%s --output x.xlsx / x.tsv / x: usage error, nothing written', async (command) => {
    for (const name of ['x.xlsx', 'x.tsv', 'x']) {
      const out = join(tmpDir(), name);
      const r = await cli(command, '--output', out);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/^linkage: E_OUTPUT_FORMAT_UNSTATED: cannot tell which format to write to .*: its extension names none that linkage writes\n {2}hint: name the file \.csv, \.json, \.md or \.txt, or pass --format/);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('with --format the file is written in that format', async () => {
    const out = join(tmpDir(), 'x.dat');
    const r = await cli('compute', '--indicator', 'rd-intensity', '--group', 'CJK', '--year', '2017', '--output', out, '--format', 'csv');
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});
