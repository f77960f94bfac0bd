import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';

// Seeded mutations of real files for the loader fuzz test (issue 9, "fuzzing in CI"). Every
// choice comes from fast-check's seeded generators, so a seed and a case index name one input.

/** One mutation of a file's bytes. Positions are fractions of the length, so one plan fits any file. */
export type Op =
  | { op: 'flip'; at: number; mask: number }
  | { op: 'drop-line' | 'dup-line' | 'truncate'; at: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'number'; at: number; text: string }
  | { op: 'encode'; as: 'utf-16le' | 'utf-16be' | 'utf-16le-bom' | 'latin1' | 'utf-8-bom' };

/** A case: which file (index into the sorted list), the mutations, and for a workbook whether they apply inside a part. */
export interface Plan {
  file: number;
  ops: Op[];
  inside: boolean;
}

const at = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
/** Text that breaks parsers: quotes, separators, line ends, NUL, markup, huge and odd numbers. */
const NASTY = ['"', '""', ',', ';', '\n', '\r', '\r\n', '\0', '\uFEFF', '<', '</row>', '&#0;', '&#x110000;', '..', 'NaN', '-', ' ', '\t', '\u0085', '\uD800', '{', ']', 'null'];
const NUMBERS = ['1e309', '-1e309', '1e-320', '1.7976931348623157e308', 'Infinity', '-0', '0', '0x1F', '1,000', '99999999999999999999999', '-5', '400', '2017.5', '1e5'];

/** Mostly local damage (so the parsers meet it deep in a file), sometimes a whole-file change. */
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('flip' as const), at, mask: fc.integer({ min: 1, max: 255 }) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constantFrom('drop-line' as const, 'dup-line' as const), at }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: at.map((a) => 0.3 + 0.7 * a) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('insert' as const), at, text: fc.constantFrom(...NASTY) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('number' as const), at, text: fc.constantFrom(...NUMBERS) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('encode' as const), as: fc.constantFrom('utf-16le' as const, 'utf-16be' as const, 'utf-16le-bom' as const, 'latin1' as const, 'utf-8-bom' as const) }) },
);

/**
 * `n` plans, the same for the same seed: the first take each file once, the rest draw file i
 * `weights[i]` times as often as a file of weight 1 (small real inputs more often than big ones or
 * reference files no loader reads).
 */
export function plans(seed: number, n: number, weights: readonly number[]): Plan[] {
  const slots = weights.flatMap((w, i) => Array.from({ length: w }, () => i));
  const plan = fc.record({ slot: fc.nat({ max: slots.length - 1 }), ops: fc.array(op, { minLength: 1, maxLength: 3 }), inside: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x < 0.75) });
  // The first cases take every file once, in order; the rest draw by weight.
  return fc.sample(plan, { seed, numRuns: n }).map(({ slot, ops, inside }, i) => ({ file: i < weights.length ? i : (slots[slot] as number), ops, inside }));
}

const lineStarts = (b: Uint8Array): number[] => {
  const starts = [0];
  for (let i = 0; i < b.length; i++) if (b[i] === 10 && i + 1 < b.length) starts.push(i + 1);
  return starts;
};

function lineAt(b: Uint8Array, fraction: number): [start: number, end: number] {
  const starts = lineStarts(b);
  const k = Math.floor(fraction * starts.length);
  const start = starts[k] ?? 0;
  return [start, starts[k + 1] ?? b.length];
}

const cat = (...parts: Uint8Array[]): Uint8Array => Buffer.concat(parts);

/** Apply one mutation to bytes. */
export function apply(b: Uint8Array, o: Op): Uint8Array {
  const pos = (f: number) => Math.min(b.length, Math.floor(f * b.length));
  switch (o.op) {
    case 'flip': {
      if (b.length === 0) return b;
      const out = Uint8Array.from(b);
      const i = Math.min(b.length - 1, pos(o.at));
      out[i] = (out[i] as number) ^ o.mask;
      return out;
    }
    case 'truncate':
      return b.subarray(0, pos(o.at));
    case 'drop-line': {
      const [s, e] = lineAt(b, o.at);
      return cat(b.subarray(0, s), b.subarray(e));
    }
    case 'dup-line': {
      const [s, e] = lineAt(b, o.at);
      return cat(b.subarray(0, e), b.subarray(s, e), b.subarray(e));
    }
    case 'insert':
      return cat(b.subarray(0, pos(o.at)), Buffer.from(o.text, 'utf8'), b.subarray(pos(o.at)));
    case 'number': {
      // Replace the digits around a position with an odd number (overflow, underflow, hex, …).
      const text = Buffer.from(b).toString('latin1');
      const re = /\d+(?:\.\d+)?/g;
      re.lastIndex = pos(o.at);
      const m = re.exec(text) ?? /\d+(?:\.\d+)?/.exec(text);
      if (m === null) return b;
      return cat(b.subarray(0, m.index), Buffer.from(o.text, 'latin1'), b.subarray(m.index + m[0].length));
    }
    case 'encode': {
      const text = Buffer.from(b).toString('utf8');
      if (o.as === 'latin1') return Buffer.from(text, 'latin1');
      if (o.as === 'utf-8-bom') return cat(Buffer.from([0xef, 0xbb, 0xbf]), b);
      const le = Buffer.from(text, 'utf16le');
      if (o.as === 'utf-16le') return le;
      if (o.as === 'utf-16le-bom') return cat(Buffer.from([0xff, 0xfe]), le);
      return Buffer.from(le).swap16();
    }
  }
}

/** The first `max` bytes of a text file, cut after a line (big files keep their header and many rows). */
export function head(b: Uint8Array, max: number): Uint8Array {
  if (b.length <= max) return b;
  const cut = b.lastIndexOf(10, max);
  return b.subarray(0, cut > 0 ? cut + 1 : max);
}

/**
 * Mutate a file. A workbook (zip) with `inside` set has the mutations applied to one of its XML
 * parts, then is zipped again (so the zip checks pass and the XML reader meets the damage).
 */
export function mutate(bytes: Uint8Array, plan: Plan, maxBytes: number): Uint8Array {
  const zip = bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (zip && plan.inside) {
    let parts: Record<string, Uint8Array>;
    try {
      parts = unzipSync(bytes);
    } catch {
      return plan.ops.reduce(apply, bytes);
    }
    const names = Object.keys(parts).filter((n) => n.endsWith('.xml')).sort();
    const name = names[Math.floor((plan.ops[0] && 'at' in plan.ops[0] ? plan.ops[0].at : 0) * names.length)] ?? names[0];
    if (name === undefined) return bytes;
    parts[name] = plan.ops.reduce(apply, parts[name] as Uint8Array);
    return zipSync(parts, { level: 0 });
  }
  // Re-encoding a zip as text only makes it binary noise: its outer bytes are flipped and cut instead.
  const ops = zip ? plan.ops.filter((o) => o.op !== 'encode') : plan.ops;
  return ops.reduce(apply, zip ? bytes : head(bytes, maxBytes));
}

/** A short description of a plan, for failure messages. */
export function describePlan(plan: Plan): string {
  return `${plan.inside ? 'inside: ' : ''}${plan.ops.map((o) => JSON.stringify(o)).join(' ')}`;
}
