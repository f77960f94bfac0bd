import { usageError } from '../src/errors.js';
import { msg } from '../src/messages.js';
import type { Indicator } from '../src/model/indicator.js';
import { computeRatio } from '../src/model/ratio.js';

const FLOWS = { receipts: 'ip_charges_receipts_usd', payments: 'ip_charges_payments_usd' } as const;

/** Charges for the use of intellectual property, receipts and payments, in US$ billions; groups are sums. */
export const ipCharges: Indicator = {
  meta: {
    id: 'ip-charges',
    title: 'Charges for the use of intellectual property (US$ billions)',
    unit: 'usd_bn',
    definition:
      'Receipts (exports) or payments (imports) of charges for the use of intellectual property (BoP, EBOPS SH), current US$ billions. A group value is the sum over its members and needs every member.',
    measures: Object.values(FLOWS),
    sources: ['World Bank WDI BX.GSR.ROYL.CD (receipts), BM.GSR.ROYL.CD (payments)'],
    caveats: [
      'Group sums include flows between members; they are not the group\'s receipts from outside it.',
      'Receipts are concentrated in a few economies and reflect where IP is booked (holding companies), not only where it is created.',
    ],
    options: { flow: { description: 'receipts, payments, or both (comma-separated)', default: 'receipts,payments', values: ['receipts', 'payments'], list: true } },
    chart: 'bars',
  },
  compute(req) {
    const flows = (req.options.flow ?? 'receipts,payments').split(',').map((f) => f.trim());
    return flows.flatMap((flow) => {
      if (flow !== 'receipts' && flow !== 'payments') throw usageError(msg.badChoice('flow', ['receipts', 'payments'], flow, '--option flow=receipts'));
      const measure = FLOWS[flow];
      return computeRatio(req, {
        indicator: 'ip-charges',
        unit: 'usd_bn',
        needs: `IP-charge ${flow}`,
        breakdown: flow,
        partner: 'WLD',
        aggregate: 'sum',
        divisor: 1e9,
        recipes: [{ measures: [measure], groupable: true, parts: ([x]) => [x as number, 1] }],
      });
    });
  },
};
