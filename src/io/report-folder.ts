import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, parse, relative, resolve, sep } from 'node:path';
import { usageError } from '../errors.js';
import { msg } from '../messages.js';

/** The marker `manifest.json` carries in every folder `linkage report` writes. */
export const REPORT_MARKER = { tool: 'linkage', kind: 'linkage-report' } as const;

/** What `linkage report` writes at the top of its folder; anything else there is the user's. */
const REPORT_ENTRIES = new Set(['index.html', 'index.md', 'tables', 'charts', 'check.json', 'check.csv', 'manifest.json']);

/** The real path of `path`, or of its nearest existing ancestor joined with the rest. */
export function realish(path: string): string {
  const abs = resolve(path);
  try {
    return realpathSync(abs);
  } catch {
    const parent = dirname(abs);
    return parent === abs ? abs : resolve(realish(parent), relative(parent, abs));
  }
}

/** True when `dir` is `path` or one of its ancestors (both real paths). */
export function contains(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !parse(rel).root);
}

function isLinkageReport(dir: string): boolean {
  try {
    const m = JSON.parse(readFileSync(`${dir}${sep}manifest.json`, 'utf8')) as Record<string, unknown>;
    if (m === null || typeof m !== 'object' || m['tool'] !== REPORT_MARKER.tool) return false;
    // Reports written before the marker: the manifest's own shape says so.
    return m['kind'] === REPORT_MARKER.kind || (typeof m['report'] === 'string' && Array.isArray(m['inputs']) && typeof m['command'] === 'string' && m['command'].startsWith('linkage report'));
  } catch {
    return false;
  }
}

/**
 * May `linkage report --force` replace the existing `out`? Only a real folder (not a link) that
 * linkage wrote — its manifest.json carries the marker — holding nothing but what linkage writes,
 * and never `/`, the home folder, the current folder or one of its ancestors, nor a folder that
 * is or contains the definition or any file the report reads (`protect`). Throws a usage error
 * naming the reason; deletes nothing.
 */
export function checkReplaceable(out: string, given: string, protect: readonly string[]): void {
  const st = lstatSync(out);
  if (st.isSymbolicLink()) throw usageError(msg.reportNotReplaceable(given, 'is a symbolic link'));
  if (!st.isDirectory()) throw usageError(msg.reportNotReplaceable(given, 'is not a folder'));
  const real = realpathSync(out);
  const home = realish(homedir());
  if (real === parse(real).root) throw usageError(msg.reportNotReplaceable(given, 'is the root folder'));
  if (real === home) throw usageError(msg.reportNotReplaceable(given, 'is your home folder'));
  if (contains(real, realish(process.cwd()))) throw usageError(msg.reportNotReplaceable(given, 'is the current folder or holds it'));
  for (const p of protect) {
    if (contains(real, realish(p))) throw usageError(msg.reportNotReplaceable(given, `holds ${p}, which this report reads`));
  }
  if (!isLinkageReport(real)) throw usageError(msg.reportNotReplaceable(given, 'was not written by linkage report (its manifest.json does not say so)'));
  const foreign = readdirSync(real).filter((e) => !REPORT_ENTRIES.has(e));
  if (foreign.length > 0) throw usageError(msg.reportNotReplaceable(given, `holds ${foreign.slice(0, 3).join(', ')}, which linkage did not write`));
}

/** True when `path` exists (a dangling link counts: it is there and must not be replaced silently). */
export function present(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return existsSync(path);
  }
}
