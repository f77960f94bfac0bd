import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataError } from '../errors.js';
import { fetchMsg } from '../messages.js';
import { head, rejectHtml, rejectThrottleText } from './body.js';
import { BodyError, type ApiClient, type Query } from './types.js';

/** Base URL: LINKAGE_IMF_API, default `https://api.imf.org/external/sdmx/2.1` (apis.md §4.2). */
export function imfBase(env: NodeJS.ProcessEnv): string {
  return (env['LINKAGE_IMF_API'] || 'https://api.imf.org/external/sdmx/2.1').replace(/\/+$/, '');
}

/** `DIP`, `IMF.STA,DIP` or `IMF.STA,DIP,12.0.1` → the flow reference (agency IMF.STA by default). */
function flowRef(id: string): string {
  const parts = id.split(',').map((p) => p.trim());
  const [a, b, c] = parts.length === 1 ? ['IMF.STA', parts[0], undefined] : parts;
  if (parts.length > 3 || !/^IMF\.[A-Z]+$/.test(a ?? '') || !/^[A-Z0-9_]+$/.test(b ?? '') || (c !== undefined && !/^[0-9.]+$/.test(c))) {
    throw dataError(fetchMsg.badQuery(`imf:${id}`), {});
  }
  return c === undefined ? `${a},${b}` : `${a},${b},${c}`;
}

/**
 * IMF data portal SDMX 2.1 REST (`api.imf.org`, dataflow DIP "Direct Investment Positions by
 * Counterpart Economy", formerly CDIS): `…/data/IMF.STA,DIP/{COUNTRY}.{DV_TYPE}.{INDICATOR}.
 * {COUNTERPART_COUNTRY}.{FREQUENCY}?startPeriod&endPeriod`, asking for SDMX-CSV
 * (`Accept: application/vnd.sdmx.data+csv;version=1.0.0`). UNVERIFIED offline (apis.md §4.2):
 * public code reports CSV with `Accept: …data+csv;version=2.0.0` on the 3.0 surface and a header
 * `DATAFLOW,COUNTRY,DV_TYPE,INDICATOR,COUNTERPART_COUNTRY,FREQUENCY,TIME_PERIOD,OBS_VALUE,SCALE,STATUS`;
 * whether the 2.1 surface needs a subscription key, its rate limit and the current DIP version
 * are unknown (CONFLICT). Both a `DATAFLOW,` and a `STRUCTURE,` first column are accepted.
 */
export const imfClient: ApiClient = {
  api: 'imf',
  label: 'IMF SDMX API',
  plan(q: Query, env) {
    const period = q.years ? `?startPeriod=${q.years[0]}&endPeriod=${q.years[1]}` : '';
    const key = encodeURIComponent(q.key ?? 'all').replace(/%2B/gi, '+');
    return [{ id: 'all', url: `${imfBase(env)}/data/${flowRef(q.id)}/${key}${period}`, headers: { accept: 'application/vnd.sdmx.data+csv;version=1.0.0' } }];
  },
  async check(file) {
    const text = await head(file);
    rejectHtml(text, 'IMF');
    rejectThrottleText(text, 'IMF');
    if (!/^(DATAFLOW|STRUCTURE),/i.test(text) || !/\bOBS_VALUE\b/.test(text.split(/\r?\n/)[0] ?? '')) throw new BodyError(`IMF answered something other than SDMX-CSV (starts "${text.slice(0, 40).replace(/\s+/g, ' ')}")`);
    return [];
  },
  async assemble(chunks, q, dir) {
    const name = `imf-${q.id.replace(/[^A-Za-z0-9_.-]/g, '_')}.csv`;
    const file = join(dir, name);
    copyFileSync((chunks[0] as { file: string }).file, file);
    return [{ name, file }];
  },
};
