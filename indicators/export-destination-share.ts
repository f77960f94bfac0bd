import type { Indicator } from '../src/model/indicator.js';
import { partnerShare } from './partner-share.js';
import { TRADE_OPTIONS } from './trade.js';

/** Share of a partner set in one economy's exports of a product group (e.g. US exports to Canada and Mexico). */
export const exportDestinationShare: Indicator = {
  meta: {
    id: 'export-destination-share',
    title: 'Export destination share (% of the reporter\'s exports)',
    unit: 'percent',
    definition: 'Exports of c to the partner set P in product group K / exports of c to the world in K (less exports to itself unless --include-self).',
    measures: ['trade'],
    sources: ['UN Comtrade (legacy CSV, Plus CSV/JSON)', 'CEPII BACI'],
    caveats: ['Exports are FOB; the partner\'s reported imports (mirror, CIF) are higher.'],
    options: { ...TRADE_OPTIONS, flow: { description: 'fixed: exports', default: 'exports', values: ['exports'] }, reporter: { description: 'the exporting economy (default: each --country / group member)', default: '', kind: 'geos' }, partners: { description: 'partner economies or groups, comma-separated', default: 'none (required)', kind: 'geos' } },
    chart: 'bars',
    example: { reporter: 'USA', partners: 'CAN,MEX' },
  },
  compute: (req) => partnerShare(req, 'exports', 'export-destination-share'),
};
