import type { Indicator } from '../src/model/indicator.js';
import { worldShare } from './world-share.js';

/** Share of the world's triadic patent families (EPO, JPO and USPTO), by priority year. */
export const triadicShare: Indicator = {
  meta: {
    id: 'triadic-share',
    title: "Share of the world's triadic patent families (%)",
    unit: 'percent',
    definition:
      "100 × Σ triadic patent families of the members (inventor's country, priority year, fractional counts as the source gives) / the world's triadic patent families, the world being the input's own world row (WLD) in the same input and edition — never a sum of the countries in the file.",
    measures: ['triadic_patent_families'],
    sources: [
      'OECD MSTI (legacy TP_TRIAD; Data Explorer OECD.STI.STP,DSD_MSTI@DF_MSTI measure P_TRIAD, unit PATN)',
      'OECD Patent Statistics, triadic patent families (DSD_PATENTS), with its World total',
    ],
    caveats: [
      'The latest priority years are nowcasts: OECD publishes triadic families with a lag of about four years and revises them; the study quotes 2017.',
      'An input without a world row (a file of selected countries) gives no share: the world total is never summed from a partial file.',
      'Counts by inventor country; families are fractionally attributed when inventors live in several countries.',
    ],
    options: {},
    chart: 'bars',
  },
  compute(req) {
    return worldShare(req, { indicator: 'triadic-share', measure: 'triadic_patent_families', label: 'triadic patent families' });
  },
};
