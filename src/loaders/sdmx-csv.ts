import { dataError } from '../errors.js';
import { msg } from '../messages.js';
import { mapMeasure } from '../model/measures.js';
import type { Provenance } from '../model/types.js';
import { applyPower, editionFromFileName, parseFlags, parsePower, parseValue, parseYear } from './cells.js';
import { requireColumn, type Loader, type LoaderContext, type RowParser } from './loader.js';
import { basisOf, PROFILES, type SdmxProfile } from './sdmx-profiles.js';

const STRUCTURE_COLUMNS = new Set(['DATAFLOW', 'dataflow', 'STRUCTURE', 'STRUCTURE_ID', 'STRUCTURE_NAME', 'ACTION']);
const PARTNER = ['COUNTERPART_AREA', 'PARTNER_AREA'];
const CODE = /^[A-Z][A-Z0-9_]*$/;

/** `OECD.STI.STP:DSD_MSTI@DF_MSTI(1.3)` → `DSD_MSTI` (the key data/measures.csv uses). */
export function dsdOf(urn: string): string {
  const m = /:([A-Za-z0-9_]+)@/.exec(urn) ?? /^([A-Za-z0-9_]+)@/.exec(urn);
  return m?.[1] ?? urn;
}

/**
 * OECD Data Explorer SDMX-CSV, codes only (first column `DATAFLOW`) or with labels (first columns
 * `STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,ACTION`, each code column followed by its label).
 * Parsed by header name: REF_AREA, TIME_PERIOD, OBS_VALUE are required; UNIT_MULT is applied;
 * OBS_STATUS is kept as flags; a COUNTERPART_AREA/PARTNER_AREA column becomes `partner`. The
 * measure key is the other dimension codes (those before TIME_PERIOD) joined by ".".
 */
export const sdmxCsvLoader: Loader = {
  id: 'oecd-sdmx',
  label: 'OECD Data Explorer SDMX-CSV',
  detect(header) {
    const first = header[0] ?? '';
    return (first === 'DATAFLOW' || first === 'dataflow' || first === 'STRUCTURE') && header.includes('OBS_VALUE');
  },
  open(header, ctx): RowParser {
    const label = this.label;
    const withLabels = header[0] === 'STRUCTURE';
    const need = (name: string): number => requireColumn(header, name, ctx.file, this.label);
    const area = need('REF_AREA');
    const time = need('TIME_PERIOD');
    const value = need('OBS_VALUE');
    const partnerCol = header.findIndex((h) => PARTNER.includes(h));
    const freq = header.indexOf('FREQ');
    const mult = header.indexOf('UNIT_MULT');
    const status = header.indexOf('OBS_STATUS');
    const urnCol = withLabels ? need('STRUCTURE_ID') : 0;
    const dims: number[] = [];
    for (let i = 0; i < time; i++) {
      const h = header[i] ?? '';
      if (STRUCTURE_COLUMNS.has(h) || !CODE.test(h)) continue;
      if (i === area || i === partnerCol || i === freq) continue;
      dims.push(i);
    }
    const edition = editionFromFileName(ctx.file);
    const provenance: Provenance = { source: 'OECD', dataset: '', edition, file: ctx.file, sha256: ctx.sha256 };
    const areaOf = areaResolver(ctx);
    let urn = '';
    let profile: SdmxProfile | undefined;
    const code = (fields: string[]) => (dimension: string) => (fields[header.indexOf(dimension)] ?? '').trim();
    return {
      get dataset() {
        return provenance.dataset;
      },
      edition,
      provenance,
      parse(fields, line) {
        if (fields.length === 1 && (fields[0] ?? '').trim() === '') return null;
        if (fields.length < header.length) {
          throw dataError(msg.fieldCount(header.length, fields.length), { file: ctx.file, line });
        }
        const rowUrn = fields[urnCol] ?? '';
        if (urn === '') {
          urn = rowUrn;
          provenance.dataset = dsdOf(urn);
          profile = PROFILES[provenance.dataset];
          for (const dim of profile?.required ?? []) {
            const names = dim.split('|');
            if (!names.some((n) => header.includes(n))) {
              throw dataError(msg.missingColumn(names.join('" or "'), `${label} ${provenance.dataset}`), { file: ctx.file, line: 1 });
            }
          }
        } else if (rowUrn !== urn) {
          throw dataError(msg.mixedDataflows(urn, rowUrn), { file: ctx.file, line, column: header[urnCol] ?? 'DATAFLOW' });
        }
        if (freq !== -1 && (fields[freq] ?? '') !== 'A') return { skip: `not annual (FREQ ${fields[freq] ?? ''})` };
        const geo = areaOf(fields[area] ?? '', line, 'REF_AREA');
        if (typeof geo !== 'string') return geo;
        let partner: string | null = null;
        if (partnerCol !== -1 && (fields[partnerCol] ?? '').trim() !== '_Z') {
          const p = areaOf(fields[partnerCol] ?? '', line, header[partnerCol] ?? 'COUNTERPART_AREA');
          if (typeof p !== 'string') return p;
          partner = p;
        }
        const key = dims.map((i) => fields[i] ?? '').join('.');
        let mapped = mapMeasure(provenance.dataset, key);
        if (profile !== undefined) {
          const m = profile.map(code(fields), { file: ctx.file, line });
          if ('skip' in m) return m;
          mapped = { measure: m.measure, unit: m.unit, scale: 0, description: '' };
          const basis = basisOf(provenance.dataset, code(fields));
          if (provenance.basis === undefined) provenance.basis = basis;
          else if (basis !== provenance.basis) throw dataError(msg.mixedBases(provenance.basis, basis ?? ''), { file: ctx.file, line });
        }
        const raw = parseValue(fields[value], ctx.file, line, 'OBS_VALUE');
        const power = mult === -1 ? (mapped?.scale ?? 0) : parsePower(fields[mult], ctx.file, line, 'UNIT_MULT');
        return {
          measure: mapped?.measure ?? `${provenance.dataset}:${key}`,
          geo,
          partner,
          year: parseYear(fields[time], ctx.file, line, 'TIME_PERIOD'),
          value: applyPower(raw, power),
          unit: mapped?.unit ?? (fields[header.indexOf('UNIT_MEASURE')] ?? ''),
          flags: parseFlags(status === -1 ? '' : fields[status]),
          provenance,
        };
      },
    };
  },
};

/** SDMX area codes: ISO3, aggregates, and `W` (world) in OECD FDI/patent dataflows. */
function areaResolver(ctx: LoaderContext): (code: string, line: number, column: string) => string | { skip: string } {
  const cache = new Map<string, string>();
  return (code, line, column) => {
    const c = code.trim();
    const hit = cache.get(c);
    if (hit !== undefined) return hit;
    const reason = ctx.countries.ignoredReason(c);
    if (reason !== undefined) return { skip: reason };
    const resolved = c === 'W' || c === 'W0' || c === 'W00' || c === '_T' ? 'WLD' : ctx.countries.resolveCode(c, { file: ctx.file, line, column });
    cache.set(c, resolved);
    return resolved;
  };
}
