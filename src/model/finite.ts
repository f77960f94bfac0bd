import { reason } from '../messages.js';
import type { Result } from './indicator.js';

/** The numbers of `detail` that are not finite, by path (`members.DEU`), replaced by null in a copy. */
function scrub(value: unknown, path: string, bad: string[]): unknown {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    bad.push(path);
    return null;
  }
  if (Array.isArray(value)) return value.map((v, i) => scrub(v, `${path}[${i}]`, bad));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = scrub(v, path === '' ? k : `${path}.${k}`, bad);
    return out;
  }
  return value;
}

/**
 * The last gate every indicator result passes (the registry wraps each `compute` with it): a value
 * that is not a finite number — a zero or vanishingly small denominator, an overflow — becomes
 * `missing` with a reason, an `ok` result without a value becomes `missing`, and non-finite numbers
 * inside `detail` become null (listed in `detail.not_finite`). No format can then print NaN or
 * Infinity. Indicators give more precise reasons where they can; this is the guarantee.
 */
export function finiteResult(r: Result): Result {
  let out = r;
  if (r.detail !== undefined) {
    const bad: string[] = [];
    const detail = scrub(r.detail, '', bad) as Record<string, unknown>;
    if (bad.length > 0) out = { ...out, detail: { ...detail, not_finite: bad } };
  }
  if (out.value !== null && !Number.isFinite(out.value)) {
    const what = Number.isNaN(out.value) ? 'not a number (0/0 or ∞−∞)' : 'infinite (a zero or vanishingly small denominator, or an overflowing value)';
    return { ...out, value: null, status: 'missing', reason: reason.nonFiniteResult(what, out.reason) };
  }
  if (out.status === 'ok' && out.value === null) return { ...out, status: 'missing', reason: out.reason ?? 'no value was computed' };
  return out;
}

/** {@link finiteResult} over a list. */
export function finiteResults(results: readonly Result[]): Result[] {
  return results.map(finiteResult);
}
