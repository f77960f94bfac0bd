/**
 * Regenerates the embedded default data (data/sample/*.csv) from the real OECD extracts in
 * ../shared/data/oecd: selected rows (the nine focus countries plus the OECD and EU27_2020
 * aggregates, 2000–2018, the R&D measures the indicators read), re-written in linkage's canonical
 * CSV with the source cited. Run: `npm run build && npm run sample`.
 */
import { writeFileSync } from 'node:fs';
import { renderCanonicalCsv } from '../src/render/canonical-csv.js';
import { loadFile } from '../src/loaders/load.js';
import { countryRegistry } from '../src/model/countries.js';
import { dataPath, sharedDataPath } from '../src/paths.js';

const GEOS = new Set(['CHN', 'JPN', 'KOR', 'GBR', 'FRA', 'DEU', 'USA', 'CAN', 'MEX', 'OECD', 'EU27_2020']);
const MEASURES = new Set([
  'gerd_pct_gdp',
  'gerd_usd_ppp',
  'gerd_row_usd_ppp',
  'gerd_financed_abroad_pct',
  'berd_usd_ppp',
  'berd_share_computer_electronic_optical',
  'berd_share_pharmaceuticals',
  'berd_share_aerospace',
  'berd_share_services',
  'berd_computer_electronic_optical_usd_ppp',
  'berd_pharmaceuticals_usd_ppp',
  'berd_aerospace_usd_ppp',
  'berd_services_usd_ppp',
]);

const SOURCES = [
  {
    input: 'oecd/gerd-dp-live-2023-05.csv',
    output: 'oecd-gerd-dp-live-2023-05.csv',
    citation: 'OECD (2023), Gross domestic spending on R&D (indicator), data.oecd.org DP_LIVE export of 8 May 2023. CC BY 4.0.',
    origin: 'AtiinA1/Nowcasting_RD_Expenditures data/GERD/DP_LIVE_08052023154811337.csv @ b00cfc9f1dbf4253f4f4707d07fe7f219ef9c50c',
  },
  {
    input: 'oecd/msti-2019-edition-long.csv',
    output: 'oecd-msti-2019.csv',
    citation: 'OECD (2019), Main Science and Technology Indicators, 2019 edition (OECD.Stat export, re-written by R). CC BY 4.0.',
    origin: 'saudino480/OECD-RND-Shiny-Tool data/Science_Math_First_Clean.csv @ 50e3a0f460bd4373b6e1d0af0431ea57de99f9d7',
  },
  {
    input: 'oecd/gerd-by-source-of-funds-2023-06.csv',
    output: 'oecd-gerd-sof-2023-06.csv',
    citation: 'OECD (2023), Gross domestic expenditure on R&D by sector of performance and source of funds (GERD_SOF), OECD.Stat export of 6 June 2023. CC BY 4.0.',
    origin: 'AtiinA1/Nowcasting_RD_Expenditures data/GERD/GERD_SOF_06062023154603213.csv @ b00cfc9f1dbf4253f4f4707d07fe7f219ef9c50c',
  },
];

for (const s of SOURCES) {
  const path = sharedDataPath(...s.input.split('/'));
  const { rows, summary } = await loadFile(path, {
    countries: countryRegistry(),
    keep: (r) => GEOS.has(r.geo) && MEASURES.has(r.measure) && r.year >= 2000 && r.year <= 2018,
  });
  const header = [
    `# linkage embedded sample: ${s.output}`,
    `# ${s.citation}`,
    `# Derived by scripts/build-sample.ts from ../shared/data/${s.input} (sha256 ${summary.sha256}),`,
    `# originally ${s.origin}.`,
    `# Selected rows: CHN JPN KOR GBR FRA DEU USA CAN MEX OECD EU27_2020, 2000-2018; values after the unit multiplier.`,
  ];
  const text = renderCanonicalCsv(rows, header, `${s.input} sha256:${summary.sha256}`);
  writeFileSync(dataPath('sample', s.output), text);
  console.log(`${s.output}: ${rows.length} rows (${summary.filtered} not selected, ${summary.skipped.count} skipped)`);
}
