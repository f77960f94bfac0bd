import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { fetchEnv } from './env.js';
import { loopback, type Reply } from './server.js';
import { pageOf, wbPage, wdiRows } from './responses.js';

const env = fetchEnv();
const CJK = ['CHN', 'JPN', 'KOR'];

/** A World Bank API server over the real WDI receipts 2015-2017 of CJK, 4 rows a page (3 pages). */
function worldBank(first: Reply[] = []) {
  const rows = wdiRows('BX.GSR.ROYL.CD', CJK, [2015, 2017]);
  const queue = [...first];
  return loopback((req) => queue.shift() ?? { status: 200, headers: { 'content-type': 'application/json', etag: '"wb-1"' }, body: wbPage(rows, pageOf(req.url), 4) });
}

async function ipCharges(...extra: string[]) {
  return cli('compute', '--indicator', 'ip-charges', '--group', 'CJK', '--year', '2017', '--option', 'flow=receipts', '--format', 'json', ...extra);
}

function cjkValue(stdout: string): number | null {
  const r = (JSON.parse(stdout) as { results: { geo: string; value: number | null }[] }).results.find((x) => x.geo === 'CJK');
  return r?.value ?? null;
}

describe('compute --fetch from the World Bank API (loopback server)', () => {
  it('follows the pages, computes 53.81 bn US$ for CJK 2017, and a second run makes no request', async () => {
    const server = await worldBank();
    env.set({ LINKAGE_WORLDBANK_API: server.url });
    try {
      const first = await ipCharges('--fetch');
      expect(first.stderr).not.toMatch(/error/);
      expect(first.code).toBe(0);
      expect(cjkValue(first.stdout)).toBeCloseTo(53.81, 2);
      expect(server.requests.map((r) => pageOf(r.url))).toEqual([1, 2, 3]);
      expect(server.requests[0]?.url).toMatch(/^\/country\/CHN;JPN;KOR\/indicator\/BX\.GSR\.ROYL\.CD\?format=json&per_page=\d+&page=1&date=2017:2017$/);
      const out = JSON.parse(first.stdout) as { results: { geo: string; provenance: { fetched?: { url: string; query: string; etag?: string; sha256: string } }[] }[] };
      const prov = out.results.find((r) => r.geo === 'CJK')?.provenance.find((p) => p.fetched !== undefined)?.fetched;
      expect(prov?.query).toBe('worldbank:BX.GSR.ROYL.CD --key CHN;JPN;KOR --years 2017');
      expect(prov?.url).toContain(server.url);
      expect(prov?.etag).toBe('"wb-1"');
      const second = await ipCharges('--fetch');
      expect(cjkValue(second.stdout)).toBeCloseTo(53.81, 2);
      // Without --fetch the cached answer is still used (and named in provenance), with no request.
      const third = await ipCharges();
      expect(cjkValue(third.stdout)).toBeCloseTo(53.81, 2);
      const thirdOut = JSON.parse(third.stdout) as typeof out;
      expect(thirdOut.results.find((r) => r.geo === 'CJK')?.provenance.map((p) => p.fetched?.query)).toEqual(['worldbank:BX.GSR.ROYL.CD --key CHN;JPN;KOR --years 2017']);
      expect(server.requests).toHaveLength(3);
    } finally {
      await server.close();
    }
  });

  const failures: [string, Reply][] = [
    ['429 with Retry-After', { status: 429, headers: { 'retry-after': '7' }, body: 'Too many requests' }],
    ['429 without Retry-After', { status: 429, body: 'Too many requests' }],
    ['500', { status: 500, body: 'Internal Server Error' }],
    ['a throttle text with status 200', { status: 200, body: 'You have exceeded the number of requests currently permitted.' }],
    ['an HTML error page with status 200', { status: 200, headers: { 'content-type': 'text/html' }, body: '<!DOCTYPE html><html><body><h1>Service Unavailable</h1></body></html>' }],
    ['a truncated body', { status: 200, body: wbPage(wdiRows('BX.GSR.ROYL.CD', CJK, [2015, 2017]), 1, 4), truncateAt: 100 }],
    ['a connection dropped mid-body', { status: 200, body: wbPage(wdiRows('BX.GSR.ROYL.CD', CJK, [2015, 2017]), 1, 4), dropAfter: 60 }],
    ['a complete but cut JSON body', { status: 200, body: wbPage(wdiRows('BX.GSR.ROYL.CD', CJK, [2015, 2017]), 1, 4).slice(0, 150) }],
    ['the World Bank error 105 envelope', { status: 200, body: '[{"message":[{"id":"105","key":"Service currently unavailable","value":"The requested service is temporarily unavailable."}]}]' }],
  ];
  for (const [what, reply] of failures) {
    it(`retries after ${what} and then computes the right value`, async () => {
      const server = await worldBank([reply]);
      env.set({ LINKAGE_WORLDBANK_API: server.url });
      try {
        const r = await ipCharges('--fetch');
        expect(r.code).toBe(0);
        expect(cjkValue(r.stdout)).toBeCloseTo(53.81, 2);
        expect(r.stderr).toMatch(/retrying in \d+ s \(attempt 2 of 5\)/);
        expect(server.requests).toHaveLength(4);
        expect(env.clock().slept.length).toBeGreaterThan(0);
        if (reply.headers?.['retry-after'] === '7') expect(env.clock().slept).toContain(7000);
      } finally {
        await server.close();
      }
    });
  }

  it('times out on a slow server and retries', async () => {
    const server = await worldBank([{ delayMs: 5000, body: 'late' }]);
    env.set({ LINKAGE_WORLDBANK_API: server.url, LINKAGE_FETCH_TIMEOUT: '0.2' });
    try {
      const r = await ipCharges('--fetch');
      expect(r.stderr).toMatch(/timed out/);
      expect(cjkValue(r.stdout)).toBeCloseTo(53.81, 2);
    } finally {
      await server.close();
    }
  });

  it('gives up with a one-line error after repeated failures and leaves no cache entry', async () => {
    const server = await loopback(() => ({ status: 503, body: 'down' }));
    env.set({ LINKAGE_WORLDBANK_API: server.url });
    try {
      const r = await ipCharges('--fetch');
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^linkage: E_FETCH_GAVE_UP: cannot download from World Bank Indicators API after 5 attempts: HTTP 503 \(down\) \(http:\/\/127\.0\.0\.1:\d+\/country/m);
      expect(server.requests).toHaveLength(5);
      expect(r.stdout).toBe('');
      const entries = join(env.cache(), 'fetch', 'entries');
      expect(existsSync(entries) ? readdirSync(entries) : []).toEqual([]);
      expect(readdirSync(join(env.cache(), 'fetch', 'objects'))).toEqual([]);
      expect(readdirSync(join(env.cache(), 'fetch', 'tmp'))).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('a World Bank error envelope (error 120, status 200) is a one-line data error, not retried', async () => {
    const server = await loopback(() => ({ body: '[{"message":[{"id":"120","key":"Invalid value","value":"The provided parameter value is not valid"}]}]' }));
    env.set({ LINKAGE_WORLDBANK_API: server.url });
    try {
      const r = await ipCharges('--fetch');
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^linkage: E_FETCH_API: World Bank refused the query: error 120 Invalid value: The provided parameter value is not valid$/m);
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('resumes after an interruption: completed pages are kept, only the missing one is asked again', async () => {
    const rows = wdiRows('BX.GSR.ROYL.CD', CJK, [2015, 2017]);
    let failPage3 = true;
    const server = await loopback((req) => (pageOf(req.url) === 3 && failPage3 ? { status: 500 } : { body: wbPage(rows, pageOf(req.url), 4) }));
    env.set({ LINKAGE_WORLDBANK_API: server.url });
    try {
      const broken = await ipCharges('--fetch');
      expect(broken.code).toBe(1);
      expect(server.requests.map((r) => pageOf(r.url))).toEqual([1, 2, 3, 3, 3, 3, 3]);
      failPage3 = false;
      const resumed = await ipCharges('--fetch');
      expect(resumed.code).toBe(0);
      expect(cjkValue(resumed.stdout)).toBeCloseTo(53.81, 2);
      expect(server.requests.slice(7).map((r) => pageOf(r.url))).toEqual([3]);
      expect(readdirSync(join(env.cache(), 'fetch', 'partial'))).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('--offline never touches the network; --refresh re-validates with If-None-Match and keeps the entry on 304', async () => {
    const rows = wdiRows('BX.GSR.ROYL.CD', CJK, [2017, 2017]);
    const server = await loopback((req) => (req.headers['if-none-match'] === '"v1"' ? { status: 304 } : { headers: { etag: '"v1"', 'last-modified': 'Thu, 30 Mar 2023 00:00:00 GMT' }, body: wbPage(rows, 1, 100) }));
    env.set({ LINKAGE_WORLDBANK_API: server.url });
    try {
      const offline = await ipCharges('--fetch', '--offline');
      expect(offline.code).toBe(1);
      expect(offline.stderr).toMatch(/^linkage: E_FETCH_NOT_CACHED: worldbank:BX\.GSR\.ROYL\.CD --key CHN;JPN;KOR --years 2017 is not in the download cache$/m);
      expect(server.requests).toHaveLength(0);
      const fetched = await cli('fetch', '--for', 'ip-charges', '--group', 'CJK', '--year', '2017', '--option', 'flow=receipts');
      expect(fetched.code).toBe(0);
      const file = fetched.stdout.trim();
      expect(file).toMatch(/objects\/[0-9a-f]{64}\.json$/);
      const refreshed = await cli('fetch', '--for', 'ip-charges', '--group', 'CJK', '--year', '2017', '--option', 'flow=receipts', '--refresh');
      expect(refreshed.stdout.trim()).toBe(file);
      expect(refreshed.stderr).toMatch(/not modified since it was cached \(HTTP 304\)/);
      expect(server.requests).toHaveLength(2);
      expect(server.requests[1]?.headers['if-none-match']).toBe('"v1"');
      expect(server.requests[1]?.headers['if-modified-since']).toBe('Thu, 30 Mar 2023 00:00:00 GMT');
      const viaInput = await cli('compute', '--input', file, '--indicator', 'ip-charges', '--group', 'CJK', '--year', '2017', '--option', 'flow=receipts', '--format', 'json');
      expect(cjkValue(viaInput.stdout)).toBeCloseTo(53.81, 2);
      expect(server.requests).toHaveLength(2);
    } finally {
      await server.close();
    }
  });

  it('decodes gzip answers', async () => {
    const rows = wdiRows('BX.GSR.ROYL.CD', CJK, [2017, 2017]);
    const server = await loopback(() => ({ body: wbPage(rows, 1, 100), gzip: true }));
    env.set({ LINKAGE_WORLDBANK_API: server.url });
    try {
      const r = await ipCharges('--fetch');
      expect(cjkValue(r.stdout)).toBeCloseTo(53.81, 2);
      expect(server.requests[0]?.headers['accept-encoding']).toMatch(/gzip/);
    } finally {
      await server.close();
    }
  });
});
