import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFile, loadText } from '../../src/loaders/load.js';
import { reason } from '../../src/messages.js';
import { countryRegistry } from '../../src/model/countries.js';
import type { CanonicalRow } from '../../src/model/types.js';
import { tradeReducer } from '../../src/trade/aggregate.js';
import { resolveProducts } from '../../src/trade/products.js';
import { cli, tmpDir } from '../helpers.js';

// Synthetic UN Comtrade extracts (not real figures): China's imports (M) in 2018, H5, by partner and
// code, one table written as a legacy CSV, a Comtrade Plus CSV and a Comtrade Plus JSON response.
// An empty value ('') is a row the export leaves without a value (not published, confidential).
//   WLD: 8541 400, 854231 100, 854232 100, TOTAL 5000       → HS:85 600
//   JPN: 8541 40,  854231 '',  854232 10,  TOTAL ''         → HS:85 unknown (was 50), TOTAL unknown
//   KOR: 85 300 (the chapter), 8542 ''                      → HS:85 300: the chapter covers 8542
//   USA: 8542 '', 854231 70                                 → HS:85 unknown (was 70): no row covers 8542
const DATA: [string, string, string][] = [
  ['0', '8541', '400'], ['0', '854231', '100'], ['0', '854232', '100'], ['0', 'TOTAL', '5000'],
  ['392', '8541', '40'], ['392', '854231', ''], ['392', '854232', '10'], ['392', 'TOTAL', ''],
  ['410', '85', '300'], ['410', '8542', ''],
  ['842', '8542', ''], ['842', '854231', '70'],
];

const LEGACY_HEAD = 'Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Commodity,Qty Unit Code,Qty Unit,Qty,Netweight (kg),Trade Value (US$),Flag';
const legacy = (data = DATA) => [LEGACY_HEAD, ...data.map(([p, cmd, v]) => `H5,2018,2018,2018,0,0,1,Import,156,China,CHN,${p},P,,${cmd},C,1,No Quantity,,,${v},0`)].join('\n');

// Comtrade Plus CSV as source-formats.md F4 describes it (every value quoted, empty ones bare, a
// trailing comma on data rows), cut to the columns linkage reads.
const PLUS_HEAD = ['typeCode', 'freqCode', 'refYear', 'reporterCode', 'flowCode', 'partnerCode', 'partner2Code', 'classificationCode', 'cmdCode', 'customsCode', 'motCode', 'primaryValue', 'legacyEstimationFlag'];
const plusRecord = ([p, cmd, v]: [string, string, string]) => ['C', 'A', '2018', '156', 'M', p, '0', 'H5', cmd, 'C00', '0', v, '0'];
const plus = () => [PLUS_HEAD.join(','), ...DATA.map((r) => `${plusRecord(r).map((c) => (c === '' ? '' : `"${c}"`)).join(',')},`)].join('\n');
// The Plus JSON API gives a missing value as null.
const plusJson = () => JSON.stringify({ elapsedTime: '0.1 secs', count: DATA.length, data: DATA.map((r) => Object.fromEntries(PLUS_HEAD.map((h, k) => [h, h === 'primaryValue' ? (r[2] === '' ? null : Number(r[2])) : plusRecord(r)[k]]))), error: '' });

const GROUPS = [resolveProducts('HS:85'), resolveProducts('TOTAL')];
const cell = (rows: CanonicalRow[], measure: string, partner: string) => rows.find((r) => r.measure === measure && r.geo === 'CHN' && r.partner === partner);

async function loadAll(): Promise<[string, Awaited<ReturnType<typeof loadText>>][]> {
  const countries = countryRegistry();
  const json = join(tmpDir(), 'plus.json');
  writeFileSync(json, plusJson());
  return [
    ['legacy.csv', await loadText(legacy(), 'legacy.csv', { countries, reducer: () => tradeReducer(GROUPS) })],
    ['plus.csv', await loadText(plus(), 'plus.csv', { countries, reducer: () => tradeReducer(GROUPS) })],
    [json, await loadFile(json, { countries, reducer: () => tradeReducer(GROUPS) })],
  ];
}

