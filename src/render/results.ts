import Papa from 'papaparse';
import { table as textTable } from 'table';
import type { Result } from '../model/indicator.js';
import type { Warning } from '../messages.js';
import type { InputSummary, Provenance } from '../model/types.js';
import { decimalsFor, formatNumber } from './format.js';
import { csvCell } from './escape.js';

/** Rule lines only under the header and around the table. */
export const COMPACT = { drawHorizontalLine: (i: number, size: number) => i === 0 || i === 1 || i === size } as const;

/** Short label of a provenance: `OECD MSTI 2019`. */
export function provenanceLabel(p: Provenance): string {
  return `${p.source} ${p.dataset} ${p.edition}`;
}

function note(r: Result): string {
  if (r.status === 'missing') return `missing: ${r.reason ?? ''}`;
  const filled = Object.entries(r.years_used).filter(([, y]) => y !== r.year);
  const parts: string[] = [];
  if (filled.length > 0) parts.push(`latest: ${filled.map(([g, y]) => `${g} ${y}`).join(', ')}`);
  const flagged = Object.entries(r.flags).filter(([, f]) => f.estimated || f.provisional || f.break);
  if (flagged.length > 0) {
    parts.push(
      flagged
        .map(([g, f]) => `${g} ${[f.estimated ? 'est.' : '', f.provisional ? 'prov.' : '', f.break ? 'break' : ''].filter(Boolean).join('/')}`)
        .join(', '),
    );
  }
  return parts.join('; ');
}

/**
 * Text tables, one per indicator, with a numbered source list. Values at fixed decimals
 * (2 for percentages); missing values as `—` with the reason.
 */
export function renderResultsTable(results: readonly Result[], name: (code: string, kind?: Result['geo_kind']) => string, titles: Record<string, string>): string {
  const sources: string[] = [];
  const sourceIndex = (p: Provenance): number => {
    const label = `${provenanceLabel(p)} — ${p.file} (sha256 ${p.sha256.slice(0, 12)}…)${p.derived_from ? `, from ${p.derived_from.split(' ')[0] ?? ''}` : ''}`;
    let i = sources.indexOf(label);
    if (i === -1) i = sources.push(label) - 1;
    return i + 1;
  };
  const byIndicator = new Map<string, Result[]>();
  for (const r of results) byIndicator.set(r.indicator, [...(byIndicator.get(r.indicator) ?? []), r]);
  const blocks: string[] = [];
  for (const [id, rows] of byIndicator) {
    const hasBreakdown = rows.some((r) => r.breakdown !== null);
    const hasLadder = rows.some((r) => r.detail !== undefined && 'intensity' in r.detail);
    const head = ['Geography', ...(hasBreakdown ? ['Series'] : []), 'Year', 'Value', ...(hasLadder ? ['Intensity', 'Introversion'] : []), 'Source', 'Note'];
    const body = rows.map((r) => {
      return [
        r.geo_kind === 'group' ? name(r.geo, 'group') : `${name(r.geo)} (${r.geo})`,
        ...(hasBreakdown ? [r.breakdown ?? ''] : []),
        r.year === 0 ? '—' : String(r.year),
        formatNumber(r.value, decimalsFor(r.unit)),
        ...(hasLadder ? [formatNumber(ladderValue(r, 'intensity'), 2), formatNumber(ladderValue(r, 'introversion'), 3)] : []),
        r.provenance.map((p) => `[${sourceIndex(p)}]`).join(''),
        note(r),
      ];
    });
    const unit = rows[0]?.unit ?? '';
    blocks.push(`${titles[id] ?? id} (${id}, ${unit})\n${textTable([head, ...body], { ...COMPACT, columns: { [head.length - 1]: { width: 60, wrapWord: true } } })}`);
  }
  const sourceLines = sources.map((s, i) => `[${i + 1}] ${s}`);
  return `${blocks.join('\n')}${sourceLines.length > 0 ? `Sources:\n${sourceLines.join('\n')}\n` : ''}`;
}

/** An index of the share → intensity → introversion ladder from a result's detail, or null. */
export function ladderValue(r: Result, key: 'intensity' | 'introversion' | 'world_weight'): number | null {
  const v = r.detail?.[key];
  return typeof v === 'number' ? v : null;
}

/** One CSV row per result; provenance flattened as `source dataset edition` and SHA-256s. */
export function renderResultsCsv(results: readonly Result[]): string {
  const fields = ['indicator', 'geo', 'geo_kind', 'partner', 'breakdown', 'year', 'value', 'unit', 'status', 'reason', 'years_used', 'sources', 'sha256', 'intensity', 'introversion'];
  const data = results.map((r) => [
    r.indicator,
    r.geo,
    r.geo_kind,
    r.partner ?? '',
    r.breakdown ?? '',
    String(r.year),
    r.value === null ? '' : String(r.value),
    r.unit,
    r.status,
    r.reason ?? '',
    Object.entries(r.years_used)
      .map(([g, y]) => `${g}:${y}`)
      .join(' '),
    r.provenance.map(provenanceLabel).join(' + '),
    r.provenance.map((p) => p.sha256).join(' '),
    ...(['intensity', 'introversion'] as const).map((k) => {
      const v = ladderValue(r, k);
      return v === null ? '' : String(v);
    }),
  ]);
  // Text cells neutralised against spreadsheet formulas; numeric cells stay numbers.
  return `${Papa.unparse({ fields, data: data.map((row) => row.map(csvCell)) }, { newline: '\n' })}\n`;
}

/** Result fields in the order of the JSON contract (README), whatever order an indicator built them in. */
const RESULT_KEYS: readonly (keyof Result)[] = ['indicator', 'geo', 'geo_kind', 'partner', 'breakdown', 'year', 'value', 'unit', 'status', 'reason', 'years_used', 'provenance', 'flags', 'detail'];

/** The JSON contract: `{"results": [...], "inputs": [...]}`, plus `warnings` when there are any. */
export function renderResultsJson(results: readonly Result[], inputs: readonly InputSummary[], warnings: readonly Warning[] = []): string {
  const ordered = results.map((r) => Object.fromEntries(RESULT_KEYS.filter((k) => r[k] !== undefined).map((k) => [k, r[k]])));
  return `${JSON.stringify({ results: ordered, inputs, ...(warnings.length > 0 ? { warnings } : {}) }, null, 2)}\n`;
}
