import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Papa from 'papaparse';
import { dataError } from '../errors.js';
import { fetchMsg } from '../messages.js';
import { head, rejectHtml, rejectThrottleText } from './body.js';
import { BodyError, type ApiClient, type Chunk, type Query } from './types.js';

/** Base URL: LINKAGE_OECD_API, default `https://sdmx.oecd.org/public/rest` (SDMX REST v1, apis.md §1.1). */
export function oecdBase(env: NodeJS.ProcessEnv): string {
  return (env['LINKAGE_OECD_API'] || 'https://sdmx.oecd.org/public/rest').replace(/\/+$/, '');
}

/** Agencies of the DSDs linkage reads (apis.md §1.3), for ids given without one (`DSD_PATENTS@DF_…`). */
export const OECD_AGENCIES: Readonly<Record<string, string>> = {
  DSD_MSTI: 'OECD.STI.STP',
  DSD_RDS_GERD: 'OECD.STI.STP',
  DSD_RDS_BERD: 'OECD.STI.STP',
  DSD_ANBERD: 'OECD.STI.STP',
  DSD_BIBLIO: 'OECD.STI.STP',
  DSD_PATENTS: 'OECD.STI.PIE',
  DSD_FDI: 'OECD.DAF.INV',
  DSD_BATIS: 'OECD.SDD.TPS',
  DSD_STRI: 'OECD.TAD.TPD',
};

/** Years a single OECD request may span; longer spans are split (and resumed) by blocks of years. */
export const OECD_YEARS_PER_REQUEST = 10;

/**
 * `AGENCY,DSD@DF[,VERSION]` or `DSD@DF` → the flow reference of the URL. Without a version the
 * API answers the latest (v1 grammar: an empty version position).
 */
export function oecdFlowRef(id: string): string {
  const parts = id.split(',').map((p) => p.trim());
  if (parts.length === 1) {
    const dsd = /^([A-Z0-9_]+)@[A-Za-z0-9_]+$/.exec(parts[0] ?? '')?.[1];
    const agency = dsd === undefined ? undefined : OECD_AGENCIES[dsd];
    if (agency === undefined) {
      throw dataError(fetchMsg.oecdAgency(id, Object.keys(OECD_AGENCIES)), {});
    }
    return `${agency},${parts[0]},`;
  }
  if (parts.length > 3 || !/^[A-Z][A-Z0-9._]*$/.test(parts[0] ?? '') || !/^[A-Za-z0-9_]+@[A-Za-z0-9_]+$/.test(parts[1] ?? '') || !/^[0-9.]*$/.test(parts[2] ?? '')) {
    throw dataError(fetchMsg.badQuery(`oecd:${id}`), {});
  }
  return `${parts[0]},${parts[1]},${parts[2] ?? ''}`;
}

function url(base: string, flow: string, key: string, span?: readonly [number, number]): string {
  const period = span ? `startPeriod=${span[0]}&endPeriod=${span[1]}&` : '';
  return `${base}/data/${flow}/${encodeURIComponent(key).replace(/%2B/gi, '+').replace(/%40/gi, '@')}?${period}dimensionAtObservation=AllDimensions&format=csvfilewithlabels`;
}

/** Fields of one CSV line (quoted commas respected). */
function fieldsOf(line: string): string[] {
  return Papa.parse<string[]>(line, { delimiter: ',' }).data[0] ?? [];
}

/** The last non-empty line of a file (read from its tail). */
async function lastLine(file: string): Promise<string> {
  const size = statSync(file).size;
  const n = Math.min(size, 1 << 16);
  const h = await open(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    await h.read(buf, 0, n, size - n);
    const lines = buf.toString('utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
    return lines[lines.length - 1] ?? '';
  } finally {
    await h.close();
  }
}

/**
 * OECD Data Explorer SDMX REST (v1 grammar), SDMX-CSV with labels: `…/data/{agency},{flow},{version}/{key}
 * ?startPeriod&endPeriod&dimensionAtObservation=AllDimensions&format=csvfilewithlabels`. The body
 * must start with the SDMX-CSV header (`STRUCTURE,` or `DATAFLOW,`): OECD has been seen answering
 * its throttle text with status 200. A last line with fewer fields than the header is a truncated
 * answer (retried). Spans longer than 10 years are fetched in blocks of 10 and concatenated.
 */
export const oecdClient: ApiClient = {
  api: 'oecd',
  label: 'OECD Data Explorer API',
  plan(q: Query, env) {
    const flow = oecdFlowRef(q.id);
    const key = q.key ?? 'all';
    const headers = { accept: 'text/csv', 'accept-language': 'en' };
    if (q.years === undefined) return [{ id: 'all', url: url(oecdBase(env), flow, key), headers }];
    const chunks: Chunk[] = [];
    for (let y = q.years[0]; y <= q.years[1]; y += OECD_YEARS_PER_REQUEST) {
      const span: [number, number] = [y, Math.min(q.years[1], y + OECD_YEARS_PER_REQUEST - 1)];
      chunks.push({ id: `y${span[0]}-${span[1]}`, url: url(oecdBase(env), flow, key, span), headers });
    }
    return chunks;
  },
  async check(file) {
    const text = await head(file);
    rejectHtml(text, 'OECD');
    rejectThrottleText(text, 'OECD');
    if (!/^(STRUCTURE|DATAFLOW|dataflow),/.test(text)) throw new BodyError(`OECD answered something other than SDMX-CSV (starts "${text.slice(0, 40).replace(/\s+/g, ' ')}")`);
    const header = fieldsOf(text.split(/\r?\n/)[0] ?? '');
    const last = fieldsOf(await lastLine(file));
    if (last.length < header.length) throw new BodyError(`OECD answer truncated: its last line has ${last.length} of ${header.length} fields`);
    return [];
  },
  async assemble(chunks, q, dir) {
    const name = `oecd-${(q.id.split(',')[1] ?? q.id).trim()}.csv`;
    const file = join(dir, name);
    const out = createWriteStream(file);
    let header: string | undefined;
    for (const { file: part } of chunks) {
      let first = true;
      for await (const line of createInterface({ input: createReadStream(part, 'utf8'), crlfDelay: Infinity })) {
        const text = line.replace(/^\uFEFF/, '');
        if (first) {
          first = false;
          if (header === undefined) {
            header = text;
            out.write(`${text}\n`);
          } else if (text !== header) throw new BodyError('OECD answered blocks of years with different columns');
          continue;
        }
        if (text.trim() !== '') out.write(`${text}\n`);
      }
    }
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    return [{ name, file }];
  },
};
