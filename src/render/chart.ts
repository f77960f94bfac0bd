import { readFileSync } from 'node:fs';
import type { TopLevelSpec } from 'vega-lite';
import type { ChartKind, IndicatorMeta, Result } from '../model/indicator.js';
import { dataPath } from '../paths.js';
import { provenanceLabel } from './results.js';
import { own } from '../model/dict.js';
import { isLowerBound, seriesLabel } from './labels.js';
import { wrapPx } from './text-width.js';
import { boundNote, captionLines, captionText, chartUnit, lowestMember, missingItems, notComputedNotes, partnerOf, seriesOf, shownValue, thresholdNote, thresholdOf, type Namer } from './chart-parts.js';
import { barsView, dotsView, heatmapView, linesView, type Row, type ViewInput } from './chart-views.js';

export { CHART_KINDS, fittingKinds, misfit, type Namer } from './chart-parts.js';

interface Palette {
  fixed: Record<string, string>;
  rest: string[];
}

let palette: Palette | undefined;

/** Colours for geographies: fixed ones from data/palette.json, then the rest in order of appearance. */
export function colours(codes: readonly string[]): string[] {
  palette ??= JSON.parse(readFileSync(dataPath('palette.json'), 'utf8')) as Palette;
  const p = palette;
  let next = 0;
  const used = new Set(codes.map((c) => own(p.fixed, c)).filter(Boolean));
  return codes.map((c) => {
    const fixed = own(p.fixed, c);
    if (fixed !== undefined) return fixed;
    while (next < p.rest.length - 1 && used.has(p.rest[next] as string)) next++;
    const colour = p.rest[next % p.rest.length] as string;
    next++;
    return colour;
  });
}

/** A chart three ways: the full spec (caption drawn under the plot), the plot alone, and the caption as text. */
export interface Chart {
  /** Title, plot and caption (missing data, lower bounds, how to read a threshold) in one spec. */
  spec: TopLevelSpec;
  /** The same chart without the caption, for pages that print {@link Chart.caption} as text. */
  plain: TopLevelSpec;
  /** The caption's paragraphs, unwrapped and uncut (every missing item listed). */
  caption: string[];
}

/**
 * The default Vega-Lite view of an indicator's results: grouped bars (groups side by side), lines
 * over years (broken where a year is missing, every value a point), a heatmap for bilateral
 * matrices, dots for country openness. The plot has a fixed width (480–560 px); titles are wrapped
 * to it, and what is not drawn (missing values), lower bounds (`≥`, hollow dashed marks) and how
 * to read a threshold (technology overlap: the dashed threshold line, ✓/✗ per bar, the member
 * that sets a group's minimum) go into a caption under the plot, wrapped to the same width.
 * Values are drawn in display units (% , US$ bn, index). Colours are colour-blind safe and fixed per
 * geography. Pure: results in, spec out. Check {@link fittingKinds} before asking for a `kind`.
 */
