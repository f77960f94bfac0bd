import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataError, LinkageError } from '../errors.js';
import { loadFile } from '../loaders/load.js';
import { fetchMsg } from '../messages.js';
import { countryRegistry } from '../model/countries.js';
import { ensureCache, fetchRoot, queryId, readEntry, storeFiles, writeEntry } from './cache.js';
import { fetchClock, type Clock } from './clock.js';
import { download, timeoutsFrom, type Timeouts } from './http.js';
import { CLIENTS, LIMITS } from './clients.js';
import { fetchCommand, queryText } from './query.js';
import { takeSlot } from './ratelimit.js';
import type { RetryPolicy } from './retry.js';
import { BodyError, type CacheEntry, type Chunk, type Query, type RequestRecord } from './types.js';

/**
 * How a query may use the network: `fetch` downloads what is not cached; `refresh` re-validates
 * cached entries (If-None-Match / If-Modified-Since; 304 keeps the entry); `offline` and `cached`
 * never touch the network (`offline` fails on a query that is not cached, `cached` skips it).
 */
export type FetchMode = 'fetch' | 'refresh' | 'offline' | 'cached';

export interface FetchOptions {
  mode: FetchMode;
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
  retry?: RetryPolicy;
  timeouts?: Timeouts;
  /** Progress and waiting notes (stderr). */
  note?: (text: string) => void;
}

/** A cached query: its entry and the absolute paths of its files (which `--input` accepts). */
export interface Fetched {
  entry: CacheEntry;
  files: string[];
  /** Whether this run made requests (false: served from the cache). */
  requested: boolean;
}

function absolute(root: string, entry: CacheEntry): string[] {
  return entry.files.map((f) => join(root, f.path));
}

/**
 * Get a query's files into the cache and return them. Chunks (pages, years, reporter blocks) are
 * downloaded one by one into a resume folder; a rerun after an interruption reuses the completed
 * ones. Only when every chunk is in and the assembled files load with linkage's own loader are
 * they moved into the store and the entry written, so a failure never leaves a half-written entry.
 */
export async function fetchQuery(query: Query, opts: FetchOptions): Promise<Fetched | undefined> {
  const env = opts.env ?? process.env;
  const root = fetchRoot(env);
  const text = queryText(query);
  const cached = readEntry(root, text);
  if (cached !== undefined && opts.mode !== 'refresh') return { entry: cached, files: absolute(root, cached), requested: false };
  if (opts.mode === 'cached') return undefined;
  if (opts.mode === 'offline') {
    throw dataError(fetchMsg.notCached(text, fetchCommand(query)), {});
  }
  const client = CLIENTS[query.api];
  if (client === undefined) {
    throw dataError(fetchMsg.noApi(query.api), {});
  }
  ensureCache(root);
  const clock = opts.clock ?? fetchClock();
  const note = opts.note ?? (() => undefined);
  const base = {
    api: client.label,
    clock,
    timeouts: opts.timeouts ?? timeoutsFrom(env),
    ...(opts.retry ? { retry: opts.retry } : {}),
    secrets: client.secrets?.(env) ?? {},
    slot: () => takeSlot(join(root, 'ratelimit.json'), query.api, LIMITS[query.api] ?? [], clock, note),
    note,
  };
  const chunks = client.plan(query, env);
  if (cached !== undefined && chunks.length === 1 && cached.requests.length === 1) {
    const first = chunks[0] as Chunk;
    const v = cached.requests[0] as RequestRecord;
    if (v.etag !== undefined || v.last_modified !== undefined) {
      const tmp = join(root, 'tmp', `${randomBytes(8).toString('hex')}.part`);
      const res = await download(first, tmp, { ...base, check: (f) => client.check(f, first), validators: { ...(v.etag ? { etag: v.etag } : {}), ...(v.last_modified ? { lastModified: v.last_modified } : {}) } });
      if (res === 'not-modified') {
        note(fetchMsg.notModified(text));
        return { entry: cached, files: absolute(root, cached), requested: true };
      }
      rmSync(tmp, { force: true });
    }
  }
  const partial = join(root, 'partial', queryId(text));
  mkdirSync(partial, { recursive: true });
  if (cached !== undefined) for (const c of chunks) rmSync(join(partial, `${c.id}.body`), { force: true });
  writeFileSync(join(partial, 'query.txt'), `${text}\n`);
  const done: { chunk: Chunk; file: string }[] = [];
  const records: RequestRecord[] = [];
  const queue = [...chunks];
  const seen = new Set(queue.map((c) => c.id));
  while (queue.length > 0) {
    const chunk = queue.shift() as Chunk;
    const body = join(partial, `${chunk.id}.body`);
    const meta = join(partial, `${chunk.id}.json`);
    let more: Chunk[];
    if (existsSync(body) && existsSync(meta)) {
      records.push(JSON.parse(readFileSync(meta, 'utf8')) as RequestRecord);
      more = await client.check(body, chunk);
    } else {
      note(fetchMsg.downloading(client.label, chunk.url));
      const tmp = join(root, 'tmp', `${randomBytes(8).toString('hex')}.part`);
      let found: Chunk[] = [];
      const rec = await download(chunk, tmp, { ...base, check: async (f) => (found = await client.check(f, chunk)) });
      if (rec === 'not-modified') throw new Error('304 answer to an unconditional request');
      renameSync(tmp, body);
      writeFileSync(meta, `${JSON.stringify(rec)}\n`);
      records.push(rec);
      more = found;
    }
    done.push({ chunk, file: body });
    for (const m of more) {
      if (!seen.has(m.id)) {
        seen.add(m.id);
        queue.push(m);
      }
    }
  }
  const out = join(root, 'tmp', randomBytes(8).toString('hex'));
  mkdirSync(out, { recursive: true });
  try {
    const files = await client.assemble(done, query, out);
    for (const f of files) await validate(f.file, f.name, text, client.label);
    const stored = await storeFiles(root, files);
    const first = records[0];
    const entry: CacheEntry = {
      query: text,
      api: query.api,
      url: first?.url ?? '',
      retrieved: first?.retrieved ?? new Date(clock.now()).toISOString(),
      ...(first?.etag ? { etag: first.etag } : {}),
      ...(first?.last_modified ? { last_modified: first.last_modified } : {}),
      requests: records,
      files: stored,
    };
    writeEntry(root, entry);
    rmSync(partial, { recursive: true, force: true });
    return { entry, files: absolute(root, entry), requested: true };
  } catch (e) {
    rmSync(partial, { recursive: true, force: true });
    if (e instanceof BodyError) {
      throw dataError(fetchMsg.badAnswer(client.label, text, e.message), {});
    }
    throw e;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** An assembled file must load with linkage's loaders before it enters the cache. */
async function validate(file: string, name: string, query: string, api: string): Promise<void> {
  if (/\.(zip|txt)$/i.test(name) || /^(country_codes|product_codes)/i.test(name) || /^BACI_/i.test(name)) return;
  try {
    await loadFile(file, { countries: countryRegistry(), label: name });
  } catch (e) {
    if (e instanceof LinkageError) {
      throw dataError(fetchMsg.badAnswer(api, query, e.oneLine()), {});
    }
    throw e;
  }
}
