import { Command, Option } from 'commander';
import type { Io } from './io.js';

/** A command's entry: what `linkage --help` lists, and how to load the real command. */
export interface CommandEntry {
  name: string;
  /** Arguments as the real command declares them (for the usage term in the list). */
  args: readonly string[];
  description: string;
  /** Imports the command's module (on demand: the CLI starts without loading every command). */
  load: () => Promise<(program: Command, io: Io) => void>;
}

/**
 * Every command, in the order `linkage --help` lists them. The real definitions (options, help,
 * action) live in each command's module and are loaded only for the command that runs;
 * test/commands/lazy-commands.test.ts checks these entries match them.
 */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'compute', args: [], description: 'compute indicators for countries and groups from the inputs (default: the embedded OECD sample)', load: async () => (await import('./compute.js')).registerCompute },
  { name: 'check', args: [], description: "compute the reference study's published figures from the inputs and compare (exit 1 on an unexplained mismatch)", load: async () => (await import('./check.js')).registerCheck },
  { name: 'chart', args: [], description: "draw an indicator's default chart: Vega-Lite spec (.vl.json), SVG or PNG, rendered without a browser", load: async () => (await import('./chart.js')).registerChart },
  { name: 'report', args: ['<definition>'], description: 'rebuild a report: tables, charts (SVG/PNG, Vega-Lite specs), the published-figure check and a manifest, in one folder', load: async () => (await import('./report.js')).registerReport },
  { name: 'inspect', args: ['<files...>'], description: 'show what linkage reads from each file: format, dataset, edition, measures and the indicators that use them, countries, years, rows skipped and why', load: async () => (await import('./inspect.js')).registerInspect },
  { name: 'fetch', args: ['[query]'], description: 'download from the official APIs into the local cache and print the cached files (which --input accepts)', load: async () => (await import('./fetch.js')).registerFetch },
  { name: 'cache', args: ['<action>'], description: 'the download cache of `linkage fetch`: list entries, re-check their SHA-256, or remove what linkage stored', load: async () => (await import('./cache.js')).registerCache },
  { name: 'indicators', args: ['[id]'], description: 'list the indicators with their definitions, units, sources and caveats; with an ID, that indicator in full', load: async () => (await import('./indicators.js')).registerIndicators },
  { name: 'groups', args: [], description: 'list the country groups with members, definition and source', load: async () => (await import('./groups.js')).registerGroups },
];

/** Global options that take no value and may come before the command name. */
const GLOBAL_FLAGS = new Set(['--verbose', '--strict']);

/**
 * The command `argv` runs (`linkage [globals] NAME …` or `linkage help NAME`), or undefined when it
 * names none (top-level help, a misspelt command: every entry is then registered as a stub).
 */
export function commandNamed(argv: readonly string[]): CommandEntry | undefined {
  const words = argv.filter((a) => !GLOBAL_FLAGS.has(a));
  const first = words[0] === 'help' ? words[1] : words[0];
  return COMMANDS.find((c) => c.name === first);
}

/**
 * Register `entry` as a stub: the name, arguments and description only, so the top-level help and
 * commander's "did you mean" see every command without loading its module. The hidden option makes
 * the list show `[options]` as the real command does.
 */
export function registerStub(program: Command, entry: CommandEntry): void {
  const cmd = program.command(entry.name).description(entry.description);
  for (const a of entry.args) cmd.argument(a);
  cmd.addOption(new Option('--stub-options').hideHelp());
}
