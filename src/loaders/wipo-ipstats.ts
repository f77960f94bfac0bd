import { dataError } from '../errors.js';
import { msg } from '../messages.js';
import type { CanonicalRow, Provenance } from '../model/types.js';
import { parseValue } from './cells.js';
import type { Loader, RowParser } from './loader.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** `Indicator :4a- Patent publications by technology` → `4a`; `Last updated: May 2026` → `2026-05`. */
function fromPreamble(preamble: string[][]): { right?: string; indicator?: string; edition?: string } {
  const out: { right?: string; indicator?: string; edition?: string } = {};
  for (const r of preamble) {
    const line = (r[0] ?? '').trim();
    const ind = /^Indicator\s*:\s*([^-\s]+)\s*-/.exec(line);
    if (ind) out.indicator = ind[1];
    const right = /^Intellectual property right\s*:\s*(.+)$/.exec(line);
    if (right) out.right = right[1]?.trim();
    const upd = /Last updated:\s*([A-Za-z]+)\s+(\d{4})/.exec(r.join(','));
    if (upd) {
      const m = MONTHS.indexOf((upd[1] ?? '').toLowerCase());
      out.edition = m === -1 ? upd[2] : `${upd[2]}-${String(m + 1).padStart(2, '0')}`;
    }
  }
  return out;
}

/**
 * WIPO IP Statistics Data Center CSV export: six preamble lines (right, indicator, source and
 * update date), the header on line 7 (`Origin, Origin (Code), Office, Field of technology`, one
 * column per year, a trailing empty field). Origin codes are ISO-2 (historical ones such as SU,
 * DD included). Canonical measure `wipo:<indicator>:<office>:<field or breakdown>`. A file
 * without its preamble is refused: the indicator and edition would be unknown.
 */
export const wipoIpStatsLoader: Loader = {
  id: 'wipo-ipstats',
  label: 'WIPO IP Statistics Data Center CSV export',
  detect(header) {
    return (header[0] ?? '').trim() === 'Origin' && (header[1] ?? '').trim() === 'Origin (Code)';
  },
  open(header, ctx, preamble): RowParser {
    const meta = fromPreamble(preamble);
    if (meta.indicator === undefined) {
      throw dataError(msg.wipoPreamble(), { file: ctx.file, line: 1 });
    }
    const years = header.map((h) => (/^\d{4}$/.test(h.trim()) ? Number(h.trim()) : undefined));
    const office = header.indexOf('Office');
    const breakdown = office === -1 ? -1 : office + 1;
    const provenance: Provenance = { source: 'WIPO', dataset: `IPSTATS ${meta.indicator}${meta.right ? ` (${meta.right})` : ''}`, edition: meta.edition ?? 'unknown', file: ctx.file, sha256: ctx.sha256 };
    const iso2 = new Map(ctx.countries.all().filter((a) => a.iso2 !== '').map((a) => [a.iso2, a.code]));
    return {
      dataset: provenance.dataset,
      edition: provenance.edition,
      provenance,
      parse(fields, line) {
        const code = (fields[1] ?? '').trim();
        const geo = iso2.get(code);
        if (geo === undefined) {
          const reason = ctx.countries.ignoredReason(code);
          if (reason !== undefined) return { skip: reason };
          throw dataError(msg.unknownIso2(code), { file: ctx.file, line, column: 'Origin (Code)' });
        }
        const field = breakdown === -1 ? 'total' : (fields[breakdown] ?? '').trim() || 'total';
        const measure = `wipo:${meta.indicator}:${office === -1 ? 'Total' : (fields[office] ?? '').trim()}:${field}`;
        const rows: CanonicalRow[] = [];
        let empty = 0;
        years.forEach((year, i) => {
          if (year === undefined) return;
          const value = parseValue(fields[i], ctx.file, line, String(year));
          if (value !== null) rows.push({ measure, geo, partner: null, year, value, unit: 'count', flags: {}, provenance });
          else empty++;
        });
        const skipped: Record<string, number> = empty > 0 ? { 'empty year cell (missing)': empty } : {};
        return { rows, skipped };
      },
    };
  },
};
