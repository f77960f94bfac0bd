import { dataError } from '../errors.js';
import { msg, reason } from '../messages.js';
import type { CanonicalRow, Provenance } from '../model/types.js';
import { editionFromFileName, parseValue, parseYear } from './cells.js';
import { requireColumn, type Loader, type LoaderContext, type RowParser } from './loader.js';
import { own } from '../model/dict.js';

/** Trade flows by their Comtrade codes: legacy numeric codes and Comtrade Plus letters. */
const LEGACY_FLOWS: Record<string, string> = { '1': 'M', '2': 'X', '3': 'RX', '4': 'RM' };
const PLUS_FLOWS = new Set(['M', 'X', 'RM', 'RX']);

/** Comtrade numeric area code → registry code (France 251, USA 842, 490 "Other Asia, nes" → S19). */
export function comtradeArea(ctx: LoaderContext, code: string, line: number, column: string, taiwan490: boolean): string {
  const c = code.trim();
  if (c === '0') return 'WLD';
  if (c === '490' && taiwan490) return 'TWN';
  const hit = ctx.countries.lookupNumeric(c);
  if (hit !== undefined) return hit;
  throw dataError(msg.unknownComtradeArea(c), { file: ctx.file, line, column });
}

/**
 * A commodity code as HS writes it: legacy Comtrade files (and spreadsheets that read codes as
 * numbers) drop the leading zero of chapters 01–09, so `1`, `101`, `10121` are `01`, `0101`,
 * `010121`. Only HS classifications (H0–H6, HS) are padded; SITC codes have odd lengths by design.
 */
export function hsCode(cls: string, code: string): string {
  return /^H[S0-9]$/.test(cls) && /^\d+$/.test(code) && code.length % 2 === 1 && code.length < 6 ? `0${code}` : code;
}

/**
 * One raw trade observation in the canonical table:
 * measure `trade:<X|M|RX|RM>:<classification>:<commodity code>`, geo = reporter, partner = partner
 * (WLD for the world row), value in US$; null when the export leaves the value empty (then `missing`
 * names the file and line).
 */
function tradeRow(flow: string, cls: string, cmd: string, geo: string, partner: string, year: number, value: number | null, provenance: Provenance, flag: string, missing: string | undefined): CanonicalRow {
  const row: CanonicalRow = { measure: `trade:${flow}:${cls}:${cmd}`, geo, partner, year, value, unit: 'usd', flags: flag && flag !== '0' ? { raw: flag, estimated: true } : {}, provenance };
  if (value === null && missing !== undefined) row.missing = missing;
  return row;
}

interface Columns {
  cls: number;
  year: number;
  flow: number;
  reporter: number;
  partner: number;
  cmd: number;
  value: number;
  flag: number;
}

function makeParser(header: string[], ctx: LoaderContext, label: string, dataset: string, cols: Columns, extra: (fields: string[], line: number) => string | null, flowOf: (code: string) => string | undefined): RowParser {
  const provenance: Provenance = { source: 'UN Comtrade', dataset, edition: editionFromFileName(ctx.file), file: ctx.file, sha256: ctx.sha256 };
  const seen = new Set<string>();
  const taiwan = ctx.options?.taiwan490 === true;
  return {
    dataset,
    edition: provenance.edition,
    provenance,
    parse(fields, line) {
      if (fields.length !== header.length && !(fields.length === header.length + 1 && fields[fields.length - 1] === '')) {
        throw dataError(msg.fieldCount(header.length, fields.length), { file: ctx.file, line });
      }
      const skip = extra(fields, line);
      if (skip !== null) return { skip };
      const flowCode = (fields[cols.flow] ?? '').trim();
      const flow = flowOf(flowCode);
      if (flow === undefined) return { skip: `trade flow ${flowCode} (only imports, exports, re-imports, re-exports are read)` };
      // An empty value (not published, confidential) is a row whose value is missing, never a row
      // left out: a product-group sum with it has no value (src/trade/aggregate.ts).
      const value = parseValue(fields[cols.value], ctx.file, line, header[cols.value] ?? 'value');
      if (value !== null && value < 0) throw dataError(msg.negativeValue('trade value', value, 'trade values cannot be negative; the export is corrupt'), { file: ctx.file, line, column: header[cols.value] ?? 'value' });
      const reporter = comtradeArea(ctx, fields[cols.reporter] ?? '', line, header[cols.reporter] ?? 'reporter', taiwan);
      const partner = comtradeArea(ctx, fields[cols.partner] ?? '', line, header[cols.partner] ?? 'partner', taiwan);
      const year = parseYear(fields[cols.year], ctx.file, line, header[cols.year] ?? 'year');
      const cls = (fields[cols.cls] ?? '').trim();
      const cmd = hsCode(cls, (fields[cols.cmd] ?? '').trim());
      const key = `${flow}|${cls}|${cmd}|${reporter}|${partner}|${year}`;
      if (seen.has(key)) {
        throw dataError(msg.duplicateTradeRow(`${reporter}→${partner} ${flow} ${cmd} ${year}`, label), { file: ctx.file, line });
      }
      seen.add(key);
      return tradeRow(flow, cls, cmd, reporter, partner, year, value, provenance, (fields[cols.flag] ?? '').trim(), value === null ? reason.emptyTradeValue(header[cols.value] ?? 'value', ctx.file, line) : undefined);
    },
  };
}

