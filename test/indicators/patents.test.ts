import { describe, expect, it } from 'vitest';
import { pctForeignShare } from '../../indicators/pct-foreign-share.js';
import { pctIntraShare } from '../../indicators/pct-intra-share.js';
import type { Geo } from '../../src/model/indicator.js';
import { loadGroups } from '../../src/model/groups.js';
import { countryRegistry } from '../../src/model/countries.js';
import { ObservationTable } from '../../src/model/table.js';
import { LinkageError } from '../../src/errors.js';
import { loadCsvText } from '../helpers.js';

// Synthetic: an OECD Data Explorer SDMX-CSV in the DSD_PATENTS layout of source-formats.md §3
// (codes only). All numbers are invented and the expected shares are worked out by hand below.
const FLOW = 'OECD.STI.PIE:DSD_PATENTS@DF_PATENTS_INDICATORS(1.0)';
const HEAD = 'DATAFLOW,PATENT_AUTHORITIES,FREQ,MEASURE,UNIT_MEASURE,DATE_TYPE,REF_AREA,PARTNER_AREA,AGENT_ROLE,COOPERATION_TYPE,WIPO,OECD_TECHNOLOGY_PATENT,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MULT,DECIMALS';
const row = (unit: string, area: string, partner: string, role: string, type: string, value: string) => `${FLOW},9P50_1,A,AP,${unit},PRIORITY,${area},${partner},${role},${type},_Z,_Z,2018,${value},A,0,0`;
const lines = [
  HEAD,
  // Totals by inventor country (FO, co-invention base) and by owner country (DO base).
  row('PATN', 'CHN', '_Z', 'INV', '_T', '1000'),
  row('PATN', 'JPN', '_Z', 'INV', '_T', '500'),
  row('PATN', 'KOR', '_Z', 'INV', '_T', '250'),
  row('PATN', 'CHN', '_Z', 'APP', '_T', '800'),
  row('PATN', 'JPN', '_Z', 'APP', '_T', '600'),
  row('PATN', 'KOR', '_Z', 'APP', '_T', '300'),
  // Foreign ownership of domestic inventions: all foreign (W) and by member partner.
  row('PATN', 'CHN', 'W', '_Z', 'FO', '100'),
  row('PATN', 'JPN', 'W', '_Z', 'FO', '20'),
  row('PT_PATN', 'KOR', 'W', '_Z', 'FO', '4'), // a share: 4 % of 250 = 10
  row('PATN', 'CHN', 'JPN', '_Z', 'FO', '5'),
  row('PATN', 'CHN', 'KOR', '_Z', 'FO', '3'),
  row('PATN', 'JPN', 'CHN', '_Z', 'FO', '2'),
  row('PATN', 'JPN', 'KOR', '_Z', 'FO', '1'),
  row('PT_PATN', 'KOR', 'CHN', '_Z', 'FO', '0.4'), // 0.4 % of 250 = 1
  row('PATN', 'KOR', 'JPN', '_Z', 'FO', '2'),
  // Domestic ownership of inventions made abroad (owner c, inventor partner).
  row('PATN', 'CHN', 'JPN', '_Z', 'DO', '4'),
  row('PATN', 'CHN', 'KOR', '_Z', 'DO', '4'),
  row('PATN', 'JPN', 'CHN', '_Z', 'DO', '10'),
  row('PATN', 'JPN', 'KOR', '_Z', 'DO', '2'),
  row('PATN', 'KOR', 'CHN', '_Z', 'DO', '6'),
  row('PATN', 'KOR', 'JPN', '_Z', 'DO', '1'),
  // UFG: DEU has a total but no partner rows at all.
  row('PATN', 'GBR', '_Z', 'INV', '_T', '400'),
  row('PATN', 'FRA', '_Z', 'INV', '_T', '300'),
  row('PATN', 'DEU', '_Z', 'INV', '_T', '600'),
  row('PATN', 'GBR', 'FRA', '_Z', 'FO', '9'),
  row('PATN', 'GBR', 'DEU', '_Z', 'FO', '7'),
  row('PATN', 'FRA', 'GBR', '_Z', 'FO', '3'),
  row('PATN', 'FRA', 'DEU', '_Z', 'FO', '6'),
];

async function table() {
  const { rows, summary } = await loadCsvText(lines.join('\n'));
  return { table: new ObservationTable(rows), summary };
}
const groups = loadGroups(countryRegistry());
const g = (code: string): Geo => ({ kind: 'group', code, group: groups.get(code)! });
const req = (t: ObservationTable, geos: Geo[], measure: string) => ({ table: t, geos, years: [2018], latest: 0, edition: undefined, options: { measure } });

