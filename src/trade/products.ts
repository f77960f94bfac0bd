import { readFileSync } from 'node:fs';
import { usageError } from '../errors.js';
import { msg } from '../messages.js';
import { hintWith } from '../suggest.js';
import { parseDataCsv } from '../model/csv-text.js';
import { dataPath } from '../paths.js';
import { own } from '../model/dict.js';

/**
 * HS vintages by Comtrade classification code. `any` = the codes as reported in each year's
 * vintage (TOTAL, chapters, user-written `HS:` codes); a vintage = a fixed list, converted 1:1.
 */
export type Vintage = 'any' | 'H0' | 'H1' | 'H2' | 'H3' | 'H4' | 'H5' | 'H6';

const VINTAGE_NAMES: Record<string, string> = { H0: 'HS1992', H1: 'HS1996', H2: 'HS2002', H3: 'HS2007', H4: 'HS2012', H5: 'HS2017', H6: 'HS2022' };

/** A set of products, with the HS vintage its codes belong to and its citation. */
export interface ProductGroup {
  id: string;
  label: string;
  vintage: Vintage;
  /** `total` = the source's all-commodities row; `prefix` = HS codes starting with one of `codes`; `hs6` = exact subheadings. */
  kind: 'total' | 'prefix' | 'hs6';
  codes: ReadonlySet<string>;
  citation: string;
  /**
   * Set by the engines (src/trade/plan.ts inFileVintage) when the group is read in a BACI file of
   * another HS vintage: that vintage, whose codes are converted 1:1 or refused by name.
   */
  fileVintage?: string;
}

export function vintageName(v: string): string {
  return own(VINTAGE_NAMES, v) ?? v;
}

/** True when an HS (or SITC, with prefix groups) code belongs to the group. */
export function inGroup(group: ProductGroup, code: string): boolean {
  if (group.kind === 'total') return code === 'TOTAL';
  if (group.kind === 'hs6') return code.length === 6 && group.codes.has(code);
  for (let n = 2; n <= code.length; n += 2) if (group.codes.has(code.slice(0, n))) return true;
  return false;
}

const hightechGroups = new Map<string, ProductGroup>();

/** The high-tech group under a rule; the embedded list is read once per process. */
function hightech(rule: 'any' | 'most' | 'all'): ProductGroup {
  let g = hightechGroups.get(rule);
  if (g === undefined) hightechGroups.set(rule, (g = readHightech(rule)));
  return g;
}

function readHightech(rule: 'any' | 'most' | 'all'): ProductGroup {
  const rows = parseDataCsv(readFileSync(dataPath('products', 'hightech-atp-hs6.csv'), 'utf8'));
  const keep = rows.filter((r) => {
    const atp = Number(r.atp_lines);
    const all = Number(r.all_lines);
    return rule === 'any' ? atp > 0 : rule === 'all' ? atp === all : atp * 2 > all;
  });
  return {
    id: rule === 'most' ? 'hightech' : `hightech:${rule}`,
    label: `High-technology products (US Census ATP, HS2017 subheadings where ${rule === 'most' ? 'most' : rule} of the 10-digit lines are ATP)`,
    vintage: 'H5',
    kind: 'hs6',
    codes: new Set(keep.map((r) => r.hs6 ?? '')),
    citation: 'US Census Bureau, Advanced Technology Products list (Schedule B 2019, HS2017-based); data/products/hightech-atp-hs6.csv',
  };
}

