import { usageError } from '../src/errors.js';
import { msg } from '../src/messages.js';
import type { Indicator } from '../src/model/indicator.js';
import { computeLadder } from '../src/model/ladder.js';

const MEASURES = { payments: 'ip_charges_payments_usd', receipts: 'ip_charges_receipts_usd' } as const;

/**
 * Intra-group share of IP-charge payments (or receipts) by partner: Σ_{i∈R} Σ_{j∈R, j≠i} PAY[i→j]
 * / Σ_{i∈R} PAY[i→W], with intensity and introversion where the input has world-by-partner rows.
 */
export const ipChargesIntraShare: Indicator = {
  meta: {
    id: 'ip-charges-intra-share',
    title: 'Intra-group share of charges for the use of IP (%)',
    unit: 'percent',
    definition:
      'Σ over members of IP-charge payments (or receipts) with the other members / Σ over members of payments (receipts) with the world, from services trade by partner (EBOPS item SH).',
    measures: Object.values(MEASURES),
    sources: ['OECD-WTO Balanced Trade in Services (BaTIS), EBOPS 2010 item SH, SDMX-CSV'],
    caveats: [
      'Bilateral services statistics are partly modelled (BaTIS balances the two sides); treat small pairs with care.',
      'World Bank WDI has totals only, not partners: it cannot give this share.',
    ],
    options: { flow: { description: 'payments or receipts', default: 'payments', values: ['payments', 'receipts'] } },
    chart: 'bars',
  },
  compute(req) {
    const flow = req.options.flow ?? 'payments';
    if (flow !== 'payments' && flow !== 'receipts') throw usageError(msg.badChoice('flow', ['payments', 'receipts'], flow, '--option flow=payments'));
    const measure = MEASURES[flow];
    const pick = (g: string, p: string, y: number) => req.table.candidates(measure, g, y, p, req.edition)[0];
    return computeLadder(
      req,
      {
        what: `IP-charge ${flow} by partner`,
        measures: [measure],
        basis: 'reporter',
        flow: (i, j, y) => pick(i, j, y),
        total: (i, y) => pick(i, 'WLD', y),
        worldTo: (j, y) => pick('WLD', j, y),
        worldTotal: (y) => pick('WLD', 'WLD', y),
      },
      'ip-charges-intra-share',
      false,
    ).map((r) => ({ ...r, breakdown: flow }));
  },
};
