import { readFileSync } from 'node:fs';
import { usageError } from '../errors.js';
import { msg } from '../messages.js';
import { parseDataCsv } from '../model/csv-text.js';
import { VERDICTS, type CheckedFigure, type Verdict } from './check.js';

/**
 * Pinned expectations for `check --expect FILE`: figure id → verdict. FILE is a CSV with `id` and
 * `verdict` columns (the output of `check --format csv` pins the current state as is), or JSON: the
 * output of `check --format json`, or an object `{ "id": "verdict" }`.
 */
export function readExpectations(file: string): Map<string, Verdict> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
        throw usageError(msg.badExpect(file, 'cannot read the file'));
  }
  let pairs: [string, string][];
  try {
    if (/^\s*[{[]/.test(text)) {
      const parsed = JSON.parse(text) as unknown;
      const figures = (parsed as { figures?: unknown }).figures;
      if (Array.isArray(figures)) pairs = figures.map((f) => [String((f as { id?: unknown }).id), String((f as { verdict?: unknown }).verdict)]);
      else if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) pairs = Object.entries(parsed as Record<string, unknown>).map(([k, v]) => [k, String(v)]);
      else throw new Error('expected an object of id → verdict or check JSON');
    } else pairs = parseDataCsv(text).map((r) => [r.id ?? '', r.verdict ?? '']);
  } catch (e) {
        throw usageError(msg.badExpect(file, (e as Error).message));
  }
  const out = new Map<string, Verdict>();
  for (const [id, verdict] of pairs) {
    if (id === '' || !(VERDICTS as readonly string[]).includes(verdict)) {
      throw usageError(msg.badExpect(file, `"${id}" has verdict "${verdict}"; use ${VERDICTS.join(', ')}`));
    }
    out.set(id, verdict as Verdict);
  }
  return out;
}

/** Figures whose verdict differs from the pinned one; pinned ids the check does not know are a usage error. */
export function compareExpectations(figures: readonly CheckedFigure[], expected: ReadonlyMap<string, Verdict>, file: string): { id: string; expected: Verdict; got: Verdict }[] {
  const byId = new Map(figures.map((f) => [f.id, f]));
  const unknown = [...expected.keys()].filter((id) => !byId.has(id));
  if (unknown.length > 0) {
        throw usageError(msg.badExpect(file, `unknown figure ${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? ` and ${unknown.length - 3} more` : ''}`));
  }
  return [...expected].flatMap(([id, verdict]) => {
    const got = byId.get(id)?.verdict;
    return got !== undefined && got !== verdict ? [{ id, expected: verdict, got }] : [];
  });
}
