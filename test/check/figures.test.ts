import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { indicatorById } from '../../indicators/index.js';
import { readPublished } from '../../src/check/published.js';
import { loadGroups } from '../../src/model/groups.js';
import { countryRegistry } from '../../src/model/countries.js';
import { fetchCommand } from '../../src/check/needs.js';
import { dataPath } from '../../src/paths.js';
import { cli, tmpDir } from '../helpers.js';

interface CheckJson {
  figures: { id: string; verdict: string; computed: number | null; reason: string | null; fetch: string | null }[];
  summary: Record<string, number>;
}

/** A published-figures file holding only some rows of the study's file. */
function subset(dir: string, ids: string[], edit: (line: string) => string = (l) => l): string {
  const lines = readFileSync(dataPath('published', 'huang-lv-wang.csv'), 'utf8').split('\n');
  const header = lines.find((l) => l.startsWith('id,')) as string;
  const path = join(dir, 'published.csv');
  writeFileSync(path, [header, ...lines.filter((l) => ids.includes(l.split(',')[0] ?? '')).map(edit)].join('\n'));
  return path;
}

describe('every published figure is computed or names one input and its fetch command', () => {
  it('every figure row resolves to a registered indicator, and nothing says "not in this version"', () => {
    const figures = readPublished();
    expect(figures).toHaveLength(114);
    for (const f of figures) expect(indicatorById(f.indicator), `${f.id} → ${f.indicator}`).toBeDefined();
    for (const f of figures) expect(f.needs.length, f.id).toBeGreaterThan(20);
    expect(readFileSync(dataPath('published', 'huang-lv-wang.csv'), 'utf8')).not.toMatch(/not in this version/i);
  });

  it('linkage check: each unavailable figure gives why, the input, and `linkage fetch --for <its indicator>`', async () => {
    const r = await cli('check', '--format', 'json');
    const out = JSON.parse(r.stdout) as CheckJson;
    const byId = new Map(readPublished().map((f) => [f.id, f]));
    const unavailable = out.figures.filter((f) => f.verdict === 'unavailable');
    expect(unavailable).toHaveLength(out.summary.unavailable as number);
    for (const f of unavailable) {
      const fig = byId.get(f.id)!;
      expect(f.fetch, f.id).toMatch(new RegExp(`^linkage fetch --for ${fig.indicator} (--(group|country) [A-Z0-9]+ )+--year \\d{4}(-\\d{4})?( --option [a-z]+=[A-Za-z0-9_,.-]+)*$`));
      expect(f.reason, f.id).toContain(`needs ${fig.needs}; get it with: ${f.fetch}`);
      expect(f.reason, f.id).not.toMatch(/not in this version/);
    }
    for (const f of out.figures.filter((x) => x.verdict !== 'unavailable')) expect(f.fetch).toBeNull();
    // Long commands wrap as shell continuations (` \` then an indent): rejoined, they are whole.
    const text = (await cli('check')).stdout.replace(/ \\\n {8}/g, ' ');
    expect(text).toContain('get it with: linkage fetch --for triadic-share --group USMCA --group EU28 --year 2017');
    expect(text).toContain('get it with: linkage fetch --for greenfield-fdi --country CHN --year 2003-2018 --option partner=JPN --option direction=outward');
    expect(text).toContain('get it with: linkage fetch --for gerd-growth-contribution --group CJK --year 2000-2017 --option prices=constant');
    expect(text).not.toMatch(/not in this version/);
  });

  it('fetch commands: groups and countries, spans, cumulative and --latest windows', () => {
    const groups = loadGroups(countryRegistry());
    const byId = new Map(readPublished().map((f) => [f.id, f]));
    expect(fetchCommand(byId.get('pct_coinvention_cjk')!, groups)).toBe('linkage fetch --for pct-intra-share --group CJK --year 2018');
    expect(fetchCommand(byId.get('t2_pct_co_inventions_with_foreign_mex')!, groups)).toBe('linkage fetch --for pct-foreign-share --country MEX --year 2018');
    expect(fetchCommand(byId.get('berd_auto_kor')!, groups)).toBe('linkage fetch --for anberd-industry-share --country KOR --year 2015-2016 --option industry=motor-vehicles');
    expect(fetchCommand(byId.get('stri_het_telecom_max_ucm')!, groups)).toBe('linkage fetch --for stri-heterogeneity --group UCM --year 2019 --option sector=telecom');
    // the options a recipe reads go with the command: inward positions, not outward
    expect(fetchCommand(byId.get('fdi_inward_intra_share_cjk')!, groups)).toBe('linkage fetch --for fdi-intra-share --group CJK --year 2017 --option direction=inward');
    expect(fetchCommand(byId.get('hitech_imports_chn_from_usa_eu')!, groups)).toBe('linkage fetch --for import-source-share --country CHN --year 2018 --option reporter=CHN --option partners=USA,EU28 --option products=hightech');
  });
});

