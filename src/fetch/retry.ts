import type { Clock } from './clock.js';

/** Retry policy: attempts, exponential backoff base and cap (ms). */
export interface RetryPolicy {
  /** Attempts in all, the first included (default 5). */
  attempts: number;
  /** First backoff delay in ms (default 2,000); doubles on each retry. */
  baseMs: number;
  /** Longest wait in ms (default 120,000); a Retry-After beyond it ends the retries. */
  capMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseMs: 2000, capMs: 120_000 };

/**
 * `Retry-After` in ms: delay-seconds (`120`, also `0`) or an HTTP date (relative to `now`);
 * undefined when absent or unreadable.
 */
export function retryAfterMs(header: string | string[] | undefined, now: number): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const date = Date.parse(v);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * Wait before retry number `retry` (1 = first retry): the server's Retry-After when given,
 * otherwise exponential backoff `base × 2^(retry−1)` with jitter (50–100 % of it), capped.
 */
export function backoffMs(retry: number, policy: RetryPolicy, clock: Clock, retryAfter?: number): number {
  if (retryAfter !== undefined) return Math.min(retryAfter, policy.capMs);
  const exp = Math.min(policy.capMs, policy.baseMs * 2 ** (retry - 1));
  return Math.round(exp * (0.5 + clock.random() / 2));
}

/** HTTP statuses worth retrying: rate limits and server errors. */
export function retryable(status: number): boolean {
  return status === 429 || status === 408 || (status >= 500 && status <= 599);
}
