import type { Indicator } from '../src/model/indicator.js';
import { worldShare } from './world-share.js';

/** Share of the world's science and engineering journal articles. */
export const seArticlesShare: Indicator = {
  meta: {
    id: 'se-articles-share',
    title: "Share of the world's S&E journal articles (%)",
    unit: 'percent',
    definition:
      "100 × Σ science and engineering articles of the members (fractional counts by authors' institutional addresses, as NSF publishes them) / the world's articles, the world being the input's own world row (WLD), same input and edition.",
    measures: ['se_articles'],
    sources: [
      'World Bank WDI IP.JRN.ARTC.SC "Scientific and technical journal articles" (source: NSF Science and Engineering Indicators; World row WLD)',
      'NSF/NCSES Science and Engineering Indicators, table SPBS-2 (Scopus, fractional counts), re-written with a WLD row',
    ],
    caveats: [
      'Fractional counts: an article with authors in two countries counts half to each, so member shares add up to the group share.',
      'NSF revises back years with each Scopus extraction; the study quotes 27.1 % for 2018 from Science and Engineering Indicators 2020.',
    ],
    options: {},
    chart: 'bars',
  },
  compute(req) {
    return worldShare(req, { indicator: 'se-articles-share', measure: 'se_articles', label: 'S&E journal articles' });
  },
};
