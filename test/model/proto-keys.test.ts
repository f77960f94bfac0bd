import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { msg } from '../../src/messages.js';
import { cli, shared, tmpDir } from '../helpers.js';

// Group codes that name members of Object.prototype (issue 9 item 21): every command treats them as ordinary codes.
const CODES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty'];
const GROUPS = ['constructor=JPN,KOR', 'toString=CHN,JPN', 'valueOf=USA,CAN,MEX', 'hasOwnProperty=GBR,FRA'].flatMap((g) => ['--group', g]);

function groupsFile(dir: string): string {
  const file = join(dir, 'groups.json');
  writeFileSync(file, JSON.stringify({ groups: { constructor: { members: ['JPN', 'KOR'] }, toString: { members: ['CHN', 'JPN'] }, valueOf: { members: ['USA', 'CAN', 'MEX'] } } }));
  return file;
}

describe('group codes such as constructor and toString (issue 9 item 21)', () => {
  it('compute, in every format', async () => {
    for (const format of ['table', 'csv', 'json']) {
      const r = await cli('compute', ...GROUPS, '--indicator', 'rd-intensity', '--year', '2017', '--format', format);
      expect(r.code).toBe(0);
      for (const c of CODES) expect(r.stdout).toContain(c);
    }
  });

  it('chart, in every kind', async () => {
    const dir = tmpDir();
    for (const kind of ['bars', 'lines', 'dots']) {
      const r = await cli('chart', ...GROUPS, '--indicator', 'rd-intensity', '--year', '2015-2017', '--kind', kind, '--out', join(dir, `${kind}.svg`));
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(readFileSync(join(dir, `${kind}.svg`), 'utf8')).toContain('constructor');
    }
    const fdi = await cli('chart', '--input', shared('imf', 'cdis-table6-outward-positions-2017.xlsx'), ...GROUPS, '--indicator', 'fdi-intra-share', '--year', '2017', '--out', join(dir, 'fdi.svg'));
    expect(fdi.code).toBe(0);
  });

  it('trade and FDI matrices', async () => {
    for (const [file, indicator] of [[shared('comtrade', 'legacy', 'chn-total-by-partner-2014-2018.csv'), 'trade-matrix'], [shared('imf', 'cdis-table6-outward-positions-2017.xlsx'), 'fdi-intra-share']] as const) {
      const r = await cli('compute', '--input', file, ...GROUPS, '--indicator', indicator, '--year', '2017', '--format', 'json');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('constructor');
    }
  });

  it('report, HTML and Markdown', async () => {
    const dir = tmpDir();
    const def = join(dir, 'def');
    const sections = [
      { id: 'rd', title: 'rd', indicator: 'rd-intensity', inputs: ['sample'], groups: ['constructor', 'toString', 'valueOf'], years: '2015-2017' },
      { id: 'rd-one', title: 'rd', indicator: 'rd-intensity', inputs: ['sample'], groups: ['constructor', 'toString'], years: '2017' },
    ];
    await import('node:fs').then((fs) => fs.mkdirSync(def));
    groupsFile(def);
    writeFileSync(join(def, 'report.json'), JSON.stringify({ title: 't', groups: ['groups.json'], inputs: [{ id: 'sample', sample: true }], sections }));
    for (const format of ['html', 'md']) {
      const r = await cli('report', def, '--out', join(dir, format), '--format', format);
      expect(r.code).toBe(0);
      expect(readFileSync(join(dir, format, `index.${format}`), 'utf8')).toContain('valueOf');
    }
  });

  it('a groups file cannot define a code that is not a code', async () => {
    const dir = tmpDir();
    for (const code of ['=HYPERLINK("x")', '-1+2', 'A B']) {
      const file = join(dir, 'g.json');
      writeFileSync(file, `{"groups": {${JSON.stringify(code)}: {"members": ["JPN"]}}}`);
      const r = await cli('compute', '--groups', file, '--group', 'CJK');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(msg.badGroupCode(code)[0].replace(/\s+$/, ''));
    }
  });

  // Noticed last round: `--group __proto__=…` got the generic "write NAME=ISO3,ISO3" hint. The
  // name is reserved (it sets an object's prototype), and the error says so with a name to use.
  it('__proto__ is a reserved name, on the command line and in a groups file, with a name to use instead', async () => {
    const r = await cli('compute', '--group', '__proto__=CHN,JPN');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`linkage: E_RESERVED_GROUP_NAME: ${msg.reservedGroupName('__proto__', '')[0]}`);
    expect(r.stderr).toContain('hint: choose another name, e.g. --group PROTO_GROUP=CHN,JPN');
    const file = join(tmpDir(), 'g.json');
    writeFileSync(file, '{"groups": {"__proto__": {"members": ["JPN"]}}}');
    const f = await cli('compute', '--groups', file, '--group', 'CJK');
    expect(f.code).toBe(2);
    expect(f.stderr).toMatch(/^linkage: E_RESERVED_GROUP_NAME: .*\(.*g\.json\)\n  hint: choose another name, e.g. "PROTO_GROUP"/);
  });
});
