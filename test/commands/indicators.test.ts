import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, shared, tmpDir } from '../helpers.js';

// `linkage indicators ID`: what an indicator reads, how to get it, its options, and the values
// the inputs (embedded sample plus --input) actually hold.

interface Option { key: string; default: string; values: string[] | null; present: string[] | null }
interface Described {
  id: string;
  reads: { measure: string; description: string | null }[];
  fetch: { command: string | null; fetches: string[]; note: string | null };
  options: Option[];
  inputs: { sample: boolean; files: { file: string; sources: string[]; rows: number }[]; years: number[]; economies: string[]; measures: { measure: string; rows: number }[] };
}

async function describeJson(...args: string[]): Promise<Described> {
  const r = await cli('indicators', ...args, '--format', 'json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Described;
}
const present = (d: Described, key: string) => d.options.find((o) => o.key === key)?.present;

describe('linkage indicators ID', () => {
  it('gii-indicator lists the GII indicator numbers, kinds, years and economies of a GII file', async () => {
    const d = await describeJson('gii-indicator', '--input', shared('wipo', 'gii-2022-dataset.xlsx'));
    expect(d.id).toBe('gii-indicator');
    const nums = present(d, 'num') ?? [];
    expect(nums.slice(0, 3)).toEqual(['GII', 'IN', 'IN.1']);
    expect(nums).toEqual(expect.arrayContaining(['IN.2.3.1', 'OUT.6.1.2', 'OUT.7.3.4']));
    expect(present(d, 'measure')).toEqual(['score', 'rank', 'value']);
    expect(d.inputs.years).toEqual([2011, 2022]);
    expect(d.inputs.economies).toHaveLength(132);
    expect(d.inputs.files.map((f) => f.file)).toEqual([shared('wipo', 'gii-2022-dataset.xlsx'), 'data/sample/wipo-gii-2022-index.csv']);
    expect(d.fetch.note).toContain('linkage fetch wipo:gii');
  });

  it('the embedded sample alone: only the overall GII; --no-sample: nothing held', async () => {
    const d = await describeJson('gii-indicator');
    expect(present(d, 'num')).toEqual(['GII']);
    expect(present(d, 'measure')).toEqual(['score', 'rank']);
    expect(d.inputs.economies).toEqual(['CAN', 'CHN', 'DEU', 'FRA', 'GBR', 'JPN', 'KOR', 'MEX', 'USA']);
    const none = await cli('indicators', 'gii-indicator', '--no-sample');
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('no input holds rows this indicator reads');
  });

  it('berd-industry-share: what it reads, the fetch command, the industries present', async () => {
    const d = await describeJson('berd-industry-share');
    expect(d.reads.map((r) => r.measure)).toContain('berd_share_pharmaceuticals');
    expect(d.reads.every((r) => r.description !== null)).toBe(true);
    expect(d.fetch.command).toBe('linkage fetch --for berd-industry-share --group CJK');
    const industry = d.options.find((o) => o.key === 'industry');
    expect(industry).toMatchObject({ default: 'all', values: ['all', 'computer-electronic-optical', 'pharmaceuticals', 'aerospace', 'services'] });
    expect(industry?.present).toEqual(['computer-electronic-optical', 'pharmaceuticals', 'aerospace', 'services']);
    expect(d.inputs.years).toEqual([2011, 2018]);
    expect(d.inputs.files[0]?.sources).toEqual(['OECD MSTI 2019']);
  });

  it('trade: flows, reporters and partners of a Comtrade file; the table form fits 80 columns', async () => {
    const file = shared('comtrade', 'plus', 'chn-deu-usa-total-by-partner-2022.csv');
    const d = await describeJson('import-source-share', '--input', file, '--no-sample');
    expect(present(d, 'flow')).toEqual(['imports']);
    expect(present(d, 'reporter')).toEqual(['CHN', 'DEU', 'USA']);
    expect(present(d, 'partners')).toEqual(expect.arrayContaining(['JPN', 'KOR', 'WLD']));
    expect(d.inputs.measures.map((m) => m.measure)).toEqual(['trade:M:H6:TOTAL']);
    const text = await cli('indicators', 'trade-intra-share', '--input', file);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('in the inputs: exports, imports, total');
    for (const line of text.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('an unknown id is a usage error with a suggestion; --input without an id is refused', async () => {
    const r = await cli('indicators', 'gii-indicatr');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('E_UNKNOWN_INDICATOR');
    expect(r.stderr).toContain('did you mean gii-indicator?');
    const noId = await cli('indicators', '--input', 'data/sample/oecd-msti-2019.csv');
    expect(noId.code).toBe(2);
    expect(noId.stderr).toContain('E_INDICATORS_NEEDS_ID');
  });
});

describe('what an indicator reads is what compute keeps', () => {
  it('stri-heterogeneity computes from a STRI file through the CLI (its rows are not filtered out)', async () => {
    // Synthetic DSD_STRI@DF_STRI_HETERO SDMX-CSV: three pairs in telecom (TC), 2019.
    const head = 'DATAFLOW,FREQ,REF_AREA,MEASURE,ACTIVITY,METHODOLOGY,STRI_TYPE,UNIT_MEASURE,COUNTERPART_AREA,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MULT,DECIMALS';
    const row = (a: string, b: string, v: number) => `OECD.TAD.TPD:DSD_STRI@DF_STRI_HETERO(1.0),A,${a},STRI_HETERO,TC,_Z,_Z,IX,${b},2019,${v},A,0,2`;
    const file = join(tmpDir(), 'stri.csv');
    writeFileSync(file, [head, row('CHN', 'JPN', 0.41), row('KOR', 'CHN', 0.62), row('JPN', 'KOR', 0.5)].join('\n'));
    const r = await cli('compute', '--input', file, '--indicator', 'stri-heterogeneity', '--group', 'CJK', '--no-members', '--year', '2019', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { results: { breakdown: string; value: number | null }[] };
    expect(out.results.map((x) => [x.breakdown, x.value])).toEqual([
      ['telecom-min', 0.41],
      ['telecom-max', 0.62],
    ]);
    const d = await describeJson('stri-heterogeneity', '--input', file);
    expect(present(d, 'sector')).toEqual(['telecom']);
  });
});
