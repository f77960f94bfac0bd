import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, closeSync, constants, lstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { dataError, usageError } from '../errors.js';
import { msg } from '../messages.js';
import { onInterrupt } from './interrupt.js';

/**
 * Where a command writes `--output`: checked before any work starts, written whole or not at all.
 *
 * Rules (README "Output files"): the path is a regular file (replaced) or a new name in an existing,
 * writable folder. Devices (`/dev/null`), FIFOs, sockets and folders are refused. A symbolic link
 * is followed: linkage writes to the file it points to (the link stays a link); a dangling link is
 * refused. An output that is one of the command's inputs (same device and inode) is refused. The
 * data is written to a temporary file `.NAME.<hex>.tmp` created exclusively beside the target and
 * renamed over it, so a failed or interrupted run leaves the old file untouched.
 */
export interface OutputTarget {
  /** The path as the user wrote it (for messages). */
  given: string;
  /** The real path written (symbolic links resolved). */
  path: string;
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw usageError(msg.outputUnusable(path, (e as NodeJS.ErrnoException).code ?? 'unreadable'));
  }
}

function kindOf(st: Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return 'a folder';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Check `--output` before the work starts and return where to write; undefined or `-` means
 * stdout. `inputs` are the files the command reads (inputs, groups, published figures): writing
 * over one of them is refused. Throws a usage error (exit 2); nothing is written.
 */
export function prepareOutput(output: string | undefined, inputs: readonly string[] = []): OutputTarget | undefined {
  if (output === undefined || output === '-') return undefined;
  let path = resolve(output);
  const st = lstatOrUndefined(path);
  if (st?.isSymbolicLink()) {
    try {
      path = realpathSync(path);
    } catch {
      throw usageError(msg.outputDanglingLink(output));
    }
  }
  const target = path === resolve(output) ? st : statSync(path);
  if (target !== undefined) {
    const kind = kindOf(target);
    if (kind !== undefined) throw usageError(msg.outputNotFile(output, kind));
    for (const input of inputs) {
      let s: Stats;
      try {
        s = statSync(input);
      } catch {
        continue;
      }
      if (s.dev === target.dev && s.ino === target.ino) throw usageError(msg.outputIsInput(output, input));
    }
  }
  const dir = dirname(path);
  let dirStat: Stats;
  try {
    dirStat = statSync(dir);
  } catch {
    throw usageError(msg.outputFolder(output, 'does not exist'));
  }
  if (!dirStat.isDirectory()) throw usageError(msg.outputFolder(output, 'is not a folder'));
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch {
    throw usageError(msg.outputFolder(output, 'is not writable'));
  }
  return { given: output, path };
}

/**
 * Write `data` to a prepared target atomically: an exclusive temporary file beside it, renamed
 * over it. The target is checked again just before the rename (it must still be a regular file or
 * absent, never a link, device or FIFO). An existing file's permission bits are kept. On any
 * failure — or SIGINT/SIGTERM — the temporary file is removed.
 */
export function writeOutput(target: OutputTarget, data: string | Uint8Array): void {
  const tmp = join(dirname(target.path), `.${basename(target.path)}.${randomBytes(6).toString('hex')}.tmp`);
  const release = onInterrupt(() => unlinkQuietly(tmp));
  try {
    const before = lstatOrUndefined(target.path);
    const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, before?.isFile() ? before.mode & 0o7777 : 0o666);
    try {
      const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let off = 0;
      while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    } finally {
      closeSync(fd);
    }
    if (before?.isFile()) chmodSync(tmp, before.mode & 0o7777);
    const now = lstatOrUndefined(target.path);
    if (now !== undefined && !now.isFile()) throw usageError(msg.outputNotFile(target.given, kindOf(now) ?? 'a symbolic link'));
    renameSync(tmp, target.path);
  } catch (e) {
    unlinkQuietly(tmp);
    if (e instanceof Error && e.name === 'LinkageError') throw e;
    throw dataError(msg.outputExists(target.given), { file: target.given });
  } finally {
    release();
  }
}


function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    /* already gone */
  }
}
