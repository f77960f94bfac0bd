import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { fileState, readCacheFile, writeCacheFile } from '../cache/files.js';
import { cacheDir } from '../cache/root.js';
import { toolVersion } from '../paths.js';

/**
 * What a release's two dictionaries hold, as parsed: the rows of country_codes_V*.csv with an
 * integer code (the code and the trimmed ISO3 column) and the integer codes of
 * product_codes_HS*_V*.csv (null without one). Parsing the 0.6 MB product list is most of a cached
 * run's reading, so the parse is remembered in `cacheDir('releases')` per path and state (fileState) of
 * both files and linkage's version, like the input's SHA-256 (src/engine/cache.ts). Only a
 * successful parse is remembered: a dictionary that is refused is read, and refused, every time.
 */
export interface ParsedDictionaries {
  areas: [number, string][];
  codes: number[] | null;
}

const FORMAT = 1;

const isInt = (x: unknown): x is number => Number.isInteger(x);

function valid(m: Partial<ParsedDictionaries>): m is ParsedDictionaries {
  return Array.isArray(m.areas) && m.areas.every((a) => Array.isArray(a) && a.length === 2 && isInt(a[0]) && typeof a[1] === 'string') && (m.codes === null || (Array.isArray(m.codes) && m.codes.every(isInt)));
}

/**
 * `parse(dict, productFile)`, or its remembered result when both files have the path and state
 * ({@link fileState}) they had then. With `memo` false (`--no-cache`) the files are always parsed.
 */
export function memoisedDictionaries(dict: string, productFile: string | undefined, memo: boolean, parse: () => ParsedDictionaries): ParsedDictionaries {
  if (!memo) return parse();
  let id: string;
  try {
    const d = statSync(dict);
    const p = productFile === undefined ? undefined : statSync(productFile);
    id = JSON.stringify([FORMAT, toolVersion(), dict, fileState(d), productFile ?? null, p === undefined ? null : fileState(p)]);
  } catch {
    return parse();
  }
  const dir = cacheDir('releases');
  const name = `${createHash('sha256').update(id).digest('hex')}.json`;
  try {
    const text = readCacheFile(dir, name, 64 << 20);
    if (text !== undefined) {
      const m = JSON.parse(text.toString('utf8')) as Partial<ParsedDictionaries> & { id?: unknown };
      if (m.id === id && valid(m)) return { areas: m.areas, codes: m.codes };
    }
  } catch {
    /* unreadable: parse again and rewrite */
  }
  const parsed = parse();
  writeCacheFile(dir, name, JSON.stringify({ id, ...parsed }));
  return parsed;
}
