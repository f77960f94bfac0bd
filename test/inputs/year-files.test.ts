// A folder (or glob) of BACI years and a question about some years: the other years are not
// scanned, and are listed as not read. Files here are SYNTHETIC: small BACI years written by
// bench/generate.ts from the real V202301 dictionaries, some renamed to test the name rule.
import { copyFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeYear } from '../../bench/generate.js';
import { baciFileYear } from '../../src/engine/file-year.js';
import { baciMsg } from '../../src/messages.js';
import { cli, tmpDir } from '../helpers.js';

interface Out { results: { geo: string; year: number; value: number | null }[]; inputs: { file: string }[]; warnings: { code: string; message: string }[] }

function series(): string {
  const dir = tmpDir();
  for (const y of [2016, 2017, 2018]) writeYear(dir, y, 3_000);
  return dir;
}

const ask = (input: string, ...more: string[]) => cli('compute', '--input', input, '--no-sample', '--no-cache', '--indicator', 'trade-intra-share', '--group', 'CJK', '--no-members', '--format', 'json', ...more);

describe('BACI years outside the question are not scanned', () => {
  it('--year 2018 over a three-year folder reads the 2018 file only and lists the others; the values are those of the 2018 file alone', async () => {
    const dir = series();
    const r = await ask(dir, '--year', '2018');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.inputs.map((i) => i.file)).toEqual([join(dir, 'BACI_HS17_Y2018_V202301_SYNTHETIC.csv')]);
    const note = out.warnings.find((w) => w.code === 'W_INPUTS_SKIPPED')?.message ?? '';
    expect(note).toContain('BACI_HS17_Y2016_V202301_SYNTHETIC.csv (year 2016, by its name and first row; not asked for)');
    expect(note).toContain('BACI_HS17_Y2017_V202301_SYNTHETIC.csv (year 2017');
    expect(r.stderr).toContain('W_INPUTS_SKIPPED');
    const alone = JSON.parse((await ask(join(dir, 'BACI_HS17_Y2018_V202301_SYNTHETIC.csv'), '--year', '2018')).stdout) as Out;
    expect(out.results).toEqual(alone.results);
    expect(out.results[0]?.value).toEqual(expect.any(Number));
  });

  it('a range, --latest and no --year read the years they can use', async () => {
    const dir = series();
    const files = async (...more: string[]) => (JSON.parse((await ask(dir, ...more)).stdout) as Out).inputs.map((i) => /_Y(\d{4})_/.exec(i.file)?.[1]);
    expect(await files('--year', '2017-2018')).toEqual(['2017', '2018']);
    expect(await files('--year', '2018', '--latest', '1')).toEqual(['2017', '2018']);
    expect(await files()).toEqual(['2016', '2017', '2018']);
  });

  it('a file is skipped only when its CEPII name and its first row agree; a file named on the command line is always read', async () => {
    const dir = series();
    // A 2016 year renamed as 2018, and a 2018 year renamed as 2016: their first rows disagree with their names.
    renameSync(join(dir, 'BACI_HS17_Y2016_V202301_SYNTHETIC.csv'), join(dir, 'x.tmp'));
    renameSync(join(dir, 'BACI_HS17_Y2018_V202301_SYNTHETIC.csv'), join(dir, 'BACI_HS17_Y2016_V202301_SYNTHETIC.csv'));
    renameSync(join(dir, 'x.tmp'), join(dir, 'BACI_HS17_Y2018_V202301_SYNTHETIC.csv'));
    expect(await baciFileYear(join(dir, 'BACI_HS17_Y2016_V202301_SYNTHETIC.csv'))).toBeUndefined();
    expect(await baciFileYear(join(dir, 'BACI_HS17_Y2017_V202301_SYNTHETIC.csv'))).toBe(2017);
    // Both are read, not skipped; the first, named 2016 and holding 2018, is then refused at its
    // first row: a BACI year file holds one year (issue 8; it was summed before).
    const r = await ask(dir, '--year', '2018');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe(`linkage: E_BACI_OTHER_YEAR: ${baciMsg.otherYear('2018', 2016)[0]} (${join(dir, 'BACI_HS17_Y2016_V202301_SYNTHETIC.csv')}:2:t)`);
    // Named on its own, a year the question does not ask for is read (and gives no 2018 value).
    const named = await ask(join(dir, 'BACI_HS17_Y2017_V202301_SYNTHETIC.csv'), '--year', '2018');
    expect(named.stderr).not.toContain('W_INPUTS_SKIPPED');
  });

  it('names that are not CEPII yearly names, and files without a BACI header, are never judged by their name', async () => {
    const dir = tmpDir();
    mkdirSync(join(dir, 'x'));
    writeFileSync(join(dir, 'BACI_HS17_Y2016_V202301.csv'), 'a,b\n2016,1\n');
    expect(await baciFileYear(join(dir, 'BACI_HS17_Y2016_V202301.csv'))).toBeUndefined();
    const year = writeYear(join(dir, 'x'), 2016, 1_000);
    copyFileSync(year, join(dir, 'baci-2016.csv'));
    expect(await baciFileYear(join(dir, 'baci-2016.csv'))).toBeUndefined();
    expect(await baciFileYear(year)).toBe(2016);
    expect(readFileSync(year, 'utf8').split('\n')[1]?.startsWith('2016,')).toBe(true);
  });
});
