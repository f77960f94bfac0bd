import type { ChartUnit } from './chart-parts.js';
import { textWidth } from './text-width.js';

/** One drawn value: display-unit `value` (null = a gap in a line), labels already formatted. */
export interface Row {
  geo: string;
  name: string;
  kind: string;
  partner: string;
  year: number;
  value: number | null;
  series: string;
  /** `lower` for a labelled lower bound. */
  bound: string;
  /** The value as text: "12.34", "≥ 12.34". */
  shown: string;
  /** "≥" drawn beside a lower bound. */
  mark: string;
  /** Threshold charts: "✓ CHN" / "✗ KOR" (pass or fail, the member that sets the minimum). */
  pass: string;
  /** Threshold charts: "✓" / "✗" alone, where bars are too narrow to name the member. */
  check: string;
}

/** What every view needs. */
export interface ViewInput {
  rows: Row[];
  /** Geography names in drawing order, and their colours. */
  names: string[];
  colours: string[];
  unit: ChartUnit;
  /** More than one series (breakdown) among the rows. */
  series: boolean;
  years: number[];
  threshold: number | null;
  /** Some row is a lower bound. */
  bounds: boolean;
}

/** A view spec (no title, no config) and its plot width in pixels. */
export interface View {
  spec: Record<string, unknown>;
  width: number;
  /** Threshold charts: whether the member that sets each minimum is named above its bar. */
  named?: boolean;
}

const BOUND = "datum.bound === 'lower'";

function colour(v: ViewInput) {
  return { field: 'name', type: 'nominal', title: null, scale: { domain: v.names, range: v.colours }, sort: v.names };
}

function tooltip(v: ViewInput) {
  return [{ field: 'name', title: 'Geography' }, ...(v.series ? [{ field: 'series', title: 'Series' }] : []), { field: 'year', title: 'Year' }, { field: 'shown', title: v.unit.title }];
}

function valueAxis(v: ViewInput) {
  // Never stacked: each bar is one value (shares and flows are not summed across years or series).
  return { field: 'value', type: 'quantitative', title: v.unit.title, axis: { format: v.unit.axisFormat }, stack: null };
}

/** A lower bound is pale with a dashed dark outline (colour-blind safe: not a colour change). */
function boundStyle(v: ViewInput) {
  if (!v.bounds) return {};
  return { fillOpacity: { condition: { test: BOUND, value: 0.3 }, value: 1 }, strokeWidth: { condition: { test: BOUND, value: 1.5 }, value: 0 }, strokeDash: { condition: { test: BOUND, value: [4, 2] }, value: [1, 0] } };
}

/** Text beside each mark: "≥" for lower bounds, ✓/✗ for thresholds; `along` is the value axis. */
function labels(v: ViewInput, along: 'x' | 'y', named = true) {
  const at = along === 'y' ? { baseline: 'bottom', dy: -3 } : { align: 'left', dx: 4 };
  const text = (field: string, shift: number) => ({ mark: { type: 'text', fontSize: 11, color: '#222', ...at, ...(along === 'y' ? { dy: -3 - shift } : { dx: 4 + shift }) }, encoding: { text: { field } } });
  return [...(v.threshold !== null ? [text(named ? 'pass' : 'check', 0)] : []), ...(v.bounds ? [text('mark', v.threshold !== null ? (along === 'y' ? 13 : 40) : 0)] : [])];
}

/**
 * The dashed threshold line with its label, across the value axis. It reads the view's own data
 * reduced to one row (a layer may not bring its own data inside a facet).
 */
