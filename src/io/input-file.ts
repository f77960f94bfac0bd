import { statSync, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dataError } from '../errors.js';
import { msg } from '../messages.js';

/** What a non-regular file is, in words; undefined for a regular file. */
export function fileKind(st: Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function check(file: string, st: Stats | undefined, code?: string): Stats {
  if (st === undefined) throw dataError(msg.inputUnreadable(file, code), { file });
  if (st.isDirectory()) throw dataError(msg.inputIsDirectory(file), { file });
  const kind = fileKind(st);
  if (kind !== undefined) throw dataError(msg.notRegularFile(file, kind), { file });
  return st;
}

/**
 * Stat an input before anything opens it (a FIFO blocks on open, `/dev/zero` never ends): only a
 * regular file (symbolic links followed) is read; anything else is a data error naming what it is.
 * Returns the file's stats (its size in bytes bounds what is read whole).
 */
export async function regularInput(file: string): Promise<Stats> {
  let code: string | undefined;
  const st = await stat(file).catch((e: NodeJS.ErrnoException) => {
    code = e.code;
    return undefined;
  });
  return check(file, st, code);
}

/** {@link regularInput} for the synchronous readers (groups, product lists, definitions). */
export function regularInputSync(file: string): Stats {
  let st: Stats | undefined;
  let code: string | undefined;
  try {
    st = statSync(file);
  } catch (e) {
    code = (e as NodeJS.ErrnoException).code;
  }
  return check(file, st, code);
}
