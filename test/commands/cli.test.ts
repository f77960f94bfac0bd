import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/model/indicator.js';
import { cli, shared, tmpDir } from '../helpers.js';

interface ComputeJson {
  results: Result[];
  inputs: { file: string; sha256: string; format: string; rows: number; skipped: { count: number; reasons: Record<string, number> } }[];
}

describe('linkage compute', () => {
  it('with no arguments: R&D intensity and foreign-funded GERD for the nine countries and three groups', async () => {
    const r = await cli('compute');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const name of ['China (CHN)', 'Japan (JPN)', 'China–Japan–Korea (CJK)', 'UK–France–Germany (UFG)', 'US–Canada–Mexico (UCM)', 'Mexico (MEX)']) expect(r.stdout).toContain(name);
    expect(r.stdout).toContain('R&D intensity (GERD as % of GDP) (rd-intensity; values in %; source [1])');
    expect(r.stdout).toContain('GERD financed from abroad');
    expect(r.stdout).toMatch(/Sources:\n\[1\] OECD DP_LIVE 2023-05 — data\/sample\/oecd-gerd-dp-live-2023-05.csv/);
  });

  it('--format json follows the contract', async () => {
    const r = await cli('compute', '--format', 'json', '--year', '2017');
    const out = JSON.parse(r.stdout) as ComputeJson;
    expect(out.results).toHaveLength(24);
    for (const res of out.results) {
      expect(Object.keys(res)).toEqual(expect.arrayContaining(['indicator', 'geo', 'partner', 'year', 'value', 'unit', 'status', 'reason', 'years_used', 'provenance']));
      for (const p of res.provenance) expect(p.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(out.inputs.map((i) => i.file)).toEqual(expect.arrayContaining(['data/sample/oecd-gerd-dp-live-2023-05.csv', 'data/sample/oecd-gerd-sof-2023-06.csv', 'data/sample/oecd-msti-2019.csv']));
    expect(out.inputs.every((i) => i.file.startsWith('data/sample/'))).toBe(true);
    const ufg = out.results.find((x) => x.indicator === 'gerd-financed-abroad' && x.geo === 'UFG');
    expect(ufg?.status).toBe('missing');
    expect(ufg?.reason).toMatch(/^GBR /);
  });

  it('reads the real GERD_SOF export: DEU 2017 ≈ 5.75, UFG missing because of GBR', async () => {
    const r = await cli('compute', '--input', shared('oecd', 'gerd-by-source-of-funds-2023-06.csv'), '--indicator', 'gerd-financed-abroad', '--year', '2017', '--format', 'json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as ComputeJson;
    const deu = out.results.find((x) => x.geo === 'DEU');
    expect(deu?.value).toBeCloseTo(5.7546, 4);
    const ufg = out.results.find((x) => x.geo === 'UFG');
    expect(ufg?.value).toBeNull();
    expect(ufg?.reason).toContain('GBR');
    expect(ufg?.reason).not.toContain('DEU');
    expect(out.inputs[0]?.rows).toBe(28086);
    expect(out.inputs[0]?.skipped.count).toBe(0);
  });

  it('--latest fills GBR with 2016 and says so', async () => {
    const r = await cli('compute', '--indicator', 'gerd-financed-abroad', '--group', 'UFG', '--year', '2017', '--latest', '1', '--edition', '2019', '--format', 'json');
    const out = JSON.parse(r.stdout) as ComputeJson;
    const gbr = out.results.find((x) => x.geo === 'GBR');
    expect(gbr?.value).toBeCloseTo(15.617, 3);
    expect(gbr?.years_used).toEqual({ GBR: 2016 });
  });

  it('ad hoc groups and csv output to a file', async () => {
    const dir = tmpDir();
    const out = join(dir, 'r.csv');
    const r = await cli('compute', '--group', 'PAIR=KOR,JPN', '--indicator', 'rd-intensity', '--year', '2017', '--format', 'csv', '--output', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toBe('indicator,geo,geo_kind,partner,breakdown,year,value,unit,status,bound,reason,years_used,sources,sha256,intensity,introversion');
    expect(text).toContain('rd-intensity,PAIR,group,');
  });

  it('usage errors exit 2 with a hint', async () => {
    for (const args of [['--group', 'NOPE'], ['--indicator', 'nope'], ['--year', '20x7'], ['--format', 'xml'], ['--latest', '-1'], ['--group', 'X=ZZZ']]) {
      const r = await cli('compute', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^linkage: .*\n {2}hint: /);
    }
    expect((await cli('frobnicate')).code).toBe(2);
  });

  it('--help shows examples and exits 0', async () => {
    const r = await cli('compute', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
  });
});

describe('linkage inspect, indicators, groups', () => {
  it('inspect names format, dataset, edition, measures and skipped rows', async () => {
    const r = await cli('inspect', shared('oecd', 'gerd-dp-live-2023-05.csv'), '--format', 'json');
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout) as { loader: string; dataset: string; edition: string; rows: number; years: number[]; geos: string[]; measures: { measure: string }[]; skipped: { count: number } };
    expect(info.loader).toBe('oecd-dp-live');
    expect(info.edition).toBe('2023-05');
    expect(info.rows).toBe(2896);
    expect(info.years).toEqual([1981, 2022]);
    expect(info.geos).toContain('EU27_2020');
    expect(info.measures.map((m) => m.measure)).toEqual(['gerd_pct_gdp', 'gerd_usd_ppp']);
    const table = await cli('inspect', shared('oecd', 'msti-2019-edition-long.csv'));
    expect(table.stdout).toContain('OECD.Stat legacy CSV export');
    expect(table.stdout).toContain('MSTI:B_XFB');
  });

  it('indicators and groups list what is available', async () => {
    const ind = JSON.parse((await cli('indicators', '--format', 'json')).stdout) as { indicators: { id: string }[] };
    expect(ind.indicators.map((i) => i.id)).toEqual(expect.arrayContaining(['rd-intensity', 'gerd-financed-abroad', 'gerd-world-share', 'berd-industry-share', 'technology-overlap', 'fdi-intra-share', 'ip-charges', 'gii-indicator']));
    const groups = JSON.parse((await cli('groups', '--format', 'json')).stdout) as { groups: { code: string; members: string[]; source: string }[] };
    expect(groups.groups.map((g) => g.code)).toEqual(['CJK', 'UFG', 'UCM', 'USMCA', 'EU27', 'EU28', 'ASEAN', 'RCEP', 'G7', 'OECD']);
    expect(groups.groups.find((g) => g.code === 'OECD')?.members).toHaveLength(38);
    expect(groups.groups.find((g) => g.code === 'EU27')?.members).toHaveLength(27);
    expect(groups.groups.find((g) => g.code === 'EU28')?.members).toHaveLength(28);
    for (const g of groups.groups) expect(g.source.length).toBeGreaterThan(5);
  });

  it('--groups adds a file and refuses duplicates', async () => {
    const dir = tmpDir();
    const f = join(dir, 'g.json');
    writeFileSync(f, JSON.stringify({ groups: { NORDIC: { members: ['DNK', 'FIN', 'ISL', 'NOR', 'SWE'] } } }));
    const ok = await cli('groups', '--groups', f, '--format', 'json');
    expect(ok.stdout).toContain('NORDIC');
    writeFileSync(f, JSON.stringify({ groups: { CJK: { members: ['CHN'] } } }));
    const dup = await cli('groups', '--groups', f);
    expect(dup.code).toBe(2);
    expect(dup.stderr).toContain('group "CJK" is defined twice');
    expect(existsSync(f)).toBe(true);
  });
});
