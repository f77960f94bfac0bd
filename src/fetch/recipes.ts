import type { CountryRegistry } from '../model/countries.js';
import type { Query } from './types.js';

/** What an indicator is computed for: economies (groups expanded), years, options. */
export interface Selection {
  /** ISO3 codes of every economy selected (group members and single countries). */
  economies: readonly string[];
  years?: readonly [number, number];
  options: Readonly<Record<string, string>>;
  countries: CountryRegistry;
}

/** A recipe's answer: the queries to fetch, or why there is nothing to fetch (manual or commercial source). */
export type RecipeResult = { queries: Query[] } | { manual: 'wipo-gii' | 'wipo-ipstats' } | { none: string };

type Recipe = (s: Selection) => RecipeResult;

const plus = (codes: readonly string[]) => codes.join('+');
const span = (s: Selection) => (s.years ? { years: s.years } : {});

/** OECD Data Explorer query on a dataflow (agency,id,version) with a key in DSD order (apis.md §1.3). */
function oecd(flow: string, key: string, s: Selection): Query {
  return { api: 'oecd', id: flow, key, ...span(s) };
}

const MSTI = 'OECD.STI.STP,DSD_MSTI@DF_MSTI,1.3';
const ANBERD = 'OECD.STI.STP,DSD_ANBERD@DF_ANBERDi4,1.0';
/** ANBERD activities (ISIC Rev.4) for the BERD industry indicators: the total and the three industries data/measures.csv maps. */
const BERD_ACTIVITIES = '_T+C26+C21+C303';

/** Comtrade reporter codes (France 251, USA 842, … where they differ from M49). */
function comtradeCodes(s: Selection, codes: readonly string[]): string[] {
  return codes.map((c) => {
    const a = s.countries.get(c);
    return String(Number(a?.comtrade || a?.m49 || c));
  });
}

function tradeQuery(s: Selection, reporters: readonly string[], only?: 'M' | 'X'): RecipeResult {
  const products = s.options.products ?? 'TOTAL';
  const cmd = products === 'TOTAL' ? 'TOTAL' : products === 'hs84-85' ? '84,85' : products.startsWith('HS:') ? products.slice(3) : undefined;
  if (cmd === undefined) return { queries: [{ api: 'baci', id: 'HS17', key: 'V202501', ...span(s) }] };
  const flow = only ?? (s.options.flow === 'imports' ? 'M' : s.options.flow === 'exports' ? 'X' : 'M,X');
  return { queries: [{ api: 'comtrade', id: 'C/A/HS', key: `reporterCode=${comtradeCodes(s, reporters).join(',')}&flowCode=${flow}&cmdCode=${cmd}&partner2Code=0&motCode=0&customsCode=C00`, ...span(s) }] };
}

/**
 * Fetch recipes by indicator id: the queries that provide an indicator's inputs for a selection,
 * built from the dataflows and keys in ../shared/reference/apis.md. Keys put the selected
 * economies in the REF_AREA position and leave partner positions empty (all partners, so world
 * totals come with them). Recipes for indicators this build does not have are never reached.
 */
