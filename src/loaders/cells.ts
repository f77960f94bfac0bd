import { dataError } from '../errors.js';
import { msg } from '../messages.js';
import type { Flags } from '../model/types.js';

/** Cell texts that mean "no value" in OECD, World Bank and R exports. Never zero. */
const MISSING = new Set(['', 'NA', '..', ':', 'NaN', '-']);

/** A numeric cell's number; null for a missing token; undefined when it is neither. */
export function cellNumber(text: string | undefined): number | null | undefined {
  const t = (text ?? '').trim();
  if (MISSING.has(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) ? n : undefined;
}

/** Parse a numeric cell; null for a missing token; a data error naming line and column otherwise. */
export function parseValue(text: string | undefined, file: string, line: number, column: string): number | null {
  const n = cellNumber(text);
  if (n === undefined) throw dataError(msg.notNumeric(column, (text ?? '').trim()), { file, line, column });
  return n;
}

/** Parse a 4-digit year cell. */
export function parseYear(text: string | undefined, file: string, line: number, column: string): number {
  const t = (text ?? '').trim();
  if (!/^\d{4}$/.test(t)) {
    throw dataError(msg.badYear(t), { file, line, column });
  }
  return Number(t);
}

/** The unit multipliers OECD documents (PowerCode and SDMX UNIT_MULT): 10^0 (units) to 10^12 (trillions). */
export const POWER_RANGE = [0, 12] as const;

/** Parse a unit-multiplier cell (power of ten); empty means 0; outside {@link POWER_RANGE} is a data error. */
export function parsePower(text: string | undefined, file: string, line: number, column: string): number {
  const t = (text ?? '').trim();
  if (t === '' || t === 'NA') return 0;
  if (!/^-?\d+$/.test(t)) {
    throw dataError(msg.notNumeric(column, t), { file, line, column });
  }
  const n = Number(t);
  if (n < POWER_RANGE[0] || n > POWER_RANGE[1]) {
    throw dataError(msg.powerRange(t, POWER_RANGE[0], POWER_RANGE[1]), { file, line, column });
  }
  return n;
}

/**
 * Scale a value by 10^power in decimal, so `1060.5662649924` × 10^6 is exactly `1060566264.9924`
 * (binary multiplication would give `1060566264.9923999`).
 */
export function applyPower(value: number | null, power: number): number | null {
  if (value === null || power === 0) return value;
  // Shift the decimal exponent: `1e-7` × 10^3 is `1e-4` exactly (not 0.00009999999999999999).
  const [mantissa, exponent = '0'] = String(value).split('e');
  return Number(`${mantissa}e${Number(exponent) + power}`);
}

/**
 * Normalise OECD flag codes (`E`, `P`, `B`, `C`, lower-case in MSTI, `;`-separated) and SDMX
 * OBS_STATUS codes (`E`, `P`, `B`, `C`/`Q` confidential) to {@link Flags}.
 */
export function parseFlags(text: string | undefined): Flags {
  const raw = (text ?? '').trim();
  if (raw === '' || raw === 'A') return {};
  const flags: Flags = { raw };
  for (const part of raw.split(/[;,\s]+/)) {
    switch (part.toUpperCase()) {
      case 'E':
        flags.estimated = true;
        break;
      case 'P':
        flags.provisional = true;
        break;
      case 'B':
        flags.break = true;
        break;
      case 'C':
      case 'Q':
        flags.confidential = true;
        break;
      default:
        break;
    }
  }
  return flags;
}

/** Guess an edition (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) from a file name; `unknown` otherwise. */
export function editionFromFileName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  // OECD.Stat and DP_LIVE exports: NAME_DDMMYYYYhhmmssSSS.csv
  const stamp = /_(\d{2})(\d{2})(\d{4})\d{6,9}\b/.exec(base);
  if (stamp) return `${stamp[3]}-${stamp[2]}-${stamp[1]}`;
  const ym = /(?:^|\D)((?:19|20)\d{2})-(0[1-9]|1[0-2])(?:\D|$)/.exec(base);
  if (ym) return `${ym[1]}-${ym[2]}`;
  const ed = /(?:edition[-_ ]?((?:19|20)\d{2}))|(?:((?:19|20)\d{2})[-_ ]?edition)/i.exec(base);
  if (ed) return ed[1] ?? ed[2] ?? 'unknown';
  return 'unknown';
}
