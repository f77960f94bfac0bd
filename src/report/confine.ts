import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { cacheRoot } from '../cache/root.js';
import { usageError } from '../errors.js';
import { msg } from '../messages.js';
import { dataPath, sharedDataPath } from '../paths.js';
import { inputPath, type ReportDefinition } from './definition.js';

/**
 * The folders a report definition may read from, symbolic links resolved: the definition's own
 * folder, the project's data/ folder, the shared extracts (../shared/data or LINKAGE_SHARED_DATA),
 * the download cache (cacheRoot()), and every `--allow-path DIR` the user gives. An --allow-path
 * that is not a folder is a usage error.
 */
export function allowedFolders(def: ReportDefinition, allow: readonly string[] = []): string[] {
  for (const a of allow) if (statSync(a, { throwIfNoEntry: false })?.isDirectory() !== true) throw usageError(msg.allowPathNotFolder(a));
  return [...new Set([def.dir, dataPath(), sharedDataPath(), cacheRoot(), ...allow].map(real))];
}

/**
 * Refuse, before anything is opened, a definition whose inputs, groups files or published figures
 * resolve (symbolic links and `..` followed, as the system would open them) outside
 * {@link allowedFolders}: a usage error (exit 2) naming the definition, the entry and the allowed
 * folders — never the file's content. A query input not fetched yet points nowhere and is skipped.
 */
export function confineReport(def: ReportDefinition, file: string, allow: readonly string[] = []): void {
  const roots = allowedFolders(def, allow);
  const entries: [entry: string, path: string][] = [];
  for (const input of def.inputs) {
    const p = inputPath(def, input);
    if (p === undefined || (input.fetch !== undefined && !existsSync(p))) continue;
    entries.push([`input "${input.id}" (${input.path ?? input.shared ?? input.fetch ?? ''})`, p]);
  }
  for (const g of def.groups ?? []) entries.push([`groups file "${g}"`, join(def.dir, g)]);
  if (def.published !== undefined) entries.push([`published figures "${def.published}"`, join(def.dir, def.published)]);
  for (const [entry, p] of entries) {
    const r = real(p);
    if (!roots.some((root) => r === root || r.startsWith(root.endsWith(sep) ? root : root + sep))) throw usageError(msg.reportOutside(def.file ?? file, entry, roots));
  }
}

/** The real path of `p` (symbolic links resolved); for a path that does not exist, of its deepest existing ancestor plus the rest. */
function real(p: string): string {
  const abs = resolve(p);
  try {
    return realpathSync(abs);
  } catch {
    const parent = dirname(abs);
    return parent === abs ? abs : join(real(parent), basename(abs));
  }
}