export const RECIPES: Readonly<Record<string, Recipe>> = {
  'rd-intensity': (s) => ({ queries: [oecd(MSTI, `${plus(s.economies)}.A.G...`, s)] }),
  'gerd-financed-abroad': (s) => ({ queries: [oecd(MSTI, `${plus(s.economies)}.A.G+G_FA...`, s)] }),
  'gerd-world-share': (s) => ({ queries: [oecd(MSTI, '.A.G.USD_PPP..', s)] }),
  'gerd-growth-contribution': (s) => ({ queries: [oecd(MSTI, '.A.G.USD_PPP..', s)] }),
  'triadic-share': (s) => ({ queries: [oecd(MSTI, '.A.P_TRIAD.PATN..', s)] }),
  // MSTI's BERD-by-industry shares are not in the Data Explorer's MSTI flow: ANBERD by main
  // activity gives the industry amounts the indicators read (C26, C21, C303 → the berd_*_usd_ppp
  // measures of data/measures.csv) over its own total (_T); it has no services aggregate.
  'berd-industry-share': (s) => ({ queries: [oecd(ANBERD, `${plus(s.economies)}.A.MA.${BERD_ACTIVITIES}.USD_PPP.V.B`, s)] }),
  'technology-overlap': (s) => ({ queries: [oecd(ANBERD, `${plus(s.economies)}.A.MA.${BERD_ACTIVITIES}.USD_PPP.V.B`, s)] }),
  'anberd-industry-share': (s) => ({ queries: [oecd(ANBERD, `${plus(s.economies)}.A.MA._T+C+C29.USD_PPP.V.B`, s)] }),
  'pct-intra-share': (s) => ({ queries: [oecd('OECD.STI.PIE,DSD_PATENTS@DF_PATENTS_INDICATORS,1.0', `9P50_1.A...PRIORITY.${plus(s.economies)}.....`, s)] }),
  'pct-foreign-share': (s) => ({ queries: [oecd('OECD.STI.PIE,DSD_PATENTS@DF_PATENTS_INDICATORS,1.0', `9P50_1.A...PRIORITY.${plus(s.economies)}.....`, s)] }),
  'fdi-intra-share': (s) => ({
    queries: [oecd('OECD.DAF.INV,DSD_FDI@DF_FDI_POS_CTRY,1.0', `${plus(s.economies)}.LE_FA_F.USD_EXC.${s.options.direction === 'inward' ? 'DI' : 'DO'}.NET_FDI.ALL.D.S1..IMC._T.A.CTRY_IND`, s)],
  }),
  'ip-charges': (s) => {
    const flows = (s.options.flow ?? 'receipts,payments').split(',').map((f) => f.trim());
    const ids = flows.map((f) => (f === 'payments' ? 'BM.GSR.ROYL.CD' : 'BX.GSR.ROYL.CD'));
    return { queries: [...new Set(ids)].map((id) => ({ api: 'worldbank', id, key: s.economies.join(';'), ...span(s) })) };
  },
  'ip-charges-intra-share': (s) => ({ queries: [oecd('OECD.SDD.TPS,DSD_BATIS@DF_BATIS,1.0', `${plus(s.economies)}..X+M.S.SH.A.USD_EXC.B`, s)] }),
  'stri-heterogeneity': (s) => ({ queries: [oecd('OECD.TAD.TPD,DSD_STRI@DF_STRI_HETERO,1.0', `A.${plus(s.economies)}......`, s)] }),
  'se-articles-share': (s) => ({ queries: [{ api: 'worldbank', id: 'IP.JRN.ARTC.SC', key: 'all', ...span(s) }] }),
  'gii-indicator': () => ({ manual: 'wipo-gii' }),
  'fdi-hightech-content': () => ({ none: 'greenfield FDI projects come from fDi Markets (commercial); give a project-level CSV (source_economy,destination_economy,year,sector,capex_usd_m)' }),
  'greenfield-fdi': () => ({ none: 'greenfield FDI projects come from fDi Markets (commercial); give a project-level CSV (source_economy,destination_economy,year,sector,capex_usd_m)' }),
  'trade-intra-share': (s) => tradeQuery(s, s.economies),
  'trade-intensity': (s) => tradeQuery(s, s.economies),
  'trade-introversion': (s) => tradeQuery(s, s.economies),
  'trade-matrix': (s) => tradeQuery(s, s.economies),
  'import-source-share': (s) => tradeQuery(s, s.options.reporter ? s.options.reporter.split(',') : s.economies, 'M'),
  'export-destination-share': (s) => tradeQuery(s, s.options.reporter ? s.options.reporter.split(',') : s.economies, 'X'),
};

/** The recipe result for an indicator, or undefined when linkage has no recipe for it. */
export function recipeFor(id: string, s: Selection): RecipeResult | undefined {
  const r = RECIPES[id];
  return r === undefined ? undefined : r(s);
}
