import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFile, type Loaded } from '../../src/loaders/load.js';
import { countryRegistry } from '../../src/model/countries.js';
import { sharedDataPath } from '../../src/paths.js';
import { tmpDir } from '../helpers.js';
import { head } from './mutate.js';

// Metamorphic fuzzing: how lines end never changes what a CSV holds. Every real CSV input under
// ../shared/data (its first 128 KiB) is loaded as it is and with its line ends rewritten — all
// CRLF, CRLF on the header only (the defect that read one row), CRLF on every other line — and
// must give the same rows. (Values are compared exactly; `line` in provenance is not compared.)
const ROOT = sharedDataPath();
const INPUTS = /^(oecd|comtrade\/(legacy|plus)|imf|worldbank|wipo)\//;

const key = (l: Loaded) => l.rows.map((r) => `${r.measure}|${r.geo}|${r.partner ?? ''}|${r.year}|${String(r.value)}|${r.unit}`).sort();

function variants(text: string): [string, string][] {
  const lines = text.split('\n');
  return [
    ['every line CRLF', lines.join('\r\n')],
    ['only the header CRLF', `${lines[0]}\r\n${lines.slice(1).join('\n')}`],
    ['every other line CRLF', lines.map((l, i) => (i < lines.length - 1 ? `${l}${i % 2 === 0 ? '\r\n' : '\n'}` : l)).join('')],
  ];
}

describe('line ends never change what a CSV holds', () => {
  const files = readdirSync(ROOT, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.csv') && INPUTS.test(relative(ROOT, join(e.parentPath, e.name))))
    .map((e) => join(e.parentPath, e.name))
    .sort();

  it('there are real CSV inputs to test (../shared/data is there)', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  for (const source of files) {
    it(relative(ROOT, source), async () => {
      const dir = tmpDir();
      const text = Buffer.from(head(readFileSync(source), 128 * 1024)).toString('latin1').replace(/\r\n/g, '\n');
      const load = async (name: string, body: string) => {
        const file = join(dir, name, basename(source));
        mkdirSync(join(dir, name));
        writeFileSync(file, Buffer.from(body, 'latin1'));
        return loadFile(file, { countries: countryRegistry() }).then(key, (e: Error) => `error: ${e.message}`);
      };
      const base = await load('lf', text);
      for (const [name, body] of variants(text)) expect(await load(name.replace(/\W+/g, '-'), body), name).toEqual(base);
    });
  }
});
