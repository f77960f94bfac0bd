import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { wrapCommand } from '../../src/check/render.js';
import { cli } from '../helpers.js';

// Noticed last round: `check`'s "get it with" lines ignored COLUMNS, and `inspect` broke the
// SHA-256 across two lines of its table. Commands now wrap as shell continuations (the copied
// lines still run), and a hash is never broken.
describe('check and inspect fit COLUMNS without breaking commands or hashes', () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.COLUMNS;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.COLUMNS;
    else process.env.COLUMNS = saved;
  });

  it('check --only unavailable at 80 and 64 columns: every line fits, each fetch command rejoins whole', async () => {
    const json = await cli('check', '--only', 'unavailable', '--format', 'json');
    const commands = [...new Set((JSON.parse(json.stdout) as { figures: { fetch: string | null }[] }).figures.map((f) => f.fetch).filter((c): c is string => c !== null))];
    const long = commands.filter((c) => c.length > 80 - 'get it with: '.length - 4);
    expect(long.length).toBeGreaterThan(0);
    for (const columns of [80, 64]) {
      process.env.COLUMNS = String(columns);
      const r = await cli('check', '--only', 'unavailable');
      expect(r.code, r.stderr).toBe(0);
      const lines = r.stdout.split('\n');
      expect(lines.filter((l) => [...l].length > columns)).toEqual([]);
      const rejoined = r.stdout.replace(/ \\\n {8}/g, ' ');
      for (const c of long.slice(0, 3)) expect(rejoined).toContain(`get it with: ${c}`);
    }
  });

  it('check at 60 columns: too narrow for the figures table, each figure is a wrapped line instead (noticed last round)', async () => {
    process.env.COLUMNS = '60';
    const r = await cli('check');
    expect([0, 1]).toContain(r.code);
    expect(r.stdout.split('\n').filter((l) => [...l].length > 60)).toEqual([]);
    // The same figures and verdicts as the table gives at 100 columns.
    expect(r.stdout).toMatch(/^- rd_intensity_chn_2000 \(2000\): study 0\.9, linkage 0\.89,\s+reproduced/m);
    expect(r.stdout).toMatch(/^- ip_charges_exports_ufg \(2017\): study 60\.46,\s+linkage\s+70\.326,\s+mismatch/m);
    process.env.COLUMNS = '100';
    const wide = await cli('check');
    expect(wide.stdout).toMatch(/║ rd_intensity_chn_2000 +│ 2000 │ +0\.9 │ +0\.89 │ reproduced/);
  });

  it('wrapCommand breaks only between words outside quotes and keeps an option with its value', () => {
    const lines = wrapCommand("linkage fetch --for x --option 'name=a b c' --year 2017", 30, '', '  ');
    expect(lines).toEqual(['linkage fetch --for x \\', "  --option 'name=a b c' \\", '  --year 2017']);
    // A word longer than the line overflows; it is never cut.
    expect(wrapCommand(`a ${'z'.repeat(40)}`, 20, '', '  ')).toEqual(['a \\', `  ${'z'.repeat(40)}`]);
  });

  it('inspect at 80 columns shows the SHA-256 whole on one line and fits', async () => {
    process.env.COLUMNS = '80';
    const r = await cli('inspect', 'data/sample/imf-cdis-table6-outward-2017.csv');
    expect(r.code, r.stderr).toBe(0);
    const json = await cli('inspect', 'data/sample/imf-cdis-table6-outward-2017.csv', '--format', 'json');
    const sha = (JSON.parse(json.stdout) as { sha256: string }).sha256;
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    expect(r.stdout).toContain(sha);
    expect(Math.max(...r.stdout.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(80);
  });
});
