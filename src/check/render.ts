import Papa from 'papaparse';
import { csvCell } from '../render/escape.js';
import { formatComputed } from '../render/format.js';
import { COMPACT } from '../render/table.js';
import { displayCell, displayTable, wrap } from '../render/width.js';
import { VERDICTS, type CheckedFigure, type Verdict } from './check.js';

/** The version of the check contract (`check --format json`, the report's check.json). */
export const CHECK_SCHEMA = 'linkage/check@2';

export type CheckSummary = Record<Verdict, number>;

/** Counts by verdict, every verdict present. */
export function summarise(figures: readonly CheckedFigure[]): CheckSummary {
  const out = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as CheckSummary;
  for (const f of figures) out[f.verdict]++;
  return out;
}

/** `17 reproduced, 1 explained, 0 mismatch, 96 unavailable`. */
export function summaryLine(s: CheckSummary): string {
  return VERDICTS.map((v) => `${s[v]} ${v}`).join(', ');
}

/** The CSV columns of `check --format csv` and the report's check.csv (usable as `--expect FILE`). */
export const CHECK_CSV_FIELDS = ['id', 'table', 'geo', 'partner', 'year', 'published', 'computed', 'difference', 'verdict', 'cause', 'reason', 'fetch', 'tolerance', 'tolerance_reason', 'edition_used'] as const;

/** One CSV row per figure. */
export function renderCheckCsv(figures: readonly CheckedFigure[]): string {
  const data = figures.map((f) => [f.id, f.table, f.geo, f.partner ?? '', f.year, f.published, f.computed ?? '', f.difference ?? '', f.verdict, f.cause ? `${f.cause.kind}: ${f.cause.text}` : '', f.reason ?? '', f.fetch ?? '', f.tolerance ?? '', f.tolerance_reason ?? '', f.edition_used ?? '']);
  return `${Papa.unparse({ fields: [...CHECK_CSV_FIELDS], data: data.map((row) => row.map((c) => (typeof c === 'number' ? c : csvCell(c)))) }, { newline: '\n' })}\n`;
}

/** The JSON contract `linkage/check@2`. */
export function renderCheckJson(figures: readonly CheckedFigure[], summary: CheckSummary, inputs: readonly unknown[], warnings: readonly unknown[] = []): string {
  return `${JSON.stringify({ schema: CHECK_SCHEMA, summary, figures, inputs, warnings }, null, 2)}\n`;
}

/** Ids sharing a prefix written once: `t2_pct_a_fra, t2_pct_a_deu` → `t2_pct_a_{fra,deu}`. */
export function compactIds(ids: readonly string[]): string {
  if (ids.length < 3) return ids.join(', ');
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const cut = id.lastIndexOf('_');
    const stem = cut > 0 ? id.slice(0, cut + 1) : id;
    groups.set(stem, [...(groups.get(stem) ?? []), cut > 0 ? id.slice(cut + 1) : '']);
  }
  return [...groups].map(([stem, tails]) => (tails.length === 1 ? `${stem}${tails[0] ?? ''}` : `${stem}{${tails.join(',')}}`)).join(', ');
}

/**
 * A shell command wrapped to `width` columns after `first` (continuation lines after `indent`):
 * broken only between words outside quotes, an option kept with its value, each continued line
 * ending in ` \` so that the copied lines still run as one command. A word is never cut: one
 * longer than a line overflows it.
 */
