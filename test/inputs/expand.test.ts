// --input takes a folder or a glob (issue 8 "Many files, one question", issue 10 "--input DIR and globs").
// Fixtures: copies of the embedded samples (data/sample) in a temporary folder.
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs, segmentMatcher } from '../../src/inputs/expand.js';
import { msg } from '../../src/messages.js';
import { dataPath } from '../../src/paths.js';
import { cli, tmpDir } from '../helpers.js';

function folder(): string {
  const dir = tmpDir();
  copyFileSync(dataPath('sample', 'oecd-msti-2019.csv'), join(dir, 'b-msti.csv'));
  copyFileSync(dataPath('sample', 'oecd-gerd-sof-2023-06.csv'), join(dir, 'a-gerd.csv'));
  writeFileSync(join(dir, 'notes.txt'), 'not data\n');
  writeFileSync(join(dir, 'country_codes_V202301.csv'), 'country_code,country_name\n');
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'deep.csv'), 'x\n');
  return dir;
}

describe('expandInputs', () => {
  it('a folder gives its input files sorted, one level, and lists the others as skipped', () => {
    const dir = folder();
    symlinkSync(join(dir, 'sub'), join(dir, 'link.csv'));
    const e = expandInputs([dir]);
    expect(e.files).toEqual([join(dir, 'a-gerd.csv'), join(dir, 'b-msti.csv')]);
    expect(e.skipped).toHaveLength(4);
    expect(e.skipped.join('\n')).toContain(`${join(dir, 'link.csv')} (a folder`);
    expect(e.skipped.join('\n')).toContain(`${join(dir, 'sub')} (a folder`);
    expect(e.skipped.join('\n')).toContain('notes.txt');
    expect(e.skipped.join('\n')).toContain('country_codes_V202301.csv');
  });

  it('a glob gives the matching files sorted; a plain file stays as given', () => {
    const dir = folder();
    expect(expandInputs([join(dir, '?-*.csv')]).files).toEqual([join(dir, 'a-gerd.csv'), join(dir, 'b-msti.csv')]);
    expect(expandInputs([join(dir, '[b]-*')]).files).toEqual([join(dir, 'b-msti.csv')]);
    expect(expandInputs(['/x/plain.csv']).files).toEqual(['/x/plain.csv']);
    expect(segmentMatcher('[!a]*.csv')('a.csv')).toBe(false);
    expect(segmentMatcher('*.csv')('x.csvz')).toBe(false);
    expect(segmentMatcher('a.c')('abc')).toBe(false);
  });

  it('a glob matching nothing and a folder without inputs are usage errors naming them', () => {
    const dir = folder();
    expect(() => expandInputs([join(dir, 'z*.csv')])).toThrow(msg.globNoMatch(join(dir, 'z*.csv'))[0]);
    expect(() => expandInputs([join(dir, 'sub', 'nothing')])).not.toThrow();
    const empty = tmpDir();
    expect(() => expandInputs([empty])).toThrow(msg.folderNoInputs(empty)[0]);
  });
});

describe('compute --input DIR|GLOB', () => {
  it('a folder computes what its files give, and reports the skipped file on stderr and in JSON', async () => {
    const dir = folder();
    const one = await cli('compute', '--input', join(dir, 'a-gerd.csv'), '--input', join(dir, 'b-msti.csv'), '--indicator', 'rd-intensity', '--format', 'json');
    const all = await cli('compute', '--input', dir, '--indicator', 'rd-intensity', '--format', 'json');
    expect(one.code).toBe(0);
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout).results).toEqual(JSON.parse(one.stdout).results);
    expect((JSON.parse(all.stdout).warnings as { message: string }[]).map((w) => w.message).join('\n')).toContain('3 files in an --input folder or glob not read');
    expect(all.stderr).toContain('notes.txt');
  });

  it('a glob matching nothing exits 2 with one line naming the pattern', async () => {
    const dir = folder();
    const r = await cli('compute', '--input', join(dir, 'nope*.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toContain(`nope*.csv`);
  });
});
