/**
 * Objects keyed by user strings (geography, group, partner and product codes, cell values) without
 * the Object prototype: `constructor`, `toString` or `__proto__` as a key is an ordinary key, so a
 * lookup of an absent code gives undefined, never an inherited function.
 */

/** A fresh null-prototype record, optionally filled from `entries`. */
export function dict<T>(entries: Iterable<readonly [string, T]> | Readonly<Record<string, T>> = []): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  const list = Symbol.iterator in entries ? (entries as Iterable<readonly [string, T]>) : Object.entries(entries as Readonly<Record<string, T>>);
  for (const [k, v] of list) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

/** `rec[key]` when `rec` has it as its own property, else undefined (never an inherited member). */
export function own<T>(rec: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return rec !== undefined && Object.prototype.hasOwnProperty.call(rec, key) ? rec[key] : undefined;
}
