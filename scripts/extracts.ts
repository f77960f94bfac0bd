/**
 * The shipped extracts the study report reads besides the OECD sample
 * (data/sample/{imf,worldbank,wipo,comtrade}-*.csv), derived from the real files in ../shared/data:
 * only the rows reports/cjk-linkage and `linkage check` read (the nine economies of CJK, UFG and
 * UCM plus the world; the report's years), re-written in linkage's canonical CSV with the source,
 * licence and original file's SHA-256. With them the report gives the same verdicts on a fresh
 * clone without ../shared (test/report/extracts.test.ts). scripts/build-extracts.ts writes them.
 */
import { loadFile } from '../src/loaders/load.js';
import { countryRegistry } from '../src/model/countries.js';
import type { CanonicalRow } from '../src/model/types.js';
import { sharedDataPath } from '../src/paths.js';
import { renderCanonicalCsv } from '../src/render/canonical-csv.js';

/** CJK, UFG and UCM members and the world (the source's own world row or column). */
const NINE = ['CHN', 'JPN', 'KOR', 'GBR', 'FRA', 'DEU', 'USA', 'CAN', 'MEX'];
const FOCUS = new Set([...NINE, 'WLD']);

/** One shipped extract: its original under ../shared/data, output name in data/sample, citation and row filter. */
export interface Extract {
  input: string;
  output: string;
  citation: string;
  licence: string;
  origin: string;
  selection: string;
  keep: (r: CanonicalRow) => boolean;
}

const CDIS = 'IMF, Coordinated Direct Investment Survey (CDIS)';
const IMF_TERMS = 'IMF terms of use: cite "IMF, Coordinated Direct Investment Survey".';
const cdisOutward = (year: number): Extract => ({
  input: `imf/cdis-table6-outward-positions-${year}.xlsx`,
  output: `imf-cdis-table6-outward-${year}.csv`,
  citation: `${CDIS}, Table 6-o: outward direct investment positions by counterpart economy, end-${year}, US$ (data extracted from the IMF Data Warehouse on 25 January 2024).`,
  licence: IMF_TERMS,
  origin: `ssaroka/Dissertation-Manuscript-3 Data/Raw/CDIS_Table_6_Direct_Investment_Position_${year}.xlsx @ a1884ec9c15b9ec42cd4575b7cf1b1fe2f4731fa`,
  selection: 'investors and counterparts among CHN JPN KOR GBR FRA DEU USA CAN MEX and WLD (the World row and the Total Investment column); confidential cells kept as missing with flag C',
  keep: (r) => FOCUS.has(r.geo) && r.partner !== null && FOCUS.has(r.partner),
});

/** The shipped extracts the study report reads (besides the OECD sample of build-sample.ts). */
export const EXTRACTS: Extract[] = [
  cdisOutward(2017),
  cdisOutward(2018),
  {
    input: 'imf/cdis-table4-inward-positions.xlsx',
    output: 'imf-cdis-table4-inward-2017.csv',
    citation: `${CDIS}, Table 4-i: inward direct investment positions as reported by all reporting economies, US$.`,
    licence: IMF_TERMS,
    origin: 'idanngidron2/stata-project-profit-shifting raw-data/CDIS_Table_4.xlsx @ 9f4de18198d93b4c4e05d4d8e7c7e59582b407e4',
    selection: 'the nine economies and WLD, 2017 (the denominator of inward shares by mirror)',
    keep: (r) => FOCUS.has(r.geo) && r.year === 2017,
  },
  {
    input: 'worldbank/wdi-ip-charges-1980-2021.xlsx',
    output: 'worldbank-wdi-ip-charges-2017.csv',
    citation: 'World Bank, World Development Indicators: charges for the use of intellectual property, receipts (BX.GSR.ROYL.CD) and payments (BM.GSR.ROYL.CD), BoP, current US$; DataBank extract, last updated 30 March 2023.',
    licence: 'CC BY 4.0.',
    origin: 'davidebonaglia/WIPO-milking-the-cow @ b986a71209b7398926367c889696612eac3d497e',
    selection: 'the nine economies and WLD, 2017',
    keep: (r) => FOCUS.has(r.geo) && r.year === 2017,
  },
  {
    input: 'wipo/gii-2022-dataset.xlsx',
    output: 'wipo-gii-2022-index.csv',
    citation: 'WIPO (2022), Global Innovation Index 2022, full dataset: the overall index (score and rank).',
    licence: 'WIPO: cite "WIPO, Global Innovation Index 2022".',
    origin: 'davidebonaglia/WIPO-milking-the-cow @ b986a71209b7398926367c889696612eac3d497e',
    selection: 'the overall GII (NUM = GII) of the nine economies',
    keep: (r) => FOCUS.has(r.geo) && r.measure.endsWith(':GII'),
  },
  {
    input: 'comtrade/plus/chn-deu-usa-total-by-partner-2022.csv',
    output: 'comtrade-plus-chn-imports-2022.csv',
    citation: 'UN Comtrade (Comtrade Plus), goods imports of China by partner, all commodities (TOTAL), 2022, US$.',
    licence: 'UN Comtrade terms: cite "UN Comtrade"; small extracts only.',
    origin: 'nikolinanikolovska/Economic-Analysis-Trade-ML TradeData.csv @ a41e4e9e2e15c68f9850409badc760228b8be874',
    selection: 'reporter CHN, imports, partners among the nine economies and the world (W00)',
    keep: (r) => r.geo === 'CHN' && r.measure.startsWith('trade:M:') && r.partner !== null && FOCUS.has(r.partner),
  },
  {
    input: 'comtrade/legacy/chn-total-by-partner-2014-2018.csv',
    output: 'comtrade-legacy-chn-2018.csv',
    citation: 'UN Comtrade (legacy API), goods trade of China by partner, all commodities (TOTAL), 2018, US$.',
    licence: 'UN Comtrade terms: cite "UN Comtrade"; small extracts only.',
    origin: 'frisbiesa/china_upr_v2 comtrade_2018.csv @ 45f26d50b84fb404d1f36a1061f18252adbb6ed1',
    selection: 'reporter CHN, 2018, partners among the nine economies and the world',
    keep: (r) => r.geo === 'CHN' && r.year === 2018 && r.partner !== null && FOCUS.has(r.partner),
  },
];

/** The extract's canonical CSV text, derived from its original in ../shared/data. */
export async function renderExtract(s: Extract): Promise<{ text: string; rows: number; filtered: number; skipped: number }> {
  const { rows, summary } = await loadFile(sharedDataPath(...s.input.split('/')), { countries: countryRegistry(), keep: s.keep });
  const header = [
    `# linkage shipped extract: ${s.output}`,
    `# ${s.citation}`,
    `# Licence: ${s.licence}`,
    `# Derived by scripts/build-extracts.ts from ../shared/data/${s.input} (sha256 ${summary.sha256}),`,
    `# originally ${s.origin}.`,
    `# Selected rows: ${s.selection}; values after the unit multiplier.`,
  ];
  return { text: renderCanonicalCsv(rows, header, `${s.input} sha256:${summary.sha256}`), rows: rows.length, filtered: summary.filtered, skipped: summary.skipped.count };
}
