import { usageError } from '../src/errors.js';
import { msg } from '../src/messages.js';
import type { Indicator, Result } from '../src/model/indicator.js';
import { missingResult, provenanceOf } from '../src/model/indicator.js';
import { geoCodeArg } from '../src/model/groups.js';
import { directionOf, greenfieldCells } from './greenfield.js';

/**
 * High-tech content of greenfield FDI between an economy (or group) and a partner (or group):
 * high-tech capital expenditure / all capital expenditure, outward (the geography invests in the
 * partner) or inward (the partner invests in the geography). With --option since=YYYY the
 * projects announced from YYYY to the year are cumulated, as the study's Table 4 does.
 */
export const fdiHightechContent: Indicator = {
  meta: {
    id: 'fdi-hightech-content',
    title: 'High-tech content of greenfield FDI (% of capital expenditure)',
    unit: 'percent',
    definition:
      'Σ capital expenditure of announced greenfield projects in high-technology sectors / Σ capital expenditure of all projects, for one direction between a geography and a partner; the sector list is data/greenfield-hightech-sectors.csv (OECD R&D-intensity taxonomy).',
    measures: ['greenfield_capex_usd', 'greenfield_capex_hightech_usd'],
    sources: ['project-level greenfield FDI (e.g. fDi Markets, licensed) in linkage\'s documented CSV layout'],
    caveats: [
      'Announced capital expenditure, often estimated by the data provider, not realised investment.',
      'The high-tech sector list is a choice (data/greenfield-hightech-sectors.csv); results move with it.',
    ],
    options: {
      partner: { description: 'partner economies or groups, comma-separated (each a result)', default: 'none (required)', kind: 'geos' },
      direction: { description: 'outward or inward', default: 'outward', values: ['outward', 'inward'] },
      since: { description: 'first year of a cumulative sum (default: the year alone)', default: '', kind: 'number' },
    },
    chart: 'bars',
    example: { partner: 'JPN,KOR,USA,EU28', since: '2003' },
  },
  compute(req) {
    const direction = directionOf(req.options.direction);
    if (direction === undefined) throw usageError(msg.badChoice('direction', ['outward', 'inward'], req.options.direction ?? '', '--option direction=inward'));
    const partners = (req.options.partner ?? '').split(',').filter((p) => p.trim() !== '').map((p) => geoCodeArg(req.groups, p));
    if (partners.length === 0) throw usageError(msg.needsOption('fdi-hightech-content', '--option partner=ISO3[,ISO3|GROUP...]', '--option partner=JPN,KOR,USA'));
    const since = req.options.since ? Number(req.options.since) : undefined;
    return greenfieldCells(req, partners, direction, since).map(({ geo, partner, year, sums: { total, hightech, rows }, none }): Result => {
      const base = missingResult('fdi-hightech-content', geo, year, { partner, breakdown: direction });
      if (total === 0) return { ...base, reason: none };
      return { ...base, value: (100 * hightech) / total, status: 'ok', provenance: provenanceOf(rows), detail: { hightech_usd: hightech, total_usd: total, ...(since ? { cumulative_from: since } : {}) } };
    });
  },
};
