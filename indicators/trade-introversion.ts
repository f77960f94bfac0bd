import type { Indicator } from '../src/model/indicator.js';
import { asIndex, TRADE_OPTIONS, tradeOptions, tradeLadder, annotateProducts } from './trade.js';

/** Regional trade introversion index (Iapadre): size-neutral, in [−1, 1]. */
export const tradeIntroversion: Indicator = {
  meta: {
    id: 'trade-introversion',
    title: 'Regional trade introversion index',
    unit: 'index',
    definition:
      'RTI_R = (HI_R − HE_R) / (HI_R + HE_R), with the homogeneous intra intensity HI_R = S_R / (F[O→R]/F[O→W]) and extra intensity HE_R = (1 − S_R) / (1 − F[O→R]/F[O→W]); 0 = no regional bias. Size-neutral, comparable across groups and years (Iapadre 2006; ADB WP 455).',
    measures: ['trade'],
    sources: ['CEPII BACI (whole-world matrix)', 'UN Comtrade with world-by-partner totals'],
    caveats: ['Needs the rest of the world\'s trade with the group (a whole-world matrix).'],
    options: TRADE_OPTIONS,
    chart: 'bars',
  },
  compute(req) {
    const o = tradeOptions(req.options);
    return annotateProducts(req, o, tradeLadder(req, o, 'trade-introversion').map((r) => asIndex(r, 'introversion', o)));
  },
};
