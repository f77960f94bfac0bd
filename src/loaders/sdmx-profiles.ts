import { readFileSync } from 'node:fs';
import { dataError } from '../errors.js';
import { msg } from '../messages.js';
import { parseDataCsv } from '../model/csv-text.js';
import { dataPath } from '../paths.js';

/** What a profile makes of one observation's dimension codes. */
export type ProfileResult = { measure: string; unit: string } | { skip: string };

/**
 * A strict reading of one dataflow: the dimension columns it relies on (checked in the header)
 * and the mapping of their codes to canonical measures. An unknown code is a data error naming it.
 */
export interface SdmxProfile {
  /** Columns the header must have; `A|B` accepts either name. */
  required: readonly string[];
  /** Text recorded in provenance (basis, authority, …) from the first observation. */
  map(code: (dimension: string) => string, where: { file: string; line: number }): ProfileResult;
}

let codes: Map<string, string> | undefined;

/** Meaning of a code in data/sdmx-codes.csv, or undefined. */
export function knownMeaning(dsd: string, dimension: string, code: string): string | undefined {
  if (codes === undefined) {
    codes = new Map();
    for (const r of parseDataCsv(readFileSync(dataPath('sdmx-codes.csv'), 'utf8'))) codes.set(`${r.dsd}|${r.dimension}|${r.code}`, r.meaning ?? '');
  }
  return codes.get(`${dsd}|${dimension}|${code}`);
}

/** Meaning of a code (data/sdmx-codes.csv); throws a data error naming unknown codes. */
function meaning(dsd: string, dimension: string, code: string, where: { file: string; line: number }): string {
  const m = knownMeaning(dsd, dimension, code);
  if (m === undefined) throw dataError(msg.unknownSdmxCode(dimension, code, dsd), { ...where, column: dimension });
  return m;
}

/**
 * Patent co-operation (DSD_PATENTS): canonical measures
 * `patents:<type>:<pct|count>:<authority>:<date type>` with partner = PARTNER_AREA, and totals
 * `patents:total:count:<authority>:<date type>:<inventor|owner>` (partner empty).
 */
const patents: SdmxProfile = {
  required: ['PATENT_AUTHORITIES', 'MEASURE', 'UNIT_MEASURE', 'DATE_TYPE', 'REF_AREA', 'PARTNER_AREA', 'AGENT_ROLE', 'COOPERATION_TYPE', 'UNIT_MULT'],
  map(code, where) {
    const type = meaning('DSD_PATENTS', 'COOPERATION_TYPE', code('COOPERATION_TYPE'), where);
    const unit = meaning('DSD_PATENTS', 'UNIT_MEASURE', code('UNIT_MEASURE'), where);
    const role = meaning('DSD_PATENTS', 'AGENT_ROLE', code('AGENT_ROLE'), where);
    const tail = `${code('PATENT_AUTHORITIES')}:${code('DATE_TYPE')}`;
    if (type === 'total') {
      if (unit !== 'count' || (role !== 'inventor' && role !== 'owner')) return { skip: 'patent total that is not a count by inventor or owner country' };
      return { measure: `patents:total:count:${tail}:${role}`, unit: 'count' };
    }
    return { measure: `patents:${type}:${unit}:${tail}`, unit: unit === 'pct' ? 'percent' : 'count' };
  },
};

/**
 * FDI positions by partner (DSD_FDI). The Data Explorer's CTRY dataflows carry the direction in
 * MEASURE_PRINCIPLE (`DI` inward, `DO` outward, both directional; apis.md §8); a layout with a
 * separate DIRECTION column (principle `D`) is read too.
 */
