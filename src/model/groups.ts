import { usageError } from '../errors.js';
import { msg } from '../messages.js';
import { dataPath } from '../paths.js';
import { readDefinitionJson } from '../io/definition-file.js';
import { schemaProblem } from '../io/schema.js';
import { didYouMean } from '../suggest.js';
import type { CountryRegistry } from './countries.js';

/** A named set of economies. */
export interface Group {
  code: string;
  name: string;
  members: string[];
  definition: string;
  source: string;
  asOf: string;
  /** `builtin`, a --groups file path, or `ad hoc`. */
  origin: string;
  /** Member → first year of membership (accession), where membership changed over time. */
  joined?: Readonly<Record<string, number>>;
  /** Member → first year no longer a member (the UK: 2020 for the EU). */
  left?: Readonly<Record<string, number>>;
}

/** The members of a group in a given year, by `joined` / `left` (all members when not stated). */
export function membersIn(group: Group, year: number): string[] {
  return group.members.filter((m) => (group.joined?.[m] ?? -Infinity) <= year && year < (group.left?.[m] ?? Infinity));
}

/** A group code, from the command line or a groups file: a letter, then letters, digits, `_ + -`. */
export const GROUP_CODE = /^[A-Za-z][A-Za-z0-9_+-]*$/;

/**
 * The one name never accepted as a group code: `__proto__` sets an object's prototype. Other
 * Object.prototype names (`constructor`, `toString`, `prototype`, …) are ordinary codes: every
 * lookup goes through a Map or an own-property check (src/model/dict.ts).
 */
const RESERVED = /^__proto__$/i;

/** The usage error for a code that is reserved (with a name to use instead) or not a valid code. */
function codeError(code: string, example: (name: string) => string, file?: string): Error {
  const where = file === undefined ? {} : { file };
  if (RESERVED.test(code)) return usageError(msg.reservedGroupName(code, example(`${code.replace(/[^A-Za-z0-9]/g, '').toUpperCase()}_GROUP`)), where);
  return usageError(msg.badGroupCode(code), where);
}

interface GroupFile {
  groups: Record<string, { name?: string; members: string[]; definition?: string; source?: string; as_of?: string; joined?: Record<string, number>; left?: Record<string, number> }>;
}

/** Groups by code; refuses duplicate codes and unknown members. */
export class GroupRegistry {
  private readonly groups = new Map<string, Group>();

  constructor(private readonly countries: CountryRegistry) {}

  add(group: Group): void {
    if (this.groups.has(group.code)) {
      throw usageError(msg.duplicateGroup(group.code));
    }
    for (const m of group.members) {
      if (this.countries.get(m) === undefined) {
        throw usageError(msg.groupMember(group.code, m));
      }
    }
    this.groups.set(group.code, group);
  }

  /**
   * Load a groups JSON file (layout of data/groups.json), checked against
   * schemas/groups.schema.json unless it is the built-in file (checked by a test, so ajv is not
   * loaded on every start). A malformed file is a usage error naming the JSON path of the field.
   */
  addFile(path: string, origin: string): void {
    const fail = (detail: string) => usageError(msg.badGroupsFile(path, detail), { file: path });
    const json = readDefinitionJson(path, fail);
    if (origin !== 'builtin') {
      const problem = schemaProblem('groups', json);
      if (problem?.key !== undefined) throw codeError(problem.key, (n) => `"${n}"`, path);
      if (problem !== undefined) throw fail(`${problem.path} ${problem.detail}`);
    }
    const parsed = json as GroupFile;
    for (const [code, g] of Object.entries(parsed.groups ?? {})) {
      if (!GROUP_CODE.test(code) || RESERVED.test(code)) throw codeError(code, (n) => `"${n}"`, path);
      this.add({
        code,
        name: g.name ?? code,
        members: g.members.map((m) => m.trim().toUpperCase()),
        definition: g.definition ?? '',
        source: g.source ?? '',
        asOf: g.as_of ?? '',
        origin,
        ...(g.joined ? { joined: g.joined } : {}),
        ...(g.left ? { left: g.left } : {}),
      });
    }
  }

  get(code: string): Group | undefined {
    return this.groups.get(code);
  }

  all(): Group[] {
    return [...this.groups.values()];
  }

  /**
   * Resolve a `--group` argument: a known code, or `NAME=ISO3,ISO3,...` (registered as ad hoc).
   */
  resolve(spec: string): Group {
    const eq = spec.indexOf('=');
    if (eq === -1) {
      const g = this.groups.get(spec.trim()) ?? this.groups.get(spec.trim().toUpperCase());
      if (g === undefined) {
        throw usageError(msg.unknownGroup(spec, didYouMean(spec.trim().toUpperCase(), [...this.groups.keys()])));
      }
      return g;
    }
    const code = spec.slice(0, eq).trim();
    const members = spec
      .slice(eq + 1)
      .split(',')
      .map((m) => m.trim().toUpperCase())
      .filter((m) => m !== '');
    if (RESERVED.test(code)) throw codeError(code, (n) => `--group ${n}=${members.join(',') || 'ISO3,ISO3'}`);
    if (!GROUP_CODE.test(code) || members.length === 0) {
      throw usageError(msg.badGroupSpec(spec));
    }
    const existing = this.groups.get(code);
    if (existing !== undefined && existing.members.join(',') === members.join(',')) return existing;
    const group: Group = { code, name: code, members, definition: `ad hoc: ${members.join(', ')}`, source: 'command line', asOf: '', origin: 'ad hoc' };
    this.add(group);
    return group;
  }
}

/** A registry holding the built-in groups (data/groups.json) plus any extra files. */
export function loadGroups(countries: CountryRegistry, extraFiles: string[] = []): GroupRegistry {
  const reg = new GroupRegistry(countries);
  reg.addFile(dataPath('groups.json'), 'builtin');
  for (const f of extraFiles) reg.addFile(f, f);
  return reg;
}

/**
 * A geography or partner as written on the command line (`--partners`, `--option partner=`):
 * a group's code as `--group` resolves it (exactly as written, else in upper case), else an
 * economy's code in upper case. So an ad hoc `--group nordic=DNK,FIN` can be named `nordic`.
 */
export function geoCodeArg(groups: { get(code: string): Group | undefined } | undefined, written: string): string {
  const code = written.trim();
  return groups?.get(code)?.code ?? groups?.get(code.toUpperCase())?.code ?? code.toUpperCase();
}
