import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

// Every README example that states a number gives that number (issue 10: "every README and --help
// example gives the number the README states"). The examples are read from README.md itself, so
// an example whose number changes, or a new example stating a number without a check here, fails.

const README = readFileSync('README.md', 'utf8');

/** `linkage …` example commands in ```sh blocks, continuation lines joined, with their `#` comment. */
function examples(): { command: string; comment: string }[] {
  const out: { command: string; comment: string }[] = [];
  for (const block of README.matchAll(/```sh\n([\s\S]*?)```/g)) {
    const joined = (block[1] ?? '').replace(/\\\n\s*/g, '');
    for (const line of joined.split('\n')) {
      const m = /^(?:npx )?linkage (.*?)(?:\s+#\s+(.*))?$/.exec(line.trim());
      if (m) out.push({ command: (m[1] ?? '').trim(), comment: m[2] ?? '' });
    }
  }
  return out;
}

type Run = { code: number; stdout: string; stderr: string };
const run = (command: string, ...extra: string[]): Promise<Run> => cli(...command.split(/\s+/), ...extra);
interface Res { geo: string; partner: string | null; year: number; value: number | null; reason: string | null; years_used: Record<string, number> }
const results = (r: Run): Res[] => (JSON.parse(r.stdout) as { results: Res[] }).results;
const rounded = (v: number | null | undefined, d: number) => (v == null ? null : Number(v.toFixed(d)));

/**
 * The check of each example that states a number, by its command as written in the README; `extra`
 * arguments (JSON output) are added to the command's one run; `states` are the figures its README
 * comment must state (the same the check asserts).
 */
type Check = { states: string[]; extra?: string[]; check: (r: Run, command: string) => Promise<void> | void };
const JSON_OUT = ['--format', 'json'];
const CHECKS: Record<string, Check> = {
  'compute --input ../shared/data/oecd/gerd-by-source-of-funds-2023-06.csv --indicator gerd-financed-abroad --year 2017 --format json': { states: ['DEU 5.75', 'GBR has no 2017 value'], check: (r) => {
    const rs = results(r);
    expect(rounded(rs.find((x) => x.geo === 'DEU')?.value, 2)).toBe(5.75);
    const ufg = rs.find((x) => x.geo === 'UFG');
    expect(ufg?.value).toBeNull();
    expect(ufg?.reason).toMatch(/^GBR has no .* for 2017$/);
  } },
  'compute --indicator gerd-financed-abroad --year 2017 --latest 1 --edition 2019': { states: ["GBR's 2016"], extra: JSON_OUT, check: (r) => {
    const gbr = results(r).find((x) => x.geo === 'GBR');
    expect(gbr?.years_used).toEqual({ GBR: 2016 });
    expect(rounded(gbr?.value, 2)).toBe(15.62);
  } },
  'compute --input ../shared/data/imf/cdis-table6-outward-positions-2017.xlsx --indicator fdi-intra-share --group UFG --group UCM --group CJK --year 2017': { states: ['12.8, 14.0, CJK missing'], extra: JSON_OUT, check: (r) => {
    const rs = results(r);
    expect(rounded(rs.find((x) => x.geo === 'UFG')?.value, 1)).toBe(12.8);
    expect(rounded(rs.find((x) => x.geo === 'UCM')?.value, 1)).toBe(14.0);
    const cjk = rs.find((x) => x.geo === 'CJK');
    expect(cjk?.value).toBeNull();
    expect(cjk?.reason).toContain('CHN reported no outward FDI positions');
  } },
  'compute --input ../shared/data/comtrade/plus/chn-deu-usa-total-by-partner-2022.csv --indicator import-source-share --reporter CHN --partners JPN,KOR --year 2022': { states: ['14.8 %', '14.1 % with --include-self'], extra: JSON_OUT, check: async (r, command) => {
    expect(rounded(results(r)[0]?.value, 1)).toBe(14.8);
    expect(rounded(results(await run(command, '--include-self', ...JSON_OUT))[0]?.value, 1)).toBe(14.1);
  } },
  'compute --input ../shared/data/worldbank/wdi-ip-charges-1980-2021.xlsx --indicator ip-charges --group CJK --year 2017 --option flow=receipts': { states: ['53.81 bn US$'], check: (r) => {
    expect(r.stdout).toMatch(/China–Japan–Korea \(CJK\) │ 2017 │ +53\.81 ║/);
    expect(r.stdout).toContain('Value (US$ bn)');
  } },
  'indicators gii-indicator --input ../shared/data/wipo/gii-2022-dataset.xlsx': { states: ['112 indicator numbers: GII, IN, IN.1'], extra: JSON_OUT, check: (r) => {
    const d = JSON.parse(r.stdout) as { options: { key: string; present: string[] }[] };
    const nums = d.options.find((o) => o.key === 'num')?.present ?? [];
    expect(nums).toHaveLength(112);
    expect(nums.slice(0, 3)).toEqual(['GII', 'IN', 'IN.1']);
  } },
};

/**
 * Examples that state a number but cannot run offline, with the test that checks the same number
 * against a loopback server.
 */
const ONLINE: Record<string, string> = {
  'compute --indicator ip-charges --group CJK --year 2017 --option flow=receipts --fetch': 'test/fetch/worldbank.test.ts (53.81 bn US$ through --fetch)',
};

describe('README examples give the numbers the README states', () => {
  const stating = examples().filter((e) => /\d/.test(e.comment) && !/^install|^prints/.test(e.comment));

  it('every example stating a number has a check here', () => {
    expect(stating.length).toBeGreaterThanOrEqual(6);
    for (const e of stating) expect(Object.hasOwn(CHECKS, e.command) || Object.hasOwn(ONLINE, e.command), `no check for README example: linkage ${e.command}  # ${e.comment}`).toBe(true);
  });

  for (const [command, { states, extra = [], check }] of Object.entries(CHECKS)) {
    it(`linkage ${command}`, async () => {
      const example = stating.find((e) => e.command === command);
      expect(example, 'the example is no longer in the README').toBeDefined();
      for (const figure of states) expect(example?.comment).toContain(figure);
      const r = await run(command, ...extra);
      expect(r.code, r.stderr).toBe(0);
      await check(r, command);
    });
  }

  it('the check summary in the README is what `linkage check` says', async () => {
    const m = /(\d+) reproduced, (\d+) explained[\s\S]*?(\d+) mismatch[\s\S]*?(\d+) unavailable/.exec(README);
    expect(m).not.toBeNull();
    const r = await cli('check', '--format', 'json');
    expect(r.code).toBe(1);
    const s = (JSON.parse(r.stdout) as { summary: Record<string, number> }).summary;
    expect([s.reproduced, s.explained, s.mismatch, s.unavailable].map(String)).toEqual(m?.slice(1, 5));
  });
});

describe('--help examples run as written', () => {
  // Commands whose examples only read (chart, report, fetch and cache write files or use the network).
  for (const command of ['compute', 'inspect', 'indicators', 'groups']) {
    it(`linkage ${command} --help`, async () => {
      const help = await cli(command, '--help');
      const lines = [...help.stdout.matchAll(/^\s+\$ linkage (.+)$/gm)].map((m) => (m[1] ?? '').replace(/\\$/, ''));
      expect(lines.length).toBeGreaterThan(1);
      // Continuation lines (ending in \) are joined with the next indented line.
      const joined = help.stdout.replace(/\\\n\s+/g, '');
      for (const m of joined.matchAll(/^\s+\$ linkage (.+)$/gm)) {
        const args = (m[1] ?? '').split(/\s+/).map((a) => a.replace(/^'(.*)'$/, '$1'));
        const r = await cli(...args);
        expect(r.code, `linkage ${m[1]}: ${r.stderr}`).toBe(0);
      }
    });
  }
});
