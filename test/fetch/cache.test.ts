import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tmpDir } from '../helpers.js';
import { fetchEnv } from './env.js';
import { loopback } from './server.js';
import { wbPage, wdiRows } from './responses.js';

const env = fetchEnv();

async function fill(): Promise<string> {
  const server = await loopback(() => ({ headers: { etag: '"e"' }, body: wbPage(wdiRows('BM.GSR.ROYL.CD', ['DEU'], [2016, 2017]), 1, 10) }));
  env.set({ LINKAGE_WORLDBANK_API: server.url });
  try {
    const r = await cli('fetch', 'worldbank:BM.GSR.ROYL.CD', '--key', 'DEU', '--years', '2016-2017');
    expect(r.code).toBe(0);
    return r.stdout.trim();
  } finally {
    await server.close();
  }
}

describe('linkage cache ls | verify | clear', () => {
  it('lists entries with query, URL, validators and files', async () => {
    const file = await fill();
    const ls = await cli('cache', 'ls');
    expect(ls.stdout).toContain('worldbank:BM.GSR.ROYL.CD --key DEU --years 2016-2017');
    expect(ls.stdout).toContain('ETag "e"');
    expect(ls.stdout).toContain(file.slice(file.indexOf('objects/')));
    const json = JSON.parse((await cli('cache', 'ls', '--format', 'json')).stdout) as { entries: { files: { sha256: string; size: number }[]; retrieved: string }[] };
    expect(json.entries).toHaveLength(1);
    expect(json.entries[0]?.files[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(json.entries[0]?.retrieved).toBe('2026-01-01T00:00:00.000Z');
  });

  it('verify re-hashes every file and exits 1 on a changed one', async () => {
    const file = await fill();
    expect((await cli('cache', 'verify')).stdout).toMatch(/1 ok, 0 bad/);
    writeFileSync(file, '[{"page":1,"pages":1,"total":0},[]]');
    const bad = await cli('cache', 'verify');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/BAD objects\/[0-9a-f]{64}\.json worldbank:BM\.GSR\.ROYL\.CD .*: size \d+, recorded \d+/);
  });

  it('clear removes only what linkage wrote and never follows a symbolic link out', async () => {
    await fill();
    const root = join(env.cache(), 'fetch');
    const outside = tmpDir();
    writeFileSync(join(outside, 'precious.txt'), 'keep me');
    mkdirSync(join(outside, 'dir'));
    writeFileSync(join(outside, 'dir', 'a.json'), 'keep me too');
    symlinkSync(join(outside, 'precious.txt'), join(root, 'objects', `${'a'.repeat(64)}.json`));
    symlinkSync(join(outside, 'dir'), join(root, 'partial', 'b'.repeat(24)));
    writeFileSync(join(root, 'objects', 'notes-by-the-user.txt'), 'mine');
    const r = await cli('cache', 'clear');
    expect(r.code).toBe(0);
    expect(existsSync(join(outside, 'precious.txt'))).toBe(true);
    expect(existsSync(join(outside, 'dir', 'a.json'))).toBe(true);
    expect(readdirSync(join(root, 'objects'))).toEqual(['notes-by-the-user.txt']);
    expect(existsSync(join(root, 'entries'))).toBe(false);
    expect((await cli('cache', 'ls')).stdout).toMatch(/\(empty\)/);
  });

  it('clear leaves a folder alone that linkage did not create', async () => {
    const root = join(env.cache(), 'fetch');
    mkdirSync(join(root, 'objects'), { recursive: true });
    writeFileSync(join(root, 'objects', `${'c'.repeat(64)}.csv`), 'not ours');
    expect((await cli('cache', 'clear')).stdout).toMatch(/removed 0 item/);
    expect(readdirSync(join(root, 'objects'))).toHaveLength(1);
  });

  it('an unknown action is a usage error', async () => {
    const r = await cli('cache', 'purge');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown cache action "purge"/);
  });
});
