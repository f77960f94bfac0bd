import { randomBytes } from 'node:crypto';
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { dataError } from '../errors.js';
import { msg } from '../messages.js';

/** Where a command writes: stdout/stderr, replaceable in tests. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal (progress and colour only then). */
  isTTY: boolean;
  /** Exit code a command asks for without an error (e.g. `check` with a mismatch). */
  status: { code: number };
  /** `--strict`: every warning is an error (exit 1, the warning's code). Default false. */
  strict?: boolean;
}

/**
 * Write a command's output to `--output FILE` atomically (temporary file, then rename: a failed run
 * leaves no partial file) or to stdout.
 */
export function emit(io: Io, text: string | Uint8Array, output: string | undefined): void {
  if (output === undefined || output === '-') {
    io.stdout(typeof text === 'string' ? text : Buffer.from(text).toString('latin1'));
    return;
  }
  const tmp = join(dirname(output), `.${basename(output)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, output);
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      /* nothing was written */
    }
    throw dataError(msg.outputExists(output), { file: output });
  }
}
