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
 * The one error type of linkage. Commands and loaders throw it; only the CLI entry point turns it
 * into a one-line message (`linkage: <what> (<where>)`), a hint and an exit code.
 */
export class LinkageError extends Error {
  readonly kind: ErrorKind;
  readonly where: Where;
  readonly hint: string | undefined;

  constructor(kind: ErrorKind, message: string, where: Where = {}, hint?: string) {
    super(message);
    this.name = 'LinkageError';
    this.kind = kind;
    this.where = where;
    this.hint = hint;
  }

  /** `what (file:line:column)` — the single line the user sees. */
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

export function dataError(message: string, where: Where = {}, hint?: string): LinkageError {
  return new LinkageError('data', message, where, hint);
}

export function usageError(message: string, hint?: string): LinkageError {
  return new LinkageError('usage', message, {}, hint);
}
