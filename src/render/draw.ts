import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { xmlSafe } from './escape.js';
import { textWidth } from './text-width.js';

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
  limit?: number;
}

/**
 * Vega measures text for layout (legend and caption placement, label truncation) with a canvas,
 * or else guesses 0.8 em a character. Without a canvas (always, here) it calls a user-defined
 * `textMetrics.width` instead: DejaVu Sans widths (text-width.ts). A text with a `limit` reports
 * at most the limit, so Vega's own truncation still finds the text too long and cuts it.
 */
function measure(item: TextItem, text?: unknown): number {
  const size = item.fontSize ?? 11;
  const weight = item.fontWeight;
  const width = textWidth(text === undefined || text === null ? '' : String(text).trim(), size, weight === 'bold' || Number(weight) >= 600);
  const limit = Number(item.limit) || 0;
  return limit > 0 ? Math.min(width, limit) : width;
}
const metrics = (vega as unknown as { textMetrics?: { width: (item: TextItem, text?: unknown) => number } }).textMetrics;
if (metrics !== undefined) metrics.width = measure;

/** Compile a Vega-Lite spec, collecting compiler warnings instead of printing them. */
export function compileSpec(spec: TopLevelSpec): { vega: vega.Spec; warnings: string[] } {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    error: (...m: unknown[]) => {
      throw new Error(m.map(String).join(' '));
    },
    warn: (...m: unknown[]) => {
      warnings.push(m.map(String).join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  const out = compile(spec, { logger: logger as never });
  return { vega: out.spec as vega.Spec, warnings };
}

/** Render a Vega-Lite spec to SVG headlessly (no browser, no network); data text cannot make it invalid XML. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compileSpec(spec).vega), { renderer: 'none', loader: vega.loader({ mode: 'file' }) });
  const svg = await view.toSVG();
  view.finalize();
  return xmlSafe(svg);
}

/** Rasterise SVG to PNG with resvg (no browser); `width` in pixels. */
export function svgToPng(svg: string, width = 1200): Buffer {
  const r = new Resvg(svg, { fitTo: { mode: 'width', value: width }, background: 'white', font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } });
  return r.render().asPng();
}
