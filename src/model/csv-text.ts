import Papa from 'papaparse';

/**
 * Parse a small, trusted project data file (CSV with header) into records of strings. Comment
 * lines starting with `#` are allowed before the header (citations).
 */
export function parseDataCsv(text: string): Record<string, string>[] {
  const body = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('#'))
    .join('\n');
  const parsed = Papa.parse<Record<string, string>>(body, { header: true, skipEmptyLines: true, delimiter: ',' });
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0];
    throw new Error(`project data CSV: ${first?.message ?? 'parse error'} at row ${first?.row ?? '?'}`);
  }
  return parsed.data;
}