export function wrapCommand(command: string, width: number, first: string, indent: string): string[] {
  const words = command.match(/(?:'[^']*'|[^\s'])+/g) ?? [];
  const units: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const next = words[i + 1];
    if (w.startsWith('--') && next !== undefined && !next.startsWith('-')) {
      units.push(`${w} ${next}`);
      i++;
    } else units.push(w);
  }
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const u of units) {
    if (!empty && line.length + 1 + u.length > width - 2) {
      lines.push(`${line} \\`);
      line = indent + u;
    } else line = empty ? line + u : `${line} ${u}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}

function note(f: CheckedFigure): string {
  return [
    f.edition_used ?? '',
    Object.entries(f.years_used)
      .filter(([, y]) => String(y) !== f.year)
      .map(([g, y]) => `${g} ${y} used`)
      .join(', '),
    f.tolerance !== null && f.verdict === 'reproduced' ? `within the stated tolerance ±${f.tolerance}: ${f.tolerance_reason ?? ''}` : '',
    f.verdict === 'mismatch' ? (f.reason ?? '') : '',
    f.cause ? `${f.cause.kind}: ${f.cause.text}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/**
 * The check for a reader: the summary first, then figures grouped by the study's table, computed
 * figures in a table that fits `width` columns, unavailable ones collapsed by reason.
 */
export function renderCheckTable(figures: readonly CheckedFigure[], summary: CheckSummary, width = 80, hidden = 0): string {
  const out: string[] = wrap(`${summaryLine(summary)}${hidden > 0 ? ` (${hidden} not listed: see --only)` : ''}`, width, '  ');
  const byTable = new Map<string, CheckedFigure[]>();
  for (const f of figures) byTable.set(f.table || '(no table)', [...(byTable.get(f.table || '(no table)') ?? []), f]);
  for (const [table, list] of byTable) {
    out.push('', `${table}: ${summaryLine(summarise(list)).replace(/(^|, )0 [a-z]+/g, '').replace(/^, /, '')}`);
    const computed = list.filter((f) => f.verdict !== 'unavailable');
    if (computed.length > 0) {
      const head = ['Figure', 'Year', 'Study', 'Linkage', 'Verdict', 'Note'];
      const rows = computed.map((f) => [
        f.id,
        f.year,
        f.published.toFixed(f.precision),
        formatComputed(f.computed, f.precision),
        f.verdict,
        note(f),
      ].map(displayCell));
      // Five fixed columns (each its widest cell plus border and padding), the note takes the rest.
      const fixed = [0, 1, 2, 3, 4].reduce((a, i) => a + Math.max(...[head, ...rows].map((r) => (r[i] ?? '').length)) + 3, 1);
      const noteWidth = width - fixed - 3;
      const columns = { 2: { alignment: 'right' }, 3: { alignment: 'right' } } as const;
      if (noteWidth >= 24) out.push(displayTable([head, ...rows], { ...COMPACT, columns: { ...columns, 5: { width: noteWidth, wrapWord: true } } }).trimEnd());
      else {
        // Too narrow for a note column: number the notes under the table.
        let k = 0;
        const marked = rows.map((r) => [...r.slice(0, 5), r[5] ? `(${++k})` : '']);
        const table = displayTable([head, ...marked], { ...COMPACT, columns }).trimEnd();
        if (Math.max(...table.split('\n').map((l) => [...l].length)) <= width) {
          out.push(table);
          k = 0;
          for (const r of rows) if (r[5]) out.push(...wrap(`(${++k}) ${r[5]}`, width, '    '));
        } else {
          // Too narrow for the table itself: one wrapped line per figure, its note after it.
          for (const r of rows) out.push(...wrap(`- ${r[0]} (${r[1]}): study ${r[2]}, linkage ${r[3]}, ${r[4]}${r[5] ? `. ${r[5]}` : ''}`, width, '    '));
        }
      }
    }
    const unavailable = list.filter((f) => f.verdict === 'unavailable');
    if (unavailable.length > 0) {
      // Grouped by what would provide them (the per-member detail is in --format csv/json).
      const byNeed = new Map<string, CheckedFigure[]>();
      for (const f of unavailable) byNeed.set(neededInput(f.reason ?? ''), [...(byNeed.get(neededInput(f.reason ?? '')) ?? []), f]);
      out.push(`unavailable (${unavailable.length}):`);
      for (const [need, list] of byNeed) {
        const ids = list.map((f) => f.id);
        out.push(...wrap(`${compactIds(ids)}${ids.length > 1 ? ` (${ids.length})` : ''}`, width - 2, '    ').map((l, i) => (i === 0 ? `- ${l}` : l)));
        out.push(...wrap(`    ${need}`, width, '    '));
        const fetches = [...new Set(list.map((f) => f.fetch).filter((c): c is string => c !== null && c !== undefined))];
        // Commands wrap as shell continuations, so a copied command still runs.
        for (const c of fetches.slice(0, 3)) out.push(...wrapCommand(c, width, '    get it with: ', '        '));
        if (fetches.length > 3) out.push(`    and ${fetches.length - 3} more fetch commands (see --format csv)`);
        const beside = [...new Set(list.map((f) => /already beside the project: [^;]*/.exec(f.reason ?? '')?.[0]).filter((x): x is string => x !== undefined))];
        for (const b of beside) out.push(...wrap(`    ${b}`, width, '      '));
      }
    }
  }
  return `${out.join('\n')}\n`;
}

/** What would provide an unavailable figure: the reason's "needs …" clause, else the whole reason. */
export function neededInput(reason: string): string {
  const m = /(?:^|; )(?:the figure |it )?needs (.*?)(?:; get it with: .*)?$/.exec(reason);
  return m ? `needs ${(m[1] ?? '').replace(/; already beside the project: .*$/, '')}` : reason;
}
