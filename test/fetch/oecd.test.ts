import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { fetchEnv } from './env.js';
import { loopback, type Reply } from './server.js';

const env = fetchEnv();

// Synthetic answer in the real SDMX-CSV-with-labels layout of the OECD Data Explorer
// (source-formats.md §3b: STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,ACTION, then a label column after
// each code column) for DSD_PATENTS (key order of apis.md §1.3). The numbers are invented; the
// expected share is worked out by hand: CJK foreign ownership among members 14 of 1,750 = 0.8 %.
const URN = 'OECD.STI.PIE:DSD_PATENTS@DF_PATENTS_INDICATORS(1.0)';
const DIMS = ['PATENT_AUTHORITIES', 'FREQ', 'MEASURE', 'UNIT_MEASURE', 'DATE_TYPE', 'REF_AREA', 'PARTNER_AREA', 'AGENT_ROLE', 'COOPERATION_TYPE', 'WIPO', 'OECD_TECHNOLOGY_PATENT'];
const HEAD = ['STRUCTURE', 'STRUCTURE_ID', 'STRUCTURE_NAME', 'ACTION', ...DIMS.flatMap((d) => [d, d.toLowerCase()]), 'TIME_PERIOD', 'Time period', 'OBS_VALUE', 'Observation value', 'OBS_STATUS', 'Observation status', 'UNIT_MULT', 'Unit multiplier'].join(',');
function row(year: number, unit: string, area: string, partner: string, role: string, type: string, value: string): string {
  const codes = ['9P50_1', 'A', 'AP', unit, 'PRIORITY', area, partner, role, type, '_Z', '_Z'];
  return ['DATAFLOW', URN, '"Indicators of international co-operation, patents"', 'I', ...codes.flatMap((c) => [c, `label of ${c}`]), String(year), '', value, '', 'A', 'Normal value', '0', 'Units'].join(',');
}
function answer(years: readonly number[]): string {
  const lines = [HEAD];
  for (const y of years) {
    lines.push(row(y, 'PATN', 'CHN', '_Z', 'INV', '_T', '1000'), row(y, 'PATN', 'JPN', '_Z', 'INV', '_T', '500'), row(y, 'PATN', 'KOR', '_Z', 'INV', '_T', '250'));
    lines.push(row(y, 'PATN', 'CHN', 'JPN', '_Z', 'FO', '5'), row(y, 'PATN', 'CHN', 'KOR', '_Z', 'FO', '3'), row(y, 'PATN', 'JPN', 'CHN', '_Z', 'FO', '2'));
    lines.push(row(y, 'PATN', 'JPN', 'KOR', '_Z', 'FO', '1'), row(y, 'PATN', 'KOR', 'CHN', '_Z', 'FO', '1'), row(y, 'PATN', 'KOR', 'JPN', '_Z', 'FO', '2'));
  }
  return `${lines.join('\r\n')}\r\n`;
}
const span = (url: string): number[] => {
  const a = Number(/startPeriod=(\d{4})/.exec(url)?.[1]);
  const b = Number(/endPeriod=(\d{4})/.exec(url)?.[1]);
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
};

async function pct(...extra: string[]) {
  return cli('compute', '--indicator', 'pct-intra-share', '--group', 'CJK', '--no-members', '--option', 'measure=foreign-ownership', '--format', 'json', ...extra);
}
const values = (stdout: string) => (JSON.parse(stdout) as { results: { year: number; value: number | null }[] }).results.map((r) => [r.year, r.value]);

