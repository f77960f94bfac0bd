import type { Indicator } from '../src/model/indicator.js';
import { asIndex, TRADE_OPTIONS, tradeOptions, tradeLadder, annotateProducts } from './trade.js';

/** Trade intensity index (Brown/Kojima): intra-group share / the group's share of world trade. */
export const tradeIntensity: Indicator = {
  meta: {
    id: 'trade-intensity',
    title: 'Intra-group trade intensity index',
    unit: 'index',
    definition: 'I_R = S_R / w_R, with w_R = Σ_{j∈R} F[W→j] / F[W→W] the group\'s weight in world trade. 1 = no regional bias; bounded by 1/w_R.',
    measures: ['trade'],
    sources: ['CEPII BACI (whole-world matrix)', 'UN Comtrade with world-by-partner totals'],
    caveats: ['Needs world totals by partner (a whole-world matrix); a single reporter\'s file gives the share only.', 'Bounded by 1/w_R: small groups can score high.'],
    options: TRADE_OPTIONS,
    chart: 'bars',
  },
  compute(req) {
    const o = tradeOptions(req.options);
    return annotateProducts(req, o, tradeLadder(req, o, 'trade-intensity').map((r) => asIndex(r, 'intensity', o)));
  },
};
