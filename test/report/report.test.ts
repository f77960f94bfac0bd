import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { cli, tmpDir } from '../helpers.js';

const REPORT = join(projectRoot(), 'reports', 'cjk-linkage');

describe('linkage report reports/cjk-linkage', () => {
  it('writes the page, one CSV per table, specs, SVG and PNG, the check and a manifest; deterministic apart from the timestamp', async () => {
    const dir = tmpDir();
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    expect((await cli('report', REPORT, '--out', a)).code).toBe(0);
    expect((await cli('report', REPORT, '--out', b)).code).toBe(0);
    for (const f of ['index.html', 'check.json', 'check.csv', 'manifest.json', 'tables/rd-intensity.csv', 'charts/rd-intensity.vl.json', 'charts/rd-intensity.svg', 'charts/rd-intensity.png', 'charts/fdi-outward-2017.png']) expect(existsSync(join(a, f)), f).toBe(true);
    const files = (d: string) => readdirSync(d, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(d.length));
    expect(files(b).sort()).toEqual(files(a).sort());
    for (const f of files(a)) {
      if (f.endsWith('manifest.json')) continue;
      expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
    }
    const manifest = JSON.parse(readFileSync(join(a, 'manifest.json'), 'utf8')) as { version: string; created: string; command: string; inputs: { file: string; sha256: string }[] };
    expect(manifest.inputs.map((i) => i.file)).toEqual(expect.arrayContaining(['data/sample/oecd-msti-2019.csv', 'data/sample/imf-cdis-table6-outward-2017.csv']));
    for (const i of manifest.inputs) expect(i.sha256).toMatch(/^[0-9a-f]{64}$/);
    const wide = readFileSync(join(a, 'tables', 'rd-intensity-wide.csv'), 'utf8').split('\n');
    expect(wide[0]).toBe(`indicator,geography,code,series,unit,${Array.from({ length: 19 }, (_, i) => 2000 + i).join(',')}`);
    expect(wide[1]).toMatch(/^rd-intensity,China–Japan–Korea \(CJK\),CJK,,percent,1\.92162/);
    const html = readFileSync(join(a, 'index.html'), 'utf8');
    expect(html).toContain('Could not be reproduced here');
    expect(html).toMatch(/data-figure="rd_intensity_kor_2017"[^]*?reproduced/);
    expect(html).not.toMatch(/<script|\s(?:src|href)="https?:/);
    expect(html).toContain("Content-Security-Policy");
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(10);
    // Series and units for a reader (issue 10): "all products", not TOTAL; GII ranks said to be ranks.
    expect(html).toContain('<td>all products</td>');
    expect(html).not.toContain('<td>TOTAL</td>');
    expect(html).toContain('<th>Value (rank)</th>');
  });

  it('refuses to overwrite without --force, replaces with it, and writes Markdown on request', async () => {
    const dir = tmpDir();
    const out = join(dir, 'r');
    mkdirSync(out);
    writeFileSync(join(out, 'old.txt'), 'old');
    const refused = await cli('report', REPORT, '--out', out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('already exists');
    expect(existsSync(join(out, 'old.txt'))).toBe(true);
    // A folder holding a file linkage did not write is never replaced; a report linkage wrote is.
    expect((await cli('report', REPORT, '--out', out, '--force')).code).toBe(2);
    expect(existsSync(join(out, 'old.txt'))).toBe(true);
    rmSync(join(out, 'old.txt'));
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({ tool: 'linkage', kind: 'linkage-report' }));
    writeFileSync(join(out, 'index.html'), 'old');
    const forced = await cli('report', REPORT, '--out', out, '--force', '--format', 'md');
    expect(forced.code).toBe(0);
    expect(existsSync(join(out, 'index.html'))).toBe(false);
    const md = readFileSync(join(out, 'index.md'), 'utf8');
    expect(md).toMatch(/^# China–Japan–Korea innovation linkage/);
    expect(md).toContain('![Table 3: intra-group share of outward FDI positions, 2017 (IMF CDIS)](charts/fdi-outward-2017.png)');
    expect(readdirSync(dir)).toEqual(['r']);
  });

  it('a failing report leaves no output folder and no temporary files', async () => {
    const dir = tmpDir();
    const def = join(dir, 'def');
    mkdirSync(def);
    writeFileSync(join(def, 'report.json'), JSON.stringify({ title: 't', inputs: [{ id: 'bad', path: 'bad.csv' }], sections: [{ id: 's', title: 's', indicator: 'rd-intensity', inputs: ['bad'], groups: ['CJK'] }] }));
    writeFileSync(join(def, 'bad.csv'), 'LOCATION;INDICATOR\nKOR;X\n');
    const out = join(dir, 'out');
    const r = await cli('report', def, '--out', out);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual(['def']);
  });

  it('text from data files is escaped: a group named <img src=x onerror=alert(1)> renders as text', async () => {
    const dir = tmpDir();
    const def = join(dir, 'def');
    mkdirSync(def);
    const payload = '<img src=x onerror=alert(1)>';
    writeFileSync(join(def, 'groups.json'), JSON.stringify({ groups: { EVIL: { name: payload, members: ['CHN', 'JPN'] } } }));
    writeFileSync(join(def, 'report.json'), JSON.stringify({ title: `Title ${payload}`, groups: ['groups.json'], inputs: [{ id: 'sample', sample: true }], sections: [{ id: 'evil', title: payload, text: payload, indicator: 'rd-intensity', inputs: ['sample'], groups: ['EVIL'], years: '2017' }] }));
    const out = join(dir, 'out');
    const r = await cli('report', def, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const md = await cli('report', def, '--out', join(dir, 'md'), '--format', 'md');
    expect(md.code).toBe(0);
    expect(readFileSync(join(dir, 'md', 'index.md'), 'utf8')).not.toMatch(/(?<!\\)<img/);
  });
});
