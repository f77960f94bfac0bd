import { INDUSTRIES } from '../../indicators/industries.js';
import { ANBERD_INDUSTRIES } from '../../indicators/anberd-industry-share.js';
import type { CanonicalRow } from '../model/types.js';
import { measureFamily } from './reads.js';

/** What the inputs hold of one measure an indicator reads. */
export interface MeasureTally {
  rows: number;
  /** Rows with a value (missing cells are counted in `rows` only). */
  values: number;
  minYear: number;
  maxYear: number;
  geos: Set<string>;
  partners: Set<string>;
}

/** Count a row into the tallies (by measure). */
export function tally(into: Map<string, MeasureTally>, r: CanonicalRow): void {
  let t = into.get(r.measure);
  if (t === undefined) {
    t = { rows: 0, values: 0, minYear: r.year, maxYear: r.year, geos: new Set(), partners: new Set() };
    into.set(r.measure, t);
  }
  t.rows++;
  if (r.value !== null) t.values++;
  t.minYear = Math.min(t.minYear, r.year);
  t.maxYear = Math.max(t.maxYear, r.year);
  t.geos.add(r.geo);
  if (r.partner !== null) t.partners.add(r.partner);
}

type Held = ReadonlyMap<string, MeasureTally>;

/** Measures held with at least one value. */
function withValues(held: Held): string[] {
  return [...held].filter(([, t]) => t.values > 0).map(([m]) => m);
}

/** The distinct `:`-separated parts at position `i` of held measures of `family`, sorted. */
function parts(held: Held, family: string, i: number, join = false): string[] {
  const out = new Set<string>();
  for (const m of withValues(held)) {
    if (measureFamily(m) !== family) continue;
    const p = m.split(':');
    const v = join ? p.slice(i).join(':') : p[i];
    if (v !== undefined && v !== '') out.add(v);
  }
  return [...out].sort(naturalOrder);
}

function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

const has = (held: Held, measure: string) => (held.get(measure)?.values ?? 0) > 0;

/** Geographies or partners with a value, sorted. */
function geosOf(held: Held, family: string, which: 'geos' | 'partners'): string[] {
  const out = new Set<string>();
  for (const [m, t] of held) if (t.values > 0 && measureFamily(m) === family) for (const g of t[which]) out.add(g);
  return [...out].sort();
}

function tradeValues(held: Held, flows: readonly ('M' | 'X')[]): Record<string, string[]> {
  const present = parts(held, 'trade', 1).filter((f): f is 'M' | 'X' => (flows as readonly string[]).includes(f));
  const flow = [...(present.includes('X') ? ['exports'] : []), ...(present.includes('M') ? ['imports'] : []), ...(present.length === 2 ? ['total'] : [])];
  const classes = parts(held, 'trade', 2);
  const products = parts(held, 'trade', 3);
  return {
    flow,
    products: [...products.map((p) => (p === 'TOTAL' ? 'TOTAL' : `HS:${p}`)), ...(classes.length > 0 ? [`(codes as reported in ${classes.join(', ')})`] : [])],
    reporter: geosOf(held, 'trade', 'geos'),
    partners: geosOf(held, 'trade', 'partners'),
  };
}

/**
 * For each option of an indicator, the values the inputs can answer: the GII indicator numbers
 * and kinds a GII file holds, the BERD industries an MSTI file covers, the trade flows, product
 * codes, reporters and partners of a trade file, and so on. Options not listed have no value to
 * find in the data (a threshold, a base year).
 */
export function presentValues(id: string, held: Held): Record<string, string[]> {
  const industries = (share: boolean) => Object.entries(INDUSTRIES).filter(([, i]) => has(held, i.share) || (!share && has(held, i.amount) && has(held, 'berd_usd_ppp'))).map(([k]) => k);
  switch (id) {
    case 'gii-indicator':
      return { num: [...new Set([...parts(held, 'gii_score', 1, true), ...parts(held, 'gii_rank', 1, true), ...parts(held, 'gii_value', 1, true)])].sort(naturalOrder), measure: ['score', 'rank', 'value'].filter((k) => parts(held, `gii_${k}`, 1).length > 0) };
    case 'berd-industry-share':
      return { industry: industries(false) };
    case 'technology-overlap':
      return { industry: industries(true) };
    case 'anberd-industry-share':
      return { industry: Object.entries(ANBERD_INDUSTRIES).filter(([, i]) => has(held, i.measure) && has(held, 'anberd_total_usd_ppp')).map(([k]) => k) };
    case 'ip-charges':
    case 'ip-charges-intra-share':
      return { flow: ['receipts', 'payments'].filter((f) => has(held, `ip_charges_${f}_usd`)) };
    case 'fdi-intra-share':
      return { direction: [...(has(held, 'fdi_outward_position_usd') ? ['outward'] : []), ...(has(held, 'fdi_inward_position_usd') || has(held, 'fdi_outward_position_usd') ? ['inward'] : [])] };
    case 'stri-heterogeneity':
      return { sector: parts(held, 'stri_heterogeneity', 1, true), partner: geosOf(held, 'stri_heterogeneity', 'partners') };
    case 'pct-intra-share':
    case 'pct-foreign-share':
      return { measure: parts(held, 'patents', 1).filter((t) => t !== 'total'), authority: parts(held, 'patents', 3), date: parts(held, 'patents', 4) };
    case 'gerd-world-share':
      return { of: ['WLD', 'OECD'].filter((g) => held.get('gerd_usd_ppp')?.geos.has(g) === true) };
    case 'greenfield-fdi':
    case 'fdi-hightech-content':
      return { partner: [...new Set([...(held.get('greenfield_capex_usd')?.partners ?? [])])].sort() };
    case 'import-source-share':
      return tradeValues(held, ['M']);
    case 'export-destination-share':
      return tradeValues(held, ['X']);
    default:
      return withValues(held).some((m) => measureFamily(m) === 'trade') ? tradeValues(held, ['M', 'X']) : {};
  }
}
