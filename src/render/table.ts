import type { Result } from '../model/indicator.js';
import type { Provenance } from '../model/types.js';
import { displayUnit, formatDisplay, formatReadable } from './format.js';
import { hasPartner, isLowerBound, partnerLabel, provenanceLabel, seriesLabel } from './labels.js';
import { displayCell, displayTable, wrap, wrapCell } from './width.js';

/** Rule lines only under the header and around the table. */
export const COMPACT = { drawHorizontalLine: (i: number, size: number) => i === 0 || i === 1 || i === size } as const;

/** Human label of a geography: "China", or for a group "China–Japan–Korea (CJK)". */
export type Namer = (code: string, kind?: Result['geo_kind']) => string;

/** The note of a result: why it is missing, gaps filled, flags, lower bounds, the indicator's own remark. */
export function resultNote(r: Result): string {
  if (r.status === 'missing') return `missing: ${r.reason ?? ''}`;
  const parts: string[] = [];
  if (isLowerBound(r)) parts.push(`lower bound: confidential cells ${(r.detail?.confidential_pairs as string[] | undefined)?.join(', ') ?? ''} left out`);
  const filled = Object.entries(r.years_used).filter(([, y]) => y !== r.year);
  if (filled.length > 0) parts.push(`latest: ${filled.map(([g, y]) => `${g} ${y}`).join(', ')}`);
  const flagged = Object.entries(r.flags).filter(([, f]) => f.estimated || f.provisional || f.break);
  if (flagged.length > 0) {
    parts.push(flagged.map(([g, f]) => `${g} ${[f.estimated ? 'est.' : '', f.provisional ? 'prov.' : '', f.break ? 'break' : ''].filter(Boolean).join('/')}`).join(', '));
  }
  if (typeof r.detail?.note === 'string') parts.push(r.detail.note);
  return parts.join('; ');
}

/** A value as a reader sees it: display unit, `≥` before a lower bound. */
export function displayValue(r: Result): string {
  const text = formatDisplay(r.value, r.unit);
  return isLowerBound(r) ? `≥ ${text}` : text;
}

/** An index of the share → intensity → introversion ladder from a result's detail, or null. */
export function ladderValue(r: Result, key: 'intensity' | 'introversion' | 'world_weight'): number | null {
  const v = r.detail?.[key];
  return typeof v === 'number' ? v : null;
}

const NUMERIC = /^(Year|Value|Intensity|Introversion)/;

export type LadderKey = 'intensity' | 'introversion';
const LADDER: Record<LadderKey, { head: string; decimals: number }> = { intensity: { head: 'Intensity', decimals: 2 }, introversion: { head: 'Introversion', decimals: 3 } };

/**
 * The ladder indices shown beside a block of results' values: those their details hold, less one
 * every value already is (trade-intensity's intensity, trade-introversion's introversion).
 */
export function ladderKeys(rows: readonly Result[]): LadderKey[] {
  if (!rows.some((r) => r.detail !== undefined && 'intensity' in r.detail)) return [];
  const valued = rows.filter((r) => r.value !== null);
  return (['intensity', 'introversion'] as const).filter((k) => valued.length === 0 || valued.some((r) => r.value !== ladderValue(r, k)));
}

/** Header cells of the ladder columns. */
export function ladderHead(keys: readonly LadderKey[]): string[] {
  return keys.map((k) => LADDER[k].head);
}

/** A result's ladder cells ('—' where it has none). */
export function ladderCells(r: Result, keys: readonly LadderKey[]): string[] {
  return keys.map((k) => formatReadable(ladderValue(r, k), LADDER[k].decimals));
}

/** The optional columns a block of results needs; `units` are the display units present. */
export interface Columns {
  partner: boolean;
  series: boolean;
  ladder: readonly LadderKey[];
  units: readonly string[];
}

/** Header cells shared by the text and Markdown tables: geography, partner, series, year, value, ladder. */
export function leadingHead(c: Columns): string[] {
  return ['Geography', ...(c.partner ? ['Partner'] : []), ...(c.series ? ['Series'] : []), 'Year', c.units.length === 1 ? `Value (${c.units[0]})` : 'Value', ...ladderHead(c.ladder)];
}

/** One result's cells under {@link leadingHead}. */
export function leadingCells(r: Result, name: Namer, c: Columns): string[] {
  return [
    r.geo_kind === 'group' ? name(r.geo, 'group') : `${name(r.geo)} (${r.geo})`,
    ...(c.partner ? [hasPartner(r) ? partnerLabel(r.partner) : ''] : []),
    ...(c.series ? [seriesLabel(r.breakdown)] : []),
    r.year === 0 ? '—' : String(r.year),
    c.units.length === 1 ? displayValue(r) : `${displayValue(r)} ${displayUnit(r.unit).label}`,
    ...ladderCells(r, c.ladder),
  ];
}

/** Text columns that may wrap when a table is wider than the terminal, narrowest last. */
const WRAPPABLE = new Set(['Geography', 'Partner', 'Series']);

/**
 * Render `rows` (header first); with `noteWidth` the last column wraps at that width. With `fit`,
 * a table still wider than `fit` columns brings its widest text columns (geography, partner, series)
 * down to one width, never below 10, and wraps their cells at spaces and after dashes.
 */
