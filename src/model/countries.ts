import { readFileSync } from 'node:fs';
import { dataError } from '../errors.js';
import { msg } from '../messages.js';
import { dataPath } from '../paths.js';
import { parseDataCsv } from './csv-text.js';

/** One country or area of the registry (data/countries.csv + data/areas.csv). */
export interface Area {
  /** ISO 3166 alpha-3, or the project's code for an aggregate (`WLD`, `OECD`, `EU27_2020`). */
  code: string;
  iso2: string;
  /** UN M49 numeric code as a string (`"004"` style codes keep their digits as text). */
  m49: string;
  /** UN Comtrade reporter/partner code where it differs from M49 (France 251, USA 842, ...). */
  comtrade: string;
  name: string;
  kind: 'country' | 'aggregate' | 'historical' | 'other';
}

/** The country registry: codes, numeric codes and name variants, all as data files. */
export class CountryRegistry {
  private readonly byCode = new Map<string, Area>();
  /** Normalised names and variants → code, built on the first name lookup (most runs give codes only). */
  private byNameMap: Map<string, string> | undefined;
  private readonly byNumeric = new Map<string, string>();
  private readonly ignored = new Map<string, string>();

  constructor(
    private readonly areas: Area[],
    private readonly aliases: { alias: string; code: string }[],
    ignored: { code: string; reason: string }[],
    numeric: { code: string; area: string }[] = [],
  ) {
    for (const a of areas) {
      this.byCode.set(a.code, a);
      if (a.m49 !== '') this.byNumeric.set(stripZeros(a.m49), a.code);
    }
    // Comtrade codes win over M49 where they differ (e.g. 842 USA while 840 is M49).
    for (const a of areas) if (a.comtrade !== '') this.byNumeric.set(stripZeros(a.comtrade), a.code);
    for (const { code, area } of numeric) this.byNumeric.set(stripZeros(code), area);
    for (const { code, reason } of ignored) this.ignored.set(code, reason);
  }

  /** Names then aliases (an alias wins over a name), as one map. */
  private get byName(): Map<string, string> {
    if (this.byNameMap === undefined) {
      const m = new Map<string, string>();
      for (const a of this.areas) m.set(normaliseName(a.name), a.code);
      for (const { alias, code } of this.aliases) m.set(normaliseName(alias), code);
      this.byNameMap = m;
    }
    return this.byNameMap;
  }

  /** The area for a code, or undefined. */
  get(code: string): Area | undefined {
    return this.byCode.get(code);
  }

  /** Display name for a code (the code itself when unknown). */
  name(code: string): string {
    return this.byCode.get(code)?.name ?? code;
  }

  /** Why a code is intentionally ignored, if it is. */
  ignoredReason(code: string): string | undefined {
    return this.ignored.get(code);
  }

  /** Resolve a code (ISO3 or aggregate); throws a data error naming it when unknown. */
  resolveCode(code: string, where: { file?: string; line?: number; column?: string } = {}): string {
    const trimmed = code.trim();
    if (this.byCode.has(trimmed)) return trimmed;
    throw dataError(msg.unknownCountry(trimmed), where);
  }

  /** Resolve a name variant ("Korea, Rep.", "China, P.R.: Mainland"); throws when unknown. */
  resolveName(name: string, where: { file?: string; line?: number; column?: string } = {}): string {
    const code = this.byName.get(normaliseName(name));
    if (code !== undefined) return code;
    throw dataError(msg.unknownCountryName(name), where);
  }

  /** The code of a country or area name or name variant ("China", "Korea, Rep."), or undefined. */
  codeForName(name: string): string | undefined {
    return this.byName.get(normaliseName(name));
  }

  /** Every name and name variant, normalised (for suggestions). */
  names(): string[] {
    return [...this.byName.keys()];
  }

  /** Resolve a numeric M49/Comtrade code ("4", "004", "842"); undefined when unknown. */
  lookupNumeric(code: string): string | undefined {
    return this.byNumeric.get(stripZeros(code));
  }

  /** Every registered area, in file order. */
  all(): Area[] {
    return [...this.byCode.values()];
  }
}

function stripZeros(code: string): string {
  const s = code.trim().replace(/^0+(?=\d)/, '');
  return s;
}

/** Case-, accent- and punctuation-insensitive key for a country name. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

let cached: CountryRegistry | undefined;

/** The registry from the package's data files (cached). */
export function countryRegistry(): CountryRegistry {
  if (cached) return cached;
  const rows = (file: string) => parseDataCsv(readFileSync(dataPath(file), 'utf8'));
  const toArea = (r: Record<string, string>, kind: Area['kind']): Area => ({
    code: r.code ?? '',
    iso2: r.iso2 ?? '',
    m49: r.m49 ?? '',
    comtrade: r.comtrade ?? '',
    name: r.name ?? '',
    kind: (r.kind as Area['kind'] | undefined) ?? kind,
  });
  const areas = [...rows('countries.csv').map((r) => toArea(r, 'country')), ...rows('areas.csv').map((r) => toArea(r, 'aggregate'))];
  const aliases = rows('country-aliases.csv').map((r) => ({ alias: r.alias ?? '', code: r.code ?? '' }));
  const ignored = rows('ignored-areas.csv').map((r) => ({ code: r.code ?? '', reason: r.reason ?? '' }));
  const numeric = rows('comtrade-codes.csv').map((r) => ({ code: r.code ?? '', area: r.area ?? '' }));
  cached = new CountryRegistry(areas, aliases, ignored, numeric);
  return cached;
}
