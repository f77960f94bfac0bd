#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { COMMANDS, commandNamed, registerStub } from './commands/list.js';
import type { Io } from './commands/io.js';
import { EXIT_CODES, LinkageError } from './errors.js';
import { msg } from './messages.js';
import { isMainModule, toolVersion } from './paths.js';
import { terminalLine, visibleControls } from './render/escape.js';

/**
 * Build the command tree writing to `io` for `argv`: the command it names is loaded and registered
 * in full, every other one as a stub (name and description), so start-up loads one command's modules.
 */
export async function buildProgram(io: Io, argv: readonly string[]): Promise<Command> {
  const output = {
    writeOut: (t: string) => io.stdout(visibleControls(t)),
    writeErr: (t: string) => io.stderr(visibleControls(t)),
    // Commander's message ("error: unknown option '--grup'\n(Did you mean --group?)\n") becomes
    // linkage's two lines: the code and what, then a hint carrying the suggestion.
    outputError: (text: string, write: (t: string) => void) => write(usageLines(text)),
  };
  const program = new Command('linkage')
    .description('Regional innovation-linkage indicators from OECD, IMF, WIPO, World Bank and UN Comtrade extracts')
    .version(toolVersion())
    .option('--verbose', 'print a stack trace on errors')
    .option('--strict', 'every warning is an error (exit 1 with the warning\'s code), for CI pipelines')
    .exitOverride()
    .configureOutput(output);
  const named = commandNamed(argv);
  const register = named === undefined ? undefined : await named.load();
  for (const entry of COMMANDS) {
    if (entry === named && register !== undefined) register(program, io);
    else registerStub(program, entry);
  }
  for (const c of program.commands) c.exitOverride().configureOutput(output);
  program.hook('preAction', (_program, action) => {
    io.strict = action.optsWithGlobals<{ strict?: boolean }>().strict === true;
  });
  return program;
}

/** Commander's usage error text as `linkage: E_USAGE: what` plus `  hint: …` (suggestion first). */
export function usageLines(text: string): string {
  const [first = '', ...rest] = text.replace(/^error: /, '').trim().split('\n').map((l) => l.trim()).filter((l) => l !== '');
  // Extra words after the options are nearly always a glob the shell expanded (--input data/BACI_*.csv).
  const extra = /too many arguments/.test(first) ? ['--input takes one file, folder or glob: quote a glob (--input \'data/BACI_*.csv\') so the shell does not expand it, or repeat --input for each file'] : [];
  const suggestion = [...rest.map((l) => l.replace(/^\((.*)\)$/, '$1')), ...extra].join('; ');
  const hint = suggestion ? `${suggestion.charAt(0).toLowerCase()}${suggestion.slice(1)} (run with --help for usage)` : 'run with --help for usage';
  return `linkage: ${msg.usage.code}: ${first}\n  hint: ${hint}\n`;
}

/**
 * Run linkage with `argv` (without `node` and the script) and return the exit code: 0 success,
 * 1 data error (or a `check` mismatch), 2 usage error, 70 internal bug. Errors print one line
 * `linkage: CODE: <what> (<where>)` plus a hint, whatever the output format (the code is the
 * machine-readable part); a stack trace only with --verbose.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const verbose = argv.includes('--verbose');
  try {
    const program = await buildProgram(io, argv);
    await program.parseAsync([...argv], { from: 'user' });
    return io.status.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return EXIT_CODES.usage;
    }
    const err = e instanceof LinkageError ? e : new LinkageError('internal', msg.internal((e as Error)?.message ?? String(e)));
    io.stderr(`linkage: ${err.code}: ${terminalLine(err.oneLine())}\n  hint: ${terminalLine(err.hint)}\n`);
    if (verbose && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return EXIT_CODES[err.kind];
  }
}


if (isMainModule(import.meta.url)) {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
  });
  const io: Io = {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    isTTY: Boolean(process.stderr.isTTY),
    status: { code: 0 },
  };
  run(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
