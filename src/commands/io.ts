import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expandInputs, isGlob } from '../inputs/expand.js';
import { prepareOutput, writeOutput, type OutputTarget } from '../io/output.js';
import { visibleControls } from '../render/escape.js';

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
 * Print a command's output to stdout, or write it to `--output` (see src/io/output.ts: checked
 * before the work, written whole or not at all). Text has its control characters made visible
 * (src/render/escape.ts); binary output (PNG) is written as is.
 */
export function emit(io: Io, text: string | Uint8Array, output: string | OutputTarget | undefined): void {
  const target = typeof output === 'string' ? prepareOutput(output) : output;
  const data = typeof text === 'string' ? visibleControls(text) : text;
  if (target === undefined) {
    io.stdout(typeof data === 'string' ? data : Buffer.from(data).toString('latin1'));
    return;
  }
  writeOutput(target, data);
}

/**
 * The files a command reads, for refusing an --output that would overwrite one of them. A folder
 * --input counts every file in it (the files it expands to and the BACI dictionaries read beside
 * them); a glob counts the files it matches. An argument that does not expand (no match) is kept
 * as written: its own error comes later.
 */
export function filesRead(opts: { input?: string[]; groups?: string[]; baciCountries?: string; products?: string | readonly string[]; published?: string }, defaults: readonly string[] = []): string[] {
  const inputs = (opts.input ?? []).flatMap(expanded);
  const given = [...inputs, ...(opts.groups ?? []), opts.baciCountries, ...[opts.products ?? []].flat(), opts.published].filter((f): f is string => f !== undefined);
  return [...given, ...defaults];
}

function expanded(arg: string): string[] {
  try {
    if (statSync(arg, { throwIfNoEntry: false })?.isDirectory() === true) return [arg, ...readdirSync(arg).map((n) => join(arg, n))];
    return isGlob(arg) ? [arg, ...expandInputs([arg]).files] : [arg];
  } catch {
    return [arg];
  }
}