export function buildChart(results: readonly Result[], meta: IndicatorMeta, name: Namer, asked?: ChartKind): Chart {
  // The indicator's default `lines` over a single year is drawn as bars; lines asked for (`--kind
  // lines`, a report section's `chart`) stay lines: one point per series, and the caption says so.
  const kind = asked ?? meta.chart;
  const ok = results.filter((r) => r.status === 'ok' && r.value !== null);
  const label = (r: Result) => name(r.geo, r.geo_kind);
  // The results' own unit where they agree (a GII rank is a rank, though the indicator's default is a score).
  const units = [...new Set(ok.map((r) => r.unit))];
  const unit = chartUnit(units.length === 1 && units[0] !== undefined ? units[0] : meta.unit);
  const threshold = thresholdOf(results);
  const row = (r: Result): Row => {
    const low = threshold === null ? null : lowestMember(r);
    const pass = threshold === null || r.value === null ? '' : r.detail?.overlap === true ? '✓' : '✗';
    return {
      geo: r.geo,
      name: label(r),
      kind: r.geo_kind,
      partner: r.partner === null ? '' : partnerOf(r.partner, name),
      year: r.year,
      value: r.value === null ? null : r.value * unit.scale,
      // A heatmap's partner is its column; elsewhere the partner (set) belongs to the series.
      series: kind === 'heatmap' ? seriesLabel(r.breakdown) : seriesOf(r, name),
      bound: isLowerBound(r) ? 'lower' : '',
      shown: r.value === null ? '' : shownValue(r),
      mark: isLowerBound(r) ? '≥' : '',
      pass: pass === '' ? '' : [pass, low ?? ''].filter(Boolean).join(' '),
      check: pass,
    };
  };
  const rows = ok.map(row);
  const geos = [...new Set(ok.map((r) => r.geo))];
  const names = geos.map((g) => label(ok.find((r) => r.geo === g) as Result));
  const years = [...new Set(ok.map((r) => r.year))].sort((a, b) => a - b);
  const sources = [...new Set(ok.flatMap((r) => r.provenance.map(provenanceLabel)))];
  const series = new Set(rows.map((v) => v.series)).size > 1;
  const input: ViewInput = { rows, names, colours: colours(geos), unit, series, years, threshold, bounds: rows.some((r) => r.bound !== '') };
  const lines = kind === 'lines' && (years.length > 1 || asked === 'lines');
  if (lines) input.rows = withGaps(results, rows, row);
  const view = lines ? linesView(input) : kind === 'heatmap' ? heatmapView(input) : kind === 'dots' ? dotsView(input) : barsView(input);
  const width = view.width;
  const notes = [boundNote(results, name), threshold === null ? null : thresholdNote(results, threshold, unit.title, view.named !== false), ...notComputedNotes(results, name), lines && years.length === 1 ? `One year only (${years[0]}): each line is a single point.` : null].filter((n): n is string => n !== null);
  const missing = missingItems(results, name);
  const drawn = captionLines(notes, missing, width);
  const source = `Source: ${sources.length > 0 ? sources.join('; ') : 'no data'}${years.length > 0 ? ` · ${years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : years[0]}` : ''} · computed with linkage`;
  // One series throughout (a trade flow, a partner set): said once, under the title.
  const only = !series && rows[0] !== undefined && rows[0].series !== '' ? [`Series: ${rows[0].series}`] : [];
  const base = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: wrapPx(meta.title, width, 14, true), subtitle: [...only, source].flatMap((t) => wrapPx(t, width)), anchor: 'start', fontSize: 14, subtitleFontSize: 11, subtitleColor: '#444' },
    config: { font: 'DejaVu Sans, Arial, sans-serif', view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 12 }, legend: { labelFontSize: 11, labelLimit: 280 } },
  } as const;
  const plain = { ...base, ...view.spec } as TopLevelSpec;
  const spec = drawn.length === 0 ? plain : ({ ...base, spacing: 14, vconcat: [view.spec, captionView(drawn, width)] } as TopLevelSpec);
  return { spec, plain, caption: captionText(notes, missing) };
}

/** The full spec of {@link buildChart}: plot and caption. */
export function chartSpec(results: readonly Result[], meta: IndicatorMeta, name: Namer, kind?: ChartKind): TopLevelSpec {
  return buildChart(results, meta, name, kind).spec;
}

/**
 * Line data with a null at every year a drawn series lacks, so the line breaks there instead of
 * joining its neighbours (Vega-Lite breaks paths at null values and keeps the year on the axis).
 */
function withGaps(results: readonly Result[], rows: readonly Row[], row: (r: Result) => Row): Row[] {
  // Years between the first and last drawn value: leading and trailing years without any data are left off (the caption lists them).
  const drawnYears = rows.map((r) => r.year);
  const [first, last] = [Math.min(...drawnYears), Math.max(...drawnYears)];
  const years = [...new Set(results.map((r) => r.year))].filter((y) => y >= first && y <= last);
  const drawn = new Set(rows.map((r) => `${r.geo}|${r.series}`));
  const have = new Set(rows.map((r) => `${r.geo}|${r.series}|${r.year}`));
  const gaps: Row[] = [];
  const seen = new Set<string>();
  for (const r of results) {
    const base = row({ ...r, value: null, status: 'missing' });
    const key = `${base.geo}|${base.series}`;
    if (!drawn.has(key) || seen.has(key)) continue;
    seen.add(key);
    for (const y of years) if (!have.has(`${key}|${y}`)) gaps.push({ ...base, year: y, value: null, shown: '', mark: '', bound: '', pass: '', check: '' });
  }
  return [...rows, ...gaps].sort((a, b) => a.year - b.year);
}

/** The caption under the plot: left-aligned lines of grey text, as wide as the plot. */
function captionView(lines: readonly string[], width: number): object {
  return {
    width,
    height: lines.length * 14,
    data: { values: [{}] },
    mark: { type: 'text', text: [...lines], align: 'left', baseline: 'top', fontSize: 11, lineHeight: 14, color: '#333' },
    encoding: { x: { value: 0 }, y: { value: 0 } },
  };
}
