import { dataError } from '../errors.js';
import type { Warning } from '../messages.js';
import { terminalLine } from '../render/escape.js';
import type { Io } from './io.js';

/**
 * Show a command's warnings on stderr, one line each (`linkage: warning: CODE: message`). With
 * `--strict` (io.strict) the first warning is raised instead as a data error (exit 1) with the
 * warning's code, before any output is written.
 */
export function emitWarnings(io: Io, warnings: readonly Warning[]): void {
  const first = warnings[0];
  if (io.strict === true && first !== undefined) {
    throw dataError([`${first.message} (--strict: warnings are errors)`, first.hint, first.code]);
  }
  for (const w of warnings) io.stderr(`linkage: warning: ${w.code}: ${terminalLine(w.message)}\n`);
}
