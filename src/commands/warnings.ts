import { dataError } from '../errors.js';
import { warningRows, type RowKey, type Warning } from '../messages.js';
import { terminalLine } from '../render/escape.js';
import type { Io } from './io.js';

/**
 * Settle the warnings about particular rows once the results are computed: each gets
 * `feeds_results`, true when `read(row)` says a computation read one of its rows (e.g.
 * `table.wasLookedUp`). Other warnings are returned as they are.
 */
export function settleRowWarnings(warnings: readonly Warning[], read: (row: RowKey) => boolean): Warning[] {
  return warnings.map((w) => {
    const rows = warningRows(w);
    return rows === undefined ? w : { ...w, feeds_results: rows.some(read) };
  });
}

/**
 * Show a command's warnings on stderr, one line each (`linkage: warning: CODE: message`). With
 * `--strict` (io.strict) the first warning that concerns the results is raised instead as a data
 * error (exit 1) with the warning's code, before any output is written. A warning about rows no
 * result read (`feeds_results: false`) never fails: it is shown, saying so.
 */
export function emitWarnings(io: Io, warnings: readonly Warning[]): void {
  const first = warnings.find((w) => w.feeds_results !== false);
  if (io.strict === true && first !== undefined) {
    throw dataError([`${first.message} (--strict: warnings are errors)`, first.hint, first.code]);
  }
  for (const w of warnings) io.stderr(`linkage: warning: ${w.code}: ${terminalLine(w.message)}${w.feeds_results === false ? ' (no result reads these rows)' : ''}\n`);
}
