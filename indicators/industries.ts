import type { Recipe } from '../src/model/ratio.js';

/** BERD industries linkage knows, with the canonical measures of data/measures.csv. */
export const INDUSTRIES = {
  'computer-electronic-optical': { title: 'Computer, electronic and optical products (ISIC Rev.4 26)', share: 'berd_share_computer_electronic_optical', amount: 'berd_computer_electronic_optical_usd_ppp' },
  pharmaceuticals: { title: 'Pharmaceuticals (ISIC Rev.4 21)', share: 'berd_share_pharmaceuticals', amount: 'berd_pharmaceuticals_usd_ppp' },
  aerospace: { title: 'Air and spacecraft (ISIC Rev.4 303)', share: 'berd_share_aerospace', amount: 'berd_aerospace_usd_ppp' },
  services: { title: 'Service industries (ISIC Rev.4 45-99)', share: 'berd_share_services', amount: 'berd_services_usd_ppp' },
} as const;

export type IndustryId = keyof typeof INDUSTRIES;

export function isIndustry(id: string): id is IndustryId {
  return Object.hasOwn(INDUSTRIES, id);
}

/**
 * Country: the published share first; group members: amounts in PPP US$ (Σ industry / Σ BERD),
 * the total from the same input: MSTI's BERD, or ANBERD's all-activities total where the industry
 * amount comes from ANBERD (what `linkage fetch --for` downloads).
 */
export function industryRecipes(id: IndustryId): Recipe[] {
  const ind = INDUSTRIES[id];
  return [
    { measures: [ind.share], groupable: false, parts: ([pct]) => [pct as number, 100] },
    { measures: [ind.amount, 'berd_usd_ppp'], groupable: true, parts: ([x, total]) => [x as number, total as number] },
    { measures: [ind.amount, 'anberd_total_usd_ppp'], groupable: true, parts: ([x, total]) => [x as number, total as number] },
  ];
}

/** Every measure the industry recipes read: shares, industry amounts, and both BERD totals. */
export const INDUSTRY_MEASURES: readonly string[] = [...Object.values(INDUSTRIES).flatMap((i): string[] => [i.share, i.amount]), 'berd_usd_ppp', 'anberd_total_usd_ppp'];

/** Member-level recipes (a member's own share, either way it is published). */
export function memberShareRecipes(id: IndustryId): Recipe[] {
  return industryRecipes(id).map((r) => ({ ...r, groupable: true }));
}