const fdi: SdmxProfile = {
  required: ['REF_AREA', 'COUNTERPART_AREA', 'MEASURE', 'UNIT_MEASURE', 'UNIT_MULT', 'MEASURE_PRINCIPLE', 'LEVEL_COUNTERPART'],
  map(code, where) {
    if (meaning('DSD_FDI', 'MEASURE', code('MEASURE'), where) !== 'position') return { skip: 'not an FDI position' };
    const principle = meaning('DSD_FDI', 'MEASURE_PRINCIPLE', code('MEASURE_PRINCIPLE'), where);
    meaning('DSD_FDI', 'LEVEL_COUNTERPART', code('LEVEL_COUNTERPART'), where);
    const dir = code('DIRECTION') !== '' ? meaning('DSD_FDI', 'DIRECTION', code('DIRECTION'), where) : /^(inward|outward)\b/.exec(principle)?.[1];
    if (dir === undefined) throw dataError(msg.missingColumn('DIRECTION', `DSD_FDI (MEASURE_PRINCIPLE ${code('MEASURE_PRINCIPLE')} does not say the direction)`), { ...where, column: 'MEASURE_PRINCIPLE' });
    return { measure: dir === 'outward' ? 'fdi_outward_position_usd' : 'fdi_inward_position_usd', unit: 'usd' };
  },
};

/**
 * OECD-WTO BaTIS services trade by partner: item SH (charges for the use of IP). The flow column is
 * TRADE_FLOW (apis.md §8; `FLOW` in older layouts); with an ADJUSTMENT column only the balanced
 * values (`B`) are read, reported ones (`N`, `F`) are skipped and counted.
 */
const batis: SdmxProfile = {
  required: ['REF_AREA', 'COUNTERPART_AREA', 'TRADE_FLOW|FLOW', 'SERVICE', 'UNIT_MULT'],
  map(code, where) {
    const item = code('SERVICE');
    if (item !== 'SH') return { skip: `services item ${item} (only SH, charges for the use of IP, is read)` };
    meaning('DSD_BATIS', 'SERVICE', item, where);
    const adjustment = code('ADJUSTMENT');
    if (adjustment !== '' && adjustment !== 'B') return { skip: `BaTIS ADJUSTMENT ${adjustment} (only B, the balanced value, is read)` };
    const flow = meaning('DSD_BATIS', 'TRADE_FLOW', code('TRADE_FLOW') || code('FLOW'), where);
    return { measure: flow === 'receipts' ? 'ip_charges_receipts_usd' : 'ip_charges_payments_usd', unit: 'usd' };
  },
};

/**
 * OECD STRI (DSD_STRI): the bilateral regulatory heterogeneity index (DF_STRI_HETERO, partner in
 * COUNTERPART_AREA) by sector, as `stri_heterogeneity:<sector>` (sector named in
 * data/sdmx-codes.csv, else its ACTIVITY code). Other STRI measures are skipped and counted.
 */
const stri: SdmxProfile = {
  required: ['REF_AREA', 'COUNTERPART_AREA', 'MEASURE', 'ACTIVITY'],
  map(code, where) {
    if (meaning('DSD_STRI', 'MEASURE', code('MEASURE'), where) !== 'heterogeneity') return { skip: 'STRI measure other than regulatory heterogeneity' };
    const activity = code('ACTIVITY');
    return { measure: `stri_heterogeneity:${knownMeaning('DSD_STRI', 'ACTIVITY', activity) ?? activity}`, unit: 'index' };
  },
};

export const PROFILES: Readonly<Record<string, SdmxProfile>> = { DSD_PATENTS: patents, DSD_FDI: fdi, DSD_BATIS: batis, DSD_STRI: stri };

/** Basis text for provenance: measurement principle and counterpart level (FDI), authority (patents). */
export function basisOf(dsd: string, code: (dimension: string) => string): string | undefined {
  // DI and DO are both the directional principle (D): one basis for a file holding both directions.
  if (dsd === 'DSD_FDI') return `principle ${/^D[IO]$/.test(code('MEASURE_PRINCIPLE')) ? 'D' : code('MEASURE_PRINCIPLE')}, counterpart ${code('LEVEL_COUNTERPART')}`;
  if (dsd === 'DSD_PATENTS') return `authority ${code('PATENT_AUTHORITIES')}, ${code('DATE_TYPE')} date`;
  return undefined;
}
