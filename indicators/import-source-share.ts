import type { Indicator } from '../src/model/indicator.js';
import { partnerShare } from './partner-share.js';
import { TRADE_OPTIONS } from './trade.js';

/** Share of a partner set in one economy's imports of a product group (e.g. China's high-tech imports from Japan and Korea). */
export const importSourceShare: Indicator = {
  meta: {
    id: 'import-source-share',
    title: 'Import source share (% of the reporter\'s imports)',
    unit: 'percent',
    definition: 'Imports of c from the partner set P in product group K / imports of c from the world in K (less c\'s imports from itself unless --include-self). A partner group (EU28) uses the source\'s own aggregate row where it has one (an empty one leaves the share missing, never replaced by its members), else the sum of its members.',
    measures: ['trade'],
    sources: ['UN Comtrade (legacy CSV, Plus CSV/JSON)', 'CEPII BACI'],
    caveats: ['Imports are CIF: a mirror share from partners\' FOB exports is lower.', 'Re-imports from oneself (partner = reporter) are excluded unless --include-self.'],
    options: { ...TRADE_OPTIONS, flow: { description: 'fixed: imports', default: 'imports', values: ['imports'] }, reporter: { description: 'the importing economy (default: each --country / group member)', default: '', kind: 'geos' }, partners: { description: 'partner economies or groups, comma-separated', default: 'none (required)', kind: 'geos' } },
    chart: 'bars',
    example: { reporter: 'CHN', partners: 'JPN,KOR' },
  },
  compute: (req) => partnerShare(req, 'imports', 'import-source-share'),
};
