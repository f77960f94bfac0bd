import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeClock } from '../../src/fetch/clock.js';
import { takeSlot, type RateLimit } from '../../src/fetch/ratelimit.js';
import { backoffMs, DEFAULT_RETRY, retryAfterMs } from '../../src/fetch/retry.js';
import { parseQuery, queryText } from '../../src/fetch/query.js';
import { LinkageError } from '../../src/errors.js';
import { tmpDir } from '../helpers.js';

describe('Retry-After and backoff', () => {
  const now = Date.UTC(2026, 0, 1, 12, 0, 0);
  it('reads delay-seconds, zero and HTTP dates', () => {
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('0', now)).toBe(0);
    expect(retryAfterMs('Thu, 01 Jan 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Thu, 01 Jan 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
  it('doubles with jitter between 50 and 100 % and stops at the cap; Retry-After wins', () => {
    const clock = { ...fakeClock(), random: () => 0 };
    expect([1, 2, 3].map((n) => backoffMs(n, DEFAULT_RETRY, clock))).toEqual([1000, 2000, 4000]);
    const high = { ...fakeClock(), random: () => 0.999999 };
    expect(backoffMs(3, DEFAULT_RETRY, high)).toBe(8000);
    expect(backoffMs(30, DEFAULT_RETRY, high)).toBe(DEFAULT_RETRY.capMs);
    expect(backoffMs(1, DEFAULT_RETRY, clock, 7000)).toBe(7000);
  });
});

describe('rate limits (sliding window, persisted)', () => {
  const oecd: RateLimit[] = [
    { count: 20, windowMs: 60_000, label: '20 requests per minute' },
    { count: 60, windowMs: 3_600_000, label: '60 data downloads per hour' },
  ];
  it('waits for the per-minute window, then refuses to wait most of an hour, across "processes"', async () => {
    const file = join(tmpDir(), 'ratelimit.json');
    const clock = fakeClock();
    const notes: string[] = [];
    for (let i = 0; i < 20; i++) await takeSlot(file, 'oecd', oecd, clock, (t) => notes.push(t));
    expect(clock.slept).toEqual([]);
    await takeSlot(file, 'oecd', oecd, clock, (t) => notes.push(t));
    expect(clock.slept).toEqual([60_000]);
    expect(notes[0]).toBe('waiting 60 s for the oecd rate limit (20 requests per minute)');
    // The log is on disk: a new "process" (same file) sees the 21 requests.
    expect((JSON.parse(readFileSync(file, 'utf8')) as Record<string, number[]>).oecd).toHaveLength(21);
    for (let i = 0; i < 39; i++) await takeSlot(file, 'oecd', oecd, clock, () => undefined);
    const err = await takeSlot(file, 'oecd', oecd, clock, () => undefined).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LinkageError);
    expect((err as LinkageError).message).toBe('the oecd rate limit (60 data downloads per hour) is used up by earlier requests from this machine');
  });
});

describe('queries', () => {
  it('parse and print as the cache key', () => {
    expect(queryText(parseQuery('worldbank:BX.GSR.ROYL.CD', 'CHN;JPN', '2010-2012'))).toBe('worldbank:BX.GSR.ROYL.CD --key CHN;JPN --years 2010-2012');
    expect(queryText(parseQuery('OECD:DSD_PATENTS@DF_PATENTS_INDICATORS'))).toBe('oecd:DSD_PATENTS@DF_PATENTS_INDICATORS');
    expect(() => parseQuery('nasa:X')).toThrow(/cannot read fetch query "nasa:X"/);
    expect(() => parseQuery('worldbank:')).toThrow(/cannot read fetch query/);
    expect(() => parseQuery('worldbank:X', undefined, '2019-2010')).toThrow(/cannot read years "2019-2010"/);
  });
});
