import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

/**
 * Bundle the CLI (`npm run build`, after tsc): dist/src/cli.js and the modules it imports become a
 * few files — dist/src/cli.js plus one `cli-chunk-*.js` per group of lazily imported commands and
 * engines — because Node resolves, reads and compiles each ES module on its own, and the ~120
 * modules of `linkage compute` cost more start-up than the command's work (README, "Measured").
 * The small packages every command loads (INLINE) are bundled too; every other package stays an
 * import from node_modules, loaded only when used as before (vega, DuckDB, undici, table, ajv…).
 * Every other file tsc wrote stays in dist/ for the scripts, the bench and the parallel scan's
 * workers.
 * In each module, `import.meta.url` is rewritten to the URL of the module's own file in dist/ (found
 * relative to the chunk), so what it locates (package.json, workers, packages) is found as before.
 */
const MARK = '/* linkage: bundled by scripts/bundle.ts */';
/** Packages loaded at every start (CommonJS ones pay Node's module lexer and loader on top). */
const INLINE = new Set(['commander', 'papaparse', 'fastest-levenshtein', 'simple-statistics', 'fflate']);
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
const ENTRY = join(OUT, 'cli.js');

if (readFileSync(ENTRY, 'utf8').includes(MARK)) throw new Error(`${ENTRY} is already bundled: run npm run build (tsc first)`);
for (const f of readdirSync(OUT)) if (/^cli-chunk-.*\.js$/.test(f)) rmSync(join(OUT, f));

await build({
  input: ENTRY,
  platform: 'node',
  // node: built-ins and packages other than INLINE stay imports.
  external: (id: string) => {
    if (id.startsWith('.') || isAbsolute(id)) return false;
    return !INLINE.has(id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : (id.split('/')[0] as string));
  },
  logLevel: 'warn',
  plugins: [
    {
      // Commander requires node:child_process at load, for executable subcommands linkage has none
      // of; loading it (and net, dgram, streams) costs ~5 ms of every start, so it loads on first spawn.
      name: 'lazy-child-process',
      transform(code: string, id: string) {
        if (!/[\\/]node_modules[\\/]commander[\\/]lib[\\/]command\.js$/.test(id)) return null;
        const eager = "const childProcess = require('node:child_process');";
        if (!code.includes(eager)) throw new Error(`scripts/bundle.ts: ${id} no longer has "${eager}": update the lazy-child-process plugin`);
        const lazy = "let childProcessModule;\nconst childProcess = { spawn: (...args) => (childProcessModule ??= require('node:child_process')).spawn(...args) };";
        return { code: code.replace(eager, lazy), map: null };
      },
    },
    {
      name: 'own-import-meta-url',
      transform(code: string, id: string) {
        if (!code.includes('import.meta.url')) return null;
        const rel = relative(OUT, id).split(sep).join('/');
        return { code: code.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`), map: null };
      },
    },
  ],
  output: { dir: OUT, format: 'esm', entryFileNames: 'cli.js', chunkFileNames: 'cli-chunk-[name]-[hash].js', banner: MARK },
});
