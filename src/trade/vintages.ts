import { readFileSync } from 'node:fs';
import { parseDataCsv } from '../model/csv-text.js';
import { dataPath } from '../paths.js';
import { vintageName } from './products.js';

/** How a six-digit code's content changed between two consecutive HS vintages (data/products/hs-correlation.csv). */
export interface CodeChange {
  vintage: string;
  code: string;
  other: string;
  /** `1:1` renumbered, `1:n` split, `n:1` merged with others, `n:n`. */
  relationship: string;
  /** All the codes of the other vintage that share content with this one (as the UN rows list them). */
  counterparts: string[];
  count: number;
  /** Four-digit headings of all the counterparts. */
  headings: string[];
}

/** Vintages whose correlation tables linkage ships, in order (HS2012, HS2017, HS2022). */
const CHAIN = ['H4', 'H5', 'H6'];

let cached: Map<string, CodeChange> | undefined;

function table(): Map<string, CodeChange> {
  cached ??= new Map(
    parseDataCsv(readFileSync(dataPath('products', 'hs-correlation.csv'), 'utf8')).map((r) => {
      const c: CodeChange = { vintage: r.vintage ?? '', code: r.code ?? '', other: r.other_vintage ?? '', relationship: r.relationship ?? '', counterparts: (r.counterparts ?? '').split(' ').filter(Boolean), count: Number(r.count), headings: (r.headings ?? '').split(' ').filter(Boolean) };
      return [`${c.vintage}|${c.code}|${c.other}`, c];
    }),
  );
  return cached;
}

/** True when linkage has a correlation table between the two vintages (consecutive among H4, H5, H6). */
export function correlated(a: string, b: string): boolean {
  const i = CHAIN.indexOf(a);
  const j = CHAIN.indexOf(b);
  return i !== -1 && j !== -1 && Math.abs(i - j) === 1;
}

/**
 * A six-digit code of vintage `from` in vintage `to` (consecutive vintages): the same or the
 * renumbered code when its content is unchanged (1:1), otherwise the change that prevents it.
 */
export function convertCode(code: string, from: string, to: string): { code: string } | { change: CodeChange } {
  const c = table().get(`${from}|${code}|${to}`);
  if (c === undefined) return { code };
  return c.relationship === '1:1' && c.counterparts.length === 1 ? { code: c.counterparts[0] as string } : { change: c };
}

/** Changes between vintages a and b (any order, via the chain) of the six-digit codes of `a` under `prefix`. */
export function changesUnder(prefix: string, a: string, b: string): CodeChange[] {
  const i = CHAIN.indexOf(a);
  const j = CHAIN.indexOf(b);
  if (i === -1 || j === -1 || i === j) return [];
  const step = i < j ? 1 : -1;
  const out: CodeChange[] = [];
  for (let k = i; k !== j; k += step) {
    const from = CHAIN[k] as string;
    const to = CHAIN[k + step] as string;
    for (const c of table().values()) if (c.vintage === from && c.other === to && c.code.startsWith(prefix)) out.push(c);
  }
  return out;
}

/** "854140 (HS2017) is divided among 854141, 854142, … (10 codes) (HS2022), which also hold content of other HS2017 codes" (at most six counterparts named). */
export function describeChange(c: CodeChange): string {
  const [a, b] = [vintageName(c.vintage), vintageName(c.other)];
  const list = `${c.counterparts.slice(0, 6).join(', ')}${c.count > 6 ? `, … (${c.count} codes)` : ''}`;
  switch (c.relationship) {
    case '1:1':
      return `${c.code} (${a}) is ${list} (${b})`;
    case '1:n':
      return `${c.code} (${a}) is divided among ${list} (${b})`;
    case 'n:1':
      return `${c.code} (${a}) is part of ${list} (${b}), together with other ${a} codes`;
    default:
      return `${c.code} (${a}) is divided among ${list} (${b}), which also hold content of other ${a} codes`;
  }
}

/** True when the change moves content across the group's boundary: some counterpart lies outside the prefixes. */
export function crossesGroup(c: CodeChange, prefixes: ReadonlySet<string>): boolean {
  return !c.counterparts.every((code) => [...prefixes].some((p) => code.startsWith(p)));
}
