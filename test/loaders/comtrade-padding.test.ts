import { describe, expect, it } from 'vitest';
import { loadCsvText } from '../helpers.js';

// Noticed last round: a Comtrade Plus CSV whose cells are padded with spaces loaded 0 rows (every
// row skipped as "not annual": freqCode " A " was not trimmed), and a header with spaces around
// its names was refused. Synthetic two-row extract in the documented layout (source-formats.md
// F4: 47 names, every value quoted, a trailing comma on data rows), cut to the columns read.
const HEADER = ['typeCode', 'freqCode', 'refYear', 'reporterCode', 'flowCode', 'partnerCode', 'partner2Code', 'classificationCode', 'cmdCode', 'customsCode', 'motCode', 'primaryValue', 'legacyEstimationFlag'];
const ROWS = [
  ['C', 'A', '2022', '156', 'M', '0', '0', 'H6', 'TOTAL', 'C00', '0', '2715997517261', '4'],
  ['C', 'A', '2022', '156', 'M', '392', '0', 'H6', 'TOTAL', 'C00', '0', '184550000000', '4'],
];
const csv = (pad: (s: string) => string, padHeader: boolean) =>
  [(padHeader ? HEADER.map(pad) : HEADER).join(','), ...ROWS.map((r) => `${r.map((c) => `"${pad(c)}"`).join(',')},`)].join('\n');

describe('Comtrade Plus CSV with padded cells and header names', () => {
  it('reads the same rows as the unpadded file, none skipped', async () => {
    const plain = await loadCsvText(csv((s) => s, false), 'plus.csv');
    expect(plain.rows.map((r) => [r.measure, r.geo, r.partner, r.year, r.value])).toEqual([
      ['trade:M:H6:TOTAL', 'CHN', 'WLD', 2022, 2715997517261],
      ['trade:M:H6:TOTAL', 'CHN', 'JPN', 2022, 184550000000],
    ]);
    for (const padHeader of [false, true]) {
      const padded = await loadCsvText(csv((s) => ` ${s} `, padHeader), 'plus.csv');
      expect(padded.summary.skipped.count).toBe(0);
      expect(padded.rows.map((r) => [r.measure, r.geo, r.partner, r.year, r.value])).toEqual(plain.rows.map((r) => [r.measure, r.geo, r.partner, r.year, r.value]));
    }
  });
});
