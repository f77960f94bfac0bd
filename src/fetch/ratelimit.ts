import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { dataError } from '../errors.js';
import { fetchMsg } from '../messages.js';
import type { Clock } from './clock.js';

/** At most `count` requests in any `windowMs` (e.g. OECD: 20 per minute and 60 per hour). */
export interface RateLimit {
  count: number;
  windowMs: number;
  /** How the limit is stated to users, e.g. `60 downloads per hour`. */
  label: string;
}

type Log = Record<string, number[]>;

function read(file: string): Log {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return parsed !== null && typeof parsed === 'object' ? (parsed as Log) : {};
  } catch {
    return {};
  }
}

function write(file: string, log: Log): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(log));
  renameSync(tmp, file);
}

/**
 * Per-API request budget, kept in `file` (the fetch cache's `ratelimit.json`) so a loop of
 * separate linkage commands respects an hourly limit too. A sliding-window log: the times of the
 * last requests per API; a request waits until every window has room. Waits up to `maxWaitMs`
 * (default 2 minutes, announced on `note`); a longer wait is a data error naming the limit and
 * the time a request is allowed again. Two processes fetching from one API at the same instant
 * may each take the last slot (the file is not locked); the server's 429 answers then take over.
 */
export async function takeSlot(file: string, api: string, limits: readonly RateLimit[], clock: Clock, note: (text: string) => void, maxWaitMs = 120_000): Promise<void> {
  if (limits.length === 0) return;
  const longest = Math.max(...limits.map((l) => l.windowMs));
  for (;;) {
    const log = read(file);
    const now = clock.now();
    const times = (log[api] ?? []).filter((t) => typeof t === 'number' && t > now - longest && t <= now).sort((a, b) => a - b);
    let wait = 0;
    let binding: RateLimit | undefined;
    for (const l of limits) {
      const inWindow = times.filter((t) => t > now - l.windowMs);
      if (inWindow.length >= l.count) {
        const until = (inWindow[inWindow.length - l.count] as number) + l.windowMs - now;
        if (until > wait) {
          wait = until;
          binding = l;
        }
      }
    }
    if (wait <= 0 || binding === undefined) {
      log[api] = [...times, now];
      write(file, log);
      return;
    }
    if (wait > maxWaitMs) {
      throw dataError(fetchMsg.rateLimited(api, binding.label, new Date(now + wait).toISOString()), {});
    }
    note(fetchMsg.waitingForLimit(api, binding.label, Math.ceil(wait / 1000)));
    await clock.sleep(wait);
  }
}
