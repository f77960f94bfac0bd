import type { Result } from '../model/indicator.js';
import type { Provenance } from '../model/types.js';
import { displayUnit, formatDisplay } from './format.js';

/** Short label of a provenance: `OECD MSTI 2019`; an edition the file does not state is left out. */
export function provenanceLabel(p: Provenance): string {
  return `${sourceDataset(p)} ${editionLabel(p.edition)}`;
}

/** Publisher and dataset without repeating a word: `UN Comtrade` + `Comtrade Plus` → `UN Comtrade Plus`. */
export function sourceDataset(p: Pick<Provenance, 'source' | 'dataset'>): string {
  const last = p.source.split(' ').pop() ?? '';
  if (p.dataset === p.source || p.dataset === '') return p.source;
  if (last !== '' && (p.dataset === last || p.dataset.startsWith(`${last} `))) return `${p.source}${p.dataset.slice(last.length)}`;
  return `${p.source} ${p.dataset}`;
}

/** An edition for a reader: `2019`, `2023-05`, or `(edition not stated)` where the file does not say. */
export function editionLabel(edition: string): string {
  return edition === 'unknown' || edition === '' ? '(edition not stated)' : edition;
}

/** `DATASET EDITION` as check reports the edition used: `MSTI 2019`, `CDIS_4i (edition not stated)`. */
export function datasetEdition(p: Pick<Provenance, 'dataset' | 'edition'>): string {
  return `${p.dataset} ${editionLabel(p.edition)}`;
}

const FLOWS: Readonly<Record<string, string>> = { total: 'total trade', exports: 'exports', imports: 'imports' };

/**
 * A series (breakdown) for a reader: trade series `"<flow> <products>"` read as "total trade, all
 * products" instead of "total TOTAL"; others as they are.
 */
export function seriesLabel(breakdown: string | null): string {
  if (breakdown === null) return '';
  const m = /^(total|exports|imports) (\S+)$/.exec(breakdown);
  if (m) return `${FLOWS[m[1] as string] ?? m[1]}, ${productLabel(m[2] as string)}`;
  return breakdown === 'TOTAL' ? 'all products' : breakdown;
}

function productLabel(id: string): string {
  return id === 'TOTAL' ? 'all products' : id;
}

/** True when the result is a labelled lower bound (`--option confidential=lower-bound` with confidential cells). */
export function isLowerBound(r: Result): boolean {
  return r.status === 'ok' && r.detail?.lower_bound === true;
}

/**
 * Whether a result is bilateral with a partner worth showing: a partner (or partner set) other than
 * the geography itself (a group's intra-group share) and the world.
 */
export function hasPartner(r: Result): boolean {
  return r.partner !== null && r.partner !== r.geo && r.partner !== 'WLD';
}

/** A partner for a reader: `JPN+KOR`, `rest of world`, a code. */
export function partnerLabel(partner: string | null): string {
  if (partner === null) return '';
  if (partner === 'ROW') return 'rest of world';
  if (partner === 'WLD') return 'world';
  return partner;
}

/**
 * The display unit of a set of results, as compute's tables show it (`US$ bn` for `usd` and
 * `usd_bn`, `%`, `rank` for GII ranks although the indicator's default is `score`; see
 * {@link displayUnit}); `fallback`'s when there are none; several joined by `, `.
 */
export function resultsUnit(results: readonly Pick<Result, 'unit'>[], fallback: string): string {
  const units = [...new Set((results.length === 0 ? [fallback] : results.map((r) => r.unit)).map((u) => displayUnit(u).label))];
  return units.join(', ');
}

/** A result's value as compute's tables show it: display unit, thousands grouped, `≥` before a lower bound; the unit appended when `withUnit`. */
export function resultValueText(r: Result | undefined, withUnit = false): string {
  if (r === undefined) return '—';
  const text = `${isLowerBound(r) ? '≥ ' : ''}${formatDisplay(r.value, r.unit)}`;
  return withUnit && r.value !== null ? `${text} ${displayUnit(r.unit).label}` : text;
}

/**
 * An input file for a reader: `OECD.Stat legacy CSV export, MSTI 2019`; a canonical CSV carries its
 * source and edition per row, so none is printed for the file (never "canonical unknown").
 */
export function inputDescription(i: { format: string; dataset: string; edition: string }): string {
  if (i.dataset === 'canonical') return `${i.format} (source and edition on each row)`;
  return `${i.format}, ${datasetEdition(i)}`;
}