function rendered(rows: string[][], noteWidth?: number, fit?: number): string {
  const head = rows[0] ?? [];
  const columns: Record<number, { alignment?: 'right'; width?: number; wrapWord?: boolean }> = {};
  head.forEach((h, i) => {
    if (NUMERIC.test(h)) columns[i] = { alignment: 'right' };
  });
  if (noteWidth !== undefined) columns[head.length - 1] = { width: noteWidth, wrapWord: true };
  let text = displayTable(rows, { ...COMPACT, columns });
  const widths = head.map((_, i) => Math.max(...rows.map((r) => displayWidth(displayCell(r[i] ?? '')))));
  const natural = (i: number) => columns[i]?.width ?? (widths[i] as number);
  for (let pass = 0; fit !== undefined && pass < 3 && widthOf(text) > fit; pass++) {
    const over = widthOf(text) - fit;
    // The widest text columns are brought down to one level (never below 10), the highest that fits.
    const wrappable = head.map((h, i) => i).filter((i) => WRAPPABLE.has(head[i] ?? '') && natural(i) > 10);
    if (wrappable.length === 0) break;
    const saved = (level: number) => wrappable.reduce((a, i) => a + Math.max(0, natural(i) - level), 0);
    let level = Math.max(...wrappable.map(natural));
    while (level > 10 && saved(level) < over) level--;
    for (const i of wrappable) if (natural(i) > level) columns[i] = { width: level };
    // Wrapped here, at spaces and after dashes (China–|Japan–|Korea), not cut mid-word by the table.
    text = displayTable(
      rows.map((r, k) => (k === 0 ? r : r.map((c, i) => (columns[i]?.width !== undefined && i !== head.length - 1 ? wrapCell(displayCell(c), columns[i]?.width as number) : c)))),
      { ...COMPACT, columns },
    );
  }
  return text;
}

/** The widest line of a cell, in characters. */
function displayWidth(cell: string): number {
  return Math.max(0, ...cell.split('\n').map((l) => [...l].length));
}

/** Rendered width of a table (its first line). */
function widthOf(text: string): number {
  return [...(text.split('\n')[0] ?? '')].length;
}

/**
 * Text tables, one per indicator, that fit `width` columns: values in the display unit named in the
 * header (flows in US$ bn), the partner (or partner set) of bilateral results, series labels, and a
 * numbered source list. Notes sit in a wrapped last column when it can be at least 24 characters
 * wide, otherwise they are numbered under the table. Missing values are `—` with the reason.
 */
export function renderResultsTable(results: readonly Result[], name: Namer, titles: Record<string, string>, width = 80): string {
  const sources: string[] = [];
  const sourceIndex = (p: Provenance): number => {
    const label = `${provenanceLabel(p)} — ${p.file} (sha256 ${p.sha256.slice(0, 12)}…)${p.derived_from ? `, from ${p.derived_from.split(' ')[0] ?? ''}` : ''}${p.cache ? `; sums from the aggregate cache (${p.cache})` : ''}`;
    let i = sources.indexOf(label);
    if (i === -1) i = sources.push(label) - 1;
    return i + 1;
  };
  const byIndicator = new Map<string, Result[]>();
  for (const r of results) byIndicator.set(r.indicator, [...(byIndicator.get(r.indicator) ?? []), r]);
  const blocks: string[] = [];
  for (const [id, rows] of byIndicator) {
    const partner = rows.some(hasPartner);
    // A series shared by every row is said once, in the title, not in a column.
    const seriesSet = new Set(rows.map((r) => r.breakdown));
    const oneSeries = seriesSet.size === 1 && rows[0]?.breakdown != null ? seriesLabel(rows[0]?.breakdown ?? null) : undefined;
    const series = oneSeries === undefined && rows.some((r) => r.breakdown !== null);
    const ladder = ladderKeys(rows);
    const units = [...new Set(rows.map((r) => displayUnit(r.unit).label))];
    const cols: Columns = { partner, series, ladder, units };
    // A source shared by every row is said once, in the title, not in a column.
    const cited = rows.map((r) => r.provenance.map((p) => `[${sourceIndex(p)}]`).join(''));
    const oneSource = cited.every((c) => c === cited[0]) && cited[0] !== '' ? cited[0] : undefined;
    const head = [...leadingHead(cols), ...(oneSource === undefined ? ['Source'] : [])];
    // Notes, titles and sources are measured and wrapped as displayed (controls made visible first).
    const notes = rows.map((r) => displayCell(resultNote(r)));
    const body = rows.map((r, i) => [...leadingCells(r, name, cols), ...(oneSource === undefined ? [cited[i] ?? ''] : [])]);
    const title = wrap(displayCell(`${titles[id] ?? id} (${id}${oneSeries ? `; ${oneSeries}` : ''}; values in ${units.join(', ')}${oneSource ? `; source ${oneSource}` : ''})`), Math.max(30, width), '  ').join('\n');
    const anyNote = notes.some((n) => n !== '');
    const bare = rendered([head, ...body]);
    const room = width - widthOf(bare) - 3;
    const longest = Math.max(4, ...notes.map((n) => n.length));
    if (!anyNote) blocks.push(`${title}\n${widthOf(bare) > width ? rendered([head, ...body], undefined, width) : bare}`);
    else if (longest <= room || room >= 24) {
      blocks.push(`${title}\n${rendered([[...head, 'Note'], ...body.map((b, i) => [...b, notes[i] ?? ''])], Math.min(room, longest))}`);
    } else {
      let k = 0;
      const marked = body.map((b, i) => [...b, notes[i] ? `(${++k})` : '']);
      const table = rendered([[...head, 'Note'], ...marked], undefined, width);
      k = 0;
      const lines = notes.flatMap((n) => (n ? wrap(`(${++k}) ${n}`, Math.max(30, width), '    ') : []));
      blocks.push(`${title}\n${table}${lines.join('\n')}\n`);
    }
  }
  const sourceLines = sources.flatMap((s, i) => wrap(displayCell(`[${i + 1}] ${s}`), Math.max(30, width), '    '));
  return `${blocks.join('\n')}${sourceLines.length > 0 ? `Sources:\n${sourceLines.join('\n')}\n` : ''}`;
}
