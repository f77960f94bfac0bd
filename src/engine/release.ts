import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { dataError } from '../errors.js';
import { baciMsg } from '../messages.js';
import type { CountryRegistry } from '../model/countries.js';
import { own } from '../model/dict.js';
import { parseDataCsv } from '../model/csv-text.js';
import type { Provenance } from '../model/types.js';
import { dataPath } from '../paths.js';
import { memoisedDictionaries, type ParsedDictionaries } from './release-memo.js';

const VINTAGES: Record<string, string> = { HS92: 'H0', HS96: 'H1', HS02: 'H2', HS07: 'H3', HS12: 'H4', HS17: 'H5', HS22: 'H6' };

/**
 * What a BACI file needs from its release: the country dictionary (numeric code → linkage code),
 * the product dictionary (the authority for product codes) and the HS vintage from the file name.
 */
export interface BaciRelease {
  /** BACI numeric country code (no leading zeros) → ISO3, or a pseudo-code for areas without one. */
  areas: Map<number, string>;
  /** Six-digit product codes the release lists (its product_codes_HS*_V*.csv, else linkage's HS2017 list), or undefined when none applies. */
  products: Set<number> | undefined;
  /** Where the product list came from, for messages: `HS2017`, or the release file's name. */
  productsName: string;
  /** Comtrade-style vintage code (H5 for HS17) or `H?` when the file name does not say. */
  cls: string;
  dataset: string;
  edition: string;
  /** The one year the file holds when its name says so (CEPII's `BACI_HS17_Y2018_V…`): every path refuses a row of another year. */
  year: number | undefined;
}

/**
 * Stable code for a dictionary area without an ISO3 code (`849,US Misc. Pacific Isds,…,N/A,N/A`):
 * `X` + its BACI number. Never three letters, so it can never be a group member; it stays in the
 * whole-world matrix and so in world totals, like Comtrade's areas not elsewhere specified.
 */
export function pseudoArea(code: number): string {
  return `X${code}`;
}

/** Options that locate a release's dictionaries (`--baci-countries`, `--baci-products`). */
export interface ReleaseOptions {
  baciDictionary?: string;
  baciProducts?: string;
}

/**
 * The dictionary beside a BACI file: the one of the file's own release (`_V202401b`) when present,
 * else the newest release's (`V202401b` after `V202401`).
 */
function beside(file: string, pattern: RegExp, edition: string): string | undefined {
  try {
    const found = readdirSync(dirname(file)).filter((f) => pattern.test(f)).sort();
    const hit = found.find((f) => f.toLowerCase().endsWith(`_v${edition.toLowerCase()}.csv`)) ?? found.pop();
    return hit === undefined ? undefined : join(dirname(file), hit);
  } catch {
    return undefined;
  }
}

const cache = new Map<string, BaciRelease>();

/** Dataset and edition from a BACI file name (`BACI_HS17_Y2018_V202301.csv`). */
export function baciNames(file: string): { cls: string; dataset: string; edition: string; release: string | undefined; year: number | undefined } {
  const m = /BACI_(HS\d\d)_/i.exec(basename(file));
  const release = m?.[1]?.toUpperCase();
  const year = /^BACI_HS\d\d_Y(\d{4})_V/i.exec(basename(file))?.[1];
  return { cls: release ? (own(VINTAGES, release) ?? 'H?') : 'H?', dataset: `BACI${release ? ` ${m?.[1]}` : ''}`, edition: /_V(\d{6}[a-z]?)(?![a-z0-9])/i.exec(basename(file))?.[1] ?? 'unknown', release, year: year === undefined ? undefined : Number(year) };
}

/** The dictionaries' rows as parsed (what src/engine/release-memo.ts remembers); throws when the country dictionary lacks its columns. */
function parseDictionaries(dict: string, productFile: string | undefined): ParsedDictionaries {
  const entries = parseDataCsv(readFileSync(dict, 'utf8'));
  // Releases up to V202301: iso_3digit_alpha; from V202401: country_iso3 (a few copies: iso3).
  const isoColumn = ['iso_3digit_alpha', 'country_iso3', 'iso3'].find((c) => entries[0]?.[c] !== undefined);
  if (entries[0]?.country_code === undefined || isoColumn === undefined) {
    throw dataError(baciMsg.dictionaryColumns(Object.keys(entries[0] ?? {}).join(',')), { file: basename(dict), line: 1 });
  }
  const areas: [number, string][] = [];
  for (const r of entries) {
    const code = Number((r.country_code ?? '').trim());
    if (Number.isInteger(code)) areas.push([code, (r[isoColumn] ?? '').trim()]);
  }
  const codes = productFile === undefined ? null : parseDataCsv(readFileSync(productFile, 'utf8')).map((r) => Number((r.code ?? '').trim())).filter((n) => Number.isInteger(n));
  return { areas, codes };
}

/**
 * The release of one BACI file (cached per dictionary pair in the process; with `memo`, the
 * dictionaries' parse is also remembered on disk, src/engine/release-memo.ts). Throws the one-line
 * error when the country dictionary is missing.
 */
export function baciRelease(file: string, label: string, countries: CountryRegistry, options: ReleaseOptions = {}, memo = false): BaciRelease {
  const names = baciNames(file);
  const dict = options.baciDictionary ?? beside(file, /^country_codes_V\d{6}[a-z]?\.csv$/i, names.edition);
  if (dict === undefined) {
    throw dataError(baciMsg.noDictionary(), { file: label, line: 1 });
  }
  const productFile = options.baciProducts ?? (names.release ? beside(file, new RegExp(`^product_codes_${names.release}_V\\d{6}[a-z]?\\.csv$`, 'i'), names.edition) : undefined);
  const key = `${dict}\u0000${productFile ?? ''}\u0000${names.cls}`;
  const hit = cache.get(key);
  if (hit !== undefined) return { ...hit, dataset: names.dataset, edition: names.edition, year: names.year };
  const parsed = memoisedDictionaries(dict, productFile, memo, () => parseDictionaries(dict, productFile));
  const areas = new Map<number, string>();
  for (const [code, iso3] of parsed.areas) {
    const resolved = countries.get(iso3) !== undefined ? iso3 : (countries.lookupNumeric(String(code)) ?? pseudoArea(code));
    areas.set(code, resolved);
  }
  let products: Set<number> | undefined;
  let productsName = 'the release\'s product list';
  if (productFile !== undefined) {
    products = new Set(parsed.codes ?? []);
    productsName = `the release's product list ${basename(productFile)}`;
  } else if (names.cls === 'H5') {
    products = new Set(readFileSync(dataPath('products', 'hs2017-codes.txt'), 'utf8').split('\n').filter((l) => /^\d{6}$/.test(l)).map(Number));
    productsName = 'HS2017';
  }
  const release: BaciRelease = { areas, products, productsName, cls: names.cls, dataset: names.dataset, edition: names.edition, year: names.year };
  cache.set(key, release);
  return release;
}

/** Provenance of a BACI file's rows. */
export function baciProvenance(release: BaciRelease, label: string, sha256: string): Provenance {
  return { source: 'CEPII', dataset: release.dataset, edition: release.edition, file: label, sha256 };
}

/** A product code as BACI writes it (leading zero lost) → six digits. */
export function hs6(k: number): string {
  return String(k).padStart(6, '0');
}
