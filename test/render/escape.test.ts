import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvCell, htmlText, markdownCode, markdownText, terminalLine, visibleControls, xmlSafe } from '../../src/render/escape.js';
import { cli, tmpDir } from '../helpers.js';

// Synthetic hostile strings: a terminal title change (OSC … BEL), clear screen (CSI 2J), C1 CSI, a bidi override.
const OSC = '\u001b]0;pwned\u0007';
const CLEAR = '\u001b[2J';
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/;

describe('escaping per destination (issue 9 items 22, 23, 24)', () => {
  it('makes controls visible, keeps tabs and line feeds in multi-line text, and is idempotent', () => {
    expect(visibleControls(`a${OSC}b\n\tc\u009b1m\u202e`)).toBe('a\\u001B]0;pwned\\u0007b\n\tc\\u009B1m\\u202E');
    expect(visibleControls(visibleControls(CLEAR))).toBe(visibleControls(CLEAR));
    expect(terminalLine('a\nb\rc')).toBe('a\\u000Ab\\u000Dc');
    // in JSON text the token is the same value
    expect(JSON.parse(visibleControls(JSON.stringify({ s: `x\u009by` })))).toEqual({ s: 'x\u009by' });
  });

  it('neutralises spreadsheet formulas in CSV text cells; numbers stay numbers', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(csvCell('+1+2')).toBe("'+1+2");
    expect(csvCell('-cmd')).toBe("'-cmd");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\\u0009=1");
    expect(csvCell('-1.5')).toBe('-1.5');
    expect(csvCell('+3e-2')).toBe('+3e-2');
    expect(csvCell('CHN')).toBe('CHN');
    expect(csvCell(`a${CLEAR}`)).toBe('a\\u001B[2J');
  });

  it('escapes HTML and SVG text', () => {
    expect(htmlText(`<b onclick="x">'&${CLEAR}`)).toBe('&lt;b onclick=&quot;x&quot;&gt;&#39;&amp;\\u001B[2J');
    expect(xmlSafe('a\u0001b\uffffc\ud800d')).toBe('a\\u0001b\uFFFDc\uFFFDd');
  });

  it('Markdown text cannot open a link, an image or an autolink; code spans cannot be closed early', () => {
    const title = 'x](javascript:alert(1)) ![img](http://evil/p.png) <javascript:alert(2)> *em* `code`';
    const md = markdownText(title);
    expect(md).not.toMatch(/[^\\][[\]<>`*]/);
    expect(md).not.toMatch(/(?<!\\)<javascript:/);
    expect(md).not.toMatch(/(?<!\\)\]\(/);
    expect(markdownCode('a`b')).toBe('``a`b``');
    expect(markdownCode('``x')).toBe('``` ``x ```');
  });
});

describe('control characters never reach the terminal or break SVG (issue 9 item 22)', () => {
  function hostileGroups(): string {
    const dir = tmpDir();
    const file = join(dir, 'groups.json');
    writeFileSync(file, JSON.stringify({ groups: { EVIL: { name: `Evil${OSC}${CLEAR}\u202e`, members: ['JPN', 'KOR'] } } }));
    return file;
  }

  it('in text tables, CSV and JSON', async () => {
    const groups = hostileGroups();
    for (const format of ['table', 'csv', 'json']) {
      const r = await cli('compute', '--groups', groups, '--group', 'EVIL', '--indicator', 'rd-intensity', '--year', '2017', '--format', format);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(RAW_CONTROL);
      if (format === 'table') expect(r.stdout).toContain('Evil\\u001B]0;pwned\\u0007');
    }
  });

  it('in error messages (the group code is quoted)', async () => {
    const r = await cli('compute', '--group', `X${CLEAR}`);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stderr).toContain('X\\u001B[2J');
  });

  it('in SVG charts', async () => {
    const dir = tmpDir();
    const out = join(dir, 'c.svg');
    const r = await cli('chart', '--groups', hostileGroups(), '--group', 'EVIL', '--indicator', 'rd-intensity', '--year', '2015-2017', '--out', out);
    expect(r.code).toBe(0);
    const svg = readFileSync(out, 'utf8');
    expect(svg).not.toMatch(RAW_CONTROL);
    expect(svg).toContain('\\u001B');
  });
});
