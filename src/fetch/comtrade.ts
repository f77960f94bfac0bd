import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataError } from '../errors.js';
import { fetchMsg } from '../messages.js';
import { readJson } from './body.js';
import { yearsOf } from './query.js';
import { BodyError, type ApiClient, type Chunk, type Query } from './types.js';

/** Base URL: LINKAGE_COMTRADE_API, default `https://comtradeapi.un.org` (apis.md §3). */
export function comtradeBase(env: NodeJS.ProcessEnv): string {
  return (env['LINKAGE_COMTRADE_API'] || 'https://comtradeapi.un.org').replace(/\/+$/, '');
}

/** The subscription key from COMTRADE_API_KEY (read from the environment only; never stored). */
function apiKey(env: NodeJS.ProcessEnv): string | undefined {
  const k = env['COMTRADE_API_KEY'];
  return k !== undefined && k.trim() !== '' ? k.trim() : undefined;
}

const PATH = /^[CS]\/[AM]\/[A-Z0-9]+$/;

function params(key: string | undefined): URLSearchParams {
  const p = new URLSearchParams(key ?? '');
  for (const k of [...p.keys()]) if (/^subscription-key$/i.test(k)) p.delete(k);
  return p;
}

/**
 * UN Comtrade Plus: without COMTRADE_API_KEY the public preview
 * (`/public/v1/preview/{type}/{freq}/{cl}`, 500 records a call), with it the data API
 * (`/data/v1/get/…`) with the key in the `Ocp-Apim-Subscription-Key` header — never in the URL,
 * the cache entry, provenance, messages or files. The query key holds the API's parameters
 * (`reporterCode=156,392&flowCode=M,X&cmdCode=TOTAL`); each reporter and each year is its own call
 * (the preview takes one period per call), resumed after an interruption.
 */
export const comtradeClient: ApiClient = {
  api: 'comtrade',
  label: 'UN Comtrade API',
  plan(q: Query, env) {
    const path = q.id === 'HS' ? 'C/A/HS' : q.id;
    if (!PATH.test(path)) {
      throw dataError(fetchMsg.badQuery(`comtrade:${q.id}`), {});
    }
    const p = params(q.key);
    const reporters = (p.get('reporterCode') ?? '').split(',').map((r) => r.trim()).filter(Boolean);
    const periods = q.years ? yearsOf(q.years).map(String) : (p.get('period') ?? '').split(',').map((r) => r.trim()).filter(Boolean);
    if (periods.length === 0) {
      throw dataError(fetchMsg.badQuery(`comtrade:${q.id} (give --years or period=YYYY in --key)`), {});
    }
    const keyed = apiKey(env) !== undefined;
    const base = `${comtradeBase(env)}/${keyed ? 'data/v1/get' : 'public/v1/preview'}/${path}`;
    const chunks: Chunk[] = [];
    for (const reporter of reporters.length > 0 ? reporters : ['']) {
      for (const period of periods) {
        const c = new URLSearchParams(p);
        c.delete('period');
        c.delete('reporterCode');
        if (reporter !== '') c.set('reporterCode', reporter);
        c.set('period', period);
        if (!c.has('includeDesc')) c.set('includeDesc', 'true');
        chunks.push({ id: `r${reporter || 'all'}-p${period}`, url: `${base}?${c.toString().replace(/%2C/gi, ',')}`, headers: { accept: 'application/json' } });
      }
    }
    return chunks;
  },
  secrets(env): Record<string, string> {
    const k = apiKey(env);
    return k === undefined ? {} : { 'Ocp-Apim-Subscription-Key': k };
  },
  async check(file, chunk) {
    const parsed = (await readJson(file, 'UN Comtrade')) as Record<string, unknown> | null;
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new BodyError('UN Comtrade answered JSON that is not a data envelope');
    if (typeof parsed['statusCode'] === 'number') {
      const status = parsed['statusCode'];
      const message = String(parsed['message'] ?? '');
      if (status === 429) throw new BodyError(`UN Comtrade rate limit (${message.slice(0, 80)})`);
      throw dataError(fetchMsg.apiError('UN Comtrade', `status ${status}: ${message.slice(0, 120)}`), {});
    }
    const error = parsed['error'];
    if (typeof error === 'string' && error.trim() !== '') {
      throw dataError(fetchMsg.apiError('UN Comtrade', error.slice(0, 160)), {});
    }
    if (!Array.isArray(parsed['data'])) throw new BodyError('UN Comtrade answered without a data array');
    // Records per call: 500 for the preview, 100,000 for a key (comtradr's figure for free keys;
    // apis.md also lists 200k and 250k, CONFLICT). An answer that reaches it may be cut: refused.
    const limit = Number(/[?&]maxRecords=(\d+)/.exec(chunk.url)?.[1] ?? NaN);
    const cap = Number.isFinite(limit) ? limit : chunk.url.includes('/public/') ? 500 : 100_000;
    if (parsed['data'].length >= cap) {
      throw dataError(fetchMsg.recordLimit('UN Comtrade', cap, chunk.url), {});
    }
    return [];
  },
  async assemble(chunks, q, dir) {
    const data: unknown[] = [];
    for (const { file } of chunks) data.push(...((await readJson(file, 'UN Comtrade')) as { data: unknown[] }).data);
    if (data.length === 0) {
      throw dataError(fetchMsg.noData('UN Comtrade'), {});
    }
    const name = `comtrade-${(q.id === 'HS' ? 'C/A/HS' : q.id).replace(/\//g, '-')}.json`;
    const file = join(dir, name);
    writeFileSync(file, `${JSON.stringify({ elapsedTime: '', count: data.length, data, error: '' })}\n`);
    return [{ name, file }];
  },
};
