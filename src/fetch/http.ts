import { createWriteStream, rmSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import { dataError, LinkageError } from '../errors.js';
import { fetchMsg } from '../messages.js';
import { toolVersion } from '../paths.js';
import type { Clock } from './clock.js';
import { backoffMs, DEFAULT_RETRY, retryable, retryAfterMs, type RetryPolicy } from './retry.js';
import { BodyError, type Chunk, type RequestRecord } from './types.js';

/** Timeouts in ms: TCP connect, waiting for response headers, and silence while the body streams. */
export interface Timeouts {
  connectMs: number;
  headersMs: number;
  idleMs: number;
}

/** Defaults: 15 s to connect, 60 s for headers, 60 s of silence mid-body. `LINKAGE_FETCH_TIMEOUT` (seconds) sets the last two. */
export function timeoutsFrom(env: NodeJS.ProcessEnv): Timeouts {
  const s = Number(env['LINKAGE_FETCH_TIMEOUT']);
  const ms = Number.isFinite(s) && s > 0 ? s * 1000 : 60_000;
  return { connectMs: Math.min(15_000, ms), headersMs: ms, idleMs: ms };
}

/** What a download needs besides the chunk. */
export interface DownloadContext {
  api: string;
  clock: Clock;
  retry?: RetryPolicy;
  timeouts: Timeouts;
  /** Headers that must never be recorded (subscription keys). */
  secrets?: Readonly<Record<string, string>>;
  /** Waits for the API's rate limit before each request. */
  slot: () => Promise<void>;
  /** Checks a complete answer; BodyError = retry (throttle text, HTML page, truncated body). */
  check: (file: string) => Promise<unknown>;
  /** Conditional request (re-validation): a 304 answer returns `not-modified`. */
  validators?: { etag?: string; lastModified?: string };
  note: (text: string) => void;
}

let agent: Dispatcher | undefined;
let agentKey = '';
/** undici loads on the first download, not at every start of the CLI (about 0.3 s). */
let undici: Promise<typeof import('undici')> | undefined;
const loadUndici = () => (undici ??= import('undici'));

/** One proxy-aware dispatcher per set of timeouts (HTTPS_PROXY, HTTP_PROXY, NO_PROXY honoured). */
async function dispatcher(t: Timeouts): Promise<Dispatcher> {
  const { EnvHttpProxyAgent, interceptors } = await loadUndici();
  const key = `${t.connectMs}|${t.headersMs}|${t.idleMs}`;
  if (agent === undefined || key !== agentKey) {
    agent = new EnvHttpProxyAgent({ connectTimeout: t.connectMs, headersTimeout: t.headersMs, bodyTimeout: t.idleMs }).compose(interceptors.redirect({ maxRedirections: 5 }));
    agentKey = key;
  }
  return agent;
}

function header(h: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

function decoder(encoding: string | undefined): NodeJS.ReadWriteStream | undefined {
  const e = (encoding ?? '').trim().toLowerCase();
  if (e === 'gzip' || e === 'x-gzip') return createGunzip();
  if (e === 'deflate') return createInflate();
  if (e === 'br') return createBrotliDecompress();
  return undefined;
}

/** Remove any secret value from a text (defence in depth for error messages). */
export function redact(text: string, secrets: Readonly<Record<string, string>> | undefined): string {
  let out = text;
  for (const v of Object.values(secrets ?? {})) if (v.length >= 4) out = out.split(v).join('***');
  return out;
}

async function snippet(body: Readable): Promise<string> {
  let text = '';
  for await (const c of body as AsyncIterable<Buffer>) {
    if (text.length < 2000) text += c.toString('utf8');
  }
  return text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 160);
}

/**
 * GET `chunk.url` into `dest` with retries: 429, 408 and 5xx answers, network failures, timeouts
 * and bodies `check` rejects are retried with exponential backoff and jitter (Retry-After, in
 * seconds or as an HTTP date, honoured up to the cap); 404 and other 4xx are final. gzip, deflate
 * and br bodies are decoded. `dest` exists only when the answer was complete and accepted.
 */
export async function download(chunk: Chunk, dest: string, ctx: DownloadContext): Promise<RequestRecord | 'not-modified'> {
  const policy = ctx.retry ?? DEFAULT_RETRY;
  let last = '';
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    let retryAfter: number | undefined;
    await ctx.slot();
    try {
      const headers: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br', 'user-agent': `linkage/${toolVersion()}`, ...(chunk.headers ?? {}), ...(ctx.secrets ?? {}) };
      if (ctx.validators?.etag) headers['if-none-match'] = ctx.validators.etag;
      if (ctx.validators?.lastModified) headers['if-modified-since'] = ctx.validators.lastModified;
      const { request } = await loadUndici();
      const res = await request(chunk.url, { method: 'GET', headers, dispatcher: await dispatcher(ctx.timeouts) });
      const h = res.headers as Record<string, string | string[] | undefined>;
      if (res.statusCode === 304) {
        await res.body.dump();
        return 'not-modified';
      }
      if (res.statusCode !== 200) {
        const text = await snippet(res.body);
        if (res.statusCode === 404) {
          throw dataError(fetchMsg.notFound(ctx.api, chunk.url, text), {});
        }
        if (!retryable(res.statusCode)) {
          throw dataError(fetchMsg.httpStatus(ctx.api, res.statusCode, chunk.url, redact(text, ctx.secrets)), {});
        }
        last = `HTTP ${res.statusCode}${text ? ` (${redact(text, ctx.secrets).slice(0, 80)})` : ''}`;
        retryAfter = retryAfterMs(h['retry-after'], ctx.clock.now());
      } else {
        const decode = decoder(header(h, 'content-encoding'));
        try {
          await (decode ? pipeline(res.body, decode, createWriteStream(dest)) : pipeline(res.body, createWriteStream(dest)));
          await ctx.check(dest);
          return {
            url: chunk.url,
            retrieved: new Date(ctx.clock.now()).toISOString(),
            ...(header(h, 'etag') ? { etag: header(h, 'etag') as string } : {}),
            ...(header(h, 'last-modified') ? { last_modified: header(h, 'last-modified') as string } : {}),
          };
        } catch (e) {
          rmSync(dest, { force: true });
          if (e instanceof BodyError) {
            last = e.message;
            retryAfter = e.retryAfterMs;
          } else throw e;
        }
      }
    } catch (e) {
      if (e instanceof LinkageError) throw e;
      last = redact(describe(e), ctx.secrets);
    }
    if (retryAfter !== undefined && retryAfter > policy.capMs) {
      throw dataError(fetchMsg.waitTooLong(ctx.api, Math.ceil(retryAfter / 1000), chunk.url), {});
    }
    if (attempt < policy.attempts) {
      const wait = backoffMs(attempt, policy, ctx.clock, retryAfter);
      ctx.note(fetchMsg.retrying(ctx.api, last, Math.ceil(wait / 1000), attempt, policy.attempts));
      await ctx.clock.sleep(wait);
    }
  }
  throw dataError(fetchMsg.gaveUp(ctx.api, chunk.url, policy.attempts, last), {});
}

/** A network error in a few words (undici codes: timeouts, closed sockets, refused connections). */
function describe(e: unknown): string {
  const err = e as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = err.code ?? err.cause?.code;
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return 'timed out waiting for the server';
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return 'timed out connecting';
  if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'UND_ERR_CLOSED') return 'the connection was dropped mid-answer';
  if (code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') return 'the answer was shorter than announced (truncated)';
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR') return 'the compressed answer was truncated or corrupt';
  return err.message ?? String(e);
}
