import { describe, expect, it } from 'vitest';
import { writeYear } from '../../bench/generate.js';
import { duckdbPlan } from '../../src/engine/duckdb.js';
import { baciRelease } from '../../src/engine/release.js';
import { countryRegistry } from '../../src/model/countries.js';
import { resolveProducts } from '../../src/trade/products.js';
import { tmpDir } from '../helpers.js';

// How the DuckDB engine reads a file, from DuckDB's own plan (EXPLAIN) of the engine's query over a
// SYNTHETIC BACI year (bench/generate.ts, real V202301 dictionaries). No timing: the plan's shape
// decides how much of the file is held in memory.
interface PlanNode {
  name: string;
  children: PlanNode[];
  extra_info: Record<string, unknown>;
}

const nodes = (n: PlanNode): PlanNode[] => [n, ...n.children.flatMap(nodes)];

async function plan(): Promise<PlanNode[]> {
  const file = writeYear(tmpDir(), 2018, 2_000);
  const release = baciRelease(file, file, countryRegistry());
  const groups = ['TOTAL', 'hightech', 'hs84-85'].map(resolveProducts);
  const roots = (await duckdbPlan({ file, label: file, groups }, release, 'baci-csv')) as PlanNode[];
  return roots.flatMap(nodes);
}

describe('the DuckDB engine streams the file', () => {
  // Found measuring a 10 M-row year (1.1 GB peak): the planner guesses a CSV has a few dozen rows,
  // so it built the join's hash table on the file (every row in memory) and probed it with the
  // product list (Join Type RIGHT).
  it('the join with the product list builds on the product list; the file is its probe side', async () => {
    const joins = (await plan()).filter((n) => n.name === 'HASH_JOIN');
    expect(joins).toHaveLength(1);
    const [join] = joins as [PlanNode];
    expect(join.extra_info['Join Type']).toBe('LEFT');
    const [probe, build] = join.children as [PlanNode, PlanNode];
    expect(nodes(probe).some((n) => n.name === 'READ_CSV')).toBe(true);
    expect(build.name).toBe('SEQ_SCAN');
    expect(build.extra_info['Table']).toBe('memory.main.prods');
  });
});

describe('the DuckDB engine holds one state per year × exporter × importer', () => {
  // Found measuring a 10 M-row year (780 MB peak once the join was fixed): count(DISTINCT k) per
  // cell, for the repeated-key check, kept a hash table of every (t, i, j, mask, k) — one entry per
  // row — and the grouping sets (t, i, j, mask) and (t, k) ran every row through two aggregates.
  // Now one aggregate over the file, by t, i, j, with the products of a cell as a bit string.
  it('one hash aggregate reads the file: grouped by t, i, j, with no DISTINCT aggregate', async () => {
    const overFile = (await plan()).filter((n) => n.name === 'HASH_GROUP_BY' && nodes(n).some((c) => c.name === 'READ_CSV'));
    expect(overFile).toHaveLength(1);
    const [agg] = overFile as [PlanNode];
    const list = (x: unknown) => (Array.isArray(x) ? (x as string[]) : [String(x)]);
    expect(list(agg.extra_info['Groups'])).toHaveLength(3);
    expect(list(agg.extra_info['Aggregates']).filter((a) => /DISTINCT/i.test(a))).toEqual([]);
  });
});
