import type { ChartKind, IndicatorMeta, Result } from '../model/indicator.js';
import { displayUnit, formatDisplay } from './format.js';
import { hasPartner, isLowerBound, partnerLabel, seriesLabel } from './labels.js';
import { wrapPx } from './text-width.js';

/** Human label of a geography: "China", or for a group "China–Japan–Korea (CJK)". */
export type Namer = (code: string, kind?: Result['geo_kind']) => string;

/** Every chart kind linkage draws. */
export const CHART_KINDS: readonly ChartKind[] = ['bars', 'lines', 'heatmap', 'dots'];

/**
 * The chart kinds that fit an indicator: a bilateral matrix (default view `heatmap`: many partners
 * per reporter) only as a heatmap; every other indicator (one value per geography, series and
 * year, no partner dimension) as bars, lines or dots.
 */
export function fittingKinds(meta: Pick<IndicatorMeta, 'chart'>): readonly ChartKind[] {
  return meta.chart === 'heatmap' ? ['heatmap'] : ['bars', 'lines', 'dots'];
}

/** Why `kind` does not fit an indicator (for the usage error), or null when it fits. */
export function misfit(meta: Pick<IndicatorMeta, 'chart'>, kind: ChartKind): string | null {
  if (fittingKinds(meta).includes(kind)) return null;
  return meta.chart === 'heatmap' ? 'a matrix of reporters × partners: bars, lines and dots would draw every partner on top of each other' : 'it has no partner dimension for a heatmap';
}

/** How values of a unit are drawn: axis title, factor applied to values, decimals and d3 formats. */
export interface ChartUnit {
  title: string;
  scale: number;
  decimals: number;
  /** Axis ticks: thousands separators, trailing zeros trimmed (never "0.000000"). */
  axisFormat: string;
  /** Tooltips and value labels: fixed decimals. */
  valueFormat: string;
}

/** The chart's view of a unit: percent in %, US$ flows in US$ bn, indices and ranks as they are. */
export function chartUnit(unit: string): ChartUnit {
  const d = displayUnit(unit);
  return { title: d.label, scale: d.scale, decimals: d.decimals, axisFormat: d.decimals === 0 ? ',d' : `,.${d.decimals}~f`, valueFormat: d.decimals === 0 ? ',d' : `,.${d.decimals}f` };
}

/** A threshold result (technology overlap): every ok result carries `detail.threshold` and `detail.overlap`. */
export function thresholdOf(results: readonly Result[]): number | null {
  const ok = results.filter((r) => r.status === 'ok');
  const t = ok[0]?.detail?.threshold;
  if (typeof t !== 'number' || !ok.every((r) => r.detail?.threshold === t && typeof r.detail.overlap === 'boolean')) return null;
  return t;
}

/** The member with the smallest value in `detail.members` (the one that sets a minimum-of-members value). */
export function lowestMember(r: Result): string | null {
  const m = r.detail?.members;
  if (m === null || typeof m !== 'object') return null;
  const entries = Object.entries(m as Record<string, unknown>).filter((e): e is [string, number] => typeof e[1] === 'number');
  if (entries.length < 2) return null;
  return entries.reduce((a, b) => (b[1] < a[1] ? b : a))[0];
}

/** Label of a result's series within a chart: the breakdown, and the partner where it matters. */
export function seriesOf(r: Result, name: Namer): string {
  return [seriesLabel(r.breakdown), hasPartner(r) && r.partner !== null ? `partner ${partnerOf(r.partner, name)}` : ''].filter(Boolean).join(' · ');
}

/** A partner as drawn: "Rest of world", a full name, or a partner set as written (`JPN+KOR`). */
export function partnerOf(partner: string, name: Namer): string {
  if (partner === 'ROW' || partner === 'WLD') return partnerLabel(partner).replace(/^./, (c) => c.toUpperCase());
  return partner.includes('+') ? partner : name(partner);
}

/** Years as ranges: 2000–2003, 2005. */
export function yearRanges(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
    out.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return out.join(', ');
}

/**
 * What is not drawn for lack of data, compact: one item per geography with its series and years
 * ("UK–France–Germany (UFG): pharmaceuticals, aerospace"); years are left out when every missing
 * value is of one year, which the heading then states.
 */
