import { execFileSync } from 'node:child_process';
import { copyFileSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { msg } from '../../src/messages.js';
import { dataPath } from '../../src/paths.js';
import { cli, tmpDir } from '../helpers.js';

const SAMPLE = dataPath('sample', 'oecd-msti-2019.csv');
const compute = (...extra: string[]) => cli('compute', '--input', SAMPLE, '--indicator', 'rd-intensity', '--group', 'CJK', '--year', '2017', '--format', 'csv', ...extra);
const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('--output writes only to a regular file or a new name (issue 9 item 12)', () => {
  it('refuses a FIFO and leaves it a FIFO', async () => {
    const dir = tmpDir();
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const r = await compute('--output', fifo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(msg.outputNotFile(fifo, 'a named pipe (FIFO)')[0]);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it('refuses a device: /dev/null stays a character device', async () => {
    // Never run against a linkage without the check: as root the old code replaced /dev/null.
    const r = await compute('--output', '/dev/null');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(msg.outputNotFile('/dev/null', 'a device')[0]);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('refuses a folder with a usage error', async () => {
    const dir = tmpDir();
    mkdirSync(join(dir, 'sub'));
    const r = await compute('--output', join(dir, 'sub'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a folder, not a regular file');
    expect(lstatSync(join(dir, 'sub')).isDirectory()).toBe(true);
  });

  it('writes through a symbolic link to its target; the link stays a link', async () => {
    const dir = tmpDir();
    const target = join(dir, 'real.csv');
    writeFileSync(target, 'old\n');
    symlinkSync(target, join(dir, 'link.csv'));
    const r = await compute('--output', join(dir, 'link.csv'));
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.csv'))).toBe(target);
    expect(readFileSync(target, 'utf8')).toMatch(/^indicator,geo,/);
    expect(leftovers(dir)).toEqual([]);
  });

  it('refuses a dangling symbolic link', async () => {
    const dir = tmpDir();
    symlinkSync(join(dir, 'nowhere', 'x.csv'), join(dir, 'link.csv'));
    const r = await compute('--output', join(dir, 'link.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(msg.outputDanglingLink(join(dir, 'link.csv'))[0]);
    expect(lstatSync(join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
  });

  it('refuses an output that is one of the inputs (also through a link), leaving the input intact', async () => {
    const dir = tmpDir();
    const input = join(dir, 'msti.csv');
    copyFileSync(SAMPLE, input);
    symlinkSync(input, join(dir, 'alias.csv'));
    for (const out of [input, join(dir, 'alias.csv')]) {
      const r = await cli('compute', '--input', input, '--indicator', 'rd-intensity', '--format', 'csv', '--output', out);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(msg.outputIsInput(out, input)[0]);
    }
    expect(readFileSync(input)).toEqual(readFileSync(SAMPLE));
    const g = join(dir, 'groups.json');
    writeFileSync(g, '{"groups": {}}');
    const r = await cli('check', '--groups', g, '--output', g);
    expect(r.code).toBe(2);
    expect(readFileSync(g, 'utf8')).toBe('{"groups": {}}');
  });

  it('refuses an output that is one of the files a folder or glob --input expands to (issue 9, noticed defect)', async () => {
    const dir = tmpDir();
    const input = join(dir, 'msti.csv');
    copyFileSync(SAMPLE, input);
    for (const arg of [dir, join(dir, '*.csv'), join(dir, 'm*')]) {
      const r = await cli('compute', '--input', arg, '--indicator', 'rd-intensity', '--group', 'CJK', '--year', '2017', '--format', 'csv', '--output', input);
      expect(r.code, arg).toBe(2);
      expect(r.stderr).toContain(msg.outputIsInput(input, input)[0]);
      expect(readFileSync(input)).toEqual(readFileSync(SAMPLE));
    }
    // A BACI dictionary beside the data is read too, though the folder's expansion skips it.
    const dict = join(dir, 'country_codes_V202301.csv');
    writeFileSync(dict, 'country_code,country_name\n');
    const r = await cli('compute', '--input', dir, '--indicator', 'rd-intensity', '--format', 'csv', '--output', dict);
    expect(r.code).toBe(2);
    expect(readFileSync(dict, 'utf8')).toBe('country_code,country_name\n');
  });

  it('checks the folder before the work starts (the bad output is reported, not the bad input)', async () => {
    const dir = tmpDir();
    const r = await cli('compute', '--input', join(dir, 'absent.csv'), '--output', join(dir, 'no', 'such', 'out.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(msg.outputFolder(join(dir, 'no', 'such', 'out.csv'), 'does not exist')[0]);
    const chart = await cli('chart', '--input', join(dir, 'absent.csv'), '--indicator', 'rd-intensity', '--out', join(dir, 'no', 'c.svg'));
    expect(chart.code).toBe(2);
    const inspect = await cli('inspect', SAMPLE, '--output', SAMPLE);
    expect(inspect.code).toBe(2);
  });

  it('replaces a regular file whole and keeps its permission bits', async () => {
    const dir = tmpDir();
    const out = join(dir, 'out.csv');
    writeFileSync(out, 'old\n', { mode: 0o640 });
    const r = await compute('--output', out);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^indicator,geo,/);
    expect(statSync(out).mode & 0o777).toBe(0o640);
    expect(leftovers(dir)).toEqual([]);
  });
});
