import { distance } from 'fastest-levenshtein';

/**
 * The known names closest to a misspelled `input` (case-insensitive edit distance), best first;
 * at most `max`. A name counts as close when at most a third of its characters differ (at least
 * one), or when one contains the other (`rd` → `rd-intensity`). Empty when nothing is close.
 */
export function closest(input: string, known: readonly string[], max = 3): string[] {
  const needle = input.trim().toLowerCase();
  if (needle === '') return [];
  const scored: [string, number][] = [];
  for (const name of new Set(known)) {
    const hay = name.toLowerCase();
    // Swapped letters (CKJ → CJK) count as half an edit.
    const d = hay.length === needle.length && [...hay].sort().join('') === [...needle].sort().join('') && distance(needle, hay) === 2 ? 0.5 : distance(needle, hay);
    const limit = Math.max(1, Math.floor(Math.max(needle.length, hay.length) / 3));
    if (d <= limit) scored.push([name, d]);
    else if (needle.length >= 3 && (hay.includes(needle) || needle.includes(hay)) && hay.length >= 3) scored.push([name, limit + 1]);
  }
  const best = Math.min(...scored.map(([, d]) => d));
  // Only the closest names: "rd-intensity", not also the farther "trade-intensity".
  return scored
    .filter(([, d]) => d === best)
    .sort((a, b) => a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([n]) => n);
}

/** `did you mean X?` / `did you mean X or Y?`, or '' when nothing is close. */
export function didYouMean(input: string, known: readonly string[]): string {
  const c = closest(input, known);
  if (c.length === 0) return '';
  return `did you mean ${c.length === 1 ? c[0] : `${c.slice(0, -1).join(', ')} or ${c[c.length - 1]}`}?`;
}

/** A hint: the suggestion (when there is one) followed by `rest`. */
export function hintWith(input: string, known: readonly string[], rest: string): string {
  const s = didYouMean(input, known);
  return s === '' ? rest : `${s} ${rest}`;
}
