import { dataError } from '../errors.js';
import { msg } from '../messages.js';
import type { CanonicalRow } from '../model/types.js';
import { inGroup, vintageName, type ProductGroup } from './products.js';

/**
 * A reduction pushed down into the scan: rows it accepts are folded as they stream and never
 * held; `finish` returns the reduced rows. This is the interface an analytical engine (DuckDB over
 * a multi-gigabyte BACI file) implements with a GROUP BY.
 */
export interface Reducer {
  accepts(row: CanonicalRow): boolean;
  add(row: CanonicalRow, line: number): void;
  finish(): CanonicalRow[];
}

/** Raw trade measure `trade:<flow>:<classification>:<code>` → its parts. */
export function parseTradeMeasure(measure: string): { flow: string; cls: string; code: string } | undefined {
  const m = /^trade:([A-Z]+):([^:]+):(.+)$/.exec(measure);
  return m ? { flow: m[1] as string, cls: m[2] as string, code: m[3] as string } : undefined;
}

/** Aggregated trade measure id: `trade:<flow>:<product group>`. */
export function tradeMeasure(flow: string, group: ProductGroup): string {
  return `trade:${flow}:${group.id}`;
}

/**
 * Sum raw trade rows into reporter × partner × flow × year totals for one product group. Codes of
 * another HS vintage than the group's are refused (never silently mismatched). Prefix groups are
 * summed at the coarsest code level present for each flow, so chapter rows and their subheadings
 * are never added twice. For a whole-world matrix (BACI) world totals are derived; Comtrade files
 * carry their own world rows (partner WLD) and none are invented.
 */
export function tradeReducer(groups: readonly ProductGroup[]): Reducer {
  // Sums by code level (0 = TOTAL, 2, 4, 6 digits); NaN = no row at that level.
  const sums = new Map<string, { row: CanonicalRow; byLevel: Float64Array }>();
  // Per raw measure: its parts and the groups it belongs to, worked out once.
  const memo = new Map<string, { t: { flow: string; cls: string; code: string }; member: ProductGroup[] } | null>();
  const add = (group: ProductGroup, row: CanonicalRow, geo: string, partner: string, flow: string, level: number, value: number) => {
    const key = `${group.id}|${flow}|${geo}|${partner}|${row.year}`;
    let e = sums.get(key);
    if (e === undefined) {
      e = { row: { ...row, geo, partner, measure: tradeMeasure(flow, group), flags: {} }, byLevel: new Float64Array(7).fill(Number.NaN) };
      sums.set(key, e);
    }
    const prev = e.byLevel[level] as number;
    e.byLevel[level] = Number.isNaN(prev) ? value : prev + value;
  };
  const addToGroup = (group: ProductGroup, row: CanonicalRow & { value: number; partner: string }, line: number, t: { flow: string; cls: string; code: string }) => {
    if (group.vintage !== 'any' && t.cls !== group.vintage && t.code !== 'TOTAL') {
      throw dataError(msg.productVintage(group.id, vintageName(group.vintage), vintageName(t.cls)), { file: row.provenance.file, line });
    }
    const level = t.code === 'TOTAL' ? 0 : t.code.length;
    add(group, row, row.geo, row.partner, t.flow, level, row.value);
  };
  return {
    accepts: (row) => row.measure.startsWith('trade:'),
    add(row, line) {
      if (row.value === null || row.partner === null) return;
      // A whole-world HS6 matrix (BACI) has no all-commodities row: its TOTAL is the sum of all codes.
      const complete = row.provenance.dataset.startsWith('BACI');
      const key = complete ? `B${row.measure}` : row.measure;
      let m = memo.get(key);
      if (m === undefined) {
        const t = parseTradeMeasure(row.measure);
        m = t === undefined ? null : { t, member: groups.filter((g) => inGroup(g, t.code) || (complete && g.kind === 'total')) };
        memo.set(key, m);
      }
      if (m === null) return;
      const r = row as CanonicalRow & { value: number; partner: string };
      for (const g of m.member) addToGroup(g, r, line, m.t);
    },
    finish() {
      const out: CanonicalRow[] = [];
      const world = new Map<string, CanonicalRow>();
      const addWorld = (r: CanonicalRow, geo: string, partner: string, value: number) => {
        const key = `${r.measure}|${geo}|${partner}|${r.year}`;
        const w = world.get(key);
        if (w === undefined) world.set(key, { ...r, geo, partner, value });
        else w.value = (w.value as number) + value;
      };
      for (const { row, byLevel } of sums.values()) {
        const value = byLevel.find((v) => !Number.isNaN(v));
        if (value === undefined) continue;
        out.push({ ...row, value });
        // A whole-world matrix (BACI) has no world rows: its world totals are sums over the matrix.
        if (row.provenance.dataset.startsWith('BACI')) {
          addWorld(row, row.geo, 'WLD', value);
          addWorld(row, 'WLD', row.partner as string, value);
          addWorld(row, 'WLD', 'WLD', value);
        }
      }
      return [...out, ...world.values()];
    },
  };
}
