import type { Command } from 'commander';
import { usageError } from '../errors.js';
import { msg, warning } from '../messages.js';
import { chartSpec, fittingKinds, misfit } from '../render/chart.js';
import { terminalLine } from '../render/escape.js';
import type { ChartKind } from '../model/indicator.js';
import { addComputeOptions, DEFAULT_INDICATORS, runCompute, type ComputeOptions } from './compute.js';
import { namer, selectIndicators } from './context.js';
import { requireSomeValue } from './nothing.js';
import { emitWarnings } from './warnings.js';
import { emit, filesRead, type Io } from './io.js';
import { prepareOutput } from '../io/output.js';
import { defaultInputs } from './inputs.js';

interface ChartOptions extends ComputeOptions {
  out?: string;
  kind?: string;
  width?: string;
}

export function registerChart(program: Command, io: Io): void {
  addComputeOptions(program.command('chart').description("draw an indicator's default chart: Vega-Lite spec (.vl.json), SVG or PNG, rendered without a browser"))
    .requiredOption('--out <file>', 'FILE.vl.json (the spec), FILE.svg or FILE.png')
    .option('--kind <kind>', "override the default view: bars, lines or dots (indicators without partners), heatmap (bilateral matrices); `linkage indicators` shows each indicator's default")
    .option('--width <px>', 'PNG width in pixels', '1200')
    .addHelpText(
      'after',
      `
Examples:
  $ linkage chart --indicator rd-intensity --group CJK --group UFG --group UCM --year 2000-2018 --no-members --out rd.png
  $ linkage chart --indicator gerd-financed-abroad --year 2017 --latest 1 --out abroad.vl.json`,
    )
    .action(async (opts: ChartOptions) => {
      const out = opts.out as string;
      const ext = /\.vl\.json$/i.test(out) ? 'vl' : /\.svg$/i.test(out) ? 'svg' : /\.png$/i.test(out) ? 'png' : undefined;
      if (ext === undefined) throw usageError(msg.chartFormat(out));
      if (opts.kind !== undefined && !['bars', 'lines', 'heatmap', 'dots'].includes(opts.kind)) throw usageError(msg.chartKind(opts.kind));
      // A kind that does not fit the indicator is refused before any work (a usage error).
      const chosen = selectIndicators(opts.indicator, DEFAULT_INDICATORS);
      if (chosen.length !== 1) throw usageError(msg.chartOneIndicator());
      const meta = (chosen[0] as (typeof chosen)[number]).meta;
      const kind = (opts.kind as ChartKind | undefined) ?? meta.chart;
      const why = misfit(meta, kind);
      if (why !== null) throw usageError(msg.chartKindMisfit(kind, meta.id, why, fittingKinds(meta)));
      const target = prepareOutput(out, filesRead(opts, defaultInputs().map(([p]) => p)));
      const { ctx, indicators, results, inputs, warnings, table, geos, years } = await runCompute({ ...opts, fetchNote: (t) => io.stderr(`linkage: ${terminalLine(t)}\n`) });
      // No value, no chart: exit 1 saying what was asked and why nothing has data (as compute does); nothing is written.
      requireSomeValue(results, inputs, table, { indicators, geos: geos.map((g) => g.code), years });
      const spec = chartSpec(results, meta, namer(ctx), opts.kind as ChartKind | undefined);
      // vega, vega-lite and resvg load only here, so commands that do not draw start fast.
      const { compileSpec, renderSvg, svgToPng } = await import('../render/draw.js');
      emitWarnings(io, [...warnings, ...compileSpec(spec).warnings.map((w) => warning(msg.chartCompile(meta.id, w)))]);
      if (ext === 'vl') {
        emit(io, `${JSON.stringify(spec, null, 2)}\n`, target);
        return;
      }
      const svg = await renderSvg(spec);
      emit(io, ext === 'svg' ? svg : svgToPng(svg, Number(opts.width ?? 1200)), target);
    });
}

