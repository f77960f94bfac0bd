import { usageError } from '../src/errors.js';
import { msg } from '../src/messages.js';
import type { Indicator } from '../src/model/indicator.js';
import { computeRatio } from '../src/model/ratio.js';

/** ANBERD industries (ISIC Rev.4, main activity of the enterprise) with their canonical measures. */
export const ANBERD_INDUSTRIES = {
  manufacturing: { title: 'Manufacturing (ISIC Rev.4 C)', measure: 'anberd_manufacturing_usd_ppp' },
  'motor-vehicles': { title: 'Motor vehicles, trailers and semi-trailers (ISIC Rev.4 C29)', measure: 'anberd_motor_vehicles_usd_ppp' },
} as const;

type AnberdIndustry = keyof typeof ANBERD_INDUSTRIES;

function industries(option: string | undefined): AnberdIndustry[] {
  if (option === undefined || option === '') return Object.keys(ANBERD_INDUSTRIES) as AnberdIndustry[];
  return option.split(',').map((s) => {
    const id = s.trim();
    if (!Object.hasOwn(ANBERD_INDUSTRIES, id)) throw usageError(msg.unknownIndustry(`ANBERD industry "${id}"`, Object.keys(ANBERD_INDUSTRIES)));
    return id as AnberdIndustry;
  });
}

/** Share of business R&D performed in manufacturing or motor vehicles, from OECD ANBERD. */
export const anberdIndustryShare: Indicator = {
  meta: {
    id: 'anberd-industry-share',
    title: 'Share of business R&D in manufacturing and motor vehicles (% of BERD, ANBERD)',
    unit: 'percent',
    definition:
      'BERD performed by enterprises whose main activity is the industry / BERD of all activities, both from OECD ANBERD (ISIC Rev.4, current PPP US$) in the same input and edition. For a group: Σ industry BERD / Σ total BERD.',
    measures: ['anberd_total_usd_ppp', ...Object.values(ANBERD_INDUSTRIES).map((i) => i.measure)],
    sources: ['OECD ANBERD (OECD.STI.STP, DSD_ANBERD@DF_ANBERDi4, SDMX-CSV: CRITERIA MA = main activity, ACTIVITY _T, C, C29, UNIT_MEASURE USD_PPP, PRICE_BASE V, MEASURE B)'],
    caveats: [
      'Main-activity basis: an enterprise\'s whole R&D counts in its main industry (ANBERD\'s "product field" basis, where published, differs).',
      'ANBERD is partly estimated by the OECD from national BERD surveys; industry detail lags two to three years (use --latest and read years_used).',
      'The ANBERD codes (activity _T for all activities in particular) were not verified against a real file offline: data/measures.csv maps them and a line there fixes a differing code.',
    ],
    options: { industry: { description: `industries, comma-separated: ${Object.keys(ANBERD_INDUSTRIES).join(', ')}`, default: 'all' } },
    chart: 'bars',
  },
  compute(req) {
    return industries(req.options.industry).flatMap((id) =>
      computeRatio(req, {
        indicator: 'anberd-industry-share',
        unit: 'percent',
        needs: `ANBERD BERD in ${id} and in all activities`,
        breakdown: id,
        recipes: [{ measures: [ANBERD_INDUSTRIES[id].measure, 'anberd_total_usd_ppp'], groupable: true, parts: ([x, total]) => [x as number, total as number] }],
      }),
    );
  },
};
