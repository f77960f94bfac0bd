import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';

/**
 * Reading and writing entries of linkage's own caches (scan aggregates, remembered digests, parsed
 * release dictionaries) safely: a name is one plain file name inside the cache area (never a path),
 * reads never follow a symbolic link nor open anything but a regular file (a FIFO placed there
 * would block a plain read forever), and writes go to a fresh temporary file in the same folder,
 * renamed into place. Every failure means "no cache entry": callers recompute.
 */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;

/**
 * What identifies one state of an input file without reading it, for the memos kept beside the
 * cache (an input's SHA-256, a BACI release's parsed dictionaries): device and inode, size, and the
 * modification and change times. The change time (ctime) cannot be set back by `touch -r` or
 * `utimes`, so a file rewritten in place with its size and mtime restored counts as changed.
 */
export function fileState(info: Stats): [dev: number, ino: number, size: number, mtimeMs: number, ctimeMs: number] {
  return [info.dev, info.ino, info.size, info.mtimeMs, info.ctimeMs];
}

/** The bytes of `dir/name` when it is a regular file of at most `maxBytes`, else undefined. */
export function readCacheFile(dir: string, name: string, maxBytes: number): Buffer | undefined {
  if (!NAME.test(name)) return undefined;
  let fd: number | undefined;
  try {
    fd = openSync(join(dir, name), constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > maxBytes) return undefined;
    const buf = Buffer.allocUnsafe(st.size);
    let done = 0;
    while (done < st.size) {
      const n = readSync(fd, buf, done, st.size - done, done);
      if (n === 0) return undefined;
      done += n;
    }
    return buf;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Write `data` to `dir/name` atomically (a new temporary file beside it, then a rename). Creates
 * `dir`; writes nothing when `dir` is not a real folder (a symbolic link put in its place) or the
 * name is not a plain file name. Failures are swallowed: a cache that cannot be written is no cache.
 */
export function writeCacheFile(dir: string, name: string, data: string | Uint8Array): boolean {
  if (!NAME.test(name)) return false;
  let tmp: string | undefined;
  try {
    mkdirSync(dir, { recursive: true });
    if (!lstatSync(dir).isDirectory()) return false;
    tmp = join(dir, `${name}.${randomBytes(6).toString('hex')}.tmp`);
    writeFileSync(tmp, data, { flag: 'wx', mode: 0o644 });
    renameSync(tmp, join(dir, name));
    return true;
  } catch {
    try {
      if (tmp !== undefined) rmSync(tmp, { force: true });
    } catch {
      /* nothing more to undo */
    }
    return false;
  }
}
