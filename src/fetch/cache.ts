import { createHash } from 'node:crypto';
import { createReadStream, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { cacheDir } from '../cache/root.js';
import type { CacheEntry, StoredFile } from './types.js';

const MARKER = '.linkage-cache';
const OBJECT = /^[0-9a-f]{64}(\.[a-z0-9]{1,8})?$/;
const ENTRY = /^[0-9a-f]{24}\.json$/;

/** The download cache folder: `cacheDir('fetch')` (LINKAGE_CACHE_DIR, XDG_CACHE_HOME or ~/.cache). */
export function fetchRoot(env: NodeJS.ProcessEnv = process.env): string {
  return cacheDir('fetch', env);
}

/** Create the cache folders and the marker that says linkage owns them. */
export function ensureCache(root: string): void {
  for (const d of ['objects', 'entries', 'partial', 'tmp']) mkdirSync(join(root, d), { recursive: true });
  if (!existsSync(join(root, MARKER))) writeFileSync(join(root, MARKER), '{"tool":"linkage","layout":1}\n');
}

/** Stable id of a query text (names its entry and its resume folder). */
export function queryId(query: string): string {
  return createHash('sha256').update(query).digest('hex').slice(0, 24);
}

/** SHA-256 of a file, streamed. */
export function sha256Of(file: string): Promise<string> {
  return new Promise((res, rej) => {
    const h = createHash('sha256');
    createReadStream(file)
      .on('error', rej)
      .on('data', (c) => h.update(c))
      .on('end', () => res(h.digest('hex')));
  });
}

/** The entry of a query, if cached and every file is present. */
export function readEntry(root: string, query: string): CacheEntry | undefined {
  const file = join(root, 'entries', `${queryId(query)}.json`);
  if (!existsSync(file)) return undefined;
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as CacheEntry;
    if (entry.query !== query || !Array.isArray(entry.files)) return undefined;
    return entry.files.every((f) => existsSync(join(root, f.path))) ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** Move finished files into the content-addressed store (`objects/<sha256>.<ext>`). */
export async function storeFiles(root: string, files: readonly { name: string; file: string }[]): Promise<StoredFile[]> {
  const out: StoredFile[] = [];
  for (const f of files) {
    const sha256 = await sha256Of(f.file);
    const ext = extname(f.name).toLowerCase().replace(/[^.a-z0-9]/g, '').slice(0, 9);
    const path = join('objects', `${sha256}${ext}`);
    const size = statSync(f.file).size;
    if (existsSync(join(root, path))) rmSync(f.file, { force: true });
    else renameSync(f.file, join(root, path));
    out.push({ name: f.name, path, sha256, size });
  }
  return out;
}

/** Write an entry atomically (a temporary file renamed into place). */
export function writeEntry(root: string, entry: CacheEntry): void {
  const file = join(root, 'entries', `${queryId(entry.query)}.json`);
  const tmp = join(root, 'tmp', `${queryId(entry.query)}.${process.pid}.json`);
  writeFileSync(tmp, `${JSON.stringify(entry, null, 2)}\n`);
  renameSync(tmp, file);
}

/** Every entry, sorted by query. */
export function listEntries(root: string): CacheEntry[] {
  const dir = join(root, 'entries');
  if (!existsSync(dir)) return [];
  const out: CacheEntry[] = [];
  for (const name of readdirSync(dir).filter((n) => ENTRY.test(n))) {
    try {
      out.push(JSON.parse(readFileSync(join(dir, name), 'utf8')) as CacheEntry);
    } catch {
      // an unreadable entry is reported by verify, not by ls
    }
  }
  return out.sort((a, b) => a.query.localeCompare(b.query));
}

/** The entry and stored file a path points to, when the path is inside the cache's store. */
export function entryForFile(file: string, env: NodeJS.ProcessEnv = process.env): { entry: CacheEntry; stored: StoredFile } | undefined {
  const root = fetchRoot(env);
  const rel = relative(resolve(root), resolve(file));
  if (rel.startsWith('..') || !rel.startsWith(`objects${sep}`)) return undefined;
  for (const entry of listEntries(root)) {
    const stored = entry.files.find((f) => f.path === rel || f.path === rel.split(sep).join('/'));
    if (stored !== undefined) return { entry, stored };
  }
  return undefined;
}

/** One finding of `verify`. */
export interface Finding {
  query: string;
  file: string;
  ok: boolean;
  problem?: string;
}

/** Re-hash every stored file of every entry against its recorded size and SHA-256. */
export async function verifyCache(root: string): Promise<Finding[]> {
  const out: Finding[] = [];
  const dir = join(root, 'entries');
  for (const name of existsSync(dir) ? readdirSync(dir).filter((n) => ENTRY.test(n)).sort() : []) {
    let entry: CacheEntry;
    try {
      entry = JSON.parse(readFileSync(join(dir, name), 'utf8')) as CacheEntry;
    } catch {
      out.push({ query: name, file: join('entries', name), ok: false, problem: 'unreadable entry' });
      continue;
    }
    for (const f of entry.files) {
      const p = join(root, f.path);
      if (!existsSync(p)) out.push({ query: entry.query, file: f.path, ok: false, problem: 'missing' });
      else if (statSync(p).size !== f.size) out.push({ query: entry.query, file: f.path, ok: false, problem: `size ${statSync(p).size}, recorded ${f.size}` });
      else if ((await sha256Of(p)) !== f.sha256) out.push({ query: entry.query, file: f.path, ok: false, problem: 'SHA-256 differs from the recorded one' });
      else out.push({ query: entry.query, file: f.path, ok: true });
    }
  }
  return out;
}

/**
 * Remove what linkage wrote: stored objects, entries, resume folders, temporary files and the
 * rate-limit log, each only when its name is one linkage gives. Symbolic links are removed as
 * links, never followed; other files are left alone. Returns the number of paths removed. A
 * folder without linkage's marker file is not touched.
 */
export function clearCache(root: string): number {
  if (!existsSync(join(root, MARKER))) return 0;
  let n = 0;
  const remove = (p: string) => {
    const st = lstatSync(p);
    if (st.isDirectory()) rmSync(p, { recursive: true, force: true });
    else unlinkSync(p);
    n++;
  };
  const sweep = (dir: string, ok: (name: string) => boolean) => {
    const p = join(root, dir);
    if (!existsSync(p)) return;
    if (lstatSync(p).isSymbolicLink()) return remove(p);
    for (const name of readdirSync(p)) if (ok(name)) remove(join(p, name));
    if (readdirSync(p).length === 0) rmdirSync(p);
  };
  sweep('objects', (name) => OBJECT.test(name));
  sweep('entries', (name) => ENTRY.test(name));
  sweep('partial', (name) => /^[0-9a-f]{24}$/.test(name));
  sweep('tmp', () => true);
  for (const f of ['ratelimit.json', MARKER]) if (existsSync(join(root, f)) || isLink(join(root, f))) remove(join(root, f));
  return n;
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