/** A user's product list: CSV with `code` and optional `classification` (H5, S4, …). SITC Rev.4 codes map to HS2017 via the UN correlation table. */
function fromFile(path: string): ProductGroup {
  let rows: Record<string, string>[];
  try {
    rows = parseDataCsv(readFileSync(path, 'utf8'));
  } catch (e) {
    throw usageError(msg.badProductList(path, (e as Error).message), { file: path });
  }
  const classes = new Set(rows.map((r) => (r.classification ?? 'H5').trim() || 'H5'));
  if (classes.size !== 1) throw usageError(msg.mixedClassifications(path, [...classes]), { file: path });
  const cls = [...classes][0] as string;
  const codes = rows.map((r) => (r.code ?? '').trim()).filter(Boolean);
  if (cls === 'S4') {
    const map = parseDataCsv(readFileSync(dataPath('products', 'hs2017-sitc4.csv'), 'utf8'));
    const hs = new Set(map.filter((m) => codes.some((c) => (m.sitc4 ?? '').startsWith(c))).map((m) => m.hs6 ?? ''));
    return { id: path, label: `${path} (SITC Rev.4 mapped to HS2017 with the UN correlation table)`, vintage: 'H5', kind: 'hs6', codes: hs, citation: `${path}; UN Statistics Division HS2017–SITC Rev.4 conversion table` };
  }
  if (!/^H[0-6]$/.test(cls)) throw usageError(msg.unknownClassification(cls, path), { file: path });
  const six = codes.every((c) => c.length === 6);
  return { id: path, label: path, vintage: cls as Vintage, kind: six ? 'hs6' : 'prefix', codes: new Set(codes), citation: path };
}

/** The product groups named by a word (not codes or a file): the pieces a comma list of `--products` may hold. */
export const NAMED_PRODUCT_GROUPS: readonly string[] = ['TOTAL', 'hs84-85', 'machinery-electrical', 'hightech', 'hightech:most', 'hightech:any', 'hightech:all'];

/**
 * Resolve `--products`: TOTAL; `hs84-85` (machinery & electrical, HS chapters 84–85); `HS:85` or
 * `HS:8542,8541` (codes by prefix, as reported in each year's vintage; `H6:8542` fixes the vintage); `hightech[:any|:most|:all]`; or a CSV file path.
 */
export function resolveProducts(spec: string | undefined): ProductGroup {
  const s = (spec ?? 'TOTAL').trim();
  if (s === 'TOTAL') return { id: 'TOTAL', label: 'All commodities', vintage: 'any', kind: 'total', codes: new Set(['TOTAL']), citation: 'the source\'s own all-commodities total' };
  if (s === 'hs84-85' || s === 'machinery-electrical') {
    return { id: 'hs84-85', label: 'Machinery and electrical equipment (HS chapters 84–85)', vintage: 'any', kind: 'prefix', codes: new Set(['84', '85']), citation: 'Harmonized System chapters 84 and 85 (methodology §4)' };
  }
  if (s === 'hightech' || s === 'hightech:most') return hightech('most');
  if (s === 'hightech:any') return hightech('any');
  if (s === 'hightech:all') return hightech('all');
  const m = /^(HS|H[0-6]):([\d,\s]+)$/.exec(s);
  if (m) {
    const codes = (m[2] ?? '').split(',').map((c) => c.trim()).filter(Boolean);
    if (codes.some((c) => c.length % 2 !== 0 || c.length > 6)) throw usageError(msg.badProductCodes(s));
    const chaptersOnly = codes.every((c) => c.length === 2);
    // `HS:` = the codes as reported in each year's vintage (breaks are warned about); `H6:` = fixed.
    const vintage: Vintage = m[1] === 'HS' ? 'any' : (m[1] as Vintage);
    return { id: s, label: `HS ${codes.join(', ')}${vintage === 'any' ? (chaptersOnly ? '' : " (as reported in each year's HS vintage)") : ` (${vintageName(vintage)})`}`, vintage, kind: codes.every((c) => c.length === 6) ? 'hs6' : 'prefix', codes: new Set(codes), citation: 'Harmonized System nomenclature (WCO)' };
  }
  if (s.endsWith('.csv')) return fromFile(s);
  const [what, hint, code] = msg.unknownProductGroup(s);
  throw usageError([what, hintWith(s, ['TOTAL', 'hs84-85', 'hightech', 'hightech:any', 'hightech:most', 'hightech:all'], hint), code]);
}

let hs2017: Set<string> | undefined;

/** True when a six-digit code exists in HS2017 (data/products/hs2017-codes.txt). */
export function isHs2017Code(code: string): boolean {
  hs2017 ??= new Set(readFileSync(dataPath('products', 'hs2017-codes.txt'), 'utf8').split('\n').filter((l) => /^\d{6}$/.test(l)));
  return hs2017.has(code);
}
