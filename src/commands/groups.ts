import type { Command } from 'commander';
import { displayTable } from '../render/width.js';
import { makeContext } from './context.js';
import { emit, type Io } from './io.js';
import { collect, parseFormat } from './options.js';

export function registerGroups(program: Command, io: Io): void {
  program
    .command('groups')
    .description('list the country groups with members, definition and source')
    .option('--groups <file>', 'extra groups file (repeatable)', collect)
    .option('-f, --format <format>', 'table or json', 'table')
    .addHelpText('after', '\nExamples:\n  $ linkage groups\n  $ linkage groups --format json\n  $ linkage compute --input ../shared/data/oecd/gerd-dp-live-2023-05.csv --indicator rd-intensity --group NORDIC=DNK,FIN,ISL,NOR,SWE --year 2019')
    .action((opts: { groups?: string[]; format?: string }) => {
      const format = parseFormat(opts.format, ['table', 'json'] as const, 'table');
      const ctx = makeContext(opts.groups);
      const groups = ctx.groups.all();
      if (format === 'json') {
        emit(io, `${JSON.stringify({ groups: groups.map((g) => ({ code: g.code, name: g.name, members: g.members, definition: g.definition, source: g.source, as_of: g.asOf, origin: g.origin })) }, null, 2)}\n`, undefined);
        return;
      }
      const rows = groups.map((g) => [g.code, `${g.name}\n${g.definition}\nSource: ${g.source}${g.asOf ? ` (as of ${g.asOf})` : ''}`, g.members.join(' ')]);
      emit(io, displayTable([['code', 'definition', 'members'], ...rows], { columns: { 1: { width: 60, wrapWord: true }, 2: { width: 30, wrapWord: true } } }), undefined);
    });
}