function thresholdRule(v: ViewInput, along: 'x' | 'y') {
  if (v.threshold === null) return [];
  const at = { datum: v.threshold * v.unit.scale, type: 'quantitative', title: v.unit.title };
  const one = [{ aggregate: [{ op: 'count', as: 'n' }] }];
  const text = `threshold ${v.threshold} ${v.unit.title}`;
  return [
    { transform: one, mark: { type: 'rule', color: '#222', strokeDash: [6, 4], strokeWidth: 1.5 }, encoding: { [along]: at } },
    { transform: one, mark: { type: 'text', text, fontSize: 10, color: '#222', ...(along === 'y' ? { align: 'right', baseline: 'bottom', dy: -2 } : { align: 'left', baseline: 'top', dx: 3 }) }, encoding: { [along]: at, ...(along === 'y' ? { x: { value: 'width' } } : { y: { value: 0 } }) } },
  ];
}

/** Lines over years: broken at null values (missing years), every value a point; groups thicker. */
export function linesView(v: ViewInput): View {
  const width = 560;
  return {
    width,
    spec: {
      width,
      height: 300,
      data: { values: v.rows },
      // Years on a band: a missing year keeps its place (the gap shows); crowded labels drop every other one.
      encoding: { x: { field: 'year', type: 'ordinal', title: 'Year', axis: { labelAngle: 0, labelOverlap: 'parity', labelSeparation: 6 } }, y: { ...valueAxis(v), scale: { zero: false } }, color: colour(v) },
      layer: [
        {
          mark: { type: 'line' },
          encoding: {
            strokeWidth: { field: 'kind', type: 'ordinal', sort: ['group', 'country'], scale: { domain: ['group', 'country'], range: [3, 1.5] }, legend: null },
            ...(v.series ? { strokeDash: { field: 'series', type: 'nominal', title: 'Series' } } : {}),
          },
        },
        { mark: { type: 'point', filled: true, opacity: 1, size: 40, ...(v.bounds ? { stroke: '#222' } : {}) }, encoding: { ...boundStyle(v), ...(v.bounds ? { shape: { condition: { test: BOUND, value: 'triangle-up' }, value: 'circle' } } : {}), tooltip: tooltip(v) } },
        ...(v.bounds ? [{ mark: { type: 'text', dy: -12, fontSize: 12, color: '#222' }, encoding: { text: { field: 'mark' } } }] : []),
      ],
    },
  };
}

/** A bilateral matrix: reporters × partners, the value written in each cell. */
export function heatmapView(v: ViewInput): View {
  const partners = [...new Set(v.rows.map((r) => r.partner))];
  const width = Math.max(360, Math.min(720, 90 * partners.length));
  // Partner names flat when each fits its column, slanted otherwise.
  const flat = partners.every((p) => textWidth(p, 11) <= width / partners.length - 6);
  const values = v.rows.map((r) => r.value as number);
  const mid = values.length > 0 ? (Math.min(...values) + Math.max(...values)) / 2 : 0;
  return {
    width,
    spec: {
      width,
      height: { step: 36 },
      data: { values: v.rows },
      encoding: { x: { field: 'partner', type: 'nominal', title: 'Partner', axis: { labelAngle: flat ? 0 : -30, labelLimit: 200 } }, y: { field: 'name', type: 'nominal', title: 'Reporter', axis: { labelLimit: 260 } } },
      layer: [
        { mark: 'rect', encoding: { color: { field: 'value', type: 'quantitative', title: v.unit.title, scale: { scheme: 'viridis' }, legend: { format: v.unit.axisFormat } }, tooltip: tooltip(v) } },
        // Dark text on the light (high) end of viridis, white on the dark end.
        { mark: { type: 'text', fontSize: 10 }, encoding: { text: { field: 'shown' }, color: { condition: { test: `datum.value > ${mid}`, value: '#111' }, value: 'white' } } },
      ],
    },
  };
}

