import { finiteResults } from '../src/model/finite.js';
import type { Indicator } from '../src/model/indicator.js';
import { berdIndustryShare } from './berd-industry-share.js';
import { exportDestinationShare } from './export-destination-share.js';
import { fdiHightechContent } from './fdi-hightech-content.js';
import { importSourceShare } from './import-source-share.js';
import { fdiIntraShare } from './fdi-intra-share.js';
import { ipChargesIntraShare } from './ip-charges-intra-share.js';
import { giiIndicator } from './gii-indicator.js';
import { ipCharges } from './ip-charges.js';
import { pctForeignShare } from './pct-foreign-share.js';
import { pctIntraShare } from './pct-intra-share.js';
import { gerdFinancedAbroad } from './gerd-financed-abroad.js';
import { gerdWorldShare } from './gerd-world-share.js';
import { rdIntensity } from './rd-intensity.js';
import { technologyOverlap } from './technology-overlap.js';
import { tradeIntensity } from './trade-intensity.js';
import { tradeIntraShare } from './trade-intra-share.js';
import { tradeIntroversion } from './trade-introversion.js';
import { tradeMatrix } from './trade-matrix.js';
import { anberdIndustryShare } from './anberd-industry-share.js';
import { gerdGrowthContribution } from './gerd-growth-contribution.js';
import { greenfieldFdi } from './greenfield-fdi.js';
import { seArticlesShare } from './se-articles-share.js';
import { striHeterogeneity } from './stri-heterogeneity.js';
import { triadicShare } from './triadic-share.js';

/** The indicators as written (their files). */
const REGISTERED: readonly Indicator[] = [rdIntensity, gerdFinancedAbroad, gerdWorldShare, berdIndustryShare, technologyOverlap, fdiIntraShare, ipCharges, giiIndicator, pctIntraShare, pctForeignShare, ipChargesIntraShare, fdiHightechContent, tradeIntraShare, tradeIntensity, tradeIntroversion, importSourceShare, exportDestinationShare, tradeMatrix, greenfieldFdi, striHeterogeneity, triadicShare, gerdGrowthContribution, seArticlesShare, anberdIndustryShare];

/**
 * Every indicator, by id, each `compute` wrapped so no result leaves with a non-finite value
 * (src/model/finite.ts). Adding one: its file, its test, and one line in the list above.
 */
export const INDICATORS: readonly Indicator[] = REGISTERED.map((ind) => ({ meta: ind.meta, compute: (req) => finiteResults(ind.compute(req)) }));

/** Files in indicators/ that are helpers, not indicators (the contract test checks the rest are registered). */
export const HELPER_FILES: readonly string[] = ['index.ts', 'industries.ts', 'patents.ts', 'trade.ts', 'partner-share.ts', 'world-share.ts', 'greenfield.ts'];

const byId = new Map<string, Indicator>();
for (const ind of INDICATORS) {
  if (byId.has(ind.meta.id)) throw new Error(`indicator ${ind.meta.id} registered twice`);
  byId.set(ind.meta.id, ind);
}

export function indicatorById(id: string): Indicator | undefined {
  return byId.get(id);
}
