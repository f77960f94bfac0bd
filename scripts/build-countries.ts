/**
 * Regenerates data/countries.csv from ../shared/data/comtrade/reference/countries-m49.csv
 * (UN M49 with the UN Comtrade codes that differ from M49; repository DrPrettyman/CountryData,
 * commit 616019856133266ffdd9ddeb626b7f26fb100b9d). Run: `npm run build && node dist/scripts/build-countries.js`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseDataCsv } from '../src/model/csv-text.js';
import { dataPath, sharedDataPath } from '../src/paths.js';

const rows = parseDataCsv(readFileSync(sharedDataPath('comtrade', 'reference', 'countries-m49.csv'), 'utf8'));
const quote = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const lines = [
  '# Countries: ISO3, ISO2, UN M49 and the UN Comtrade code where it differs from M49.',
  '# Derived by scripts/build-countries.ts from UN M49 via DrPrettyman/CountryData countries-m49.csv',
  '# (commit 616019856133266ffdd9ddeb626b7f26fb100b9d). Do not edit by hand: add areas to areas.csv and',
  '# name variants to country-aliases.csv.',
  'code,iso2,m49,comtrade,name,kind',
];
for (const r of rows) {
  if (r.non_country_region === 'True') continue;
  const m49 = (r.m49 ?? '').padStart(3, '0');
  const comtrade = r.m49_comtrade && r.m49_comtrade !== r.m49 ? r.m49_comtrade.padStart(3, '0') : '';
  lines.push([r.iso3 ?? '', r.iso2 ?? '', m49, comtrade, quote(r.country ?? ''), 'country'].join(','));
}
writeFileSync(dataPath('countries.csv'), lines.join('\n') + '\n');
console.log(`wrote ${lines.length - 5} countries`);
