import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeYear } from '../../bench/generate.js';
import { expandInputs } from '../../src/inputs/expand.js';
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

// Found by an acceptance trial: a BACI folder warned that its release's country_codes and
// product_codes files were "not read", though the scan reads them as the year's dictionaries.
// SYNTHETIC BACI year (bench/generate.ts) with the real V202301 dictionaries beside it.
describe('a BACI folder: the release dictionaries beside its years are not listed as not read', () => {
  it('compute --input DIR with a BACI year, its two dictionaries and an unknown CSV lists only the others', async () => {
    const dir = join(tmpDir(), 'baci');
    mkdirSync(dir);
    writeYear(dir, 2018, 20_000);
    writeFileSync(join(dir, 'notes.csv'), 'a,b\n1,2\n');
    const r = await cli('compute', '--no-sample', '--no-cache', '--input', dir, '--indicator', 'trade-intra-share', '--group', 'CJK', '--year', '2018', '--format', 'csv');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/W_INPUTS_SKIPPED: 2 files in an --input folder or glob not read: .*README-SYNTHETIC\.txt .*notes\.csv/);
    expect(r.stderr).not.toMatch(/country_codes|product_codes/);
  });

  it('dictionaries with no BACI year beside them are still listed as not read', () => {
    const dir = join(tmpDir(), 'dicts');
    mkdirSync(dir);
    writeFileSync(join(dir, 'country_codes_V202301.csv'), 'country_code,iso_3digit_alpha\n156,CHN\n');
    copyFileSync(join('data', 'sample', 'oecd-msti-2019.csv'), join(dir, 'msti.csv'));
    const e = expandInputs([dir]);
    expect(e.files.map((f) => basename(f))).toEqual(['msti.csv']);
    expect(e.skipped).toEqual([`${join(dir, 'country_codes_V202301.csv')} (a BACI release dictionary, read only beside a BACI year)`]);
  });
});
