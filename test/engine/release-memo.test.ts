import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheDir } from '../../src/cache/root.js';
import { memoisedDictionaries, type ParsedDictionaries } from '../../src/engine/release-memo.js';
import { tmpDir } from '../helpers.js';

// The parsed BACI release dictionaries are remembered per (path, size, mtime) of both files
// (src/engine/release-memo.ts): a second read skips the parse, a changed file or a damaged memo is
// parsed again, a refused dictionary is never remembered, --no-cache never uses the memo.
// SYNTHETIC dictionaries.
const saved = process.env.LINKAGE_CACHE_DIR;
beforeEach(() => {
  process.env.LINKAGE_CACHE_DIR = join(tmpDir(), 'cache');
});
afterEach(() => {
  process.env.LINKAGE_CACHE_DIR = saved;
});

function files(): { dict: string; products: string } {
  const dir = tmpDir();
  const dict = join(dir, 'country_codes_V202301.csv');
  const products = join(dir, 'product_codes_HS17_V202301.csv');
  writeFileSync(dict, 'country_code,iso_3digit_alpha\n156,CHN\n392,JPN\n');
  writeFileSync(products, 'code,description\n10121,"Horses: live, pure-bred"\n854231,Processors\n');
  return { dict, products };
}

/** A parse that counts its calls and returns `value`. */
function counting(value: ParsedDictionaries) {
  const parse = () => {
    parse.calls += 1;
    return value;
  };
  parse.calls = 0;
  return parse;
}

const PARSED: ParsedDictionaries = { areas: [[156, 'CHN'], [392, 'JPN']], codes: [10121, 854231] };

describe('release dictionary memo', () => {
  it('parses once, then reads the memo while both files are unchanged', () => {
    const { dict, products } = files();
    const parse = counting(PARSED);
    expect(memoisedDictionaries(dict, products, true, parse)).toEqual(PARSED);
    expect(memoisedDictionaries(dict, products, true, parse)).toEqual(PARSED);
    expect(parse.calls).toBe(1);
    expect(readdirSync(cacheDir('releases'))).toHaveLength(1);
  });

  it('parses again when either file changes size or modification time', () => {
    const { dict, products } = files();
    const parse = counting(PARSED);
    memoisedDictionaries(dict, products, true, parse);
    writeFileSync(dict, `${readFileSync(dict, 'utf8')}410,KOR\n`);
    memoisedDictionaries(dict, products, true, parse);
    expect(parse.calls).toBe(2);
    utimesSync(products, new Date(2001, 1, 1), new Date(2001, 1, 1));
    memoisedDictionaries(dict, products, true, parse);
    expect(parse.calls).toBe(3);
    memoisedDictionaries(dict, products, true, parse);
    expect(parse.calls).toBe(3);
  });

  it('a damaged memo is parsed again and rewritten', () => {
    const { dict, products } = files();
    const parse = counting(PARSED);
    memoisedDictionaries(dict, products, true, parse);
    const [name] = readdirSync(cacheDir('releases'));
    const memo = join(cacheDir('releases'), name as string);
    for (const bad of ['{"id":', JSON.stringify({ ...JSON.parse(readFileSync(memo, 'utf8')), codes: ['x'] })]) {
      writeFileSync(memo, bad);
      expect(memoisedDictionaries(dict, products, true, parse)).toEqual(PARSED);
    }
    expect(parse.calls).toBe(3);
    expect(memoisedDictionaries(dict, products, true, parse)).toEqual(PARSED);
    expect(parse.calls).toBe(3);
  });

  it('a refused dictionary is not remembered, and without the memo (--no-cache) every read parses', () => {
    const { dict, products } = files();
    const refuse = () => {
      throw new Error('refused');
    };
    expect(() => memoisedDictionaries(dict, products, true, refuse)).toThrow('refused');
    expect(() => memoisedDictionaries(dict, products, true, refuse)).toThrow('refused');
    const parse = counting(PARSED);
    memoisedDictionaries(dict, products, false, parse);
    memoisedDictionaries(dict, products, false, parse);
    expect(parse.calls).toBe(2);
  });
});
