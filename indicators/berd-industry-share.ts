import { usageError } from '../src/errors.js';
import { msg } from '../src/messages.js';
import type { Indicator } from '../src/model/indicator.js';
import { computeRatio } from '../src/model/ratio.js';
import { INDUSTRIES, INDUSTRY_MEASURES, industryRecipes, isIndustry, type IndustryId } from './industries.js';

/** Industries named by `--option industry=a,b` (default: all). */
export function selectedIndustries(option: string | undefined, fallback: readonly IndustryId[] = Object.keys(INDUSTRIES) as IndustryId[]): IndustryId[] {
  if (option === undefined || option === '' || option === 'all') return [...fallback];
  return option.split(',').map((s) => {
    const id = s.trim();
    if (!isIndustry(id)) throw usageError(msg.unknownIndustry(`industry "${id}"`, Object.keys(INDUSTRIES)));
    return id;
  });
}

/** Share of business R&D (BERD) performed in an industry; group = Σ industry BERD / Σ BERD (PPP US$). */
export const berdIndustryShare: Indicator = {
  meta: {
    id: 'berd-industry-share',
    title: 'Share of business R&D performed in an industry (% of BERD)',
    unit: 'percent',
    definition:
      'Business enterprise expenditure on R&D (BERD) performed in an industry as a percentage of total BERD. For a group: Σ industry BERD / Σ BERD in current PPP US$.',
    measures: INDUSTRY_MEASURES,
    sources: ['OECD MSTI (B_XCOMP, B_XDRUG, B_XAERO, B_XSERV; B_COMP, B_DRUG, B_AERO, B_SERV, B_PPP)', 'OECD ANBERD by main activity (C26, C21, C303 and the _T total; no services aggregate), as `linkage fetch --for` downloads it'],
    caveats: [
      'Industry is the main activity of the performing enterprise (ISIC Rev.4), not the field of the research.',
      'Countries publish industry breakdowns with a lag of two to three years; use --latest and read years_used.',
    ],
    options: { industry: { description: `industries, comma-separated: ${Object.keys(INDUSTRIES).join(', ')}`, default: 'all', values: ['all', ...Object.keys(INDUSTRIES)], list: true } },
    chart: 'bars',
  },
  compute(req) {
    return selectedIndustries(req.options.industry).flatMap((id) =>
      computeRatio(req, { indicator: 'berd-industry-share', unit: 'percent', needs: `BERD share of ${id}`, denominator: 'total BERD', partOfWhole: true, breakdown: id, recipes: industryRecipes(id) }),
    );
  },
};
