import { INDICATORS } from '../../indicators/index.js';
import type { Indicator } from '../model/indicator.js';
import { domainOf } from '../model/domains.js';
import { measureDescription } from '../model/measures.js';

/** The family of a canonical measure: the part before the first `:` (`trade:M:H6:TOTAL` → `trade`). */
export function measureFamily(measure: string): string {
  const i = measure.indexOf(':');
  return i === -1 ? measure : measure.slice(0, i);
}

/**
 * Whether `ind` reads rows of `measure`: its metadata names the measure or its family — the same
 * test compute's scan applies when it keeps rows (src/commands/compute.ts).
 */
export function readsMeasure(ind: Indicator, measure: string): boolean {
  if (!ind.meta.measures.includes(measure) && !ind.meta.measures.includes(measureFamily(measure))) return false;
  // Trade rows are kept whatever their flow, but the indicators use imports and exports only
  // (re-imports and re-exports are read by none), and a one-way share only its own flow.
  if (measureFamily(measure) === 'trade') return (TRADE_FLOWS_READ[ind.meta.id] ?? ['M', 'X']).includes(measure.split(':')[1] ?? '');
  return true;
}

/** Trade flows an indicator uses when it is not both imports and exports. */
const TRADE_FLOWS_READ: Readonly<Record<string, readonly string[]>> = { 'import-source-share': ['M'], 'export-destination-share': ['X'] };

/** Ids of the indicators that read `measure`, in registry order. */
export function readersOf(measure: string): string[] {
  return INDICATORS.filter((i) => readsMeasure(i, measure)).map((i) => i.meta.id);
}

/** Whether `measure` is a canonical measure (declared in data/measure-domains.csv), not a source code kept as `DATASET:code`. */
export function isCanonical(measure: string): boolean {
  return domainOf(measure) !== undefined;
}

const FLOWS: Readonly<Record<string, string>> = { M: 'imports', X: 'exports', RM: 're-imports', RX: 're-exports' };
const CLASSES: Readonly<Record<string, string>> = { H0: 'HS1992', H1: 'HS1996', H2: 'HS2002', H3: 'HS2007', H4: 'HS2012', H5: 'HS2017', H6: 'HS2022', S4: 'SITC Rev.4' };
const PLAIN: Readonly<Record<string, string>> = {
  fdi_outward_position_usd: 'Outward direct investment position by counterpart economy (US$)',
  fdi_inward_position_usd: 'Inward direct investment position by counterpart economy (US$)',
  greenfield_capex_usd: 'Announced greenfield FDI capital expenditure, all sectors (US$)',
  greenfield_capex_hightech_usd: 'Announced greenfield FDI capital expenditure in high-tech sectors (US$)',
  greenfield_projects: 'Number of announced greenfield FDI projects',
  // Families: one canonical measure per code, named FAMILY:CODE.
  trade: 'Goods trade by partner (trade:FLOW:CLASSIFICATION:PRODUCT; flows M imports, X exports), US$',
  gii_score: 'GII scores, 0-100 (gii_score:NUM, one per GII indicator number)',
  gii_rank: 'GII ranks (gii_rank:NUM)',
  gii_value: 'GII raw values in each indicator\'s own unit (gii_value:NUM)',
  patents: 'Patent counts and shares by co-operation type (patents:TYPE:UNIT:AUTHORITY:DATE)',
  stri_heterogeneity: 'STRI regulatory heterogeneity of pairs of economies (stri_heterogeneity:SECTOR)',
};

/** A GII indicator number for a reader: `GII` is the overall index. */
function giiNumber(num: string): string {
  return num === 'GII' ? 'the overall index (GII)' : `indicator ${num}`;
}

/**
 * A canonical measure for a reader, including the structured ones: `trade:M:H6:TOTAL` → "Goods
 * imports by partner, HS2022 codes, all products"; `gii_rank:GII` → "GII rank of the overall index
 * (GII)". Undefined for a measure linkage cannot describe.
 */
export function describeMeasure(measure: string): string | undefined {
  const known = measureDescription(measure) ?? PLAIN[measure];
  if (known !== undefined && known !== '') return known;
  const parts = measure.split(':');
  const [family, a, b, c] = parts;
  if (family === 'trade' && a !== undefined) {
    const product = parts.length >= 4 ? c : b;
    const cls = parts.length >= 4 ? CLASSES[b ?? ''] ?? b : undefined;
    const what = product === 'TOTAL' ? 'all products' : `product ${product}`;
    return `Goods ${FLOWS[a] ?? a} by partner${cls ? `, ${cls} codes` : ''}, ${what} (US$)`;
  }
  const gii = /^gii_(score|rank|value)$/.exec(family ?? '');
  if (gii && a !== undefined) return `GII ${gii[1]} of ${giiNumber(parts.slice(1).join(':'))}`;
  if (family === 'stri_heterogeneity' && a !== undefined) return `STRI regulatory heterogeneity of a pair of economies, sector ${a}`;
  if (family === 'patents' && a !== undefined) {
    const role = parts[5] ? ` by ${parts[5]} country` : '';
    return `Patents, ${a}${b === 'pct' ? ' (% share)' : ' (count)'}, authority ${c ?? '?'}, ${parts[4] ?? '?'} date${role}`;
  }
  return undefined;
}
