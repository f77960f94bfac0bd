import type { Command } from 'commander';
import { displayTable } from '../render/width.js';
import { INDICATORS } from '../../indicators/index.js';
import { emit, type Io } from './io.js';
import { parseFormat } from './options.js';

export function registerIndicators(program: Command, io: Io): void {
  program
    .command('indicators')
    .description('list the indicators with their definitions, units, sources and caveats')
    .option('-f, --format <format>', 'table or json', 'table')
    .addHelpText('after', '\nExamples:\n  $ linkage indicators\n  $ linkage indicators --format json')
    .action((opts: { format?: string }) => {
      const format = parseFormat(opts.format, ['table', 'json'] as const, 'table');
      if (format === 'json') {
        emit(io, `${JSON.stringify({ indicators: INDICATORS.map((i) => i.meta) }, null, 2)}\n`, undefined);
        return;
      }
      const rows = INDICATORS.map((i) => [
        i.meta.id,
        `${i.meta.title}\n${i.meta.definition}${Object.keys(i.meta.options).length > 0 ? `\nOptions: ${Object.entries(i.meta.options).map(([k, o]) => `${k} (${o.description}; default ${o.default})`).join('; ')}` : ''}\nCaveats: ${i.meta.caveats.join(' ')}`,
        i.meta.unit,
      ]);
      emit(io, displayTable([['id', 'definition', 'unit'], ...rows], { columns: { 1: { width: 80, wrapWord: true } } }), undefined);
    });
}
