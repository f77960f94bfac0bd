import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFINITION_LIMITS } from '../../src/io/definition-file.js';
import { jsonSyntaxErrorOffset } from '../../src/io/json-text.js';
import { schemaProblem } from '../../src/io/schema.js';
import { dataPath, projectRoot } from '../../src/paths.js';
import { cli, tmpDir } from '../helpers.js';

// Report definitions and groups files against schemas/ (issue 9 item 18). Definitions are
// synthetic, or mutations of the shipped reports/cjk-linkage definition.
const SHIPPED = readdirSync(join(projectRoot(), 'reports')).map((r) => join(projectRoot(), 'reports', r, 'report.json'));
const REAL = JSON.parse(readFileSync(SHIPPED[0] as string, 'utf8')) as Record<string, unknown> & { sections: Record<string, unknown>[]; inputs: Record<string, unknown>[] };
const clone = () => JSON.parse(JSON.stringify(REAL)) as typeof REAL;

async function report(text: string): Promise<{ code: number; stderr: string; file: string }> {
  const dir = tmpDir();
  const file = join(dir, 'report.json');
  writeFileSync(file, text);
  const r = await cli('report', dir, '--out', join(dir, 'out'));
  return { code: r.code, stderr: r.stderr, file };
}

describe('the published schemas describe what linkage accepts', () => {
  it('every shipped report definition and data/groups.json validate', () => {
    expect(SHIPPED.length).toBeGreaterThan(0);
    for (const f of SHIPPED) expect(schemaProblem('report-definition', JSON.parse(readFileSync(f, 'utf8'))), f).toBeUndefined();
    expect(schemaProblem('groups', JSON.parse(readFileSync(dataPath('groups.json'), 'utf8')))).toBeUndefined();
  });

  const mutations: [string, (d: ReturnType<typeof clone>) => unknown, string][] = [
    ['null', () => null, '(top level) must be an object, not null'],
    ['[]', () => [], '(top level) must be an object, not an array'],
    ['no sections', (d) => ({ ...d, sections: undefined }), '(top level) lacks the required key "sections"'],
    ['a number as an indicator', (d) => (((d.sections[2] as Record<string, unknown>).indicator = 42), d), 'sections[2].indicator must be a string, not a whole number'],
    ['a string as groups', (d) => (((d.sections[1] as Record<string, unknown>).groups = 'CJK'), d), 'sections[1].groups must be an array, not a string'],
    ['a misspelt key', (d) => (((d.sections[0] as Record<string, unknown>).yaers = '2017'), d), 'sections[0] has an unknown key "yaers" (did you mean years?)'],
    ['a misspelt input source', (d) => ((d.inputs[1] = { id: 'cdis2017', pth: 'x.csv' }), d), 'inputs[1] has an unknown key "pth" (did you mean path?)'],
    ['an input with no source', (d) => ((d.inputs[1] = { id: 'cdis2017' }), d), 'inputs[1] needs one of the keys "sample", "shared", "path" or "fetch"'],
    ['a negative latest', (d) => (((d.sections[2] as Record<string, unknown>).latest = -1), d), 'sections[2].latest must be ≥ 0'],
    ['a number option', (d) => (((d.sections[3] as Record<string, unknown>).options = { threshold: 10 }), d), 'sections[3].options.threshold must be a string, not a whole number'],
    ['a section id with capitals', (d) => (((d.sections[0] as Record<string, unknown>).id = 'R&D'), d), 'sections[0].id must be lower-case letters, digits and dashes'],
  ];
  for (const [name, mutate, expected] of mutations) {
    it(`${name}: a usage error naming the file and the field`, async () => {
      const r = await report(JSON.stringify(mutate(clone())));
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.split('\n')[0]).toContain(`linkage: E_REPORT_DEFINITION: cannot read report definition ${r.file}: ${expected}`);
    });
  }
});

