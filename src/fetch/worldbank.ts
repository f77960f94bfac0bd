import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataError } from '../errors.js';
import { fetchMsg } from '../messages.js';
import { readJson } from './body.js';
import { BodyError, type ApiClient, type Chunk, type Query } from './types.js';

/** Rows per page asked for; the API pages anyway and `pages` is followed. */
export const WORLD_BANK_PER_PAGE = 20000;

/** Base URL: LINKAGE_WORLDBANK_API, default `https://api.worldbank.org/v2` (apis.md §2). */
export function worldBankBase(env: NodeJS.ProcessEnv): string {
  return (env['LINKAGE_WORLDBANK_API'] || 'https://api.worldbank.org/v2').replace(/\/+$/, '');
}

function pageUrl(q: Query, env: NodeJS.ProcessEnv, page: number): string {
  const countries = encodeURIComponent(q.key ?? 'all').replace(/%3B/gi, ';');
  const date = q.years ? `&date=${q.years[0]}:${q.years[1]}` : '';
  return `${worldBankBase(env)}/country/${countries}/indicator/${encodeURIComponent(q.id)}?format=json&per_page=${WORLD_BANK_PER_PAGE}&page=${page}${date}`;
}

interface Paging {
  page: number;
  pages: number;
  total: number;
  lastupdated?: string;
  sourceid?: string;
}

/** Read one page: `[paging, rows]`; the error envelope `[{"message": [...]}]` is a data error (105 "service unavailable" is retried). */
async function readPage(file: string): Promise<{ paging: Paging; rows: unknown[] }> {
  const parsed = await readJson(file, 'World Bank');
  if (!Array.isArray(parsed) || parsed.length === 0 || typeof parsed[0] !== 'object' || parsed[0] === null) throw new BodyError('World Bank answered JSON that is not the API v2 [paging, rows] array');
  const first = parsed[0] as Record<string, unknown>;
  if (Array.isArray(first['message'])) {
    const m = (first['message'][0] ?? {}) as { id?: string; key?: string; value?: string };
    if (m.id === '105') throw new BodyError('World Bank: service currently unavailable (error 105)');
    throw dataError(fetchMsg.apiError('World Bank', `error ${m.id ?? '?'} ${m.key ?? ''}: ${m.value ?? ''}`.trim()), {});
  }
  const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN);
  const paging: Paging = { page: num(first['page']), pages: num(first['pages']), total: num(first['total']), ...(typeof first['lastupdated'] === 'string' ? { lastupdated: first['lastupdated'] } : {}), ...(typeof first['sourceid'] === 'string' ? { sourceid: first['sourceid'] } : {}) };
  const rows = parsed[1];
  if (paging.total === 0 || rows === null || rows === undefined) {
    throw dataError(fetchMsg.noData('World Bank'), {});
  }
  if (!Number.isInteger(paging.pages) || !Number.isInteger(paging.page) || !Array.isArray(rows)) throw new BodyError('World Bank answered a page without page/pages counts or rows');
  for (const r of rows) {
    const o = r as Record<string, unknown> | null;
    if (o === null || typeof o !== 'object' || typeof o['date'] !== 'string' || !('value' in o)) throw new BodyError('World Bank answered rows without date or value');
  }
  return { paging, rows };
}

/** World Bank Indicators API v2 (JSON, paged: page 1 tells how many pages follow). */
export const worldBankClient: ApiClient = {
  api: 'worldbank',
  label: 'World Bank Indicators API',
  plan(q, env) {
    if (!/^[A-Za-z0-9_.]+$/.test(q.id)) {
      throw dataError(fetchMsg.badQuery(`worldbank:${q.id}`), {});
    }
    const base: Chunk = { id: 'page-1', url: pageUrl(q, env, 1), headers: { accept: 'application/json' } };
    return [base];
  },
  async check(file, chunk) {
    const { paging } = await readPage(file);
    const n = Number(chunk.id.slice('page-'.length));
    if (paging.page !== n) throw new BodyError(`World Bank answered page ${paging.page} when page ${n} was asked for`);
    if (n !== 1) return [];
    const more: Chunk[] = [];
    for (let p = 2; p <= paging.pages; p++) more.push({ ...chunk, id: `page-${p}`, url: chunk.url.replace(/([?&])page=1(&|$)/, `$1page=${p}$2`) });
    return more;
  },
  async assemble(chunks, q, dir) {
    const rows: unknown[] = [];
    let first: Paging | undefined;
    for (const { file } of chunks) {
      const page = await readPage(file);
      first ??= page.paging;
      rows.push(...page.rows);
    }
    if (first !== undefined && first.total !== rows.length) throw new BodyError(`World Bank announced ${first.total} rows but the pages held ${rows.length}`);
    const paging = { page: 1, pages: 1, per_page: rows.length, total: rows.length, ...(first?.sourceid ? { sourceid: first.sourceid } : {}), ...(first?.lastupdated ? { lastupdated: first.lastupdated } : {}) };
    const name = `worldbank-${q.id}.json`;
    const file = join(dir, name);
    writeFileSync(file, `${JSON.stringify([paging, rows])}\n`);
    return [{ name, file }];
  },
};
