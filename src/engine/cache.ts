import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { endianness } from 'node:os';
import { fileState, readCacheFile, writeCacheFile } from '../cache/files.js';
import { cacheDir } from '../cache/root.js';
import { toolVersion } from '../paths.js';
import type { ProductGroup } from '../trade/products.js';
import type { ScanOutcome } from './job.js';
import { TradeMatrix, type GroupMargins } from './matrix.js';
import type { BaciRelease } from './release.js';

/**
 * The aggregate cache (`cacheDir('aggregates')`): a scan's sums by year × group × exporter ×
 * importer, keyed by the input's SHA-256, the product groups (their codes and vintage), the
 * release's dictionaries and linkage's version — everything that changes the sums. An entry is a
 * small JSON header (`<key>.json`: economies, groups, counts, and the size and SHA-256 of the body)
 * and a binary body (`<key>.bin`: per year the dense Float64 sums, a byte per cell saying whether a
 * row fell in it, a byte per economy saying whether it had any row in the year, each group's margins — {@link marginsOf}: exporters' and importers' world
 * totals, the world, the self-flows, NaN for none — and the product codes seen as Uint32), so a
 * cached run copies arrays instead of summing the whole matrix again; both written to a temporary file and renamed into place (body
 * first). An entry whose header does not parse or match its key, or whose body has another size or
 * digest (cut short, corrupt, from another entry), is ignored and rewritten by the next scan, never
 * trusted. A small file per state of an input (path, device, inode, size, mtime, ctime) remembers its SHA-256 so a cached re-run does
 * not read the input. Reads and writes go through src/cache/files.ts (regular files only, no link
 * followed, nothing written outside the folder).
 */
const FORMAT = 5;
/** Largest header or digest memo read (bytes); a bigger file is not linkage's. */
const MAX_HEADER = 16 << 20;

function area(): string {
  return cacheDir('aggregates');
}

