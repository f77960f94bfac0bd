import type { Indicator } from '../src/model/indicator.js';
import { computeRatio, type RatioSpec } from '../src/model/ratio.js';

const spec: RatioSpec = {
  indicator: 'rd-intensity',
  unit: 'percent',
  needs: 'GERD (% of GDP and PPP US$)',
  denominator: 'GDP (PPP US$)',
  partOfWhole: true,
  recipes: [
    // GDP = GERD / (GERD % GDP / 100), both from the same input and edition.
    { measures: ['gerd_pct_gdp', 'gerd_usd_ppp'], groupable: true, parts: ([pct, gerd]) => [gerd as number, (gerd as number) / ((pct as number) / 100)] },
    { measures: ['gerd_pct_gdp'], groupable: false, parts: ([pct]) => [pct as number, 100] },
  ],
};

/** R&D intensity: GERD as % of GDP; a group's value is Σ GERD / Σ GDP in PPP US$. */
export const rdIntensity: Indicator = {
  meta: {
    id: 'rd-intensity',
    title: 'R&D intensity (GERD as % of GDP)',
    unit: 'percent',
    definition:
      'Gross domestic expenditure on R&D as a percentage of GDP. For a group: Σ GERD / Σ GDP, both in current PPP US$ (GDP implied by each member\'s GERD and its GERD/GDP ratio in the same edition), never the mean of member ratios.',
    measures: ['gerd_pct_gdp', 'gerd_usd_ppp'],
    sources: ['OECD Main Science and Technology Indicators (G_XGDP, G_PPP)', 'OECD data portal GDEXPRD (PC_GDP, MLN_USD)', 'OECD Data Explorer DSD_MSTI'],
    caveats: [
      'OECD revises back years: Korea 2017 is 4.55 in the 2019 MSTI edition and 4.29 in the 2023 data; the result names the edition used.',
      'A group value needs GERD in PPP US$ for every member, not only the percentage.',
    ],
    options: {},
    chart: 'lines',
  },
  compute: (req) => computeRatio(req, spec),
};