describe('OECD patent co-operation (synthetic SDMX-CSV, Tables 1 and 2)', () => {
  it('loads with the authority and date type recorded as the basis', async () => {
    const { summary, table: t } = await table();
    expect(summary.dataset).toBe('DSD_PATENTS');
    expect(summary.rows).toBe(lines.length - 1);
    expect(t.hasMeasure('patents:foreign-ownership:count:9P50_1:PRIORITY')).toBe(true);
    expect(t.hasMeasure('patents:total:count:9P50_1:PRIORITY:inventor')).toBe(true);
  });

  it('Table 1: intra-group share of foreign ownership — (5+3+2+1+1+2) / (1000+500+250) = 0.8 %', async () => {
    const { table: t } = await table();
    const [cjk] = pctIntraShare.compute(req(t, [g('CJK')], 'foreign-ownership'));
    expect(cjk?.value).toBeCloseTo((100 * 14) / 1750, 12);
    expect(cjk?.detail?.authority).toBe('9P50_1');
  });

  it('Table 1: domestic ownership of inventions abroad — 27 / (800+600+300)', async () => {
    const { table: t } = await table();
    const [cjk] = pctIntraShare.compute(req(t, [g('CJK')], 'domestic-ownership'));
    expect(cjk?.value).toBeCloseTo((100 * 27) / 1700, 12);
  });

  it('a member with no partner rows makes the group missing and is named — never zero', async () => {
    const { table: t } = await table();
    const [ufg] = pctIntraShare.compute(req(t, [g('UFG')], 'foreign-ownership'));
    expect(ufg?.status).toBe('missing');
    expect(ufg?.reason).toBe('no value for DEU–GBR, DEU–FRA in 2018');
  });

  it('Table 2: per-country foreign ownership — CHN 10 %, JPN 4 %, KOR 4 % (published share), CJK 130/1750', async () => {
    const { table: t } = await table();
    const rs = pctForeignShare.compute(req(t, [{ kind: 'country', code: 'CHN' }, { kind: 'country', code: 'JPN' }, { kind: 'country', code: 'KOR' }, g('CJK')], 'foreign-ownership'));
    expect(rs.map((r) => [r.geo, r.value])).toEqual([
      ['CHN', 10],
      ['JPN', 4],
      ['KOR', 4],
      ['CJK', (100 * 130) / 1750],
    ]);
  });

  it('is strict about the dimensions it relies on', async () => {
    const noRole = lines.map((l) => l.split(',').filter((_, i) => i !== 8).join(',')).join('\n');
    await expect(loadCsvText(noRole)).rejects.toThrow(/required column "AGENT_ROLE" is missing/);
    const badType = [HEAD, row('PATN', 'CHN', 'JPN', '_Z', 'XX', '1')].join('\n');
    await expect(loadCsvText(badType)).rejects.toThrow(LinkageError);
    await expect(loadCsvText(badType)).rejects.toThrow(/unknown COOPERATION_TYPE code "XX"/);
  });

  it('reads the with-labels variant the same way', async () => {
    const labelled = [
      'STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,ACTION,PATENT_AUTHORITIES,Patent authorities,FREQ,Frequency,MEASURE,Measure,UNIT_MEASURE,Unit,DATE_TYPE,Date type,REF_AREA,Reference area,PARTNER_AREA,Partner area,AGENT_ROLE,Agent role,COOPERATION_TYPE,Co-operation type,WIPO,WIPO,OECD_TECHNOLOGY_PATENT,Technology,TIME_PERIOD,Time period,OBS_VALUE,Observation value,OBS_STATUS,Observation status,UNIT_MULT,Unit multiplier',
      `DATAFLOW,${FLOW},"Patents, international co-operation",I,9P50_1,PCT,A,Annual,AP,Applications,PATN,Number,PRIORITY,Priority date,CHN,China (People's Republic of),_Z,Not applicable,INV,Inventor,_T,Total,_Z,Not applicable,_Z,Not applicable,2018,,1000,,A,Normal value,0,Units`,
      `DATAFLOW,${FLOW},"Patents, international co-operation",I,9P50_1,PCT,A,Annual,AP,Applications,PATN,Number,PRIORITY,Priority date,CHN,China (People's Republic of),W,World,_Z,Not applicable,FO,Foreign ownership,_Z,Not applicable,_Z,Not applicable,2018,,100,,A,Normal value,0,Units`,
    ].join('\r\n');
    const { rows } = await loadCsvText(labelled);
    const t = new ObservationTable(rows);
    expect(pctForeignShare.compute(req(t, [{ kind: 'country', code: 'CHN' }], 'foreign-ownership'))[0]?.value).toBe(10);
  });
});