describe('compute --fetch from the OECD Data Explorer (loopback server)', () => {
  it('builds the DSD_PATENTS query from the recipe and computes the share from the SDMX-CSV answer', async () => {
    const server = await loopback((req) => ({ headers: { 'content-type': 'text/csv' }, body: answer(span(req.url)) }));
    env.set({ LINKAGE_OECD_API: `${server.url}/public/rest` });
    try {
      const r = await pct('--year', '2018', '--fetch');
      expect(r.stderr).not.toMatch(/error/);
      expect(values(r.stdout)).toEqual([[2018, 0.8]]);
      expect(server.requests.map((q) => q.url)).toEqual(['/public/rest/data/OECD.STI.PIE,DSD_PATENTS@DF_PATENTS_INDICATORS,1.0/9P50_1.A...PRIORITY.CHN+JPN+KOR.....?startPeriod=2018&endPeriod=2018&dimensionAtObservation=AllDimensions&format=csvfilewithlabels']);
      expect((await pct('--year', '2018')).stdout).toContain('"value": 0.8');
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  const failures: [string, Reply][] = [
    ['the OECD throttle text with status 200', { body: 'ExceededRequests: You have exceeded the number of requests currently permitted in the OECD Data API.' }],
    ['429 with Retry-After 0', { status: 429, headers: { 'retry-after': '0' }, body: 'You have exceeded the number of requests currently permitted in the OECD Data API.' }],
    ['a last line cut short', { body: answer([2018]).slice(0, -40) }],
    ['an HTML page', { body: '<html><head><title>502 Bad Gateway</title></head></html>' }],
  ];
  for (const [what, reply] of failures) {
    it(`retries after ${what}`, async () => {
      let n = 0;
      const server = await loopback((req) => (n++ === 0 ? reply : { body: answer(span(req.url)) }));
      env.set({ LINKAGE_OECD_API: server.url });
      try {
        const r = await pct('--year', '2018', '--fetch');
        expect(r.code).toBe(0);
        expect(values(r.stdout)).toEqual([[2018, 0.8]]);
        expect(server.requests).toHaveLength(2);
      } finally {
        await server.close();
      }
    });
  }

  it('404 NoRecordsFound is a one-line error, not retried, nothing cached', async () => {
    const server = await loopback(() => ({ status: 404, body: 'NoRecordsFound' }));
    env.set({ LINKAGE_OECD_API: server.url });
    try {
      const r = await pct('--year', '2018', '--fetch');
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^linkage: fetching http/);
      expect(r.stderr.split('\n')[1]).toMatch(/^linkage: E_FETCH_NOT_FOUND: OECD Data Explorer API has no data for this query \(HTTP 404 NoRecordsFound\): http:\/\/127\.0\.0\.1:\d+\/data\//);
      expect(server.requests).toHaveLength(1);
      expect((await cli('cache', 'ls')).stdout).toMatch(/\(empty\)/);
    } finally {
      await server.close();
    }
  });

  it('splits a long span into blocks of 10 years and resumes after an interruption', async () => {
    let failLate = true;
    const server = await loopback((req) => (failLate && span(req.url)[0] === 2015 ? { status: 500 } : { body: answer(span(req.url)) }));
    env.set({ LINKAGE_OECD_API: server.url });
    try {
      const broken = await cli('fetch', 'oecd:DSD_PATENTS@DF_PATENTS_INDICATORS', '--key', '9P50_1.A...PRIORITY.CHN+JPN+KOR.....', '--years', '2005-2018');
      expect(broken.code).toBe(1);
      expect(server.requests[0]?.url).toMatch(/^\/data\/OECD\.STI\.PIE,DSD_PATENTS@DF_PATENTS_INDICATORS,\/9P50_1/);
      expect(server.requests.map((q) => span(q.url)[0])).toEqual([2005, 2015, 2015, 2015, 2015, 2015]);
      failLate = false;
      const resumed = await cli('fetch', 'oecd:DSD_PATENTS@DF_PATENTS_INDICATORS', '--key', '9P50_1.A...PRIORITY.CHN+JPN+KOR.....', '--years', '2005-2018');
      expect(resumed.code).toBe(0);
      expect(server.requests.slice(6).map((q) => span(q.url))).toEqual([[2015, 2016, 2017, 2018]]);
      const r = await pct('--year', '2005', '--year', '2018', '--input', resumed.stdout.trim());
      expect(values(r.stdout)).toEqual([
        [2005, 0.8],
        [2018, 0.8],
      ]);
    } finally {
      await server.close();
    }
  });
});
