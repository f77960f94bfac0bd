import type { CanonicalRow, TradeCodes } from '../model/types.js';
import type { ProductGroup } from './products.js';
import { planCode } from './plan.js';
import { reason } from '../messages.js';

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
 * Measure of the sum of a whole-world matrix's self-flows Σ_k F[k→k] (geo WLD, no partner) for a
 * trade measure `trade:<flow>:<group>`: `trade-self:<flow>:<group>`, US$.
 */
export function selfMeasure(measure: string): string {
  return measure.replace(/^trade:/, 'trade-self:');
}

/**
 * Sums of one reporter × partner × flow × year cell for one product group, kept so that a code's
 * rows are used only when no coarser code containing it is present (chapter 84 as a 2-digit row and
 * chapter 85 only as 4-digit rows both count; a chapter row and its own headings never add twice).
 * Codes shorter than six digits are kept by code; six-digit codes are summed by their heading, so a
 * whole-world HS6 matrix holds at most one entry per heading.
 */
interface Cell {
  row: CanonicalRow;
  /** The flow (X, M, RX, RM) and product group, for the message of a cell without a value. */
  flow: string;
  group: string;
  /** Code (or `heading*` for six-digit codes summed by heading) → sum. */
  parts: Map<string, number>;
  /** Codes shorter than six digits that have rows with a value (the candidates to cover finer codes). */
  coarse: Set<string>;
  /** Rows without a value: the code at the group's level (or `TOTAL`), the code as the input writes it, and its line. */
  unknown: { code: string; label: string; line: number }[];
}

/** A raw code as the input writes it, for messages: `HS 854231`, `SITC 752`, `TOTAL`. */
function codeLabel(cls: string, code: string): string {
  if (code === 'TOTAL') return code;
  return `${/^H[S0-9]$/.test(cls) ? 'HS' : /^S[1-4]$/.test(cls) ? 'SITC' : cls} ${code}`;
}

/** True when a proper prefix of `code` (the code of a coarser level) has rows in the cell. */
function covered(code: string, coarse: ReadonlySet<string>): boolean {
  for (let n = 1; n < code.length; n++) if (coarse.has(code.slice(0, n))) return true;
  return false;
}

/**
 * The cell's value: every part not covered by a coarser code present; null when a part has no
 * value and no coarser code with a value covers it (the codes it names are in `missing`).
 */
function cellValue(c: Cell): { value: number } | { value: null; missing: { code: string; line: number }[] } {
  const missing = c.unknown.filter(({ code }) => code === 'TOTAL' || !covered(code, c.coarse)).map(({ label, line }) => ({ code: label, line }));
  if (missing.length > 0) return { value: null, missing };
  let v = 0;
  for (const [k, x] of c.parts) {
    const code = k.endsWith('*') ? k.slice(0, -1) : k;
    // A six-digit bucket is covered by its heading or anything coarser; a code by any proper prefix.
    if (k.endsWith('*') ? c.coarse.has(code) || covered(code, c.coarse) : covered(code, c.coarse)) continue;
    v += x;
  }
  return { value: v };
}

/**
 * Sum raw trade rows into reporter × partner × flow × year totals for one product group. Codes of
 * another HS vintage than the group's are refused (never silently mismatched). Within each cell a
 * code's rows count unless a coarser code that contains it is present — the level is chosen per
 * code prefix, never per flow — so chapter rows and their headings are never added twice and a
 * chapter reported only in detail is never lost. For a whole-world matrix (BACI) world totals are
 * derived; Comtrade files carry their own world rows (partner WLD) and none are invented.
 */
