import { createHash, randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from '../cache/root.js';
import { toolVersion } from '../paths.js';
import type { ProductGroup } from '../trade/products.js';
import type { ScanOutcome } from './job.js';
import { TradeMatrix } from './matrix.js';
import type { BaciRelease } from './release.js';

/**
 * The aggregate cache (`cacheDir('aggregates')`): a scan's sums by year × group × exporter ×
 * importer, keyed by the input's SHA-256, the product groups (their codes and vintage), the
 * release's dictionaries and linkage's version — everything that changes the sums. Entries are
 * written whole to a temporary file and renamed into place; an entry that does not parse or does
 * not match its key is ignored (and rewritten by the next scan), never trusted. A small file per
 * (path, size, mtime) remembers a file's SHA-256 so a cached re-run does not read the input.
 */
const FORMAT = 2;

function area(): string {
  return cacheDir('aggregates');
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function atomicWrite(file: string, data: string | Uint8Array): void {
  try {
    mkdirSync(area(), { recursive: true });
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    writeFileSync(tmp, data);
    try {
      renameSync(tmp, file);
    } catch {
      rmSync(tmp, { force: true });
    }
  } catch {
    /* a cache that cannot be written is no cache: the scan's result stands */
  }
}

/** The SHA-256 remembered for this path, size and modification time, if any. */
export function rememberedSha256(file: string, info: Stats): string | undefined {
  try {
    const text = readFileSync(join(area(), `sha-${digest(`${file}\u0000${info.size}\u0000${info.mtimeMs}`)}.json`), 'utf8');
    const e = JSON.parse(text) as { file?: unknown; size?: unknown; mtimeMs?: unknown; sha256?: unknown };
    return e.file === file && e.size === info.size && e.mtimeMs === info.mtimeMs && typeof e.sha256 === 'string' && /^[0-9a-f]{64}$/.test(e.sha256) ? e.sha256 : undefined;
  } catch {
    return undefined;
  }
}

export function rememberSha256(file: string, info: Stats, sha256: string): void {
  atomicWrite(join(area(), `sha-${digest(`${file}\u0000${info.size}\u0000${info.mtimeMs}`)}.json`), JSON.stringify({ file, size: info.size, mtimeMs: info.mtimeMs, sha256 }));
}

function keyOf(sha256: string, groups: readonly ProductGroup[], release: BaciRelease): string {
  const spec = {
    format: FORMAT,
    version: toolVersion(),
    sha256,
    groups: groups.map((g) => ({ id: g.id, vintage: g.vintage, kind: g.kind, codes: [...g.codes].sort() })),
    cls: release.cls,
    areas: [...release.areas].sort((a, b) => a[0] - b[0]),
    products: release.products === undefined ? null : digest([...release.products].sort((a, b) => a - b).join(',')),
  };
  return digest(JSON.stringify(spec));
}

interface Entry {
  key: string;
  geos: string[];
  groups: string[];
  records: number;
  skipped: Record<string, number>;
  vintage: string;
  sha256: string;
  years: { year: number; cells: [number, number][]; used: number[] }[];
  cls: string;
}

/** The cached outcome for these bytes and groups, or undefined (absent, unreadable or not matching). */
export function readAggregates(sha256: string, groups: readonly ProductGroup[], release: BaciRelease): { outcome: ScanOutcome; key: string } | undefined {
  const key = keyOf(sha256, groups, release);
  try {
    const e = JSON.parse(readFileSync(join(area(), `${key}.json`), 'utf8')) as Entry;
    if (e.key !== key || e.sha256 !== sha256 || !Array.isArray(e.geos) || !Array.isArray(e.years) || JSON.stringify(e.groups) !== JSON.stringify(groups.map((g) => g.id))) return undefined;
    const matrix = new TradeMatrix(e.geos, groups);
    const size = groups.length * e.geos.length * e.geos.length;
    matrix.cls = typeof e.cls === 'string' ? e.cls : '';
    for (const { year, cells, used: codes } of e.years) {
      if (!Number.isInteger(year) || !Array.isArray(codes)) return undefined;
      const { sums, present, used } = matrix.year(year);
      for (const k of codes) {
        if (!Number.isInteger(k) || k < 0 || k > 999_999) return undefined;
        used[k] = 1;
      }
      for (const [at, v] of cells) {
        if (!Number.isInteger(at) || at < 0 || at >= size || typeof v !== 'number' || !Number.isFinite(v) || v < 0) return undefined;
        sums[at] = v;
        present[at] = 1;
      }
    }
    if (!Number.isInteger(e.records) || typeof e.skipped !== 'object' || e.skipped === null) return undefined;
    return { outcome: { matrix, sha256, records: e.records, skipped: e.skipped, vintage: e.vintage }, key: key.slice(0, 16) };
  } catch {
    return undefined;
  }
}

/** Store a scan's outcome (atomically; failures to write are ignored). */
export function writeAggregates(outcome: ScanOutcome, groups: readonly ProductGroup[], release: BaciRelease): void {
  const key = keyOf(outcome.sha256, groups, release);
  const years: Entry['years'] = [];
  for (const [year, sums] of outcome.matrix.sums) {
    const present = outcome.matrix.present.get(year) as Uint8Array;
    const cells: [number, number][] = [];
    for (let at = 0; at < sums.length; at++) if (present[at] === 1) cells.push([at, sums[at] as number]);
    const usedArr = outcome.matrix.used.get(year) as Uint8Array;
    const used: number[] = [];
    for (let k = 0; k < usedArr.length; k++) if (usedArr[k] === 1) used.push(k);
    years.push({ year, cells, used });
  }
  const entry: Entry = { key, geos: [...outcome.matrix.geos], groups: groups.map((g) => g.id), records: outcome.records, skipped: outcome.skipped, vintage: outcome.vintage, sha256: outcome.sha256, years, cls: outcome.matrix.cls };
  atomicWrite(join(area(), `${key}.json`), JSON.stringify(entry));
}
