import { describe, expect, it } from 'vitest';
import { LinkageError } from '../../src/errors.js';
import { dsdOf } from '../../src/loaders/sdmx-csv.js';
import { loadCsvText } from '../helpers.js';

// Synthetic: no real Data Explorer file of the MSTI dataflow was available offline. These files
// follow the documented layouts of source-formats.md §3a (codes only) and §3b (with labels)
// exactly; the values are invented.
const CODES_ONLY = `DATAFLOW,REF_AREA,FREQ,MEASURE,UNIT_MEASURE,PRICE_BASE,TRANSFORMATION,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MULT,DECIMALS
OECD.STI.STP:DSD_MSTI@DF_MSTI(1.3),KOR,A,G,USD_PPP,V,_Z,2017,90.5,E,9,1
OECD.STI.STP:DSD_MSTI@DF_MSTI(1.3),JPN,A,G,PT_B1GQ,_Z,_Z,2017,3.2,A,0,2
OECD.STI.STP:DSD_MSTI@DF_MSTI(1.3),JPN,A,B,PT_B1GQ,_Z,_Z,2017,2.5,P,0,2
OECD.STI.STP:DSD_MSTI@DF_MSTI(1.3),JPN,Q,G,PT_B1GQ,_Z,_Z,2017,3.2,A,0,2
`;

const WITH_LABELS = `STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,ACTION,REF_AREA,Reference area,FREQ,Frequency of observation,MEASURE,Measure,UNIT_MEASURE,Unit of measure,PRICE_BASE,Price base,TRANSFORMATION,Transformation,TIME_PERIOD,Time period,OBS_VALUE,Observation value,OBS_STATUS,Observation status,UNIT_MULT,Unit multiplier\r
DATAFLOW,OECD.STI.STP:DSD_MSTI@DF_MSTI(1.3),"Main Science and Technology Indicators",I,CHN,China (People's Republic of),A,Annual,G,"Gross domestic expenditure on R&D, GERD",PT_B1GQ,Percentage of GDP,_Z,Not applicable,_Z,Not applicable,2017,,2.12,,A,Normal value,0,Units\r
DATAFLOW,OECD.STI.STP:DSD_MSTI@DF_MSTI(1.3),"Main Science and Technology Indicators",I,CHN,China (People's Republic of),A,Annual,G,"Gross domestic expenditure on R&D, GERD",USD_PPP,US dollars PPP,V,Current prices,_Z,Not applicable,2017,,496.2,,E,Estimated value,9,Billions\r
`;

describe('OECD SDMX-CSV loader', () => {
  it('codes-only: maps by header name, applies UNIT_MULT, keeps OBS_STATUS, counts non-annual rows', async () => {
    const { rows, summary } = await loadCsvText(CODES_ONLY);
    expect(summary.loader).toBe('oecd-sdmx');
    expect(summary.dataset).toBe('DSD_MSTI');
    expect(rows.map((r) => [r.measure, r.geo, r.year, r.value])).toEqual([
      ['gerd_usd_ppp', 'KOR', 2017, 90500000000],
      ['gerd_pct_gdp', 'JPN', 2017, 3.2],
      ['DSD_MSTI:B.PT_B1GQ._Z._Z', 'JPN', 2017, 2.5],
    ]);
    expect(rows[0]?.flags.estimated).toBe(true);
    expect(rows[2]?.flags.provisional).toBe(true);
    expect(summary.skipped.reasons).toEqual({ 'not annual (FREQ Q)': 1 });
  });

  it('with labels: label columns are ignored, codes are used', async () => {
    const { rows } = await loadCsvText(WITH_LABELS);
    expect(rows.map((r) => [r.measure, r.geo, r.value])).toEqual([
      ['gerd_pct_gdp', 'CHN', 2.12],
      ['gerd_usd_ppp', 'CHN', 496200000000],
    ]);
  });

  it('is strict about the columns it relies on', async () => {
    const broken = CODES_ONLY.replace('REF_AREA', 'AREA');
    await expect(loadCsvText(broken)).rejects.toThrow(LinkageError);
    await expect(loadCsvText(broken)).rejects.toThrow(/REF_AREA/);
  });

  it('reads the DSD id from the dataflow URN', () => {
    expect(dsdOf('OECD.STI.PIE:DSD_PATENTS@DF_PATENTS_INDICATORS(1.0)')).toBe('DSD_PATENTS');
  });
});
