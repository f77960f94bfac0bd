/**
 * Time as the fetch client sees it: `now()` in milliseconds since the epoch, `sleep(ms)` to wait,
 * `random()` in [0, 1) for backoff jitter. Injectable so tests never sleep for real.
 */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

let current: Clock = systemClock;

/** The clock fetch uses (the system clock unless a test replaced it). */
export function fetchClock(): Clock {
  return current;
}

/** Replace the clock (tests); returns the previous one so it can be restored. */
export function useClock(clock: Clock): Clock {
  const previous = current;
  current = clock;
  return previous;
}

/**
 * A clock that never waits: `sleep` advances `now` instantly and records every wait (ms), so
 * tests can check backoff and Retry-After without real delays.
 */
export function fakeClock(start = Date.UTC(2026, 0, 1)): Clock & { slept: number[] } {
  let t = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => t,
    sleep: async (ms) => {
      slept.push(ms);
      t += ms;
    },
    random: () => 0.5,
  };
}
