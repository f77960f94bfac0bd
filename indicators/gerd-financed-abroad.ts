import type { Indicator } from '../src/model/indicator.js';
import { computeRatio, type RatioSpec } from '../src/model/ratio.js';

const spec: RatioSpec = {
  indicator: 'gerd-financed-abroad',
  unit: 'percent',
  needs: 'GERD financed by the rest of the world',
  partner: 'WLD',
  denominator: 'total GERD (PPP US$)',
  partOfWhole: true,
  recipes: [
    { measures: ['gerd_row_usd_ppp', 'gerd_usd_ppp'], groupable: true, parts: ([row, total]) => [row as number, total as number] },
    { measures: ['gerd_financed_abroad_pct', 'gerd_usd_ppp'], groupable: true, parts: ([pct, total]) => [((pct as number) / 100) * (total as number), total as number] },
    { measures: ['gerd_financed_abroad_pct'], groupable: false, parts: ([pct]) => [pct as number, 100] },
  ],
};

/** Share of GERD financed from abroad (rest of the world); group = Σ GERD_ROW / Σ GERD (PPP US$). */
export const gerdFinancedAbroad: Indicator = {
  meta: {
    id: 'gerd-financed-abroad',
    title: 'GERD financed from abroad (% of GERD)',
    unit: 'percent',
    definition:
      'Share of gross domestic expenditure on R&D financed by the rest of the world (business enterprises abroad, international organisations, the EU). For a group: Σ GERD financed from abroad / Σ GERD in current PPP US$.',
    measures: ['gerd_row_usd_ppp', 'gerd_usd_ppp', 'gerd_financed_abroad_pct'],
    sources: ['OECD GERD by source of funds (GERD_SOF: SECTFUND ROW / _T)', 'OECD MSTI (G_XFA, G_PPP)'],
    caveats: [
      'Countries report funding from abroad in different years (the UK only in some years); use --latest to fill a gap and read years_used.',
      'Funding by foreign affiliates located in the country counts as domestic business funding, not as abroad.',
    ],
    options: {},
    chart: 'bars',
  },
  compute: (req) => computeRatio(req, spec),
};
