/**
 * Escaping of data text for each place it goes. Every text linkage prints or writes passes through
 * one of these, so a control character, a formula or Markdown in a data file (a country name, a
 * group code, a section title, a reason quoting a cell) never acts on the terminal, a spreadsheet
 * or a renderer.
 *
 * Control characters are shown, never dropped: each C0 control (except tab and line feed), DEL,
 * each C1 control and each bidirectional-override character becomes the six characters `\uXXXX`.
 * That is a visible token at a terminal, plain text in CSV, Markdown, HTML and SVG, and — because
 * such characters can only occur inside JSON strings — the same value when the text is JSON.
 */

/** C0 except TAB (09) and LF (0A); DEL; C1; bidi embeddings/overrides/isolates (Trojan Source). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** The same plus TAB and LF: for text that must stay on one line (table cells, Markdown, CSV cells). */
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function hex(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Text for a terminal or a text file, several lines allowed: controls made visible (`\u001B`),
 * tabs and line feeds kept. Idempotent. Safe on JSON text (the result is the same JSON value).
 */
export function visibleControls(text: string): string {
  return text.replace(CONTROL, hex);
}

/** One line of text for a terminal: controls, tabs and line breaks made visible. */
export function terminalLine(text: unknown): string {
  return String(text ?? '').replace(CONTROL_OR_BREAK, hex);
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A CSV text cell safe to open in a spreadsheet: controls made visible (line breaks too, so a cell
 * stays one line) and a cell that starts with `=`, `+`, `-`, `@` (formula triggers; also TAB and
 * CR) prefixed with `'` — unless the whole cell is a number, so `-1.5` stays a number. The CSV
 * writer adds the quoting.
 */
export function csvCell(text: unknown): string {
  const s = String(text ?? '');
  if (/^[=+\-@\t\r]/.test(s) && !NUMBER.test(s)) return `'${s.replace(CONTROL_OR_BREAK, hex)}`;
  return s.replace(CONTROL_OR_BREAK, hex);
}

/** Text for HTML element content and attribute values: `& < > " '` as entities, controls (not tab or line feed) visible. */
export function htmlText(text: unknown): string {
  return String(text ?? '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string)
    .replace(CONTROL, hex);
}

/**
 * Inline Markdown text (headings, paragraphs, table cells, alt text, list items): backslash, code,
 * emphasis, brackets and pipes are backslash-escaped, so no link, image, code span, emphasis or
 * table cell can open or close; `<` and `>` are backslash-escaped too (no HTML, no autolink) and `&`
 * only where it would start an entity (`R&D` stays readable in the .md file); a line-start marker
 * (`#`, `>`, `-`, `+`, `=`, `1.`) is escaped; line breaks become spaces and controls are made visible.
 * Parentheses and colons stay as they are: without a `[` they cannot form a link.
 */
export function markdownText(text: unknown): string {
  return String(text ?? '')
    .replace(/\r\n|[\n\r\t]/g, ' ')
    .replace(CONTROL_OR_BREAK, hex)
    .replace(/[\\`*_[\]|~<>]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/^(\s*)([#+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/**
 * An inline Markdown code span holding `text` verbatim (file names, ids): fenced with one more
 * backtick than the longest run inside, so the text cannot close it; one line, controls visible.
 */
export function markdownCode(text: unknown): string {
  const s = String(text ?? '').replace(CONTROL_OR_BREAK, hex);
  const longest = Math.max(0, ...[...s.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') || s.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/** XML 1.0 text (SVG): characters XML forbids can never appear; every control is made visible. */
export function xmlSafe(text: string): string {
  return visibleControls(text).replace(/[\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\uFFFD');
}
