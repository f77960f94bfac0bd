import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { LinkageError, usageError } from '../errors.js';
import { msg } from '../messages.js';

/** File name endings a loader reads (text CSV, saved API JSON, .xlsx workbooks, BACI Parquet). */
export const INPUT_EXTENSIONS: readonly string[] = ['.csv', '.json', '.xlsx', '.parquet'];

/** BACI release dictionaries: read beside the data file, never loaded as data themselves. */
const DICTIONARY = /^(country_codes|product_codes)_.*\.csv$/i;

/** The --input arguments turned into files, with what a folder or glob held that is not read. */
export interface Expanded {
  /** Files to load, in argument order; a folder's or glob's files sorted by name. */
  files: string[];
  /** Files a folder or glob held that no loader reads, as `path (why)`. */
  skipped: string[];
  /** The files that came from a folder or glob (not named one by one): one whose content no loader recognises is skipped and listed, not an error. */
  listed: Set<string>;
}

/**
 * The `skipped` entry for `file` when loading it failed with `e` because its content is in no
 * format linkage knows and it came from a folder or glob (`listed`); undefined when `e` must stand
 * (a file named on its own, or a damaged file of a known format).
 */
export function notRecognised(e: unknown, file: string, listed: ReadonlySet<string>): string | undefined {
  return listed.has(file) && e instanceof LinkageError && e.code === 'E_UNKNOWN_FORMAT' ? `${file} (not in a format linkage recognises)` : undefined;
}

/** Whether `arg` is a glob: `*`, `?` or `[..]` in its last path segment. */
export function isGlob(arg: string): boolean {
  return /[*?[]/.test(basename(arg));
}

/** A matcher for one path segment: `*` any run, `?` one character, `[abc]`/`[a-z]`/`[!a]` a class. */
export function segmentMatcher(pattern: string): (name: string) => boolean {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        let body = pattern.slice(i + 1, end).replace(/\\/g, '\\\\');
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        re += `[${body}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  const compiled = new RegExp(`^${re}$`);
  // Hidden files match only a pattern that names the dot (as in a shell).
  return (name) => compiled.test(name) && (!name.startsWith('.') || pattern.startsWith('.'));
}

function why(name: string): string | undefined {
  if (DICTIONARY.test(name)) return 'a BACI release dictionary';
  const lower = name.toLowerCase();
  return INPUT_EXTENSIONS.some((e) => lower.endsWith(e)) ? undefined : `not ${INPUT_EXTENSIONS.join(', ')}`;
}

/** Entries of `dir` passing `match`, sorted, with why each non-file is not read (one level: folders, symlinked or not, are not entered). */
function filesIn(dir: string, match: (name: string) => boolean): [path: string, notFile?: string][] {
  return readdirSync(dir)
    .filter(match)
    .sort()
    .map((n): [string, string?] => {
      const p = join(dir, n);
      const st = statSync(p, { throwIfNoEntry: false });
      return st?.isFile() === true ? [p] : [p, st?.isDirectory() === true ? 'a folder; sub-folders are not read' : 'not a regular file'];
    });
}

/**
 * Expand --input arguments: a file stays as given; a folder gives its files a loader reads
 * (sorted, one level, no recursion); a glob (`*`, `?`, `[..]` in the last segment) gives the
 * matching files (sorted). Files a folder or glob holds that no loader reads are listed in
 * `skipped`, never dropped silently. A glob matching nothing or a folder with no input file is a
 * usage error naming it. A path that does not exist is left to the loader (its "cannot read" error).
 */
export function expandInputs(args: readonly string[]): Expanded {
  const files: string[] = [];
  const skipped: string[] = [];
  const listed = new Set<string>();
  const take = (paths: [string, string?][], arg: string, kind: 'folder' | 'glob'): void => {
    const before = files.length;
    const dictionaries: string[] = [];
    for (const [p, notFile] of paths) {
      const reason = notFile ?? why(basename(p));
      if (reason === undefined) {
        files.push(p);
        listed.add(p);
      } else if (notFile === undefined && DICTIONARY.test(basename(p))) dictionaries.push(p);
      else skipped.push(`${p} (${reason})`);
    }
    // A BACI release's dictionaries beside its years are read by their scan: not "not read".
    const baci = files.slice(before).some((f) => /^BACI_/i.test(basename(f)));
    if (!baci) for (const p of dictionaries) skipped.push(`${p} (a BACI release dictionary, read only beside a BACI year)`);
    if (files.length === before) throw usageError(kind === 'glob' ? msg.globNoMatch(arg) : msg.folderNoInputs(arg));
  };
  for (const arg of args) {
    if (isGlob(arg) && statSync(arg, { throwIfNoEntry: false }) === undefined) {
      const dir = dirname(arg);
      const isDir = statSync(dir, { throwIfNoEntry: false })?.isDirectory() === true;
      take(isDir ? filesIn(dir, segmentMatcher(basename(arg))) : [], arg, 'glob');
    } else if (statSync(arg, { throwIfNoEntry: false })?.isDirectory() === true) {
      take(filesIn(arg, () => true), arg, 'folder');
    } else files.push(arg);
  }
  return { files, skipped, listed };
}
