import { describe, expect, it } from 'vitest';
import { loadFile } from '../../src/loaders/load.js';
import { countryRegistry } from '../../src/model/countries.js';
import { loadCsvText, shared } from '../helpers.js';

// Synthetic: the OECD.Stat legacy layout of ../shared/reference/source-formats.md §1, values invented.
const LEGACY = `\uFEFFCOUNTRY,Country,SECTPERF,Sector,SECTFUND,Source of funds,MEASURE,Measure,YEAR,year,Unit Code,Unit,PowerCode Code,PowerCode,Reference Period Code,Reference Period,Value,Flag Codes,Flags\r
CHN,China (People's Republic of),_T,Total intramural,_T,Total funding,DC6,PPP Dollars - Current prices,2017,2017,USD,US Dollar,6,Millions,,,1000.5,,\r
CHN,China (People's Republic of),_T,Total intramural,ROW,Rest of the world (ROW),DC6,PPP Dollars - Current prices,2017,2017,USD,US Dollar,6,Millions,,,10.25,E,Estimated value\r
LUX,Luxembourg,BES,Business enterprise,ROW,Rest of the world (ROW),MIO_NAC,National Currency,2013,2013,EUR,Euro,6,Millions,,,,C,Non-publishable and confidential value`;

// Synthetic: the same export after an R round-trip (§1b): index column, dotted names, NA.
const R_ROUNDTRIP = `"","MSTI_VAR","MSTI.Variables","COU","Country","YEAR","Year","Unit.Code","Unit","PowerCode.Code","PowerCode","Reference.Period.Code","Reference.Period","Value","Flag.Codes","Flags","src","info_type"
"1","G_XFA","Percentage of GERD financed by the rest of the world","KOR","Korea",2017,2017,"PC","Percentage",0,"Units",NA,NA,1.25,"","","G_","XFA"
"2","G_PPP","Gross Domestic Expenditure on R&D (GERD) at current PPP $","KOR","Korea",2017,2017,"USD","US Dollar",6,"Millions",NA,NA,90979.6312380207,"e; p","Estimated value; Provisional value","G_","PPP"
"3","G_XGDP","GERD as a percentage of GDP","KOR","Korea",2018,2018,"PC","Percentage",0,"Units",NA,NA,NA,"","","G_","XGDP"`;

describe('OECD.Stat legacy loader', () => {
  it('reads code/label pairs, applies PowerCode, keeps flags and confidential cells as missing', async () => {
    const { rows, summary } = await loadCsvText(LEGACY);
    expect(summary.loader).toBe('oecd-stat');
    expect(summary.dataset).toBe('GERD_SOF');
    expect(rows.map((r) => [r.measure, r.geo, r.year, r.value])).toEqual([
      ['gerd_usd_ppp', 'CHN', 2017, 1000500000],
      ['gerd_row_usd_ppp', 'CHN', 2017, 10250000],
      ['GERD_SOF:BES.ROW.MIO_NAC', 'LUX', 2013, null],
    ]);
    expect(rows[1]?.flags).toEqual({ raw: 'E', estimated: true });
    expect(rows[2]?.flags.confidential).toBe(true);
  });

  it('reads the R round-trip variant (index column, dots, NA)', async () => {
    const { rows, summary } = await loadCsvText(R_ROUNDTRIP, 'msti-2019-edition.csv');
    expect(summary.dataset).toBe('MSTI');
    expect(summary.edition).toBe('2019');
    expect(rows.map((r) => [r.measure, r.value])).toEqual([
      ['gerd_financed_abroad_pct', 1.25],
      ['gerd_usd_ppp', 90979631238.0207],
      ['gerd_pct_gdp', null],
    ]);
    expect(rows[1]?.flags).toMatchObject({ estimated: true, provisional: true });
  });

  it('streams the real GERD_SOF export (BOM, CRLF) with every row read and China 2017 as published', async () => {
    const { rows, summary } = await loadFile(shared('oecd', 'gerd-by-source-of-funds-2023-06.csv'), { countries: countryRegistry() });
    expect(summary.rows).toBe(28086);
    expect(summary.skipped.count).toBe(0);
    expect(summary.edition).toBe('2023-06');
    const nac = rows.filter((r) => r.geo === 'CHN' && r.year === 2017 && r.measure.startsWith('GERD_SOF:_T.') && r.measure.endsWith('.MIO_NAC'));
    expect(nac.find((r) => r.measure === 'GERD_SOF:_T._T.MIO_NAC')?.value).toBe(1760612949000);
    expect(nac.find((r) => r.measure === 'GERD_SOF:_T.ROW.MIO_NAC')?.value).toBe(11328622000);
  });

  it('reads the real MSTI 2019 R export', async () => {
    const { rows, summary } = await loadFile(shared('oecd', 'msti-2019-edition-long.csv'), { countries: countryRegistry() });
    expect(summary.rows).toBe(4286);
    expect(summary.dataset).toBe('MSTI');
    const kor = rows.find((r) => r.measure === 'gerd_pct_gdp' && r.geo === 'KOR' && r.year === 2017);
    expect(kor?.value).toBe(4.55323946333385);
  });
});