function digest(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The path and {@link fileState}: a file rewritten in place with its size and mtime restored is hashed again. */
function stamp(file: string, info: Stats): string {
  return JSON.stringify([file, ...fileState(info)]);
}

function shaMemoName(file: string, info: Stats): string {
  return `sha-${digest(stamp(file, info))}.json`;
}

/** The SHA-256 remembered for this state of the file ({@link stamp}), if any. */
export function rememberedSha256(file: string, info: Stats): string | undefined {
  try {
    const text = readCacheFile(area(), shaMemoName(file, info), MAX_HEADER);
    if (text === undefined) return undefined;
    const e = JSON.parse(text.toString('utf8')) as { stamp?: unknown; sha256?: unknown };
    return e.stamp === stamp(file, info) && typeof e.sha256 === 'string' && /^[0-9a-f]{64}$/.test(e.sha256) ? e.sha256 : undefined;
  } catch {
    return undefined;
  }
}

/** Remember `sha256` for this state of the file (atomically; failures are ignored). */
export function rememberSha256(file: string, info: Stats, sha256: string): void {
  writeCacheFile(area(), shaMemoName(file, info), JSON.stringify({ stamp: stamp(file, info), sha256 }));
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

/** The JSON header of an entry (`<key>.json`). */
interface Header {
  format: number;
  key: string;
  sha256: string;
  geos: string[];
  groups: string[];
  records: number;
  skipped: Record<string, number>;
  vintage: string;
  cls: string;
  /** Byte order of the body's numbers (`os.endianness()` of the writer). */
  endian: string;
  /** In body order: the year and how many product codes follow its sums. */
  years: { year: number; used: number }[];
  body: { bytes: number; sha256: string };
}

const isStringArray = (x: unknown): x is string[] => Array.isArray(x) && x.every((v) => typeof v === 'string');
const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;

/** The header when it is well-formed and for this key and digest, else undefined. */
function parseHeader(text: string, key: string, sha256: string, groups: readonly ProductGroup[]): Header | undefined {
  const h = JSON.parse(text) as Partial<Header>;
  if (h.format !== FORMAT || h.key !== key || h.sha256 !== sha256 || h.endian !== endianness()) return undefined;
  if (!isStringArray(h.geos) || !isStringArray(h.groups) || h.groups.length !== groups.length || h.groups.some((id, i) => id !== groups[i]?.id)) return undefined;
  if (!isCount(h.records) || typeof h.skipped !== 'object' || h.skipped === null || Object.values(h.skipped).some((v) => !isCount(v))) return undefined;
  if (typeof h.vintage !== 'string' || typeof h.cls !== 'string' || !Array.isArray(h.years) || h.years.some((y) => !Number.isInteger(y?.year) || !isCount(y?.used))) return undefined;
  if (new Set(h.years.map((y) => y.year)).size !== h.years.length) return undefined;
  if (!isCount(h.body?.bytes) || typeof h.body.sha256 !== 'string') return undefined;
  return h as Header;
}

/** The cached outcome for these bytes and groups, or undefined (absent, unreadable or not matching). */
export function readAggregates(sha256: string, groups: readonly ProductGroup[], release: BaciRelease): { outcome: ScanOutcome; key: string } | undefined {
  const key = keyOf(sha256, groups, release);
  try {
    const text = readCacheFile(area(), `${key}.json`, MAX_HEADER);
    const h = text === undefined ? undefined : parseHeader(text.toString('utf8'), key, sha256, groups);
    if (h === undefined) return undefined;
    const n = h.geos.length;
    const size = groups.length * n * n;
    const marginCount = groups.length * (2 * n + 2);
    if (h.body.bytes !== h.years.reduce((a, y) => a + size * 9 + n + marginCount * 8 + y.used * 4, 0)) return undefined;
    const body = readCacheFile(area(), `${key}.bin`, h.body.bytes);
    if (body === undefined || body.length !== h.body.bytes || digest(body) !== h.body.sha256) return undefined;
    const matrix = new TradeMatrix(h.geos, groups);
    matrix.cls = h.cls;
    let at = 0;
    // Copied out of the file's buffer (typed arrays need their own aligned memory), then checked.
    const take = <T extends Float64Array | Uint8Array | Uint32Array>(into: T): T => {
      new Uint8Array(into.buffer).set(body.subarray(at, (at += into.byteLength)));
      return into;
    };
    for (const { year, used: count } of h.years) {
      const sums = take(new Float64Array(size));
      const present = take(new Uint8Array(size));
      const active = take(new Uint8Array(n));
      const margins = take(new Float64Array(marginCount));
      const codes = take(new Uint32Array(count));
      for (let c = 0; c < size; c++) if (!((sums[c] as number) >= 0 && sums[c] !== Number.POSITIVE_INFINITY)) return undefined;
      for (let c = 0; c < marginCount; c++) if (!((margins[c] as number) >= 0 && margins[c] !== Number.POSITIVE_INFINITY) && !Number.isNaN(margins[c])) return undefined;
      const used = new Uint8Array(1_000_000);
      for (const k of codes) {
        if (k > 999_999) return undefined;
        used[k] = 1;
      }
      const perGroup: GroupMargins[] = groups.map((_, g) => {
        const m = margins.subarray(g * (2 * n + 2), (g + 1) * (2 * n + 2));
        return { out: m.subarray(0, n), in: m.subarray(n, 2 * n), world: m[2 * n] as number, self: m[2 * n + 1] as number };
      });
      matrix.sums.set(year, sums);
      matrix.present.set(year, present);
      matrix.used.set(year, used);
      matrix.active.set(year, active);
      matrix.margins.set(year, perGroup);
    }
    return { outcome: { matrix, sha256, records: h.records, skipped: h.skipped, vintage: h.vintage }, key: key.slice(0, 16) };
  } catch {
    return undefined;
  }
}

/** The folder of the aggregate cache (for messages). */
export function aggregatesFolder(): string {
  return area();
}

/** Store a scan's outcome (atomically, body then header); false when it could not be written. */
export function writeAggregates(outcome: ScanOutcome, groups: readonly ProductGroup[], release: BaciRelease): boolean {
  const key = keyOf(outcome.sha256, groups, release);
  const years: Header['years'] = [];
  const parts: Uint8Array[] = [];
  const n = outcome.matrix.geos.length;
  for (const [year, sums] of outcome.matrix.sums) {
    const present = outcome.matrix.present.get(year) as Uint8Array;
    const active = outcome.matrix.activeIn(year);
    const margins = new Float64Array(groups.length * (2 * n + 2));
    groups.forEach((_, g) => {
      const m = outcome.matrix.groupMargins(year, g);
      margins.set([...m.out, ...m.in, m.world, m.self], g * (2 * n + 2));
    });
    const usedArr = outcome.matrix.used.get(year) as Uint8Array;
    const used: number[] = [];
    for (let k = usedArr.indexOf(1); k !== -1; k = usedArr.indexOf(1, k + 1)) used.push(k);
    parts.push(new Uint8Array(sums.buffer, sums.byteOffset, sums.byteLength), present, active, new Uint8Array(margins.buffer), new Uint8Array(Uint32Array.from(used).buffer));
    years.push({ year, used: used.length });
  }
  const body = Buffer.concat(parts);
  const header: Header = { format: FORMAT, key, sha256: outcome.sha256, geos: [...outcome.matrix.geos], groups: groups.map((g) => g.id), records: outcome.records, skipped: outcome.skipped, vintage: outcome.vintage, cls: outcome.matrix.cls, endian: endianness(), years, body: { bytes: body.length, sha256: digest(body) } };
  return writeCacheFile(area(), `${key}.bin`, body) && writeCacheFile(area(), `${key}.json`, JSON.stringify(header));
}
