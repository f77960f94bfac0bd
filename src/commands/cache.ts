import type { Command } from 'commander';
import { usageError } from '../errors.js';
import { fetchMsg } from '../messages.js';
import { clearCache, fetchRoot, listEntries, verifyCache } from '../fetch/cache.js';
import type { Io } from './io.js';
import { parseFormat } from './options.js';

export function registerCache(program: Command, io: Io): void {
  program
    .command('cache')
    .argument('<action>', 'ls, verify or clear')
    .description('the download cache of `linkage fetch`: list entries, re-check their SHA-256, or remove what linkage stored')
    .option('-f, --format <format>', 'ls: text or json', 'text')
    .addHelpText('after', '\nExamples:\n  $ linkage cache ls\n  $ linkage cache verify\n  $ linkage cache clear')
    .action(async (action: string, flags: { format?: string }) => {
      const root = fetchRoot();
      if (action === 'ls') {
        const format = parseFormat(flags.format, ['text', 'json'] as const, 'text');
        const entries = listEntries(root);
        if (format === 'json') {
          io.stdout(`${JSON.stringify({ root, entries }, null, 2)}\n`);
          return;
        }
        io.stdout(`${root}\n`);
        for (const e of entries) {
          const size = e.files.reduce((a, f) => a + f.size, 0);
          io.stdout(`${e.query}\n  retrieved ${e.retrieved}, ${e.files.length} file(s), ${size} bytes${e.etag ? `, ETag ${e.etag}` : ''}${e.last_modified ? `, Last-Modified ${e.last_modified}` : ''}\n  ${e.url}\n${e.files.map((f) => `  ${f.path} (${f.name}, sha256 ${f.sha256.slice(0, 12)}…)\n`).join('')}`);
        }
        if (entries.length === 0) io.stdout('(empty)\n');
      } else if (action === 'verify') {
        const findings = await verifyCache(root);
        for (const f of findings) io.stdout(`${f.ok ? 'ok' : 'BAD'} ${f.file} ${f.query}${f.problem ? `: ${f.problem}` : ''}\n`);
        const bad = findings.filter((f) => !f.ok).length;
        io.stdout(`${findings.length - bad} ok, ${bad} bad\n`);
        if (bad > 0) io.status.code = 1;
      } else if (action === 'clear') {
        const n = clearCache(root);
        io.stdout(`removed ${n} item(s) from ${root}\n`);
      } else {
        throw usageError(fetchMsg.badCacheAction(action));
      }
    });
}
