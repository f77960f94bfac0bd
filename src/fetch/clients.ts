import type { RateLimit } from './ratelimit.js';
import type { ApiClient, ApiName } from './types.js';
import { baciClient } from './baci.js';
import { comtradeClient } from './comtrade.js';
import { imfClient } from './imf.js';
import { oecdClient } from './oecd.js';
import { worldBankClient } from './worldbank.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** The API modules by name. WIPO has no API (`fetch` prints the manual steps instead). */
export const CLIENTS: Partial<Record<ApiName, ApiClient>> = {
  oecd: oecdClient,
  worldbank: worldBankClient,
  imf: imfClient,
  comtrade: comtradeClient,
  baci: baciClient,
};

/**
 * Request budgets per API (apis.md): OECD 20 per minute and 60 data downloads per hour (the
 * newest of three conflicting statements; the older ones say 20 per hour); Comtrade 1 per second
 * and 10 per minute (comtradr's default pace of one call every 6 s; the service answers 429 "Try
 * again in 2 seconds"); the World Bank and the IMF publish none (linkage keeps to 5 per second);
 * CEPII 6 archive downloads per hour (large files, no published limit).
 */
export const LIMITS: Partial<Record<ApiName, readonly RateLimit[]>> = {
  oecd: [
    { count: 20, windowMs: MINUTE, label: '20 requests per minute' },
    { count: 60, windowMs: HOUR, label: '60 data downloads per hour' },
  ],
  comtrade: [
    { count: 1, windowMs: 1000, label: '1 request per second' },
    { count: 10, windowMs: MINUTE, label: '10 requests per minute' },
  ],
  worldbank: [{ count: 5, windowMs: 1000, label: '5 requests per second' }],
  imf: [{ count: 5, windowMs: 1000, label: '5 requests per second' }],
  baci: [{ count: 6, windowMs: HOUR, label: '6 archive downloads per hour' }],
};
