import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { loadFile, type Loaded } from '../../src/loaders/load.js';
import { countryRegistry } from '../../src/model/countries.js';
import { sharedDataPath } from '../../src/paths.js';
import { tmpDir } from '../helpers.js';
import { head } from './mutate.js';

// Metamorphic fuzzing: rewrites that do not change what a CSV holds must not change the rows read.
// Every real CSV input under ../shared/data (its first 96 KiB) is loaded as it is and rewritten —
// line ends (all CRLF; CRLF on the header only, the defect that read one row; CRLF on every other
// line), a BOM, no final newline, blank lines at the end, every field quoted, data rows in reverse
// order; OECD and Comtrade files also with a space around every data cell, Comtrade files around
// every header name too — and each must give the same rows,
// values compared exactly.
const ROOT = sharedDataPath();
const INPUTS = /^(oecd|comtrade\/(legacy|plus)|imf|worldbank|wipo)\//;

const rowsOf = (l: Loaded) => l.rows.map((r) => `${r.measure}|${r.geo}|${r.partner ?? ''}|${r.year}|${String(r.value)}|${r.unit}`).sort();

/**
 * `oecd` and `comtrade` files also get their data cells padded with spaces (codes and values are
 * trimmed); `comtrade` files also their header names.
 */
function variants(text: string, source: string): [string, string][] {
  const oecd = source.startsWith('oecd/');
  const comtrade = source.startsWith('comtrade/');
  const lines = text.replace(/\n$/, '').split('\n');
  const quoted = Papa.unparse(Papa.parse<string[]>(lines.join('\n'), { delimiter: ',' }).data, { quotes: true, newline: '\n' });
  return [
    ['every line CRLF', `${lines.join('\r\n')}\r\n`],
    ['only the header CRLF', `${lines[0]}\r\n${lines.slice(1).join('\n')}\n`],
    ['every other line CRLF', `${lines.map((l, i) => `${l}${i % 2 === 0 ? '\r\n' : '\n'}`).join('')}`],
    ['a UTF-8 BOM', `\uFEFF${text}`],
    ['no final newline', lines.join('\n')],
    ['blank lines at the end', `${lines.join('\n')}\n\n\n`],
    ['every field quoted', `${quoted}\n`],
    ['data rows reversed', `${[lines[0], ...lines.slice(1).reverse()].join('\n')}\n`],
    ...(!oecd && !comtrade ? [] : ([['a space around every data cell', `${[lines[0], ...padded(lines.slice(1))].join('\n')}\n`]] as [string, string][])),
    ...(!comtrade ? [] : ([['a space around every header name and data cell', `${padded(lines).join('\n')}\n`]] as [string, string][])),
  ];
}

/** Lines with a space around every non-empty cell, each cell quoted. */
function padded(lines: readonly string[]): string[] {
  return Papa.parse<string[]>(lines.join('\n'), { delimiter: ',' }).data.map((r) => Papa.unparse([r.map((c) => (c === '' ? c : ` ${c} `))], { quotes: true }));
}

describe('rewrites that keep a CSV\'s content keep its rows', () => {
  const files = (existsSync(ROOT) ? readdirSync(ROOT, { recursive: true, withFileTypes: true }) : [])
    .filter((e) => e.isFile() && e.name.endsWith('.csv') && INPUTS.test(relative(ROOT, join(e.parentPath, e.name))))
    .map((e) => join(e.parentPath, e.name))
    .sort();

  it('there are real CSV inputs to rewrite (../shared/data is there)', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  for (const source of files) {
    it(relative(ROOT, source), async () => {
      const dir = tmpDir();
      const text = Buffer.from(head(readFileSync(source), 96 * 1024)).toString('utf8').replace(/\r\n/g, '\n');
      const load = async (name: string, body: string) => {
        mkdirSync(join(dir, name));
        const file = join(dir, name, basename(source));
        writeFileSync(file, body);
        return loadFile(file, { countries: countryRegistry() }).then(rowsOf, (e: Error) => `error: ${e.message}`);
      };
      const base = await load('as-is', text);
      for (const [name, body] of variants(text, relative(ROOT, source))) {
        const got = await load(name.replace(/\W+/g, '-'), body);
        // A file no loader reads (a tidy table of the study) stays unread, however it is written.
        if (typeof base === 'string') expect(typeof got, name).toBe('string');
        else expect(got, name).toEqual(base);
      }
    });
  }
});
