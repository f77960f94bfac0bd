/**
 * The benchmark job's indicators computed from a plain exporter × importer matrix of sums, written
 * independently of linkage's indicator code (methodology §1, self-flows excluded): the reference
 * answers that DuckDB SQL and pandas are checked with, and that linkage's output must match.
 */

/** Sums per year: `i|j` (ISO3 exporter|importer) → [all products, high-tech] (US$). */
export type PairSums = Map<number, Map<string, [number, number]>>;

export type Flow = 'exports' | 'imports' | 'total';
/** Answers: `kind|year|flow|geo|field` → number, or null where a member or pair has no data. */
export type Answers = Map<string, number | null>;

export const LADDER_FIELDS = ['share', 'world_weight', 'intensity', 'homogeneous_intra', 'homogeneous_extra', 'introversion'] as const;

/** The flow's matrix: exports F[i→j]; imports M[i←j] = F[j→i]; total = both. */
function flowMatrix(pairs: Map<string, [number, number]>, flow: Flow, product: 0 | 1): Map<string, number> {
  const out = new Map<string, number>();
  const add = (i: string, j: string, v: number) => out.set(`${i}|${j}`, (out.get(`${i}|${j}`) ?? 0) + v);
  for (const [key, v] of pairs) {
    const [i, j] = key.split('|') as [string, string];
    if (flow !== 'imports') add(i, j, v[product]);
    if (flow !== 'exports') add(j, i, v[product]);
  }
  return out;
}

/** A flow's matrix with its row and column sums and world total, self-flows left out. */
export function flowSums(pairs: Map<string, [number, number]>, flow: Flow) {
  const m = flowMatrix(pairs, flow, 0);
  const rowSum = new Map<string, number>();
  const colSum = new Map<string, number>();
  let world = 0;
  for (const [key, v] of m) {
    const [i, j] = key.split('|') as [string, string];
    if (i === j) continue; // self-flows out of every sum
    rowSum.set(i, (rowSum.get(i) ?? 0) + v);
    colSum.set(j, (colSum.get(j) ?? 0) + v);
    world += v;
  }
  return { m, rowSum, colSum, world };
}

/** Ladder values of group `members` for one year and flow (shares and world weight in percent), or null when a member has no trade. */
export function ladderOf(f: ReturnType<typeof flowSums>, members: readonly string[]): Record<string, number> | null {
  const { m, rowSum, colSum, world } = f;
  let intra = 0;
  let out = 0;
  let toR = 0;
  for (const i of members) {
    if (!rowSum.has(i) || !colSum.has(i)) return null;
    out += rowSum.get(i) as number;
    toR += colSum.get(i) as number;
    for (const j of members) {
      if (i === j) continue;
      // BACI lists every non-zero flow: an absent pair is zero trade.
      intra += m.get(`${i}|${j}`) ?? 0;
    }
  }
  const share = intra / out;
  const w = toR / world;
  const restShare = (toR - intra) / (world - out);
  const hi = share / restShare;
  const he = (1 - share) / (1 - restShare);
  return { share: 100 * share, world_weight: 100 * w, intensity: share / w, homogeneous_intra: hi, homogeneous_extra: he, introversion: (hi - he) / (hi + he) };
}

/** Share (%) of `partners` (less the reporter) in the reporter's high-tech imports (an absent pair is zero), or null without imports. */
export function importSourceShare(pairs: Map<string, [number, number]>, reporter: string, partners: readonly string[]): number | null {
  let world = 0;
  let any = false;
  for (const [key, v] of pairs) {
    const [i, j] = key.split('|') as [string, string];
    if (j === reporter && i !== reporter) {
      world += v[1];
      any = true;
    }
  }
  if (!any || !(world > 0)) return null;
  let sum = 0;
  for (const p of partners) {
    if (p === reporter) continue;
    sum += pairs.get(`${p}|${reporter}`)?.[1] ?? 0;
  }
  return (100 * sum) / world;
}

/** Every answer of the job for the years in `sums`. */
export function answers(sums: PairSums, groups: Record<string, readonly string[]>, reporters: readonly string[], partners: readonly string[]): Answers {
  const out: Answers = new Map();
  for (const [year, pairs] of sums) {
    for (const flow of ['exports', 'imports', 'total'] as const) {
      const f = flowSums(pairs, flow);
      for (const [code, members] of Object.entries(groups)) {
        const l = ladderOf(f, members);
        for (const f of LADDER_FIELDS) out.set(`ladder|${year}|${flow}|${code}|${f}`, l === null ? null : (l[f] as number));
      }
    }
    for (const c of reporters) out.set(`import-source-share|${year}|imports|${c}|value`, importSourceShare(pairs, c, partners));
  }
  return out;
}

/** Differences between two answer sets (relative tolerance 1e-9): empty when they agree. */
export function compare(a: Answers, b: Answers, names: [string, string]): string[] {
  const bad: string[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key);
    const y = b.get(key);
    if (x === undefined || y === undefined) bad.push(`${key}: ${names[0]} ${String(x)}, ${names[1]} ${String(y)}`);
    else if (x === null || y === null) {
      if (x !== y) bad.push(`${key}: ${names[0]} ${String(x)}, ${names[1]} ${String(y)}`);
    } else if (!(Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y)))) bad.push(`${key}: ${names[0]} ${x}, ${names[1]} ${y}`);
  }
  return bad;
}
