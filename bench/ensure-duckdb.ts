/**
 * DuckDB is the benchmark's reference engine. It is not a project dependency: its npm package
 * lists platform binaries that the registry does not all serve, which breaks `npm ci` for the
 * lock file. This installs it without touching package.json or the lock (`npm install --no-save`).
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

export const DUCKDB = '@duckdb/node-api@1.5.6-r.1';

const require = createRequire(import.meta.url);
try {
  require.resolve('@duckdb/node-api');
} catch {
  console.log(`installing ${DUCKDB} (benchmark reference engine, not saved)`);
  execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', DUCKDB], { stdio: 'inherit' });
}
