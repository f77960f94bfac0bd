import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockPath } from '../../src/io/lock.js';
import { checkReplaceable, REPORT_MARKER } from '../../src/io/report-folder.js';
import { msg } from '../../src/messages.js';
import { projectRoot } from '../../src/paths.js';
import { cli, tmpDir } from '../helpers.js';

// Synthetic report definitions over linkage's embedded sample: small and fast.
function definition(dir: string, extra: Record<string, unknown> = {}): string {
  mkdirSync(dir, { recursive: true });
  const sections = ['rd-intensity', 'gerd-financed-abroad', 'berd-industry-share'].map((indicator) => ({ id: indicator, title: indicator, indicator, inputs: ['sample'], groups: ['CJK', 'UFG'], years: '2015-2017' }));
  writeFileSync(join(dir, 'report.json'), JSON.stringify({ title: 'test', inputs: [{ id: 'sample', sample: true }], sections, ...extra }));
  return dir;
}

/** A folder that looks like a linkage report (valid marker) — so only the rule under test can refuse it. */
function fakeReport(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...REPORT_MARKER, version: '0', command: 'linkage report x', report: 'x', inputs: [] }));
  return dir;
}

const cwd = process.cwd();
const home = process.env['HOME'];
afterEach(() => {
  process.chdir(cwd);
  process.env['HOME'] = home;
});

describe('report --force replaces only a report folder linkage wrote (issue 9 item 13)', () => {
  it('replaces its own report, and the manifest carries the marker', async () => {
    const root = tmpDir();
    const def = definition(join(root, 'def'));
    const out = join(root, 'out');
    expect((await cli('report', def, '--out', out)).code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))).toMatchObject(REPORT_MARKER);
    expect((await cli('report', def, '--out', out)).code).toBe(2);
    const again = await cli('report', def, '--out', out, '--force');
    expect(again.code).toBe(0);
    expect(readdirSync(root).sort()).toEqual(['def', 'out']);
  });

  it('never the definition\'s folder, even when it looks like a report', async () => {
    const root = tmpDir();
    const def = fakeReport(definition(join(root, 'def')));
    const r = await cli('report', def, '--out', def, '--force');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('which this report reads');
    expect(existsSync(join(def, 'report.json'))).toBe(true);
  });

  it('never an ancestor of an input', async () => {
    const root = tmpDir();
    const data = fakeReport(join(root, 'data'));
    writeFileSync(join(data, 'mine.csv'), 'x\n');
    const def = definition(join(root, 'def'), { inputs: [{ id: 'sample', sample: true }, { id: 'mine', path: '../data/mine.csv' }] });
    const r = await cli('report', def, '--out', data, '--force');
    expect(r.code).toBe(2);
    expect(existsSync(join(data, 'mine.csv'))).toBe(true);
  });

  it('never the current folder or the home folder', async () => {
    const root = tmpDir();
    const def = definition(join(root, 'def'));
    const here = fakeReport(join(root, 'here'));
    process.chdir(here);
    let r = await cli('report', def, '--out', '.', '--force');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(msg.reportNotReplaceable('.', 'is the current folder or holds it')[0]);
    process.chdir(cwd);
    process.env['HOME'] = here;
    r = await cli('report', def, '--out', here, '--force');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is your home folder');
    expect(existsSync(join(here, 'manifest.json'))).toBe(true);
  });

  it('never the root folder (checked without running a report)', () => {
    expect(() => checkReplaceable('/', '/', [])).toThrow('is the root folder');
  });

  it('never a folder linkage did not write, nor one holding files linkage did not write', async () => {
    const root = tmpDir();
    const def = definition(join(root, 'def'));
    const theirs = join(root, 'theirs');
    mkdirSync(theirs);
    writeFileSync(join(theirs, 'thesis.tex'), 'x');
    let r = await cli('report', def, '--out', theirs, '--force');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('was not written by linkage report');
    const mixed = fakeReport(join(root, 'mixed'));
    writeFileSync(join(mixed, 'notes.txt'), 'mine');
    r = await cli('report', def, '--out', mixed, '--force');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('holds notes.txt');
    expect(readFileSync(join(theirs, 'thesis.tex'), 'utf8')).toBe('x');
    expect(readFileSync(join(mixed, 'notes.txt'), 'utf8')).toBe('mine');
  });
});

describe('report: one run per folder, and interrupts clean up (issue 9 item 14)', () => {
  it('two runs to one --out: the second fails clearly, the first writes', async () => {
    const root = tmpDir();
    const def = definition(join(root, 'def'));
    const out = join(root, 'out');
    const [a, b] = await Promise.all([cli('report', def, '--out', out), cli('report', def, '--out', out)]);
    expect([a.code, b.code].sort()).toEqual([0, 2]);
    expect((a.code === 2 ? a : b).stderr).toContain(msg.outputLocked(out, process.pid, lockPath(out))[0]);
    expect(readdirSync(root).sort()).toEqual(['def', 'out']);
  });

  it('a lock held by a running process refuses; a stale lock (dead pid) is taken over', async () => {
    const root = tmpDir();
    const def = definition(join(root, 'def'));
    const out = join(root, 'out');
    writeFileSync(lockPath(out), `${process.pid}\n`);
    let r = await cli('report', def, '--out', out);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid as number;
    writeFileSync(lockPath(out), `${dead}\n`);
    r = await cli('report', def, '--out', out);
    expect(r.code).toBe(0);
    expect(readdirSync(root).sort()).toEqual(['def', 'out']);
  });

  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`${signal} removes the temporary folder and the lock, exit ${code}`, async () => {
      const root = tmpDir();
      const def = definition(join(root, 'def'));
      const out = join(root, 'out');
      const child = spawn(process.execPath, [join(projectRoot(), 'dist', 'src', 'cli.js'), 'report', def, '--out', out], { stdio: 'ignore' });
      const exited = new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
      // Wait until the run is writing (its temporary folder exists), then interrupt it.
      let seen = false;
      for (let i = 0; i < 3000 && !seen && child.exitCode === null; i++) {
        seen = readdirSync(root).some((f) => f.endsWith('.tmp'));
        if (!seen) await new Promise((t) => setTimeout(t, 10));
      }
      expect(seen).toBe(true);
      child.kill(signal);
      expect(await exited).toBe(code);
      expect(readdirSync(root)).toEqual(['def']);
    });
  }
});
