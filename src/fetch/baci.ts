import { closeSync, createReadStream, openSync, statSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { Unzip, UnzipInflate } from 'fflate';
import { dataError } from '../errors.js';
import { fetchMsg } from '../messages.js';
import { head, rejectHtml } from './body.js';
import { BodyError, type ApiClient, type Query } from './types.js';

/** Base URL of the release archives: LINKAGE_BACI_URL, default `https://www.cepii.fr/DATA_DOWNLOAD/baci/data` (apis.md §5). */
export function baciBase(env: NodeJS.ProcessEnv): string {
  return (env['LINKAGE_BACI_URL'] || 'https://www.cepii.fr/DATA_DOWNLOAD/baci/data').replace(/\/+$/, '');
}

/** Most bytes linkage extracts from one archive (LINKAGE_BACI_MAX_BYTES; default 16 GiB). */
function maxBytes(env: NodeJS.ProcessEnv): number {
  const n = Number(env['LINKAGE_BACI_MAX_BYTES']);
  return Number.isFinite(n) && n > 0 ? n : 16 * 2 ** 30;
}

function parts(q: Query): { hs: string; release: string } {
  const hs = q.id.toUpperCase();
  const release = q.key ?? '';
  if (!/^HS\d{2}$/.test(hs) || !/^V\d{6}[a-z]?$/.test(release)) {
    throw dataError(fetchMsg.badQuery(`baci:${q.id}${q.key ? ` --key ${q.key}` : ''} (write baci:HS17 --key V202401b)`), {});
  }
  return { hs, release };
}

/** Which archive members to keep: the requested years' data files and the two dictionaries. */
function wanted(name: string, hs: string, release: string, years: readonly [number, number] | undefined): boolean {
  if (name.includes('/') || name.includes('\\') || name.includes('..')) return false;
  if (name === `country_codes_${release}.csv` || name === `product_codes_${hs}_${release}.csv`) return true;
  const m = new RegExp(`^BACI_${hs}_Y(\\d{4})_${release}\\.csv$`).exec(name);
  if (!m) return false;
  const y = Number(m[1]);
  return years === undefined || (y >= years[0] && y <= years[1]);
}

/**
 * CEPII BACI release archives: one zip per HS vintage and release
 * (`BACI_{HS}_{release}.zip`, e.g. `baci:HS17 --key V202401b`). The archive (up to 2.4 GB) is
 * downloaded whole, checked to be a complete zip (local header first, end-of-central-directory
 * record last), then streamed through fflate: only the requested years' `BACI_{HS}_Y{year}_{release}.csv`
 * and the release's `country_codes_*.csv` and `product_codes_*.csv` are written, each under its
 * own name (no paths), at most LINKAGE_BACI_MAX_BYTES in all. No release list is consulted
 * (CEPII publishes none as data); ZIP64 archives over 4 GB are not verified offline.
 */
export const baciClient: ApiClient = {
  api: 'baci',
  label: 'CEPII BACI',
  plan(q, env) {
    const { hs, release } = parts(q);
    return [{ id: 'archive', url: `${baciBase(env)}/BACI_${hs}_${release}.zip`, headers: { accept: 'application/zip' } }];
  },
  async check(file) {
    const text = await head(file, 512);
    if (!(await startsWithZip(file))) {
      rejectHtml(text, 'CEPII');
      throw new BodyError("CEPII answered something other than a zip archive");
    }
    if (!(await endsWithCentralDirectory(file))) throw new BodyError('CEPII archive truncated: no end-of-central-directory record');
    return [];
  },
  async assemble(chunks, q, dir) {
    const { hs, release } = parts(q);
    const zip = (chunks[0] as { file: string }).file;
    const limit = maxBytes(process.env);
    const out: { name: string; file: string }[] = [];
    let total = 0;
    let failure: Error | undefined;
    const unzip = new Unzip((entry) => {
      if (!wanted(entry.name, hs, release, q.years)) return;
      const file = join(dir, entry.name);
      const fd = openSync(file, 'w');
      out.push({ name: entry.name, file });
      entry.ondata = (err, data, final) => {
        if (failure) return;
        if (err) failure = err;
        else {
          total += data.length;
          if (total > limit) failure = new BodyError(`CEPII archive expands beyond LINKAGE_BACI_MAX_BYTES (${limit} bytes)`);
          else writeSync(fd, data);
        }
        if (final || failure) closeSync(fd);
      };
      entry.start();
    });
    unzip.register(UnzipInflate);
    for await (const chunk of createReadStream(zip, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      unzip.push(chunk);
      if (failure) break;
    }
    if (!failure) unzip.push(new Uint8Array(0), true);
    if (failure) throw failure instanceof BodyError ? failure : new BodyError(`CEPII archive cannot be read: ${failure.message}`);
    if (!out.some((f) => f.name.startsWith('country_codes_')) || !out.some((f) => f.name.startsWith('BACI_'))) {
      throw dataError(fetchMsg.baciContents(`BACI_${hs}_${release}.zip`, q.years), {});
    }
    return out.sort((a, b) => a.name.localeCompare(b.name));
  },
};

async function startsWithZip(file: string): Promise<boolean> {
  const h = await open(file, 'r');
  try {
    const b = Buffer.alloc(4);
    const { bytesRead } = await h.read(b, 0, 4, 0);
    return bytesRead === 4 && b.readUInt32LE(0) === 0x04034b50;
  } finally {
    await h.close();
  }
}

async function endsWithCentralDirectory(file: string): Promise<boolean> {
  const size = statSync(file).size;
  const n = Math.min(size, 65_557);
  const h = await open(file, 'r');
  try {
    const b = Buffer.alloc(n);
    await h.read(b, 0, n, size - n);
    for (let i = n - 22; i >= 0; i--) if (b.readUInt32LE(i) === 0x06054b50) return true;
    return false;
  } finally {
    await h.close();
  }
}