export function missingItems(results: readonly Result[], name: Namer): { heading: string; items: string[] } {
  // A value not computed by design (a group's rank) is not missing data: {@link notComputedNotes} says why.
  const missing = results.filter((r) => r.status === 'missing' && notComputed(r) === undefined);
  const years = new Set(missing.map((r) => r.year).filter((y) => y > 0));
  const one = years.size === 1;
  // A series every result shares is said once under the title, not for each missing value.
  const common = new Set(results.map((r) => r.breakdown)).size === 1;
  const byGeo = new Map<string, Map<string, number[]>>();
  for (const r of missing) {
    const geo = name(r.geo, r.geo_kind);
    const series = byGeo.get(geo) ?? new Map<string, number[]>();
    const key = [common ? '' : seriesLabel(r.breakdown), hasPartner(r) && r.partner !== null ? `→ ${partnerOf(r.partner, name)}` : ''].filter(Boolean).join(' ');
    series.set(key, [...(series.get(key) ?? []), ...(r.year > 0 ? [r.year] : [])]);
    byGeo.set(geo, series);
  }
  // Years no drawn value has at all are said once ("every geography: 2010"), not per geography.
  const okYears = new Set(results.filter((r) => r.status === 'ok').map((r) => r.year));
  const allMissing = one ? [] : [...years].filter((y) => !okYears.has(y) && results.every((r) => r.year !== y || r.status === 'missing'));
  const items = [...byGeo].flatMap(([geo, series]) => {
    const parts = [...series]
      .map(([s, ys]) => {
        const left = ys.filter((y) => !allMissing.includes(y));
        return ys.length > 0 && left.length === 0 ? null : [s, one ? '' : yearRanges(left)].filter(Boolean).join(' ');
      })
      .filter((p): p is string => p !== null);
    if (parts.length === 0 && allMissing.length > 0) return [];
    const shown = parts.filter(Boolean);
    // Partners only: "Japan → China, South Korea".
    if (shown.length > 0 && shown.every((p) => p.startsWith('→ '))) return [`${geo} → ${shown.map((p) => p.slice(2)).join(', ')}`];
    return [shown.length > 0 ? `${geo}: ${shown.join(', ')}` : geo];
  });
  return { heading: `Not shown (missing data${one ? ` for ${[...years][0]}` : ''})`, items: [...(allMissing.length > 0 ? [`every geography: ${yearRanges(allMissing)}`] : []), ...items] };
}

/** Why an indicator does not compute this value by design (`detail.not_aggregated`), or undefined. */
function notComputed(r: Result): string | undefined {
  const why = r.detail?.not_aggregated;
  return r.status === 'missing' && typeof why === 'string' ? why : undefined;
}

/** One note per reason a value is not computed by design, naming the geographies: "Group ranks are not computed: ranks do not add up (CJK)." */
export function notComputedNotes(results: readonly Result[], name: Namer): string[] {
  const byWhy = new Map<string, Set<string>>();
  for (const r of results) {
    const why = notComputed(r);
    if (why !== undefined) byWhy.set(why, (byWhy.get(why) ?? new Set()).add(r.geo_kind === 'group' ? r.geo : name(r.geo, r.geo_kind)));
  }
  return [...byWhy].map(([why, geos]) => `${why} (${[...geos].join(', ')}).`);
}

/** Lower bounds drawn: "≥" and a hollow, dashed mark; the caption says which values are bounds. */
export function boundNote(results: readonly Result[], name: Namer): string | null {
  const bounds = results.filter(isLowerBound);
  if (bounds.length === 0) return null;
  const which = bounds.map((r) => `${name(r.geo, r.geo_kind)}${r.breakdown ? ` ${seriesOf(r, name)}` : ''} ${r.year}`);
  return `≥ Lower bound (drawn pale, dashed outline): confidential cells were left out, so the true value is at least the one shown — ${[...new Set(which)].join('; ')}.`;
}

/** How a threshold chart reads: the group's bar is its lowest member; ✓/✗ against the dashed line. */
export function thresholdNote(results: readonly Result[], threshold: number, unitTitle: string, named = true): string {
  const groups = results.some((r) => r.status === 'ok' && r.geo_kind === 'group');
  const t = `${threshold} ${unitTitle}`;
  return groups
    ? `A group's bar is its members' minimum: ${named ? 'the member named above the bar has the smallest share' : "the table's note names each member's share"}. ✓\u00a0every member is above the ${t} threshold (dashed line), so the group overlaps in that field; ✗\u00a0at least one member is not.`
    : `✓\u00a0above the ${t} threshold (dashed line); ✗\u00a0not above it.`;
}

/** A value as a chart label or tooltip reads it: display unit, "≥ " before a lower bound. */
export function shownValue(r: Result): string {
  const text = formatDisplay(r.value, r.unit);
  return isLowerBound(r) ? `≥ ${text}` : text;
}

/**
 * The caption lines drawn under a chart, wrapped to `width` pixels: notes first, then the missing
 * list, cut to at most `maxMissing` lines (the rest counted: "and 4 more; see the table").
 */
export function captionLines(notes: readonly string[], missing: { heading: string; items: string[] }, width: number, maxMissing = 4): string[] {
  const lines = notes.flatMap((n) => wrapPx(n, width));
  if (missing.items.length === 0) return lines;
  for (let k = missing.items.length; k >= 1; k--) {
    const rest = missing.items.length - k;
    const text = `${missing.heading}: ${missing.items.slice(0, k).join('; ')}${rest > 0 ? `; and ${rest} more (see the table)` : ''}.`;
    const wrapped = wrapPx(text, width);
    if (wrapped.length <= maxMissing || k === 1) return [...lines, ...wrapped];
  }
  return lines;
}

/** The full caption as text (HTML figcaption, Markdown): notes, then every missing item. */
export function captionText(notes: readonly string[], missing: { heading: string; items: string[] }): string[] {
  return [...notes, ...(missing.items.length > 0 ? [`${missing.heading}: ${missing.items.join('; ')}.`] : [])];
}
