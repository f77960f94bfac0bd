import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * The user's linkage cache folder, shared by every cache (downloads under `fetch/`, scan
 * aggregates under `aggregates/`, parsed BACI dictionaries under `releases/`): `LINKAGE_CACHE_DIR`, else `$XDG_CACHE_HOME/linkage`, else
 * `~/.cache/linkage`. A relative `XDG_CACHE_HOME` is ignored, as the XDG base-directory
 * specification requires. The folder is not created here.
 */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  const own = env['LINKAGE_CACHE_DIR'];
  if (own !== undefined && own !== '') return own;
  const xdg = env['XDG_CACHE_HOME'];
  if (xdg !== undefined && xdg !== '' && isAbsolute(xdg)) return join(xdg, 'linkage');
  return join(homedir(), '.cache', 'linkage');
}

/** A named cache area below the root (`fetch`, `aggregates`, `releases`: parsed BACI release dictionaries). */
export function cacheDir(area: 'fetch' | 'aggregates' | 'releases', env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheRoot(env), area);
}
