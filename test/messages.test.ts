import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withCatalogue } from '../scripts/catalogue.js';
import { LinkageError, dataError } from '../src/errors.js';
import { catalogue, msg } from '../src/messages.js';
import { projectRoot } from '../src/paths.js';
import { cli } from './helpers.js';

const entries = catalogue().map((e) => [e.code, e] as const);

describe('error catalogue', () => {
  it('every entry has a unique stable code, E_ for errors and W_ for warnings, and a message and hint', () => {
    const codes = entries.map(([, e]) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const [name, e] of entries) {
      expect(e.code, name).toMatch(/^[EW]_[A-Z0-9]+(?:_[A-Z0-9]+)*$/);
      expect(e.severity, name).toBe(e.code.startsWith('W_') ? 'warning' : 'error');
      const [what, hint, code] = e.example();
      expect(what.length, name).toBeGreaterThan(0);
      expect(hint.length, name).toBeGreaterThan(0);
      expect(code).toBe(e.code);
    }
  });

  it('the README lists the catalogue exactly (regenerate with `npm run catalogue`)', () => {
    const readme = readFileSync(join(projectRoot(), 'README.md'), 'utf8');
    expect(readme).toBe(withCatalogue(readme));
  });

  it('a thrown error carries its code', () => {
    const e = dataError(msg.duplicateKey('GERD KOR 2017'), { file: 'x.csv', line: 3 });
    expect(e).toBeInstanceOf(LinkageError);
    expect(e.code).toBe('E_DUPLICATE_KEY');
    expect(e.oneLine()).toBe(`${msg.duplicateKey('GERD KOR 2017')[0]} (x.csv:3)`);
  });
});

describe('errors and warnings at the command line', () => {
  it('the one-line error names the code, then the hint', async () => {
    const r = await cli('compute', '--group', 'NOPE');
    expect(r.code).toBe(2);
    const [what, hint] = msg.unknownGroup('NOPE');
    expect(r.stderr).toBe(`linkage: E_UNKNOWN_GROUP: ${what}\n  hint: ${hint}\n`);
  });

  it('with --format json the error is the same line on stderr, nothing on stdout', async () => {
    const r = await cli('compute', '--group', 'NOPE', '--format', 'json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe(`linkage: E_UNKNOWN_GROUP: ${msg.unknownGroup('NOPE')[0]}`);
  });

  it('commander usage errors carry E_USAGE', async () => {
    const r = await cli('compute', '--frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^linkage: E_USAGE: unknown option '--frobnicate'/);
  });

  it('warnings carry their code on stderr and in JSON; --strict makes them errors (exit 1) with no output', async () => {
    const args = ['compute', '--taiwan-490', '--indicator', 'rd-intensity', '--year', '2017', '--format', 'json'];
    const ok = await cli(...args);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe(`linkage: warning: W_TAIWAN_490: ${msg.taiwan490()[0]}\n`);
    expect((JSON.parse(ok.stdout) as { warnings: unknown[] }).warnings).toEqual([{ code: 'W_TAIWAN_490', message: msg.taiwan490()[0], hint: msg.taiwan490()[1] }]);
    for (const strict of [['--strict', ...args], [...args, '--strict']]) {
      const r = await cli(...strict);
      expect(r.code, strict.join(' ')).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^linkage: W_TAIWAN_490: /);
    }
    const table = await cli('compute', '--strict', '--taiwan-490', '--indicator', 'rd-intensity', '--year', '2017');
    expect(table.code).toBe(1);
    expect(table.stderr).toMatch(/^linkage: W_TAIWAN_490: .*--strict/);
  });

  it('--strict changes nothing when there is no warning', async () => {
    const a = await cli('compute', '--indicator', 'rd-intensity', '--year', '2017', '--format', 'json');
    const b = await cli('--strict', 'compute', '--indicator', 'rd-intensity', '--year', '2017', '--format', 'json');
    expect(b.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });
});
