/**
 * Regenerates the product-group data under data/products/ from ../shared:
 * - hightech-atp-hs6.csv: the US Census Bureau Advanced Technology Products list (407 Schedule B
 *   10-digit codes, ../shared/reference/hightech-atp-census.csv) folded to HS2017 6-digit
 *   subheadings, with the number of ATP lines and of all Schedule B lines in each subheading (from
 *   ../shared/data/census/schedule-b-2019-export-concordance.txt), so the any/most/all rule for
 *   partial subheadings can be applied at run time.
 * - hs2017-sitc4.csv: the UN Statistics Division HS 2017 → SITC Rev.4 conversion table
 *   (../shared/data/comtrade/concordance/HS2017toSITC4__Conversion_HS17_SITC4.csv), used to map a
 *   product group defined in SITC Rev.4 onto HS 2017.
 * - hs2017-codes.txt: the HS 2017 six-digit codes (../shared/data/comtrade/concordance/classificationH5.json).
 * Run: `npm run build && node dist/scripts/build-products.js`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseDataCsv } from '../src/model/csv-text.js';
import { dataPath, sharedDataPath } from '../src/paths.js';

const atp = parseDataCsv(readFileSync(sharedDataPath('..', 'reference', 'hightech-atp-census.csv'), 'utf8'));
const schedule = readFileSync(sharedDataPath('census', 'schedule-b-2019-export-concordance.txt'), 'latin1').split(/\r?\n/);
const allLines = new Map<string, number>();
for (const line of schedule) {
  const code = line.slice(0, 10);
  if (!/^\d{10}$/.test(code)) continue;
  allLines.set(code.slice(0, 6), (allLines.get(code.slice(0, 6)) ?? 0) + 1);
}
const bySub = new Map<string, { lines: number; groups: Set<string> }>();
for (const r of atp) {
  const sub = (r.code ?? '').slice(0, 6);
  const e = bySub.get(sub) ?? { lines: 0, groups: new Set<string>() };
  e.lines++;
  e.groups.add(r.group ?? '');
  bySub.set(sub, e);
}
const out = [
  '# High-technology products: US Census Bureau Advanced Technology Products (ATP), Schedule B 2019 (HS2017-based),',
  '# folded to HS2017 subheadings by scripts/build-products.ts. atp_lines = ATP 10-digit lines in the subheading;',
  '# all_lines = all Schedule B export lines in it. Rule (--products hightech[:any|:most|:all], default most):',
  '# a subheading is high-tech if any / more than half / all of its 10-digit lines are ATP.',
  '# Source: US Census Bureau, Schedule B export concordance (hitech field), via ../shared/reference/hightech-atp-census.csv.',
  'hs6,atp_lines,all_lines,groups',
];
for (const [sub, e] of [...bySub].sort(([a], [b]) => a.localeCompare(b))) {
  out.push(`${sub},${e.lines},${allLines.get(sub) ?? e.lines},"${[...e.groups].sort().join('; ')}"`);
}
writeFileSync(dataPath('products', 'hightech-atp-hs6.csv'), `${out.join('\n')}\n`);

const conv = readFileSync(sharedDataPath('comtrade', 'concordance', 'HS2017toSITC4__Conversion_HS17_SITC4.csv'), 'utf8').split(/\r?\n/).slice(1).filter(Boolean);
writeFileSync(
  dataPath('products', 'hs2017-sitc4.csv'),
  `# HS 2017 six-digit subheading → SITC Rev.4 basic heading. UN Statistics Division, HS2017 to SITC Rev.4 conversion table\n# (via ../shared/data/comtrade/concordance/HS2017toSITC4__Conversion_HS17_SITC4.csv), derived by scripts/build-products.ts.\nhs6,sitc4\n${conv.join('\n')}\n`,
);

const h5 = JSON.parse(readFileSync(sharedDataPath('comtrade', 'concordance', 'classificationH5.json'), 'utf8')) as { results: { id: string }[] };
const codes = h5.results.map((r) => r.id).filter((id) => /^\d{6}$/.test(id)).sort();
writeFileSync(dataPath('products', 'hs2017-codes.txt'), `# HS 2017 six-digit codes (UN Comtrade classificationH5.json), derived by scripts/build-products.ts\n${codes.join('\n')}\n`);
console.log(`hightech subheadings ${bySub.size}, concordance rows ${conv.length}, HS2017 codes ${codes.length}`);
