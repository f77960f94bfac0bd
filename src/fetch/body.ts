import { open, readFile } from 'node:fs/promises';
import { BodyError } from './types.js';

/** The first `n` bytes of a file as text (for checking what an answer starts with). */
export async function head(file: string, n = 4096): Promise<string> {
  const h = await open(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await h.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
  } finally {
    await h.close();
  }
}

/** An HTML page where data was expected (a gateway, proxy or portal error page): retried. */
export function rejectHtml(text: string, api: string): void {
  const t = text.trimStart().slice(0, 200).toLowerCase();
  if (t.startsWith('<!doctype html') || t.startsWith('<html') || t.startsWith('<?xml') && t.includes('<html')) {
    throw new BodyError(`${api} answered with an HTML page instead of data`);
  }
}

/** Throttle messages some APIs send with status 200 instead of 429 (OECD "exceeded the number of requests"). */
export function rejectThrottleText(text: string, api: string): void {
  if (/exceeded the number of requests|ExceededRequests|rate limit is exceeded|too many requests/i.test(text.slice(0, 2000))) {
    throw new BodyError(`${api} answered with a throttle message instead of data`);
  }
}

/** Parse a JSON answer; a truncated or non-JSON body is a BodyError (retried). */
export async function readJson(file: string, api: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  rejectHtml(text, api);
  rejectThrottleText(text.length < 4096 ? text : '', api);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new BodyError(`${api} answered with incomplete or invalid JSON (${text.length} bytes; truncated?)`);
  }
}