describe('check with inputs the study needs (synthetic files in the real layouts)', () => {
  const saved = process.env.LINKAGE_SHARED_DATA;
  afterEach(() => {
    if (saved === undefined) delete process.env.LINKAGE_SHARED_DATA;
    else process.env.LINKAGE_SHARED_DATA = saved;
  });

  it('NAFTA+EU is computed as the union USMCA+EU28; a 2000-2017 span gives the contribution its base year', async () => {
    const dir = tmpDir();
    const groups = loadGroups(countryRegistry());
    const members = [...groups.get('USMCA')!.members, ...groups.get('EU28')!.members];
    const row = (area: string, measure: string, year: number, value: number) => `OECD.STI.STP:DSD_MSTI@DF_MSTI(1.3),${area},A,${measure},${year},${value},A,0,2`;
    // SYNTHETIC: 31 members × 100 triadic families of 6,610 in the world = 46.9 %; CJK 2,988 = 45.2 %.
    const lines = ['DATAFLOW,REF_AREA,FREQ,MEASURE,UNIT_MEASURE,PRICE_BASE,TRANSFORMATION,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MULT,DECIMALS'];
    for (const m of members) lines.push(row(m, 'P_TRIAD,PATN,_Z,_Z', 2017, 100));
    lines.push(row('CHN', 'P_TRIAD,PATN,_Z,_Z', 2017, 988), row('JPN', 'P_TRIAD,PATN,_Z,_Z', 2017, 1500), row('KOR', 'P_TRIAD,PATN,_Z,_Z', 2017, 500), row('WLD', 'P_TRIAD,PATN,_Z,_Z', 2017, 6610));
    // SYNTHETIC GERD at constant PPP: CJK grows by 420 of the world's 1,000 = 42 %.
    for (const [area, a, b] of [['CHN', 30, 330], ['JPN', 140, 200], ['KOR', 20, 80], ['WLD', 1000, 2000]] as const) lines.push(row(area, 'G,USD_PPP,Q,_Z', 2000, a), row(area, 'G,USD_PPP,Q,_Z', 2017, b));
    const input = join(dir, 'msti.csv');
    writeFileSync(input, lines.join('\n'));
    const published = subset(dir, ['triadic_share_nafta_eu', 'triadic_share_cjk', 'gerd_growth_contrib_cjk']);
    const r = await cli('check', '--input', input, '--published', published, '--format', 'json');
    const out = JSON.parse(r.stdout) as CheckJson;
    expect(out.figures.map((f) => [f.id, f.verdict])).toEqual([['gerd_growth_contrib_cjk', 'reproduced'], ['triadic_share_cjk', 'reproduced'], ['triadic_share_nafta_eu', 'reproduced']]);
    expect(out.figures.find((f) => f.id === 'triadic_share_nafta_eu')?.computed).toBeCloseTo((100 * 3100) / 6610, 12);
    expect(out.figures.find((f) => f.id === 'gerd_growth_contrib_cjk')?.computed).toBeCloseTo(42, 12);
  });

  it('says when the input a figure needs is already beside the project', async () => {
    const dir = tmpDir();
    const shared = join(dir, 'shared-data');
    mkdirSync(join(shared, 'oecd'), { recursive: true });
    writeFileSync(join(shared, 'oecd', 'stri-hetero-2019.csv'), 'synthetic placeholder\n');
    process.env.LINKAGE_SHARED_DATA = shared;
    const published = subset(dir, ['stri_het_telecom_min_cjk'], (l) => l.replace('pairs of members",,OECD STRI', 'pairs of members",oecd/stri-hetero-2019.csv,OECD STRI'));
    expect(readFileSync(published, 'utf8')).toContain(',oecd/stri-hetero-2019.csv,');
    const out = JSON.parse((await cli('check', '--published', published, '--format', 'json')).stdout) as CheckJson;
    expect(out.figures[0]?.reason).toMatch(/already beside the project: .*shared-data\/oecd\/stri-hetero-2019\.csv \(add --input .*stri-hetero-2019\.csv\)$/);
    process.env.LINKAGE_SHARED_DATA = join(dir, 'nothing-here');
    const none = JSON.parse((await cli('check', '--published', published, '--format', 'json')).stdout) as CheckJson;
    expect(none.figures[0]?.reason).not.toMatch(/already beside/);
  });
});