/** Header names without the spaces some exports put around them (as the OECD loaders read theirs). */
function trimmed(header: readonly string[]): string[] {
  return header.map((h) => h.trim());
}

function need(header: string[], name: string, ctx: LoaderContext, format: string): number {
  return requireColumn(header, name, ctx.file, format);
}

/**
 * Legacy UN Comtrade CSV (`Classification,Year,…,Trade Value (US$),…,Flag`, 35 or 22 or 12
 * columns): numeric area codes are the key (the ISO column is blank for "nes" areas); the
 * classification may change inside a file (H4 → H5).
 */
export const comtradeLegacyLoader: Loader = {
  id: 'comtrade-legacy',
  label: 'UN Comtrade legacy CSV',
  signature: ['Classification', 'Year', 'Trade Flow Code', 'Reporter Code', 'Partner Code', 'Commodity Code', 'Trade Value (US$)'],
  detect(raw) {
    const header = trimmed(raw);
    return header[0] === 'Classification' && header.includes('Trade Value (US$)') && header.includes('Reporter Code');
  },
  open(raw, ctx): RowParser {
    const header = trimmed(raw);
    const n = (name: string) => need(header, name, ctx, this.label);
    const cols: Columns = { cls: n('Classification'), year: n('Year'), flow: n('Trade Flow Code'), reporter: n('Reporter Code'), partner: n('Partner Code'), cmd: n('Commodity Code'), value: n('Trade Value (US$)'), flag: header.indexOf('Flag') };
    const p2 = header.indexOf('2nd Partner Code');
    const mot = header.indexOf('Mode of Transport Code');
    const cus = header.indexOf('Customs Proc. Code');
    const breakdown = (f: string[]) => {
      const a = p2 === -1 ? '' : (f[p2] ?? '').trim();
      const b = mot === -1 ? '' : (f[mot] ?? '').trim();
      const c = cus === -1 ? '' : (f[cus] ?? '').trim();
      return (a !== '' && a !== '0') || (b !== '' && b !== '0') || (c !== '' && c !== 'C00') ? 'breakdown row by 2nd partner, transport mode or customs procedure (would double count)' : null;
    };
    return makeParser(header, ctx, this.label, 'Comtrade legacy', cols, breakdown, (code) => own(LEGACY_FLOWS, code));
  },
};

/**
 * Comtrade Plus CSV (47 header names, 48 fields per row, every value quoted, cp1252) and the Plus
 * API JSON records: `primaryValue` is the value; only partner2Code=0, motCode=0, customsCode=C00
 * rows are kept (the others break the same flow down again and would double count); the rest are
 * counted as skipped.
 */
export const comtradePlusLoader: Loader = {
  id: 'comtrade-plus',
  label: 'UN Comtrade Plus CSV/JSON',
  signature: ['refYear', 'flowCode', 'reporterCode', 'partnerCode', 'cmdCode', 'primaryValue', 'classificationCode'],
  detect(raw) {
    const header = trimmed(raw);
    return header.includes('primaryValue') && header.includes('reporterCode') && header.includes('partnerCode');
  },
  open(raw, ctx): RowParser {
    const header = trimmed(raw);
    const n = (name: string) => need(header, name, ctx, this.label);
    const cols: Columns = { cls: n('classificationCode'), year: n('refYear'), flow: n('flowCode'), reporter: n('reporterCode'), partner: n('partnerCode'), cmd: n('cmdCode'), value: n('primaryValue'), flag: header.indexOf('legacyEstimationFlag') };
    const p2 = n('partner2Code');
    const mot = n('motCode');
    const cus = n('customsCode');
    const freq = header.indexOf('freqCode');
    const breakdown = (f: string[]) => {
      const frequency = freq === -1 ? 'A' : (f[freq] ?? 'A').trim();
      if (frequency !== 'A') return `not annual (freqCode ${frequency})`;
      return (f[p2] ?? '').trim() !== '0' || (f[mot] ?? '').trim() !== '0' || (f[cus] ?? '').trim() !== 'C00' ? 'breakdown row (partner2Code≠0, motCode≠0 or customsCode≠C00) that would double count' : null;
    };
    return makeParser(header, ctx, this.label, 'Comtrade Plus', cols, breakdown, (code) => (PLUS_FLOWS.has(code) ? code : undefined));
  },
};
