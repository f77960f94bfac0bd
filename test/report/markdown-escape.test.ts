import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tmpDir } from '../helpers.js';

// A synthetic report definition whose text tries to break out of Markdown (issue 9 item 24).
const EVIL = 'x](javascript:alert(1)) ![pwn](http://evil/p.png) <javascript:alert(2)> <img src=x onerror=alert(3)> [a]: javascript:alert(4)';

describe('the Markdown report escapes all data text (issue 9 item 24)', () => {
  it('titles, notes and published-figure text cannot add links, images or HTML', async () => {
    const dir = tmpDir();
    const def = join(dir, 'def');
    mkdirSync(def);
    const header = 'id,paper_table,indicator,breakdown,options,geo,partner,year,value,unit,precision,latest,edition,tolerance,tolerance_reason,needs,source_named,note';
    writeFileSync(join(def, 'published.csv'), `${header}\n"a\`](javascript:alert(5))\`",t,gii-indicator,,,KOR,,2019,1,rank,0,,,,,"${EVIL}",x,\n`);
    const sections = [{ id: 'rd', title: EVIL, text: `# heading\n${EVIL}`, indicator: 'rd-intensity', inputs: ['sample'], groups: ['CJK'], years: '2017' }];
    writeFileSync(join(def, 'report.json'), JSON.stringify({ title: EVIL, subtitle: EVIL, published: 'published.csv', inputs: [{ id: 'sample', sample: true }], sections }));
    const r = await cli('report', def, '--out', join(dir, 'out'), '--format', 'md');
    expect(r.code).toBe(0);
    const full = readFileSync(join(dir, 'out', 'index.md'), 'utf8');
    // The figure id stays inside its code span (fenced longer than the backticks it holds).
    expect(full).toContain('`` a`](javascript:alert(5))` ``');
    const md = full.replace(/(`+)[^\n]*?(?<!`)\1(?!`)/g, '');
    // Markdown escaping: a backslash before < keeps it text (no HTML, no autolink).
    expect(md).not.toMatch(/(?<!\\)<(javascript|img)/i);
    expect(md).not.toMatch(/^\[a\]:/m);
    expect(md).not.toMatch(/^# heading/m);
    // Every link or image target left is one linkage wrote: its own chart and table files.
    const targets = [...md.matchAll(/(?<!\\)\]\(([^)]*)\)/g)].map((m) => m[1]);
    expect(targets).toEqual(['charts/rd.png', 'tables/rd.csv', 'charts/rd.vl.json']);
  });
});
