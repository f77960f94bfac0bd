import { createRequire } from 'node:module';
import type { TableUserConfig } from 'table';
import { terminalLine } from './escape.js';

/**
 * The `table` package, required on the first text table: it loads ajv and its schemas when
 * imported (tens of ms), which `--format json`, csv and md never need (test/commands/lazy-commands.test.ts).
 */
let tablePackage: typeof import('table') | undefined;
const textTable = (...args: Parameters<typeof import('table').table>): string => {
  tablePackage ??= createRequire(import.meta.url)('table') as typeof import('table');
  return tablePackage.table(...args);
};

/**
 * The width text tables must fit, in columns: `COLUMNS` when set (a positive integer), else the
 * terminal's width when stdout is a terminal, else 80 (pipes and files get a width that fits a
 * standard terminal and a printed page).
 */
export function terminalWidth(env: NodeJS.ProcessEnv = process.env, stdout: { isTTY?: boolean; columns?: number } = process.stdout): number {
  const fromEnv = Number(env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return Math.max(40, fromEnv);
  if (stdout.isTTY && typeof stdout.columns === 'number' && stdout.columns > 0) return Math.max(40, stdout.columns);
  return 80;
}

/** Greedy word wrap of `text` to lines of at most `width` characters (a longer word gets its own line). */
export function wrap(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  const lead = /^\s*/.exec(text)?.[0] ?? '';
  let line = '';
  const room = Math.max(10, width - indent.length);
  // A word longer than a line (a path) is cut into line-sized pieces.
  const words = text.split(/\s+/).filter(Boolean).flatMap((w) => (w.length <= room ? [w] : (w.match(new RegExp(`.{1,${room}}`, 'g')) ?? [w])));
  for (const word of words) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= (lines.length === 0 ? width - lead.length : room)) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((l, i) => (i === 0 ? `${lead}${l}` : `${indent}${l}`));
}

/**
 * The text a terminal shows for a table cell: controls, tabs and bidi overrides as visible
 * `\u001B` tokens (src/render/escape.ts), line breaks kept (a cell may hold several lines). Widths
 * are measured on this text, never on the raw data, so an escaped control cannot push a border out.
 */
export function displayCell(text: string): string {
  return text.split('\n').map(terminalLine).join('\n');
}

/** A box-drawn table (the `table` package) of cells escaped for display first (see {@link displayCell}). */
export function displayTable(rows: readonly (readonly string[])[], config?: TableUserConfig): string {
  return textTable(rows.map((r) => r.map(displayCell)), config);
}

/** A table cell wrapped to `width`: greedy, at spaces and after a dash; only a word longer than a line is cut. */
export function wrapCell(text: string, width: number): string {
  const len = (t: string) => [...t].length;
  return text
    .split('\n')
    .flatMap((para) => {
      const lines: string[] = [];
      let line = '';
      for (const piece of para.match(/[^\s–—-]*[–—-]+|[^\s–—-]+|\s+/g) ?? []) {
        if (/^\s+$/.test(piece)) {
          if (line !== '') line += ' ';
          continue;
        }
        if (len(line) + len(piece) <= width) {
          line += piece;
          continue;
        }
        if (line.trim() !== '') lines.push(line.trimEnd());
        let rest = [...piece];
        for (; rest.length > width; rest = rest.slice(width)) lines.push(rest.slice(0, width).join(''));
        line = rest.join('');
      }
      lines.push(line.trimEnd());
      return lines;
    })
    .join('\n');
}
