import type { Code, Msg } from './messages.js';

/** Error kinds and the exit code each maps to at the entry point (src/cli.ts). */
export type ErrorKind = 'usage' | 'data' | 'internal';

export const EXIT_CODES: Readonly<Record<ErrorKind, number>> = {
  usage: 2,
  data: 1,
  internal: 70,
};

/** Where in an input a problem was found. Lines and columns are 1-based. */
export interface Where {
  file?: string;
  line?: number;
  column?: number | string;
}

/**
 * The one error type of linkage. Commands and loaders throw it with a catalogued message
 * (src/messages.ts); only the CLI entry point turns it into a one-line message
 * (`linkage: CODE: <what> (<where>)`), a hint and an exit code.
 */
export class LinkageError extends Error {
  readonly kind: ErrorKind;
  readonly where: Where;
  readonly hint: string;
  /** The catalogue's stable code, e.g. `E_DUPLICATE_KEY`. */
  readonly code: Code;

  constructor(kind: ErrorKind, m: Msg, where: Where = {}) {
    super(m[0]);
    this.name = 'LinkageError';
    this.kind = kind;
    this.where = where;
    this.hint = m[1];
    this.code = m[2];
  }

  /** `what (file:line:column)` — the message and where, without the code. */
  oneLine(): string {
    const loc = formatWhere(this.where);
    return loc ? `${this.message} (${loc})` : this.message;
  }
}

/** `file:line:column`, omitting what is unknown. */
export function formatWhere(where: Where): string {
  const parts: string[] = [];
  if (where.file !== undefined) parts.push(where.file);
  if (where.line !== undefined) parts.push(String(where.line));
  if (where.column !== undefined) parts.push(String(where.column));
  return parts.join(':');
}

/** A data error (exit 1): the input cannot be read as it is. */
export function dataError(m: Msg, where: Where = {}): LinkageError {
  return new LinkageError('data', m, where);
}

/** A usage error (exit 2): the command line or a definition file the user wrote is wrong. */
export function usageError(m: Msg, where: Where = {}): LinkageError {
  return new LinkageError('usage', m, where);
}
