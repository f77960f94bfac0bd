import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { msg } from '../../src/messages.js';
import { cli, shared, tmpDir } from '../helpers.js';

const PLUS = shared('comtrade', 'plus', 'chn-deu-usa-total-by-partner-2022.csv');

describe('outputs say what they are', () => {
  it('-o x.csv without --format writes CSV, -o x.json JSON, -o x.md a Markdown table', async () => {
    const dir = tmpDir();
    for (const [ext, first] of [
      ['csv', /^indicator,geo,geo_kind,partner,/],
      ['json', /^\{\n {2}"schema": "linkage\/results@2",/],
      ['md', /^### R&D intensity/],
      ['txt', /^R&D intensity .*\n╔/],
    ] as const) {
      const out = join(dir, `x.${ext}`);
      const r = await cli('compute', '--indicator', 'rd-intensity', '--year', '2017', '-o', out);
      expect(r.code, ext).toBe(0);
      expect(readFileSync(out, 'utf8'), ext).toMatch(first);
    }
  });

  it('refuses a --format that contradicts the extension, writing nothing', async () => {
    const dir = tmpDir();
    const r = await cli('compute', '--format', 'csv', '-o', join(dir, 'x.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(msg.formatContradicts('csv', join(dir, 'x.json'), 'json')[0]);
  });

  it('bilateral tables name the partner and show flows in US$ bn with the unit in the header', async () => {
    const r = await cli('compute', '--input', PLUS, '--indicator', 'trade-matrix', '--group', 'CJK', '--flow', 'imports');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/│ Partner +│/);
    expect(r.stdout).toContain('Value (US$ bn)');
    expect(r.stdout).toContain("(trade-matrix; imports, all products; values in US$ bn)");
    expect(r.stdout).toMatch(/China \(CHN\) +│ JPN +│ 2022 │ +184\.50 │/);
    expect(r.stdout).toMatch(/│ rest of world +│/);
    expect(r.stdout).not.toContain('184496994754');
    expect(r.stdout).not.toContain('imports TOTAL');
    const share = await cli('compute', '--input', PLUS, '--indicator', 'import-source-share', '--reporter', 'CHN', '--partners', 'JPN,KOR', '--year', '2022');
    expect(share.stdout).toMatch(/China \(CHN\) │ JPN\+KOR +│/);
  });

  it('text tables fit 80 columns (the default off a terminal), notes below when they do not fit beside', async () => {
    for (const args of [['compute'], ['compute', '--input', PLUS, '--indicator', 'trade-matrix', '--group', 'CJK', '--flow', 'imports'], ['check']]) {
      const r = await cli(...args);
      const wide = r.stdout.split('\n').filter((l) => [...l].length > 80 && !l.startsWith('    get it with: linkage fetch'));
      expect(wide, `${args.join(' ')}: ${wide.join('\n')}`).toEqual([]);
    }
  });

  it('--wide writes geographies × years', async () => {
    const r = await cli('compute', '--indicator', 'rd-intensity', '--group', 'CJK', '--no-members', '--year', '2015-2017', '--wide');
    expect(r.code).toBe(0);
    const [head, row] = r.stdout.split('\n');
    expect(head).toBe('indicator,geography,code,series,unit,2015,2016,2017');
    expect(row).toMatch(/^rd-intensity,China–Japan–Korea \(CJK\),CJK,,percent,[\d.]+,[\d.]+,[\d.]+$/);
  });

  it('editions and series read as words, not "unknown" or "total TOTAL"', async () => {
    const r = await cli('compute', '--input', PLUS, '--indicator', 'import-source-share', '--reporter', 'CHN', '--partners', 'JPN,KOR', '--year', '2022', '--format', 'csv');
    expect(r.stdout).toContain('UN Comtrade Plus (edition not stated)');
    expect(r.stdout).not.toContain('Comtrade Comtrade');
  });
});

describe('usage errors suggest what was meant (exit 2)', () => {
  const cases: [string[], RegExp][] = [
    [['--indicator', 'rd-intensty'], /did you mean rd-intensity\?/],
    [['--group', 'CKJ'], /did you mean CJK\?/],
    [['--country', 'Chna'], /did you mean CHN \(China\)/],
    [['--year', '2018-2010'], /reversed[\s\S]*--year 2010-2018/],
    [['--indicator', 'technology-overlap', '--option', 'thresold=10'], /unknown option "thresold"[\s\S]*did you mean threshold\?/],
    [['--input', PLUS, '--indicator', 'trade-matrix', '--group', 'CJK', '--flow', 'import'], /--flow "import" is not valid for trade-matrix[\s\S]*did you mean imports\?/],
    [['--indicator', 'ip-charges', '--flow', 'receipt'], /--flow "receipt" is not valid for ip-charges[\s\S]*did you mean receipts\?/],
    [['--input', PLUS, '--indicator', 'import-source-share', '--reporter', 'CHN', '--partners', 'JPN,KRO'], /unknown economy or group "KRO" in --partners[\s\S]*did you mean KOR\?/],
    [['--indicator', 'rd-intensity', '--edition', '2018'], /no input holds edition "2018"[\s\S]*did you mean 2019\?/],
    [['--indicator', 'rd-intensity', '--flow', 'exports'], /unknown option "--flow" for rd-intensity/],
  ];
  for (const [args, message] of cases) {
    it(args.join(' '), async () => {
      const r = await cli('compute', ...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    });
  }

  it('country names are accepted where unambiguous', async () => {
    const r = await cli('compute', '--indicator', 'rd-intensity', '--country', 'China', '--year', '2017', '--format', 'json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { results: { geo: string }[] }).results.map((x) => x.geo)).toEqual(['CHN']);
  });
});

describe('inputs add to the embedded sample', () => {
  it('check with one extra --input reproduces at least what it did without it; --no-sample leaves the sample out', async () => {
    const base = JSON.parse((await cli('check', '--format', 'json')).stdout) as { summary: Record<string, number> };
    const more = JSON.parse((await cli('check', '--format', 'json', '--input', shared('worldbank', 'wdi-ip-charges-1980-2021.xlsx'))).stdout) as { summary: Record<string, number>; inputs: { file: string }[] };
    expect(more.summary.reproduced).toBeGreaterThanOrEqual(base.summary.reproduced ?? 0);
    expect(more.inputs.map((i) => i.file)).toContain('data/sample/oecd-msti-2019.csv');
    const alone = JSON.parse((await cli('check', '--format', 'json', '--no-sample', '--input', shared('worldbank', 'wdi-ip-charges-1980-2021.xlsx'))).stdout) as { summary: Record<string, number>; inputs: { file: string }[] };
    expect(alone.inputs).toHaveLength(1);
    expect(alone.summary.reproduced).toBeLessThan(base.summary.reproduced ?? 0);
  });
});

describe('an input that adds nothing is named', () => {
  it('a WDI workbook with --indicator rd-intensity: the sample answers, a warning names the unused file', async () => {
    const wdi = shared('worldbank', 'wdi-ip-charges-1980-2021.xlsx');
    const r = await cli('compute', '--input', wdi, '--indicator', 'rd-intensity', '--group', 'CJK', '--no-members', '--year', '2017', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`warning: W_INPUT_UNUSED: ${msg.inputUnused(wdi, ['rd-intensity'])[0]}`);
  });
});

describe('check as a CI gate', () => {
  let dir = '';
  afterEach(() => {
    dir = '';
  });

  it('summary first, grouped by table, unavailable figures collapsed', async () => {
    const r = await cli('check');
    expect(r.stdout.split('\n')[0]).toBe('18 reproduced, 5 explained, 1 mismatch, 90 unavailable');
    expect(r.stdout).toMatch(/\ntable2: 27 unavailable\n/);
    expect(r.stdout).toContain('t2_pct_co_inventions_with_foreign_{chn,jpn,kor,gbr,fra,deu,usa,can,mex}');
  });

  it('exit codes: explained passes by default, --fail-on chooses, --only hides and does not fail on what it hides', async () => {
    // The embedded data: one unexplained mismatch (UFG's IP receipts), five explained (edition, source).
    expect((await cli('check')).code).toBe(1);
    expect((await cli('check', '--only', 'reproduced')).code).toBe(0);
    expect((await cli('check', '--only', 'reproduced,explained,unavailable')).code).toBe(0);
    expect((await cli('check', '--fail-on', 'none')).code).toBe(0);
    expect((await cli('check', '--only', 'explained')).code).toBe(0);
    expect((await cli('check', '--only', 'explained', '--fail-on', 'explained')).code).toBe(1);
    expect((await cli('check', '--only', 'unavailable', '--fail-on', 'unavailable')).code).toBe(1);
    const bad = await cli('check', '--fail-on', 'mismatc');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('did you mean mismatch?');
  });

  it('--format csv writes the figures; that CSV pins verdicts for --expect', async () => {
    dir = tmpDir();
    const pin = join(dir, 'expected.csv');
    expect((await cli('check', '-o', pin)).code).toBe(1);
    const text = readFileSync(pin, 'utf8');
    expect(text.split('\n')[0]).toBe('id,table,geo,partner,year,published,computed,difference,verdict,cause,reason,fetch,tolerance,tolerance_reason,edition_used');
    expect((await cli('check', '--expect', pin, '--fail-on', 'unavailable')).code).toBe(0);
    writeFileSync(pin, 'id,verdict\ngerd_abroad_fra,reproduced\n');
    const changed = await cli('check', '--expect', pin);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toContain('gerd_abroad_fra: expected reproduced, got explained');
    writeFileSync(pin, '{"no_such_figure": "reproduced"}');
    expect((await cli('check', '--expect', pin)).code).toBe(2);
  });
});
