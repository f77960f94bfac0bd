/**
 * Regenerates data/products/hs-correlation.csv from the UN Statistics Division HS correlation
 * tables in ../shared/data/comtrade/concordance/ (HS2022toHS2017… and HS2017toHS2012…
 * ConversionAndCorrelationTables.xlsx): for each six-digit code whose content changed between two
 * consecutive vintages, one row per direction with the kind of change (renumbered 1:1, split 1:n,
 * merged n:1, n:n) and all its counterparts, exactly as the UN rows list them: a group of another
 * vintage is refused a code when any counterpart is the group's, which a truncated list cannot tell
 * (HS2017 846210 has 15 counterparts, the last six in 8549). Every row of the correlation sheets
 * is a six-digit pair (no heading-level or "ex" rows are expanded here; the HS2017–HS2012 sheet's
 * "ex" mark on a row is a partial share of content, i.e. a change, and is read as such). Codes
 * absent from the extract are the same code with the same content in both vintages. Only this
 * derived extract is shipped, never the tables themselves.
 * Run: `npm run build && node dist/scripts/build-hs-correlation.js` (part of `npm run data`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cellText, readXlsx } from '../src/loaders/xlsx.js';
import { dataPath, sharedDataPath } from '../src/paths.js';

interface Table {
  file: string;
  sheet: RegExp;
  /** Columns of the newer and older vintage codes. */
  newer: number;
  older: number;
  newVintage: string;
  oldVintage: string;
}

const TABLES: Table[] = [
  { file: 'HS2022toHS2017ConversionAndCorrelationTables.xlsx', sheet: /Correlations/, newer: 0, older: 1, newVintage: 'H6', oldVintage: 'H5' },
  { file: 'HS2017toHS2012ConversionAndCorrelationTables.xlsx', sheet: /Correlation/, newer: 0, older: 2, newVintage: 'H5', oldVintage: 'H4' },
];

const add = (m: Map<string, Set<string>>, k: string, v: string) => {
  const s = m.get(k);
  if (s === undefined) m.set(k, new Set([v]));
  else s.add(v);
};

/** The kind of change of `code` seen from its side: its counterparts and theirs. */
function kind(code: string, there: ReadonlySet<string>, back: ReadonlyMap<string, Set<string>>): string {
  const counterpartsBack = [...there].map((d) => back.get(d)?.size ?? 0);
  if (there.size === 1) return counterpartsBack[0] === 1 ? ([...there][0] === code ? 'same' : '1:1') : 'n:1';
  return counterpartsBack.every((n) => n === 1) ? '1:n' : 'n:n';
}

const lines: string[] = [
  '# HS six-digit codes whose content changed between consecutive vintages (H4 = HS2012, H5 = HS2017, H6 = HS2022),',
  '# one row per code and direction: relationship 1:1 (renumbered), 1:n (split), n:1 (merged into a code shared',
  '# with others) or n:n; counterparts = all the codes of the other vintage (count = how many);',
  '# headings = the four-digit headings of all the counterparts.',
  '# Codes not listed kept their number and content. Derived by scripts/build-hs-correlation.ts from the UN',
  '# Statistics Division HS correlation and conversion tables (HS2022–HS2017, HS2017–HS2012), as in',
  '# ../shared/data/comtrade/concordance/; see data/README.md for source and licence.',
  'vintage,code,other_vintage,relationship,counterparts,count,headings',
];
for (const t of TABLES) {
  const sheet = readXlsx(readFileSync(sharedDataPath('comtrade', 'concordance', t.file)), t.file).find((s) => t.sheet.test(s.name));
  if (sheet === undefined) throw new Error(`${t.file}: no correlation sheet`);
  const down = new Map<string, Set<string>>();
  const up = new Map<string, Set<string>>();
  for (const r of sheet.rows) {
    const a = cellText(r[t.newer]).trim();
    const b = cellText(r[t.older]).trim();
    if (!/^\d{6}$/.test(a) || !/^\d{6}$/.test(b)) continue;
    add(down, a, b);
    add(up, b, a);
  }
  for (const [from, to, map, back] of [
    [t.newVintage, t.oldVintage, down, up],
    [t.oldVintage, t.newVintage, up, down],
  ] as const) {
    for (const code of [...map.keys()].sort()) {
      const there = map.get(code) as Set<string>;
      const k = kind(code, there, back);
      if (k === 'same') continue;
      const list = [...there].sort();
      lines.push(`${from},${code},${to},${k},${list.join(' ')},${list.length},${[...new Set(list.map((c) => c.slice(0, 4)))].join(' ')}`);
    }
  }
}
writeFileSync(dataPath('products', 'hs-correlation.csv'), `${lines.join('\n')}\n`);
console.log(`data/products/hs-correlation.csv: ${lines.length - 8} codes`);
