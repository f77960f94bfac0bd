import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { fetchEnv } from './env.js';
import { loopback } from './server.js';

const env = fetchEnv();

// Each fetch recipe's query, answered by a loopback server in the Data Explorer's SDMX-CSV-with-
// labels layout (STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,ACTION, a label column after each code
// column) with the dimension order of apis.md §8, must yield rows the indicator uses. The numbers
// are synthetic; the expected values are worked out by hand in each test.

/** An SDMX-CSV-with-labels answer: one row per [codes..., year, value]. */
function sdmx(urn: string, dims: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = ['STRUCTURE', 'STRUCTURE_ID', 'STRUCTURE_NAME', 'ACTION', ...dims.flatMap((d) => [d, d.toLowerCase()]), 'TIME_PERIOD', 'Time period', 'OBS_VALUE', 'Observation value', 'OBS_STATUS', 'Observation status', 'UNIT_MULT', 'Unit multiplier'];
  const body = rows.map((r) => {
    const codes = r.slice(0, dims.length);
    const [year, value] = r.slice(dims.length);
    return ['DATAFLOW', urn, 'synthetic', 'I', ...codes.flatMap((c) => [c, `label of ${c}`]), year, '', value, '', 'A', 'Normal value', '6', 'Millions'].join(',');
  });
  return `${[head.join(','), ...body].join('\r\n')}\r\n`;
}

