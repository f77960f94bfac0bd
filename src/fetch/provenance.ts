import type { FetchedFrom } from '../model/types.js';
import { entryForFile } from './cache.js';

/** The fetch record of an input inside the download cache (for results' provenance), else undefined. */
export function fetchedFrom(file: string, env: NodeJS.ProcessEnv = process.env): FetchedFrom | undefined {
  const hit = entryForFile(file, env);
  if (hit === undefined) return undefined;
  const { entry, stored } = hit;
  return {
    query: entry.query,
    url: entry.url,
    retrieved: entry.retrieved,
    ...(entry.etag ? { etag: entry.etag } : {}),
    ...(entry.last_modified ? { last_modified: entry.last_modified } : {}),
    size: stored.size,
    sha256: stored.sha256,
  };
}
