import { closeSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync, constants } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { usageError } from '../errors.js';
import { msg } from '../messages.js';
import { onInterrupt } from './interrupt.js';

/** The lock file of an output path: `.NAME.lock` beside it. */
export function lockPath(target: string): string {
  return join(dirname(target), `.${basename(target)}.lock`);
}

function holder(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function create(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Take the exclusive lock on `target` (a report folder): `.NAME.lock` created with O_EXCL, holding
 * this process's id. A lock whose process is gone (or that holds no id) is stale and taken over:
 * it is first renamed aside, so two runs cannot both take over the same stale lock. A lock held
 * by a running process is a usage error naming its pid — linkage never waits and never writes
 * beside another run. Returns the release function (also run on SIGINT/SIGTERM).
 */
export function acquireLock(target: string): () => void {
  const path = lockPath(target);
  for (let attempt = 0; attempt < 3 && !create(path); attempt++) {
    const pid = holder(path);
    if (pid !== undefined && alive(pid)) throw usageError(msg.outputLocked(target, pid, path));
    const aside = `${path}.${randomBytes(6).toString('hex')}.stale`;
    try {
      renameSync(path, aside);
    } catch {
      continue;
    }
    const moved = holder(aside);
    if (moved !== pid && moved !== undefined && alive(moved)) {
      // Another run took the stale lock over between our read and our rename: give it back.
      try {
        linkSync(aside, path);
      } catch {
        /* a third run holds it now */
      }
      unlinkQuietly(aside);
      throw usageError(msg.outputLocked(target, moved, path));
    }
    unlinkQuietly(aside);
  }
  if (holder(path) !== process.pid) throw usageError(msg.outputLocked(target, holder(path) ?? 0, path));
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    if (holder(path) === process.pid) unlinkQuietly(path);
  };
  const forget = onInterrupt(release);
  return () => {
    release();
    forget();
  };
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    /* already gone */
  }
}