/** One dot per geography (and series). */
export function dotsView(v: ViewInput): View {
  const width = 480;
  const palette = ['#0072B2', '#D55E00', '#009E73', '#CC79A7'];
  return {
    width,
    spec: {
      width,
      height: { step: 22 },
      data: { values: v.rows },
      encoding: { y: { field: 'name', type: 'nominal', title: null, sort: v.names, axis: { labelLimit: 260 } }, x: valueAxis(v) },
      layer: [
        {
          // A thin dark outline keeps pale colours (sand, sky blue) visible on white.
          mark: { type: 'point', filled: true, opacity: 1, size: 80, stroke: '#333', strokeWidth: 0.6 },
          encoding: {
            // Names are on the axis: no legend for them.
            color: v.series ? { field: 'series', type: 'nominal', title: 'Series', scale: { range: palette } } : { ...colour(v), legend: null },
            ...(v.series ? { shape: { field: 'series', type: 'nominal', title: 'Series' } } : {}),
            ...boundStyle(v),
            tooltip: tooltip(v),
          },
        },
        ...labels(v, 'x'),
      ],
    },
  };
}

/**
 * Bars: one value per geography as horizontal bars (full names readable, no legend); otherwise
 * grouped vertical bars by series or year, geographies side by side.
 */
export function barsView(v: ViewInput): View {
  const category = v.series ? 'series' : v.years.length > 1 ? 'year' : 'name';
  const bar = { mark: { type: 'bar', ...(v.bounds ? { stroke: '#222' } : {}) }, encoding: { ...boundStyle(v), tooltip: tooltip(v) } };
  if (category === 'name') {
    const width = 480;
    const shared = { y: { field: 'name', type: 'nominal', title: null, sort: v.names, axis: { labelLimit: 260 } }, x: valueAxis(v), color: { ...colour(v), legend: null } };
    return { width, spec: { width, height: { step: 24 }, data: { values: v.rows }, layer: [{ encoding: shared, layer: [bar, ...labels(v, 'x')] }, ...thresholdRule(v, 'x')] } };
  }
  // Name the member under a threshold only where the label fits over its bar (about 80 % of its slot).
  const fits = (plot: number, slots: number) => Math.max(0, ...v.rows.map((r) => textWidth(r.pass, 11))) <= (0.8 * plot) / Math.max(1, slots);
  const layers = (shared: object, named: boolean) => [{ encoding: shared, layer: [bar, ...labels(v, 'y', named)] }, ...thresholdRule(v, 'y')];
  if (v.series && v.years.length > 1) {
    // Series and years: one panel per series (years along x), never bars of different years stacked.
    const columns = [...new Set(v.rows.map((r) => r.series))];
    const each = Math.max(160, Math.floor(560 / columns.length));
    const shared = { x: { field: 'year', type: 'ordinal', title: 'Year', axis: { labelAngle: 0, labelOverlap: 'parity' } }, xOffset: { field: 'name', sort: v.names }, y: valueAxis(v), color: colour(v) };
    const named = fits(each, v.years.length * v.names.length);
    return {
      width: columns.length * (each + 12) - 12,
      named,
      spec: { data: { values: v.rows }, spacing: 12, facet: { column: { field: 'series', type: 'nominal', title: null, sort: columns, header: { labelFontSize: 12, labelLimit: each } } }, spec: { width: each, height: 300, layer: layers(shared, named) } },
    };
  }
  const width = 560;
  const shared = {
    // Years never cut ("2…"): crowded ones drop every other label; series names are cut to their slot.
    x: { field: category, type: category === 'year' ? 'ordinal' : 'nominal', title: category === 'series' ? null : 'Year', axis: category === 'year' ? { labelAngle: 0, labelOverlap: 'parity', labelSeparation: 6 } : { labelAngle: 0, labelLimit: Math.floor(width / Math.max(1, new Set(v.rows.map((r) => r[category])).size)) - 8 } },
    xOffset: { field: 'name', sort: v.names },
    y: valueAxis(v),
    color: colour(v),
  };
  const named = fits(width, new Set(v.rows.map((r) => r[category])).size * v.names.length);
  return { width, named, spec: { width, height: 300, data: { values: v.rows }, layer: layers(shared, named) } };
}
