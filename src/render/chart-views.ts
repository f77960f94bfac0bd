import type { ChartUnit } from './chart-parts.js';

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
}

const BOUND = "datum.bound === 'lower'";

function colour(v: ViewInput) {
  return { field: 'name', type: 'nominal', title: null, scale: { domain: v.names, range: v.colours }, sort: v.names };
}

function tooltip(v: ViewInput) {
  return [{ field: 'name', title: 'Geography' }, ...(v.series ? [{ field: 'series', title: 'Series' }] : []), { field: 'year', title: 'Year' }, { field: 'shown', title: v.unit.title }];
}

function valueAxis(v: ViewInput) {
  return { field: 'value', type: 'quantitative', title: v.unit.title, axis: { format: v.unit.axisFormat } };
}

/** A lower bound is pale with a dashed dark outline (colour-blind safe: not a colour change). */
function boundStyle(v: ViewInput) {
  if (!v.bounds) return {};
  return { fillOpacity: { condition: { test: BOUND, value: 0.3 }, value: 1 }, strokeWidth: { condition: { test: BOUND, value: 1.5 }, value: 0 }, strokeDash: { condition: { test: BOUND, value: [4, 2] }, value: [1, 0] } };
}

/** Text beside each mark: "≥" for lower bounds, ✓/✗ for thresholds; `along` is the value axis. */
function labels(v: ViewInput, along: 'x' | 'y') {
  const at = along === 'y' ? { baseline: 'bottom', dy: -3 } : { align: 'left', dx: 4 };
  const text = (field: string, shift: number) => ({ mark: { type: 'text', fontSize: 11, color: '#222', ...at, ...(along === 'y' ? { dy: -3 - shift } : { dx: 4 + shift }) }, encoding: { text: { field } } });
  return [...(v.threshold !== null ? [text('pass', 0)] : []), ...(v.bounds ? [text('mark', v.threshold !== null ? (along === 'y' ? 13 : 40) : 0)] : [])];
}

/** The dashed threshold line with its label, across the value axis. */
function thresholdRule(v: ViewInput, along: 'x' | 'y') {
  if (v.threshold === null) return [];
  const data = { values: [{ value: v.threshold * v.unit.scale }] };
  const at = { field: 'value', type: 'quantitative', title: v.unit.title };
  const text = `threshold ${v.threshold} ${v.unit.title}`;
  return [
    { data, mark: { type: 'rule', color: '#222', strokeDash: [6, 4], strokeWidth: 1.5 }, encoding: { [along]: at } },
    { data, mark: { type: 'text', text, fontSize: 10, color: '#222', ...(along === 'y' ? { align: 'right', baseline: 'bottom', dy: -2 } : { align: 'left', baseline: 'top', dx: 3 }) }, encoding: { [along]: at, ...(along === 'y' ? { x: { value: 'width' } } : { y: { value: 0 } }) } },
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
  const width = 360;
  const values = v.rows.map((r) => r.value as number);
  const mid = values.length > 0 ? (Math.min(...values) + Math.max(...values)) / 2 : 0;
  return {
    width,
    spec: {
      width,
      height: { step: 36 },
      data: { values: v.rows },
      encoding: { x: { field: 'partner', type: 'nominal', title: 'Partner', axis: { labelAngle: -30, labelLimit: 200 } }, y: { field: 'name', type: 'nominal', title: 'Reporter', axis: { labelLimit: 260 } } },
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
          mark: { type: 'point', filled: true, size: 80, ...(v.bounds ? { stroke: '#222' } : {}) },
          encoding: {
            color: v.series ? { field: 'series', type: 'nominal', title: 'Series', scale: { range: palette } } : colour(v),
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
  const width = 560;
  const shared = {
    x: { field: category, type: category === 'year' ? 'ordinal' : 'nominal', title: category === 'series' ? null : 'Year', axis: { labelAngle: 0, labelLimit: Math.floor(width / Math.max(1, new Set(v.rows.map((r) => r[category])).size)) - 8 } },
    xOffset: { field: 'name', sort: v.names },
    y: valueAxis(v),
    color: colour(v),
  };
  return { width, spec: { width, height: 300, data: { values: v.rows }, layer: [{ encoding: shared, layer: [bar, ...labels(v, 'y')] }, ...thresholdRule(v, 'y')] } };
}
