import { afterEach, beforeEach } from 'vitest';
import { fakeClock, useClock, type Clock } from '../../src/fetch/clock.js';
import { tmpDir } from '../helpers.js';

/**
 * Per-test fetch environment: a fresh LINKAGE_CACHE_DIR, a fake clock (backoff and rate-limit
 * waits are recorded, never slept), and the given env variables; all restored after the test.
 */
export function fetchEnv(): { cache: () => string; clock: () => Clock & { slept: number[] }; set: (vars: Record<string, string>) => void } {
  let cache = '';
  let clock = fakeClock();
  let saved: Record<string, string | undefined> = {};
  let previous: Clock | undefined;
  const set = (vars: Record<string, string>) => {
    for (const [k, v] of Object.entries(vars)) {
      if (!(k in saved)) saved[k] = process.env[k];
      process.env[k] = v;
    }
  };
  beforeEach(() => {
    saved = {};
    cache = tmpDir();
    clock = fakeClock();
    previous = useClock(clock);
    set({ LINKAGE_CACHE_DIR: cache });
  });
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    if (previous !== undefined) useClock(previous);
  });
  return { cache: () => cache, clock: () => clock, set };
}
