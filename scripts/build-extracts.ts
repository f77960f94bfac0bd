/**
 * Regenerates the shipped extracts (data/sample/{imf,worldbank,wipo,comtrade}-*.csv) from the real
 * files in ../shared/data; what each holds is defined in scripts/extracts.ts. Run: `npm run data`.
 */
import { writeFileSync } from 'node:fs';
import { dataPath } from '../src/paths.js';
import { EXTRACTS, renderExtract } from './extracts.js';

for (const s of EXTRACTS) {
  const { text, rows, filtered, skipped } = await renderExtract(s);
  writeFileSync(dataPath('sample', s.output), text);
  console.log(`${s.output}: ${rows} rows (${filtered} not selected, ${skipped} skipped)`);
}
