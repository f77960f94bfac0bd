import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The package root (the folder holding linkage's package.json), from source or from dist/. */
export function projectRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string };
      if (pkg.name === 'linkage') {
        root = dir;
        return dir;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('linkage package root not found');
    dir = parent;
  }
}

/** A path under the package's `data/` folder. */
export function dataPath(...parts: string[]): string {
  return join(projectRoot(), 'data', ...parts);
}

/**
 * The folder of real extracts: `LINKAGE_SHARED_DATA` when set, else `../shared/data` beside the
 * checkout (tests and reports that name `shared` inputs read it).
 */
export function sharedDataPath(...parts: string[]): string {
  const override = process.env.LINKAGE_SHARED_DATA;
  if (override !== undefined && override !== '') return resolve(override, ...parts);
  return resolve(projectRoot(), '..', 'shared', 'data', ...parts);
}

/** linkage's version from package.json. */
export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** True when the module at `url` (its `import.meta.url`) is the script node was started with. */
export function isMainModule(url: string): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(url));
  } catch {
    return false;
  }
}