/** Run `compute --fetch` against a loopback server answering `body`; the results' values by series. */
async function fetchAndCompute(body: string, args: string[]) {
  const server = await loopback(() => ({ headers: { 'content-type': 'text/csv' }, body }));
  env.set({ LINKAGE_OECD_API: `${server.url}/public/rest` });
  try {
    const r = await cli('compute', ...args, '--fetch', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { results: { geo: string; breakdown: string | null; value: number | null; provenance: { dataset: string }[] }[] };
    return { results: out.results, urls: server.requests.map((q) => q.url) };
  } finally {
    await server.close();
  }
}

describe('fetch recipes fetch what their indicators read', () => {
  // ANBERD (REF_AREA.FREQ.CRITERIA.ACTIVITY.UNIT_MEASURE.PRICE_BASE.MEASURE), US$ PPP millions, 2019.
  const ANBERD = ['REF_AREA', 'FREQ', 'CRITERIA', 'ACTIVITY', 'UNIT_MEASURE', 'PRICE_BASE', 'MEASURE'];
  const berd: Record<string, Record<string, number>> = { CHN: { _T: 1000, C26: 200, C21: 50, C303: 10 }, JPN: { _T: 800, C26: 160, C21: 80, C303: 8 }, KOR: { _T: 600, C26: 300, C21: 20, C303: 4 } };
  const anberd = sdmx('OECD.STI.STP:DSD_ANBERD@DF_ANBERDi4(1.0)', ANBERD, Object.entries(berd).flatMap(([c, acts]) => Object.entries(acts).map(([a, v]) => [c, 'A', 'MA', a, 'USD_PPP', 'V', 'B', '2019', String(v)])));

  it('berd-industry-share: the ANBERD query gives the industry amounts over the ANBERD total', async () => {
    const { results, urls } = await fetchAndCompute(anberd, ['--indicator', 'berd-industry-share', '--group', 'CJK', '--year', '2019', '--option', 'industry=computer-electronic-optical,pharmaceuticals,aerospace']);
    expect(urls).toEqual(['/public/rest/data/OECD.STI.STP,DSD_ANBERD@DF_ANBERDi4,1.0/CHN+JPN+KOR.A.MA._T+C26+C21+C303.USD_PPP.V.B?startPeriod=2019&endPeriod=2019&dimensionAtObservation=AllDimensions&format=csvfilewithlabels']);
    const cjk = Object.fromEntries(results.filter((r) => r.geo === 'CJK').map((r) => [r.breakdown, r.value]));
    expect(cjk['computer-electronic-optical']).toBeCloseTo((100 * 660) / 2400, 12);
    expect(cjk.pharmaceuticals).toBeCloseTo((100 * 150) / 2400, 12);
    expect(cjk.aerospace).toBeCloseTo((100 * 22) / 2400, 12);
    expect(results.find((r) => r.geo === 'KOR' && r.breakdown === 'computer-electronic-optical')?.value).toBeCloseTo(50, 12);
    expect(results.every((r) => r.provenance.every((p) => p.dataset === 'DSD_ANBERD'))).toBe(true);
  });

  it('technology-overlap: the same query gives every member\'s share, the minimum being the value', async () => {
    const { results } = await fetchAndCompute(anberd, ['--indicator', 'technology-overlap', '--group', 'CJK', '--no-members', '--year', '2019']);
    const cjk = Object.fromEntries(results.map((r) => [r.breakdown, r.value]));
    // Shares: computer 20, 20, 50 → 20; pharmaceuticals 5, 10, 3.33 → 3.33; aerospace 1, 1, 0.67 → 0.67.
    expect(cjk['computer-electronic-optical']).toBeCloseTo(20, 12);
    expect(cjk.pharmaceuticals).toBeCloseTo((100 * 20) / 600, 12);
    expect(cjk.aerospace).toBeCloseTo((100 * 4) / 600, 12);
  });

  it('fdi-intra-share: the DSD_FDI answer carries the direction in MEASURE_PRINCIPLE (DO), not a DIRECTION column', async () => {
    const FDI = ['REF_AREA', 'MEASURE', 'UNIT_MEASURE', 'MEASURE_PRINCIPLE', 'ACCOUNTING_ENTRY', 'TYPE_ENTITY', 'FDI_COMP', 'SECTOR', 'COUNTERPART_AREA', 'LEVEL_COUNTERPART', 'ACTIVITY', 'FREQ', 'FDI_COLLECTION_ID'];
    const pos: [string, string, number][] = [['CHN', 'W', 1000], ['CHN', 'JPN', 30], ['CHN', 'KOR', 20], ['JPN', 'W', 2000], ['JPN', 'CHN', 100], ['JPN', 'KOR', 50], ['KOR', 'W', 500], ['KOR', 'CHN', 40], ['KOR', 'JPN', 10]];
    const body = sdmx('OECD.DAF.INV:DSD_FDI@DF_FDI_POS_CTRY(1.0)', FDI, pos.map(([a, p, v]) => [a, 'LE_FA_F', 'USD_EXC', 'DO', 'NET_FDI', 'ALL', 'D', 'S1', p, 'IMC', '_T', 'A', 'CTRY_IND', '2019', String(v)]));
    const { results, urls } = await fetchAndCompute(body, ['--indicator', 'fdi-intra-share', '--group', 'CJK', '--no-members', '--year', '2019']);
    expect(urls[0]).toContain(',DSD_FDI@DF_FDI_POS_CTRY,1.0/CHN+JPN+KOR.LE_FA_F.USD_EXC.DO.NET_FDI.ALL.D.S1..IMC._T.A.CTRY_IND?');
    // Intra-group positions 30+20+100+50+40+10 = 250 of world positions 3,500.
    expect(results[0]?.value).toBeCloseTo((100 * 250) / 3500, 12);
  });

  it('ip-charges-intra-share: the BaTIS answer has TRADE_FLOW; reported (N) values beside the balanced ones are skipped', async () => {
    const BATIS = ['REF_AREA', 'COUNTERPART_AREA', 'TRADE_FLOW', 'PRODUCT_TYPE', 'SERVICE', 'FREQ', 'UNIT_MEASURE', 'ADJUSTMENT'];
    const pay: [string, string, number][] = [['CHN', 'W', 30], ['JPN', 'W', 20], ['KOR', 'W', 40], ['CHN', 'JPN', 3], ['CHN', 'KOR', 2], ['JPN', 'CHN', 4], ['JPN', 'KOR', 1], ['KOR', 'CHN', 5], ['KOR', 'JPN', 6]];
    const rows = pay.flatMap(([a, p, v]) => [[a, p, 'M', 'S', 'SH', 'A', 'USD_EXC', 'B', '2019', String(v)], [a, p, 'M', 'S', 'SH', 'A', 'USD_EXC', 'N', '2019', String(v * 7)]]);
    const { results, urls } = await fetchAndCompute(sdmx('OECD.SDD.TPS:DSD_BATIS@DF_BATIS(1.0)', BATIS, rows), ['--indicator', 'ip-charges-intra-share', '--group', 'CJK', '--no-members', '--year', '2019']);
    expect(urls[0]).toContain(',DSD_BATIS@DF_BATIS,1.0/CHN+JPN+KOR..X+M.S.SH.A.USD_EXC.B?');
    // Balanced payments only: (3 + 2 + 4 + 1 + 5 + 6) / (30 + 20 + 40).
    expect(results[0]?.value).toBeCloseTo((100 * 21) / 90, 12);
  });
});
