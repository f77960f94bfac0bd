import { describe, expect, it } from 'vitest';
import { loadFile } from '../../src/loaders/load.js';
import { countryRegistry } from '../../src/model/countries.js';
import { loadCsvText, shared } from '../helpers.js';

// Synthetic rows in the DP_LIVE layout (§2 of source-formats.md).
const DP = `\uFEFF"LOCATION","INDICATOR","SUBJECT","MEASURE","FREQUENCY","TIME","Value","Flag Codes"\r
"CHN","GDEXPRD","TOT","PC_GDP","A","2000",0.89316324973749,\r
"CHN","GDEXPRD","TOT","MLN_USD","A","2000",1234.5,\r
"CHN","GDEXPRD","TOT","MLN_USD","Q","2000Q1",1,\r
"EU27_2020","GDEXPRD","TOT","PC_GDP","A","2021",2.14941022981423,P\r
`;

describe('OECD DP_LIVE loader', () => {
  it('maps measures, scales MLN_USD to US$, skips and counts non-annual rows', async () => {
    const { rows, summary } = await loadCsvText(DP, 'DP_LIVE_08052023154811337.csv');
    expect(summary.loader).toBe('oecd-dp-live');
    expect(summary.edition).toBe('2023-05-08');
    expect(rows.map((r) => [r.measure, r.geo, r.year, r.value])).toEqual([
      ['gerd_pct_gdp', 'CHN', 2000, 0.89316324973749],
      ['gerd_usd_ppp', 'CHN', 2000, 1234500000],
      ['gerd_pct_gdp', 'EU27_2020', 2021, 2.14941022981423],
    ]);
    expect(summary.skipped).toEqual({ count: 1, reasons: { 'not annual (FREQUENCY Q)': 1 } });
    expect(rows[2]?.flags.provisional).toBe(true);
  });

  it('reads the real export: China 2000 and 2017, Korea 2017 (2023 edition)', async () => {
    const { rows, summary } = await loadFile(shared('oecd', 'gerd-dp-live-2023-05.csv'), { countries: countryRegistry() });
    expect(summary.rows).toBe(2896);
    const v = (geo: string, year: number) => rows.find((r) => r.measure === 'gerd_pct_gdp' && r.geo === geo && r.year === year)?.value;
    expect(v('CHN', 2000)).toBe(0.89316324973749);
    expect(v('CHN', 2017)).toBe(2.11602977395209);
    expect(v('KOR', 2017)).toBe(4.29205559905964);
  });
});
