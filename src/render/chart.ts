import { readFileSync } from 'node:fs';
import type { TopLevelSpec } from 'vega-lite';
import type { ChartKind, IndicatorMeta, Result } from '../model/indicator.js';
import { dataPath } from '../paths.js';
import { provenanceLabel } from './results.js';
import { own } from '../model/dict.js';

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

const UNIT_TITLES: Record<string, string> = { percent: '%', usd_bn: 'US$ billions', usd: 'US$', index: 'index', rank: 'rank', score: 'score (0–100)' };

/** Human label of a geography: "China", or for a group "China–Japan–Korea (CJK)". */
export type Namer = (code: string, kind?: Result['geo_kind']) => string;

/**
 * The default Vega-Lite view of an indicator's results: grouped bars (groups side by side), lines
 * over years, a heatmap for bilateral matrices, dots for country openness. Missing values are not
 * drawn; they are listed under the chart. Titles, units, the source line and full names are set;
 * colours are colour-blind safe and fixed per geography. Pure: results in, spec out.
 */
export function chartSpec(results: readonly Result[], meta: IndicatorMeta, name: Namer, kind: ChartKind = meta.chart): TopLevelSpec {
  const ok = results.filter((r) => r.status === 'ok' && r.value !== null);
  const label = (r: Result) => name(r.geo, r.geo_kind);
  const values = ok.map((r) => ({ geo: r.geo, name: label(r), kind: r.geo_kind, partner: r.partner === null ? '' : r.partner === 'ROW' ? 'Rest of world' : name(r.partner), year: r.year, value: r.value, series: r.breakdown ?? '' }));
  const geos = [...new Set(ok.map((r) => r.geo))];
  const names = geos.map((g) => label(ok.find((r) => r.geo === g) as Result));
  const colour = { field: 'name', type: 'nominal', title: null, scale: { domain: names, range: colours(geos) }, sort: names } as const;
  const sources = [...new Set(ok.flatMap((r) => r.provenance.map(provenanceLabel)))];
  const years = [...new Set(ok.map((r) => r.year))].sort();
  const missing = [...new Set(results.filter((r) => r.status === 'missing').map((r) => `${label(r)}${r.breakdown ? ` (${r.breakdown})` : ''}${r.year ? ` ${r.year}` : ''}`))];
  const subtitle = [
    `Source: ${sources.length > 0 ? sources.join('; ') : 'no data'}${years.length > 0 ? ` · ${years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : years[0]}` : ''} · computed with linkage`,
    ...(missing.length > 0 ? [`Not shown (missing data): ${missing.slice(0, 8).join(', ')}${missing.length > 8 ? ` and ${missing.length - 8} more` : ''}`] : []),
  ];
  const unit = UNIT_TITLES[meta.unit] ?? meta.unit;
  const series = new Set(values.map((v) => v.series)).size > 1;
  const base = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: meta.title, subtitle, anchor: 'start', subtitleFontSize: 11 },
    data: { values },
    config: { font: 'DejaVu Sans, Arial, sans-serif', view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 12 }, legend: { labelFontSize: 11, labelLimit: 320 } },
  } as const;
  const tooltip = [
    { field: 'name', title: 'Geography' },
    { field: 'year', title: 'Year' },
    { field: 'value', title: unit, format: ',.2f' },
  ];
  if (kind === 'lines' && years.length > 1) {
    return {
      ...base,
      width: 560,
      height: 300,
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'year', type: 'ordinal', title: 'Year', axis: { labelAngle: 0 } },
        y: { field: 'value', type: 'quantitative', title: unit },
        color: colour,
        // Groups drawn thicker than their members.
        strokeWidth: { field: 'kind', type: 'ordinal', sort: ['group', 'country'], scale: { domain: ['group', 'country'], range: [3.5, 1.5] }, legend: null },
        ...(series ? { strokeDash: { field: 'series', type: 'nominal', title: 'Series' } } : {}),
        tooltip,
      },
    } as TopLevelSpec;
  }
  if (kind === 'heatmap') {
    return {
      ...base,
      width: 360,
      height: 300,
      encoding: {
        x: { field: 'partner', type: 'nominal', title: 'Partner', axis: { labelAngle: -30 } },
        y: { field: 'name', type: 'nominal', title: 'Reporter' },
      },
      layer: [
        { mark: 'rect', encoding: { color: { field: 'value', type: 'quantitative', title: unit, scale: { scheme: 'viridis' } }, tooltip } },
        { mark: { type: 'text', fontSize: 10 }, encoding: { text: { field: 'value', type: 'quantitative', format: '.3s' }, color: { value: 'white' } } },
      ],
    } as TopLevelSpec;
  }
  if (kind === 'dots') {
    return {
      ...base,
      width: 480,
      height: { step: 22 },
      mark: { type: 'point', filled: true, size: 80 },
      encoding: {
        y: { field: 'name', type: 'nominal', title: null, sort: names },
        x: { field: 'value', type: 'quantitative', title: unit },
        color: series ? { field: 'series', type: 'nominal', title: 'Series', scale: { range: ['#0072B2', '#D55E00', '#009E73', '#CC79A7'] } } : colour,
        ...(series ? { shape: { field: 'series', type: 'nominal', title: 'Series' } } : {}),
        tooltip,
      },
    } as TopLevelSpec;
  }
  const category = series ? 'series' : years.length > 1 ? 'year' : 'name';
  if (category === 'name') {
    // One value per geography: horizontal bars, so full names stay readable; no legend needed.
    return {
      ...base,
      width: 480,
      height: { step: 24 },
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'name', type: 'nominal', title: null, sort: names, axis: { labelLimit: 260 } },
        x: { field: 'value', type: 'quantitative', title: unit },
        color: { ...colour, legend: null },
        tooltip,
      },
    } as TopLevelSpec;
  }
  return {
    ...base,
    width: 560,
    height: 300,
    mark: { type: 'bar' },
    encoding: {
      x: { field: category, type: category === 'year' ? 'ordinal' : 'nominal', title: category === 'series' ? null : 'Year', axis: { labelAngle: 0, labelLimit: 260 } },
      xOffset: { field: 'name', sort: names },
      y: { field: 'value', type: 'quantitative', title: unit },
      color: colour,
      tooltip,
    },
  } as TopLevelSpec;
}
