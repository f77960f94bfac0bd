import { indicatorById } from '../../indicators/index.js';
import type { CountryRegistry } from '../model/countries.js';
import type { GroupRegistry } from '../model/groups.js';
import type { Geo, Result } from '../model/indicator.js';
import type { ObservationTable } from '../model/table.js';
import type { Provenance } from '../model/types.js';
import { roundHalfAway } from '../render/format.js';
import { datasetEdition, editionLabel } from '../render/labels.js';
import type { PublishedFigure } from './published.js';

/**
 * `reproduced`; `explained`: a mismatch with a documented cause (the study used another edition, or
 * another source than the one computed from); `mismatch`: a difference nothing documents;
 * `unavailable`: the inputs cannot give the figure.
 */
export type Verdict = 'reproduced' | 'explained' | 'mismatch' | 'unavailable';

/** Every verdict, in the order summaries list them. */
export const VERDICTS: readonly Verdict[] = ['reproduced', 'explained', 'mismatch', 'unavailable'];

/** One checked figure: the JSON contract of `check --format json`. */
export interface CheckedFigure {
  id: string;
  table: string;
  geo: string;
  partner: string | null;
  year: string;
  published: number;
  precision: number;
  computed: number | null;
  difference: number | null;
  verdict: Verdict;
  reason: string | null;
  /** For `explained`: the documented cause (`edition` or `source`) and what it says; else null. */
  cause: { kind: 'edition' | 'source'; text: string } | null;
  tolerance: number | null;
  tolerance_reason: string | null;
  edition_used: string | null;
  years_used: Record<string, number>;
  provenance: Provenance[];
}

/**
 * Reproduced when the computed value rounds to the published one at its precision, or lies within
 * a stated tolerance (shown with its reason). Unavailable when the indicator or its inputs are
 * absent (the reason names what would provide them).
 */
export function judge(published: number, precision: number, computed: number, tolerance: number | null): Verdict {
  if (roundHalfAway(computed, precision) === roundHalfAway(published, precision)) return 'reproduced';
  if (tolerance !== null && Math.abs(computed - published) <= tolerance + 1e-12) return 'reproduced';
  return 'mismatch';
}

function pick(results: Result[], f: PublishedFigure): Result | undefined {
  return results.find((r) => r.geo === f.geo && (f.breakdown === '' || r.breakdown === f.breakdown));
}

/** Check every published figure against the inputs. */
export function checkFigures(figures: readonly PublishedFigure[], table: ObservationTable, countries: CountryRegistry, groups: GroupRegistry): CheckedFigure[] {
  return figures.map((f) => {
    const base: CheckedFigure = {
      id: f.id,
      table: f.table,
      geo: f.geo,
      partner: f.partner || null,
      year: f.year,
      published: f.value,
      precision: f.precision,
      computed: null,
      difference: null,
      verdict: 'unavailable',
      reason: null,
      cause: null,
      tolerance: f.tolerance,
      tolerance_reason: f.tolerance === null ? null : f.toleranceReason,
      edition_used: null,
      years_used: {},
      provenance: [],
    };
    const indicator = indicatorById(f.indicator);
    if (indicator === undefined) return { ...base, reason: `indicator ${f.indicator} is not in this version of linkage; it needs ${f.needs}` };
    if (!/^\d{4}$/.test(f.year)) return { ...base, reason: `a span of years (${f.year}) is not computed; it needs ${f.needs}` };
    const group = groups.get(f.geo);
    let geo: Geo;
    if (group !== undefined) geo = { kind: 'group', code: f.geo, group };
    else if (countries.get(f.geo) !== undefined) geo = { kind: 'country', code: f.geo };
    else return { ...base, reason: `geography ${f.geo} is not a known country or group` };
    const options = f.options;
    let results: Result[];
    try {
      results = indicator.compute({ table, geos: [geo], years: [Number(f.year)], latest: f.latest, edition: f.edition || undefined, options, groups });
    } catch (e) {
      return { ...base, reason: `${(e as Error).message}; it needs ${f.needs}` };
    }
    const r = pick(results, f);
    if (r === undefined || r.value === null) return { ...base, reason: `${r?.reason ?? 'no result'}; the figure needs ${f.needs}` };
    const judged = judge(f.value, f.precision, r.value, f.tolerance);
    const cause = judged === 'mismatch' ? documentedCause(f, r.provenance) : null;
    const verdict: Verdict = cause !== null ? 'explained' : judged;
    return {
      ...base,
      computed: r.value,
      difference: r.value - f.value,
      verdict,
      cause,
      reason: judged === 'mismatch' ? `computed ${roundHalfAway(r.value, f.precision).toFixed(f.precision)} at ${f.precision} decimal(s) vs published ${f.value.toFixed(f.precision)}${f.note ? ` (${f.note})` : ''}` : null,
      edition_used: [...new Set(r.provenance.map(datasetEdition))].join(' + '),
      years_used: r.years_used,
      provenance: r.provenance,
    };
  });
}

/**
 * The documented cause of a mismatch, or null: the figure names the edition contemporary with the
 * study and the value came from another (OECD revises back years); or the study names its source
 * and the value came from another publisher (e.g. OECD FDI statistics vs IMF CDIS).
 */
export function documentedCause(f: PublishedFigure, used: readonly Provenance[]): CheckedFigure['cause'] {
  if (f.edition !== '' && used.length > 0 && !used.every((p) => p.edition === f.edition || p.edition.startsWith(`${f.edition}-`))) {
    const other = [...new Set(used.filter((p) => !(p.edition === f.edition || p.edition.startsWith(`${f.edition}-`))).map(datasetEdition))].join(', ');
    return { kind: 'edition', text: `the study is contemporary with edition ${f.edition}; the value comes from ${other} (editions revise back years)` };
  }
  const named = f.sourceNamed.trim();
  if (named !== '' && !/^not named$/i.test(named) && used.length > 0) {
    const publishers = [...new Set(used.map((p) => p.source))];
    const foreign = publishers.filter((s) => !named.toLowerCase().includes(s.toLowerCase()));
    if (foreign.length > 0) {
      const what = [...new Set(used.filter((p) => foreign.includes(p.source)).map((p) => `${p.source} ${p.dataset} ${editionLabel(p.edition)}`))].join(', ');
      return { kind: 'source', text: `the study used ${named}; the value comes from ${what}, a different source` };
    }
  }
  return null;
}
