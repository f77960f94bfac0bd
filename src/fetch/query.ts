import { usageError } from '../errors.js';
import { fetchMsg } from '../messages.js';
import { APIS, type ApiName, type Query } from './types.js';

/** Parse `--years Y` or `Y1-Y2` into an inclusive span. */
export function parseSpan(spec: string): [number, number] {
  const m = /^\s*(\d{4})\s*(?:[-:]\s*(\d{4}))?\s*$/.exec(spec);
  if (!m) {
    throw usageError(fetchMsg.badYears(spec));
  }
  const a = Number(m[1]);
  const b = m[2] !== undefined ? Number(m[2]) : a;
  if (b < a) {
    throw usageError(fetchMsg.badYears(spec));
  }
  return [a, b];
}

/** `api:id` plus `--key` and `--years` → a query (usage error naming the spec otherwise). */
export function parseQuery(spec: string, key?: string, years?: string): Query {
  const i = spec.indexOf(':');
  const api = (i === -1 ? spec : spec.slice(0, i)).trim().toLowerCase();
  const id = i === -1 ? '' : spec.slice(i + 1).trim();
  if (!(APIS as readonly string[]).includes(api) || id === '' || /[\s\u0000-\u001f]/.test(id)) {
    throw usageError(fetchMsg.badQuery(spec));
  }
  if (key !== undefined && /[\s\u0000-\u001f]/.test(key)) {
    throw usageError(fetchMsg.badQuery(`${spec} --key ${key}`));
  }
  return { api: api as ApiName, id, ...(key !== undefined && key !== '' ? { key } : {}), ...(years !== undefined ? { years: parseSpan(years) } : {}) };
}

/** The query as `linkage fetch` takes it; also the cache key (so it never holds a secret). */
export function queryText(q: Query): string {
  const parts = [`${q.api}:${q.id}`];
  if (q.key !== undefined) parts.push(`--key ${q.key}`);
  if (q.years !== undefined) parts.push(`--years ${q.years[0] === q.years[1] ? q.years[0] : `${q.years[0]}-${q.years[1]}`}`);
  return parts.join(' ');
}

/** The query as a shell command line (keys quoted, since `;` and `&` are shell syntax). */
export function fetchCommand(q: Query): string {
  const parts = ['linkage fetch', `${q.api}:${q.id}`];
  if (q.key !== undefined) parts.push(`--key '${q.key}'`);
  if (q.years !== undefined) parts.push(`--years ${q.years[0] === q.years[1] ? q.years[0] : `${q.years[0]}-${q.years[1]}`}`);
  return parts.join(' ');
}

/** Years of a span, in order. */
export function yearsOf(span: readonly [number, number]): number[] {
  const out: number[] = [];
  for (let y = span[0]; y <= span[1]; y++) out.push(y);
  return out;
}
