import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { cli, shared } from '../helpers.js';
import { fetchEnv } from './env.js';
import { loopback } from './server.js';

const env = fetchEnv();
const KEY = 'k3y-SECRET-0123456789abcdef';

/**
 * The real Comtrade Plus CSV (../shared/data/comtrade/plus/chn-deu-usa-total-by-partner-2022.csv)
 * re-rendered as the Plus API JSON envelope (apis.md §3: `{"elapsedTime","count","data","error"}`),
 * keeping the records a request with these reporterCode and flowCode asks for.
 */
function plusAnswer(url: string): string {
  const text = new TextDecoder('windows-1252').decode(readFileSync(shared('comtrade', 'plus', 'chn-deu-usa-total-by-partner-2022.csv')));
  const [header, ...rows] = Papa.parse<string[]>(text.trim(), { delimiter: ',' }).data;
  const q = new URL(url, 'http://x').searchParams;
  const flows = (q.get('flowCode') ?? '').split(',');
  const data = rows
    .map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, /^-?\d+(\.\d+)?$/.test(r[i] ?? '') ? Number(r[i]) : r[i] === '' ? null : r[i]])))
    .filter((o) => String(o.reporterCode) === q.get('reporterCode') && flows.includes(String(o.flowCode)));
  return JSON.stringify({ elapsedTime: '0.5 secs', count: data.length, data, error: '' });
}

const share = (stdout: string) => (JSON.parse(stdout) as { results: { value: number | null }[] }).results[0]?.value;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());
}

describe('compute --fetch from UN Comtrade (loopback server)', () => {
  const args = ['compute', '--indicator', 'import-source-share', '--reporter', 'CHN', '--partners', 'JPN,KOR', '--year', '2022', '--format', 'json'];

  it('uses the public preview without a key and gives the same share as the CSV export (14.8 %)', async () => {
    const server = await loopback((req) => ({ body: plusAnswer(req.url) }));
    env.set({ LINKAGE_COMTRADE_API: server.url });
    try {
      const r = await cli(...args, '--fetch');
      expect(r.code).toBe(0);
      const fromCsv = await cli(...args, '--input', shared('comtrade', 'plus', 'chn-deu-usa-total-by-partner-2022.csv'));
      expect(share(r.stdout)).toBe(share(fromCsv.stdout));
      expect(share(r.stdout)).toBeCloseTo(14.8, 1);
      expect(server.requests.map((q) => q.url)).toEqual(['/public/v1/preview/C/A/HS?flowCode=M&cmdCode=TOTAL&partner2Code=0&motCode=0&customsCode=C00&reporterCode=156&period=2022&includeDesc=true']);
      expect(server.requests[0]?.headers['ocp-apim-subscription-key']).toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it('sends COMTRADE_API_KEY only as the Ocp-Apim-Subscription-Key header and never prints, logs or stores it', async () => {
    let n = 0;
    const server = await loopback((req) => (n++ === 0 ? { status: 429, body: `{"statusCode":429,"message":"Rate limit is exceeded. Try again in 2 seconds. key ${KEY}"}` } : { body: plusAnswer(req.url) }));
    env.set({ LINKAGE_COMTRADE_API: server.url, COMTRADE_API_KEY: KEY });
    try {
      const r = await cli(...args, '--fetch');
      expect(r.code).toBe(0);
      expect(share(r.stdout)).toBeCloseTo(14.8, 1);
      expect(server.requests.map((q) => q.url.split('?')[0])).toEqual(['/data/v1/get/C/A/HS', '/data/v1/get/C/A/HS']);
      expect(server.requests.every((q) => q.headers['ocp-apim-subscription-key'] === KEY && !q.url.includes(KEY))).toBe(true);
      const ls = await cli('cache', 'ls', '--format', 'json');
      const fetched = await cli('fetch', '--for', 'import-source-share', '--option', 'reporter=CHN', '--year', '2022', '--format', 'json');
      for (const out of [r.stdout, r.stderr, ls.stdout, fetched.stdout, fetched.stderr]) expect(out).not.toContain(KEY);
      for (const f of filesUnder(env.cache())) expect(readFileSync(f, 'latin1')).not.toContain(KEY);
    } finally {
      await server.close();
    }
  });

  it('an error answer that echoes the key is reported without it', async () => {
    const server = await loopback(() => ({ status: 401, body: `{"statusCode":401,"message":"Access denied due to invalid subscription key ${KEY}."}` }));
    env.set({ LINKAGE_COMTRADE_API: server.url, COMTRADE_API_KEY: KEY });
    try {
      const r = await cli(...args, '--fetch');
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^linkage: E_FETCH_HTTP: UN Comtrade API answered HTTP 401 \(.*Access denied due to invalid subscription key \*\*\*/m);
      expect(r.stderr).not.toContain(KEY);
    } finally {
      await server.close();
    }
  });

  it('refuses an answer that reaches the per-call record limit (rows may be missing)', async () => {
    const record = JSON.parse(plusAnswer('/?reporterCode=156&flowCode=M')).data[0] as object;
    const server = await loopback(() => ({ body: JSON.stringify({ count: 500, data: Array.from({ length: 500 }, () => record), error: '' }) }));
    env.set({ LINKAGE_COMTRADE_API: server.url });
    try {
      const r = await cli(...args, '--fetch');
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/UN Comtrade returned 500 records, its per-call limit: rows may be missing/);
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
