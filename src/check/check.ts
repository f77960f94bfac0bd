import { indicatorById } from '../../indicators/index.js';
import type { CountryRegistry } from '../model/countries.js';
import { membersIn, type GroupRegistry } from '../model/groups.js';
import type { Geo, Result } from '../model/indicator.js';
import type { ObservationTable } from '../model/table.js';
import type { Provenance } from '../model/types.js';
import { roundHalfAway } from '../render/format.js';
import { datasetEdition, editionLabel, sourceDataset } from '../render/labels.js';
import { figureGeos, fetchCommand, unavailableReason } from './needs.js';
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
  /** For an unavailable figure: the `linkage fetch` command that gets its input; else null. */
  fetch: string | null;
  tolerance: number | null;
  tolerance_reason: string | null;
  edition_used: string | null;
  years_used: Record<string, number>;
  provenance: Provenance[];
}

/**
 * Reproduced when the computed value rounds to the published one at its precision, or lies within
 * a stated tolerance (shown with its reason). Unavailable when its inputs are absent: the reason
 * names the one input that provides it and the `linkage fetch` command that gets it.
 */
export function judge(published: number, precision: number, computed: number, tolerance: number | null): Verdict {
  if (roundHalfAway(computed, precision) === roundHalfAway(published, precision)) return 'reproduced';
  if (tolerance !== null && Math.abs(computed - published) <= tolerance + 1e-12) return 'reproduced';
  return 'mismatch';
}

function pick(results: Result[], f: PublishedFigure, geo: string): Result | undefined {
  return results.find((r) => r.geo === geo && (f.breakdown === '' || r.breakdown === f.breakdown));
}

/** The geography of a figure: a country, a group, or a union of groups and countries (`USMCA+EU28`). */
function resolveGeo(f: PublishedFigure, year: number, countries: CountryRegistry, groups: GroupRegistry): Geo | undefined {
  const codes = figureGeos(f);
  const code = codes.join('+');
  if (codes.length === 1) {
    const group = groups.get(code);
    if (group !== undefined) return { kind: 'group', code, group };
    return countries.get(code) !== undefined ? { kind: 'country', code } : undefined;
  }
  const members: string[] = [];
  for (const c of codes) {
    const g = groups.get(c);
    const add = g !== undefined ? membersIn(g, year) : countries.get(c) !== undefined ? [c] : undefined;
    if (add === undefined) return undefined;
    for (const m of add) if (!members.includes(m)) members.push(m);
  }
  return { kind: 'group', code, group: { code, name: code, members, definition: `union of ${codes.join(', ')}`, source: 'published figures file', asOf: '', origin: 'ad hoc' } };
}

/** A span `Y1-Y2` for an indicator with a `from` option: computed at Y2 with from=Y1. */
function yearAndOptions(f: PublishedFigure, hasFrom: boolean): { year: number; options: Record<string, string> } | undefined {
  if (/^\d{4}$/.test(f.year)) return { year: Number(f.year), options: f.options };
  const span = /^(\d{4})-(\d{4})$/.exec(f.year);
  if (span === null || !hasFrom) return undefined;
  return { year: Number(span[2]), options: { ...f.options, from: span[1] as string } };
}

/** Check every published figure against the inputs. */
export function checkFigures(figures: readonly PublishedFigure[], table: ObservationTable, countries: CountryRegistry, groups: GroupRegistry, inputs: readonly string[] = []): CheckedFigure[] {
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
      fetch: null,
      tolerance: f.tolerance,
      tolerance_reason: f.tolerance === null ? null : f.toleranceReason,
      edition_used: null,
      years_used: {},
      provenance: [],
    };
    const unavailable = (why: string): CheckedFigure => ({ ...base, reason: unavailableReason(why, f, groups, inputs), fetch: fetchCommand(f, groups) });
    const indicator = indicatorById(f.indicator);
    if (indicator === undefined) return { ...base, reason: `unknown indicator ${f.indicator} in the published figures file (run \`linkage indicators\`)` };
    const when = yearAndOptions(f, Object.hasOwn(indicator.meta.options, 'from'));
    if (when === undefined) return unavailable(`a span of years (${f.year}) is not computed by ${f.indicator}`);
    const geo = resolveGeo(f, when.year, countries, groups);
    if (geo === undefined) return { ...base, reason: `geography ${f.geoAs || f.geo} is not a known country or group` };
    let results: Result[];
    try {
      results = indicator.compute({ table, geos: [geo], years: [when.year], latest: f.latest, edition: f.edition || undefined, options: when.options, groups });
    } catch (e) {
      return unavailable((e as Error).message);
    }
    const r = pick(results, f, geo.code);
    if (r === undefined || r.value === null) return unavailable(r?.reason ?? 'no result');
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
      const what = [...new Set(used.filter((p) => foreign.includes(p.source)).map((p) => `${sourceDataset(p)} ${editionLabel(p.edition)}`))].join(', ');
      return { kind: 'source', text: `the study used ${named}; the value comes from ${what}, a different source` };
    }
  }
  return null;
}