describe('a Comtrade row without a value in a product-group sum (synthetic legacy, Plus CSV and Plus JSON)', () => {
  it('makes the cell missing, naming the code and the file, instead of a smaller sum (JPN: HS:85 was 50)', async () => {
    for (const [file, loaded] of await loadAll()) {
      const jpn = cell(loaded.rows, 'trade:M:HS:85', 'JPN');
      expect(jpn?.value, file).toBeNull();
      expect(jpn?.missing, file).toBe(reason.tradeNoValue('CHN', 'M', 'JPN', 'HS:85', [{ code: 'HS 854231', line: 7 }], file));
      expect(jpn?.missing).toMatch(new RegExp(`^CHN imports from JPN: HS 854231 \\(line 7\\) has no value in ${file.replace(/[.\\/]/g, '\\$&')}, so the HS:85 sum is not known$`));
      // The world row is summed as before.
      expect(cell(loaded.rows, 'trade:M:HS:85', 'WLD')?.value, file).toBe(600);
    }
  });

  it('a coarser code with a value covers the detail row without one; a detail row does not cover its heading', async () => {
    for (const [file, loaded] of await loadAll()) {
      // KOR: chapter 85 (300) covers heading 8542: the value is the chapter's, as without that row.
      expect(cell(loaded.rows, 'trade:M:HS:85', 'KOR')?.value, file).toBe(300);
      expect(cell(loaded.rows, 'trade:M:HS:85', 'KOR')?.missing, file).toBeUndefined();
      // USA: heading 8542 has no value, and its subheading 854231 (70) is only part of it.
      const usa = cell(loaded.rows, 'trade:M:HS:85', 'USA');
      expect(usa?.value, file).toBeNull();
      expect(usa?.missing, file).toMatch(/: HS 8542 \(line 12\) has no value in /);
    }
  });

  it('the source\'s own all-products row (TOTAL) without a value makes the TOTAL cell missing', async () => {
    for (const [file, loaded] of await loadAll()) {
      expect(cell(loaded.rows, 'trade:M:TOTAL', 'WLD')?.value, file).toBe(5000);
      const jpn = cell(loaded.rows, 'trade:M:TOTAL', 'JPN');
      expect(jpn?.value, file).toBeNull();
      expect(jpn?.missing, file).toBe(`CHN imports from JPN: the all-products row (TOTAL) has no value in ${file} (line 9)`);
    }
  });

  it('a world row (partner WLD) without a value follows the same rule; codes are listed, each once', async () => {
    const data: [string, string, string][] = [['0', '854231', ''], ['0', '854232', ''], ['0', '8541', '5'], ['392', '8541', '1']];
    const loaded = await loadText(legacy(data), 'w.csv', { countries: countryRegistry(), reducer: () => tradeReducer(GROUPS) });
    const w = cell(loaded.rows, 'trade:M:HS:85', 'WLD');
    expect(w?.value).toBeNull();
    expect(w?.missing).toBe('CHN imports from the world: HS 854231 (line 2), HS 854232 (line 3) have no value in w.csv, so the HS:85 sum is not known');
    expect(cell(loaded.rows, 'trade:M:HS:85', 'JPN')?.value).toBe(1);
  });

  it('rows without a value are read and counted as missing values, not skipped (loader and inspect)', async () => {
    const [[, loaded]] = (await loadAll()) as [[string, Awaited<ReturnType<typeof loadText>>]];
    expect(loaded.summary.skipped).toEqual({ count: 0, reasons: {} });
    expect(loaded.summary.rows).toBe(DATA.length);
    // Without a reducer the raw rows are kept, value null (never zero).
    const raw = await loadText(plus(), 'plus.csv', { countries: countryRegistry() });
    expect(raw.rows.filter((r) => r.value === null).map((r) => `${r.partner} ${r.measure}`)).toEqual(['JPN trade:M:H5:854231', 'JPN trade:M:H5:TOTAL', 'KOR trade:M:H5:8542', 'USA trade:M:H5:8542']);
    const f = join(tmpDir(), 'legacy.csv');
    writeFileSync(f, legacy());
    const info = JSON.parse((await cli('inspect', f, '--format', 'json')).stdout) as { rows: number; missing_values: number; skipped: { count: number } };
    expect([info.rows, info.missing_values, info.skipped.count]).toEqual([DATA.length, 4, 0]);
  });
});
