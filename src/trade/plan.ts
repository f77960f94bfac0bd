import { reason } from '../messages.js';
import { inGroup, vintageName, type ProductGroup } from './products.js';
import { convertCode, correlated, describeChange } from './vintages.js';

/** What a raw code means for a product group: the code to count (in the group's vintage), a refusal by name, or nothing. */
export type CodePlan = { code: string } | { why: string } | null;

/**
 * What a raw code of HS vintage `cls` means for a group — the one rule of the per-row path
 * (tradeReducer) and of the engines (a group read in a file of another vintage, {@link inFileVintage}):
 * a code of the group's vintage (or of a group as reported, `any`) counts when in the group; a code
 * of another vintage is converted when its content is unchanged (1:1), and refused by name when it
 * was split or merged with content of the group (or when no correlation table links the two
 * vintages). `complete` = a whole-world HS6 matrix (BACI), whose all-products total is every code.
 */
export function planCode(g: ProductGroup, cls: string, code: string, complete: boolean): CodePlan {
  if (g.kind === 'total') return complete || code === 'TOTAL' ? { code } : null;
  if (g.vintage === 'any' || cls === g.vintage || code === 'TOTAL') return inGroup(g, code) ? { code } : null;
  if (code.length !== 6 || !correlated(cls, g.vintage)) {
    return inGroup(g, code) || [...g.codes].some((c) => c.startsWith(code)) ? { why: reason.noCorrelation(code, vintageName(cls), vintageName(g.vintage)) } : null;
  }
  const c = convertCode(code, cls, g.vintage);
  if ('code' in c) return inGroup(g, c.code) ? { code: c.code } : null;
  // Refused when any counterpart (the table lists them all) is the group's; otherwise not the group's.
  return c.change.counterparts.some((x) => inGroup(g, x)) ? { why: describeChange(c.change) } : null;
}

/**
 * A product group as the engines read it in a BACI file of HS vintage `cls`: the group itself when
 * its codes are of that vintage (or as reported, or all products); otherwise the same group marked
 * with the file's vintage, whose six-digit codes are converted (or refused) by {@link planCode} —
 * so the byte scanner and DuckDB sum exactly what the per-row path sums, and refuse what it refuses.
 * Its id, vintage and codes are the group's (the cache key holds them and the file's vintage).
 */
export function inFileVintage(g: ProductGroup, cls: string): ProductGroup {
  return g.kind === 'total' || g.vintage === 'any' || g.vintage === cls ? g : { ...g, fileVintage: cls };
}

/** True when a six-digit code of the scanned file counts in the group (read in the file's vintage when marked so). */
export function scanMember(g: ProductGroup, code: string): boolean {
  if (g.kind === 'total') return true;
  if (g.fileVintage === undefined) return inGroup(g, code);
  const p = planCode(g, g.fileVintage, code, true);
  return p !== null && 'code' in p;
}

/**
 * The coverage note of a group from the six-digit codes of a scanned year (ascending), as the
 * per-row path writes it: the codes present (in the group's vintage, sorted) and the refusals
 * (sorted, each once).
 */
export function scanCoverage(g: ProductGroup, used: readonly string[]): { present: string[]; refused: string[] } {
  if (g.kind === 'total') return { present: [...used], refused: [] };
  if (g.fileVintage === undefined) return { present: used.filter((c) => inGroup(g, c)), refused: [] };
  const present = new Set<string>();
  const refused = new Set<string>();
  for (const code of used) {
    const p = planCode(g, g.fileVintage, code, true);
    if (p !== null) 'code' in p ? present.add(p.code) : refused.add(p.why);
  }
  return { present: [...present].sort(), refused: [...refused].sort() };
}
