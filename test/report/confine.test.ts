import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { msg } from '../../src/messages.js';
import { cli, tmpDir } from '../helpers.js';

// Synthetic: a report definition whose inputs point outside the folders a report may read
// (issue 9 item 15). The file outside holds a secret line that must never reach the output.
const SECRET = 'root:x:0:0:SECRET-LINE-7731:/root:/bin/bash';

function setup(): { dir: string; rep: string; outside: string; secret: string } {
  const dir = tmpDir();
  const rep = join(dir, 'rep');
  const outside = join(dir, 'outside');
  mkdirSync(rep);
  mkdirSync(outside);
  const secret = join(outside, 'passwd');
  writeFileSync(secret, `${SECRET}\ndaemon:x:1:1::/:/sbin/nologin\n`);
  return { dir, rep, outside, secret };
}

function definition(rep: string, input: Record<string, unknown>, extra: Record<string, unknown> = {}): void {
  const def = { title: 't', inputs: [{ id: 'x', ...input }], sections: [{ id: 'a', title: 'a', indicator: 'rd-intensity', inputs: ['x'], groups: ['CJK'] }], ...extra };
  writeFileSync(join(rep, 'report.json'), JSON.stringify(def));
}

async function refused(rep: string, out: string, entry: string, ...extra: string[]): Promise<void> {
  const r = await cli('report', rep, '--out', out, ...extra);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toMatch(/^linkage: E_REPORT_OUTSIDE: /);
  expect(r.stderr).toContain(`report definition ${join(rep, 'report.json')}: ${entry} resolves outside the folders a report may read (${rep}, `);
  expect(r.stderr).toContain(msg.reportOutside('f', 'e', [])[1]);
  expect(r.stderr + r.stdout).not.toContain('SECRET');
  expect(r.stderr + r.stdout).not.toContain('root:x');
}

describe('report inputs resolve inside the allowed folders', () => {
  it('refuses a path climbing out with ../', async () => {
    const { dir, rep } = setup();
    definition(rep, { path: '../outside/passwd' });
    await refused(rep, join(dir, 'out'), 'input "x" (../outside/passwd)');
    definition(rep, { path: '../../../../../../../../etc/passwd' });
    await refused(rep, join(dir, 'out'), 'input "x" (../../../../../../../../etc/passwd)');
  });

  it('refuses an absolute path outside, and a shared input climbing out of ../shared/data', async () => {
    const { dir, rep, secret } = setup();
    definition(rep, { path: secret });
    await refused(rep, join(dir, 'out'), `input "x" (${secret})`);
    definition(rep, { shared: '../../../../../../../../etc/passwd' });
    await refused(rep, join(dir, 'out'), 'input "x" (../../../../../../../../etc/passwd)');
  });

  it('refuses a symbolic link inside the folder that points out (and a link to a folder outside)', async () => {
    const { dir, rep, outside, secret } = setup();
    symlinkSync(secret, join(rep, 'data.csv'));
    definition(rep, { path: 'data.csv' });
    await refused(rep, join(dir, 'out'), 'input "x" (data.csv)');
    symlinkSync(outside, join(rep, 'sub'));
    definition(rep, { path: 'sub/passwd' });
    await refused(rep, join(dir, 'out'), 'input "x" (sub/passwd)');
    // A path that does not exist is judged by where it would resolve: not probed, still refused.
    definition(rep, { path: 'sub/absent.csv' });
    await refused(rep, join(dir, 'out'), 'input "x" (sub/absent.csv)');
  });

  it('refuses groups files and published figures outside too', async () => {
    const { dir, rep } = setup();
    definition(rep, { sample: true }, { groups: ['../outside/passwd'] });
    await refused(rep, join(dir, 'out'), 'groups file "../outside/passwd"');
    definition(rep, { sample: true }, { published: '../outside/passwd' });
    await refused(rep, join(dir, 'out'), 'published figures "../outside/passwd"');
  });

  it('--allow-path DIR lets the file be read; an unrecognised file is still never echoed', async () => {
    const { dir, rep, outside, secret } = setup();
    symlinkSync(secret, join(rep, 'data.csv'));
    definition(rep, { path: 'data.csv' });
    const r = await cli('report', rep, '--out', join(dir, 'out'), '--allow-path', join(dir, 'elsewhere-not-there'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(msg.allowPathNotFolder(join(dir, 'elsewhere-not-there'))[0]);
    const allowed = await cli('report', rep, '--out', join(dir, 'out'), '--allow-path', dir, '--allow-path', outside);
    expect(allowed.code, allowed.stderr).toBe(1);
    expect(allowed.stderr).toMatch(/^linkage: E_UNKNOWN_FORMAT: /);
    expect(allowed.stderr + allowed.stdout).not.toContain('SECRET');
    expect(allowed.stderr + allowed.stdout).not.toContain('root:x');
  });

  it('a file inside the definition\'s folder, through a link that stays inside, is read', async () => {
    const { dir, rep } = setup();
    mkdirSync(join(rep, 'in'));
    writeFileSync(join(rep, 'in', 'gerd.csv'), 'LOCATION,INDICATOR,SUBJECT,MEASURE,FREQUENCY,TIME,Value,Flag Codes\nKOR,GERD,TOT,PC_GDP,A,2017,4.55,\n');
    symlinkSync(join(rep, 'in', 'gerd.csv'), join(rep, 'link.csv'));
    definition(rep, { path: 'link.csv' });
    const r = await cli('report', rep, '--out', join(dir, 'out'), '--format', 'md');
    expect(r.stderr).not.toContain('E_REPORT_OUTSIDE');
  });
});