export function tradeReducer(groups: readonly ProductGroup[]): Reducer {
  const sums = new Map<string, Cell>();
  // Per whole-world input and year: a row of it, and the economies with any row (any product).
  const active = new Map<string, { row: CanonicalRow; geos: Set<string> }>();
  const notes = new Map<string, { row: CanonicalRow; codes: TradeCodes }>();
  // Per raw measure: its parts and what to do for each group, worked out once.
  const memo = new Map<string, { t: { flow: string; cls: string; code: string }; adds: { g: ProductGroup; code: string }[]; refused: { g: ProductGroup; why: string }[] } | null>();
  const note = (group: ProductGroup, row: CanonicalRow, flow: string, cls: string) => {
    const key = `${group.id}|${flow}|${row.year}|${row.provenance.file}`;
    let n = notes.get(key);
    if (n === undefined) {
      n = { row: { measure: `trade-codes:${flow}:${group.id}`, geo: 'WLD', partner: null, year: row.year, value: null, unit: 'codes', flags: {}, provenance: row.provenance }, codes: { vintages: [], present: [], refused: [] } };
      notes.set(key, n);
    }
    if (cls !== '' && !n.codes.vintages.includes(cls)) n.codes.vintages.push(cls);
    return n.codes;
  };
  const add = (group: ProductGroup, row: CanonicalRow, geo: string, partner: string, flow: string, code: string, value: number | null, label: string, line: number) => {
    const key = `${group.id}|${flow}|${geo}|${partner}|${row.year}`;
    let e = sums.get(key);
    if (e === undefined) {
      e = { row: { ...row, geo, partner, measure: tradeMeasure(flow, group), flags: {} }, flow, group: group.id, parts: new Map(), coarse: new Set(), unknown: [] };
      sums.set(key, e);
    }
    // A row without a value is a part the sum cannot have: kept by code and line, never added as zero.
    if (value === null) {
      e.unknown.push({ code: group.kind === 'total' ? 'TOTAL' : code, label, line });
      return;
    }
    // The whole-world matrix's all-products total, and the source's own TOTAL rows, are flat sums.
    const part = group.kind === 'total' ? 'TOTAL' : code.length >= 6 ? `${code.slice(0, 4)}*` : code;
    if (group.kind !== 'total' && code.length < 6) e.coarse.add(code);
    e.parts.set(part, (e.parts.get(part) ?? 0) + value);
  };
  /** What a raw measure means for each group (src/trade/plan.ts), worked out once per measure. */
  const plans = (t: { flow: string; cls: string; code: string }, complete: boolean) => {
    const out = { t, adds: [] as { g: ProductGroup; code: string }[], refused: [] as { g: ProductGroup; why: string }[] };
    for (const g of groups) {
      const p = planCode(g, t.cls, t.code, complete);
      if (p !== null) 'code' in p ? out.adds.push({ g, code: p.code }) : out.refused.push({ g, why: p.why });
    }
    return out;
  };
  return {
    accepts: (row) => row.measure.startsWith('trade:'),
    add(row, line) {
      if (row.partner === null) return;
      // A whole-world HS6 matrix (BACI) has no all-commodities row: its TOTAL is the sum of all codes.
      const complete = row.provenance.dataset.startsWith('BACI');
      if (complete) {
        const k = `${row.provenance.file}|${row.year}`;
        let a = active.get(k);
        if (a === undefined) active.set(k, (a = { row, geos: new Set() }));
        a.geos.add(row.geo).add(row.partner);
      }
      const key = complete ? `B${row.measure}` : row.measure;
      let m = memo.get(key);
      if (m === undefined) {
        const t = parseTradeMeasure(row.measure);
        m = t === undefined ? null : plans(t, complete);
        memo.set(key, m);
      }
      if (m === null) return;
      for (const { g, code } of m.adds) {
        add(g, row, row.geo, row.partner, m.t.flow, code, row.value, codeLabel(m.t.cls, m.t.code), line);
        const n = note(g, row, m.t.flow, m.t.cls);
        if (row.value !== null && !n.present.includes(code)) n.present.push(code);
      }
      for (const { g, why } of m.refused) {
        const n = note(g, row, m.t.flow, m.t.cls);
        if (!n.refused.includes(why)) n.refused.push(why);
      }
    },
    finish() {
      const out: CanonicalRow[] = [];
      const world = new Map<string, CanonicalRow>();
      const addWorld = (r: CanonicalRow, geo: string, partner: string | null, value: number | null) => {
        const key = `${r.measure}|${geo}|${partner}|${r.year}`;
        const w = world.get(key);
        if (w === undefined) world.set(key, { ...r, geo, partner, value });
        else w.value = w.value === null || value === null ? null : w.value + value;
      };
      for (const cell of sums.values()) {
        const { row } = cell;
        const v = cellValue(cell);
        const { value } = v;
        out.push(value === null ? { ...row, value, missing: reason.tradeNoValue(row.geo, cell.flow, row.partner as string, cell.group, v.missing, row.provenance.file) } : { ...row, value });
        // A whole-world matrix (BACI) has no world rows: its world totals are sums over the matrix.
        if (row.provenance.dataset.startsWith('BACI')) {
          addWorld(row, row.geo, 'WLD', value);
          addWorld(row, 'WLD', row.partner as string, value);
          addWorld(row, 'WLD', 'WLD', value);
          // Σ of the self-flows F[k→k], so a ladder can take them out of F[W→W] (or keep them) by one rule.
          if (row.geo === row.partner) addWorld({ ...row, measure: selfMeasure(row.measure) }, 'WLD', null, value);
        }
      }
      // A whole-world matrix lists every non-zero flow: an economy with rows in the year but none
      // in a group traded 0 of it (src/engine/matrix.ts marginsOf gives the engines the same zeros).
      for (const { row, geos } of active.values()) {
        for (const g of groups) {
          for (const flow of ['X', 'M']) {
            // Adding 0 leaves a total that exists as it is and makes one that does not.
            const r = { ...row, measure: tradeMeasure(flow, g), flags: {} };
            for (const e of geos) {
              addWorld(r, e, 'WLD', 0);
              addWorld(r, 'WLD', e, 0);
            }
            addWorld(r, 'WLD', 'WLD', 0);
          }
        }
      }
      const codeNotes = [...notes.values()].map(({ row, codes }) => {
        const coarse = new Set(codes.present.filter((c) => c.length < 6));
        const present = codes.present.filter((c) => c === 'TOTAL' || ![...coarse].some((p) => p !== c && c.startsWith(p))).sort();
        return { ...row, codes: { vintages: codes.vintages.sort(), present, refused: [...codes.refused].sort() } };
      });
      return [...out, ...world.values(), ...codeNotes];
    },
  };
}
