import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tmpDir } from '../helpers.js';

// Found by a new-user trial: `--input DIR` stopped the whole run at the first file of the folder
// in no format linkage knows (../shared/data/imf holds cdis-reporters.xlsx, a list of reporters),
// though issue 10 asks for every recognised file to be read and the others listed as skipped.
// The folder here: a copy of the project's embedded MSTI extract plus a synthetic unknown CSV.
function folder(): { dir: string; unknown: string } {
  const dir = join(tmpDir(), 'inputs');
  mkdirSync(dir);
  copyFileSync(join('data', 'sample', 'oecd-msti-2019.csv'), join(dir, 'msti.csv'));
  const unknown = join(dir, 'notes.csv');
  writeFileSync(unknown, 'a,b\n1,2\n');
  return { dir, unknown };
}

describe('a folder or glob: files in no known format are listed as not read, the rest are read', () => {
  it('compute --input DIR reads the MSTI copy and warns about notes.csv', async () => {
    const { dir } = folder();
    const r = await cli('compute', '--no-sample', '--input', dir, '--indicator', 'rd-intensity', '--country', 'KOR', '--year', '2017', '--format', 'csv');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/rd-intensity,KOR,country,,,2017,4\.55/);
    expect(r.stderr).toMatch(/W_INPUTS_SKIPPED: 1 file in an --input folder or glob not read: .*notes\.csv \(not in a format linkage recognises\)/);
  });

  it('a glob does the same; a file named on its own is still refused', async () => {
    const { dir, unknown } = folder();
    const g = await cli('compute', '--no-sample', '--input', join(dir, '*.csv'), '--indicator', 'rd-intensity', '--country', 'KOR', '--year', '2017', '--format', 'csv');
    expect(g.code, g.stderr).toBe(0);
    expect(g.stderr).toMatch(/notes\.csv \(not in a format linkage recognises\)/);
    const named = await cli('compute', '--no-sample', '--input', unknown, '--indicator', 'rd-intensity');
    expect(named.code).toBe(1);
    expect(named.stderr).toMatch(/^linkage: E_UNKNOWN_FORMAT/);
  });

  it('inspect DIR describes the MSTI copy and lists notes.csv as not read', async () => {
    const { dir } = folder();
    const r = await cli('inspect', dir, '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/msti\.csv/);
    expect(r.stderr).toMatch(/notes\.csv \(not in a format linkage recognises\)/);
  });
});