describe('a definition that is not JSON is described, never quoted', () => {
  afterEach(() => {
    DEFINITION_LIMITS.bytes = 4 * 2 ** 20;
  });

  it('a syntax error gives line and column, not a snippet (V8 quotes one)', async () => {
    const r = await report('{\n  "title": SECRET-TOKEN-99 is here\n}');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not valid JSON at line 2, column 12');
    expect(r.stderr).not.toContain('SECRET');
    const cut = await report('{"title": "t", "inputs": [');
    expect(cut.stderr).toContain('not valid JSON: it ends early (line 1, column 27)');
    const passwd = await report('root:x:0:0:SECRET-LINE:/root:/bin/bash\n');
    expect(passwd.code).toBe(2);
    expect(passwd.stderr).not.toMatch(/SECRET|root:x/);
  });

  it('invalid UTF-8, nesting 200,000 deep: usage errors, exit 2', async () => {
    const dir = tmpDir();
    writeFileSync(join(dir, 'report.json'), Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
    const bad = await cli('report', dir, '--out', join(dir, 'out'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('it is not UTF-8 text');
    const deep = await report(`{"title": ${'['.repeat(200000)}${']'.repeat(200000)}}`);
    expect(deep.code, deep.stderr).toBe(2);
    expect(deep.stderr).toMatch(/^linkage: E_REPORT_DEFINITION: /);
  });

  it('a definition larger than the bound is refused before it is read (bound lowered here; real: 4 MiB)', async () => {
    DEFINITION_LIMITS.bytes = 1000;
    const r = await report(`{"title": "${'x'.repeat(5000)}"}`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('it is larger than 1000 bytes, far more than a definition holds');
    const g = join(tmpDir(), 'groups.json');
    writeFileSync(g, `{"groups": {}, "$comment": "${'x'.repeat(5000)}"}`);
    const groups = await cli('groups', '--groups', g);
    expect(groups.code).toBe(2);
    expect(groups.stderr).toMatch(/^linkage: E_GROUPS_FILE: .*larger than 1000 bytes/);
  });

  it('the syntax locator agrees with JSON.parse on valid and broken texts', () => {
    const texts = ['{}', '[]', '{"a":1}', '{"a": x}', '{"a":1,}', '{"a":1', 'xyz', '[1,2]]', '{"a" 1}', ' [ 1 , {"b":[true,false,null,"x\\u0041\\n"]} ] ', '"\\x"', '01', '-', '1.', '1e5', '', '{"a":"\t"}', '[1,]', '{,}', '[[],[[]]]', 'nul', 'true false', `${'['.repeat(200000)}${']'.repeat(200000)}`];
    for (const t of texts) {
      let valid = true;
      try {
        JSON.parse(t);
      } catch {
        valid = false;
      }
      expect(jsonSyntaxErrorOffset(t) === -1, t.slice(0, 20)).toBe(valid);
    }
  });
});

describe('groups files against schemas/groups.schema.json', () => {
  const cases: [string, string][] = [
    ['null', '(top level) must be an object, not null'],
    ['[]', '(top level) must be an object, not an array'],
    ['{"grops": {}}', '(top level) has an unknown key "grops" (did you mean groups?)'],
    ['{"groups": {"AB": {"members": "JPN"}}}', 'groups.AB.members must be an array, not a string'],
    ['{"groups": {"AB": {"members": [1, 2]}}}', 'groups.AB.members[0] must be a string, not a whole number'],
    ['{"groups": {"AB": {"members": ["JPN"], "joined": {"JPN": "1990"}}}}', 'groups.AB.joined.JPN must be a whole number, not a string'],
    ['{"groups": {"AB": {"membres": ["JPN"]}}}', 'groups.AB has an unknown key "membres" (did you mean members?)'],
  ];
  for (const [text, expected] of cases) {
    it(`${text}: E_GROUPS_FILE naming the field, exit 2`, async () => {
      const file = join(tmpDir(), 'g.json');
      writeFileSync(file, text);
      const r = await cli('compute', '--groups', file);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.split('\n')[0]).toContain(`linkage: E_GROUPS_FILE: cannot read groups file ${file}: ${expected}`);
    });
  }
});
