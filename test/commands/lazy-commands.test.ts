import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandNamed, registerStub } from '../../src/commands/list.js';
import type { Io } from '../../src/commands/io.js';

// The CLI registers the command that runs in full and every other one as a stub (src/commands/list.ts),
// so `linkage --help` lists commands without loading their modules. These tests keep the stubs true.
const io: Io = { stdout: () => undefined, stderr: () => undefined, isTTY: false, status: { code: 0 } };

describe('command stubs match the real commands', () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s: same usage term and description in the top-level help', async (_name, entry) => {
    const real = new Command('linkage');
    (await entry.load())(real, io);
    const stub = new Command('linkage');
    registerStub(stub, entry);
    const help = real.createHelp();
    const [r] = real.commands;
    const [s] = stub.commands;
    expect(r?.name()).toBe(entry.name);
    expect(help.subcommandTerm(s as Command)).toBe(help.subcommandTerm(r as Command));
    expect(s?.description()).toBe(r?.description());
  });

  it('every command module is listed once', () => {
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
  });

  it('finds the command named after global flags and in `help NAME`; none for a misspelling', () => {
    expect(commandNamed(['--strict', 'compute', '--year', '2017'])?.name).toBe('compute');
    expect(commandNamed(['help', 'report'])?.name).toBe('report');
    expect(commandNamed(['comptue'])).toBeUndefined();
    expect(commandNamed(['--help'])).toBeUndefined();
  });
});
