import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import type { GroupRegistry } from '../model/groups.js';
import { sharedDataPath } from '../paths.js';
import type { PublishedFigure } from './published.js';

/** The geography codes a figure is computed for: `geo_as` (a `+` union) or `geo`. */
export function figureGeos(f: PublishedFigure): string[] {
  return (f.geoAs || f.geo).split('+').filter(Boolean);
}

/**
 * The `linkage fetch` command that gets a figure's input (the recipe form agreed with `fetch`):
 * `linkage fetch --for <indicator> --group G|--country ISO3 ... --year Y|Y1-Y2 [--option k=v ...]`
 * with the figure's indicator options (direction, flow, products, reporter, …). A cumulative
 * figure (`since` option) asks for its whole span, one whose gaps `latest` may fill for those years too.
 */
export function fetchCommand(f: PublishedFigure, groups: GroupRegistry): string {
  const geos = figureGeos(f).map((g) => (groups.get(g) !== undefined ? `--group ${g}` : `--country ${g}`));
  const single = /^\d{4}$/.test(f.year);
  const since = f.options.since !== undefined && /^\d{4}$/.test(f.options.since) ? Number(f.options.since) : f.latest > 0 ? Number(f.year) - f.latest : undefined;
  const year = single && since !== undefined ? `${since}-${f.year}` : f.year;
  const options = Object.entries(f.options).map(([k, v]) => `--option ${quote(`${k}=${v}`)}`);
  return ['linkage fetch --for', f.indicator, ...geos, ...(year ? [`--year ${year}`] : []), ...options].join(' ');
}

/** A shell word: as is when plain, else single-quoted. */
function quote(word: string): string {
  return /^[A-Za-z0-9_.,:=+\/-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * Why an unavailable figure is missing, the one input that provides it, and the command that gets
 * it; when that input is already beside the project (../shared/data) but not among the inputs,
 * says so and how to use it.
 */
export function unavailableReason(why: string, f: PublishedFigure, groups: GroupRegistry, inputs: readonly string[] = []): string {
  const parts = [why, `needs ${f.needs}`, `get it with: ${fetchCommand(f, groups)}`];
  if (f.shared !== '') {
    const path = sharedDataPath(...f.shared.split('/'));
    if (existsSync(path) && !inputs.some((i) => i.endsWith(f.shared))) {
      const shown = relative(process.cwd(), path) || path;
      parts.push(`already beside the project: ${shown} (add --input ${shown})`);
    }
  }
  return parts.join('; ');
}
