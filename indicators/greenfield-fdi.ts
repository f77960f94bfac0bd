import { usageError } from '../src/errors.js';
import { msg } from '../src/messages.js';
import type { Indicator, Result } from '../src/model/indicator.js';
import { missingResult, provenanceOf } from '../src/model/indicator.js';
import { geoCodeArg } from '../src/model/groups.js';
import { directionOf, greenfieldCells } from './greenfield.js';

/** Capex units: divisor from US$ and the unit label. */
const UNITS: Readonly<Record<string, number>> = { usd_m: 1e6, usd_100m: 1e8, usd_bn: 1e9 };

/**
 * Greenfield FDI between an economy (or group) and a partner, the study's Table 4: total announced
 * capital expenditure, high-tech capital expenditure, the high-tech share and the number of
 * projects, for one direction, optionally cumulated over years (`since`).
 */
export const greenfieldFdi: Indicator = {
  meta: {
    id: 'greenfield-fdi',
    title: 'Greenfield FDI: capital expenditure, projects and high-tech share (Table 4)',
    unit: 'usd_m',
    definition:
      'From announced greenfield projects, for one direction between a geography and a partner (outward: the geography invests in the partner; inward: the partner invests in the geography), summed over the year or over since..year: <direction>:capex = Σ capital expenditure (US$ millions, or --option unit=usd_100m / usd_bn); <direction>:hightech-capex = Σ capital expenditure in high-technology sectors (data/greenfield-hightech-sectors.csv); <direction>:hightech-share = 100 × high-tech / total (percent); <direction>:projects = number of projects.',
    measures: ['greenfield_capex_usd', 'greenfield_capex_hightech_usd', 'greenfield_projects'],
    sources: [
      'project-level greenfield FDI the user supplies (fDi Markets, fDi Intelligence/Financial Times, is licensed): CSV with columns source_economy, destination_economy (ISO3 or names), year, sector, capex_usd_m (announced capital expenditure, US$ millions); one project per row',
    ],
    caveats: [
      'fDi Markets is commercial: linkage ships no project data; the study\'s Table 4 (cumulative to 2018, 100 million US$) needs the user\'s licensed export in the layout above.',
      'Announced capital expenditure, often estimated by the provider, not realised investment; a cumulative sum of announcements is not an FDI stock.',
      'The high-tech share moves with the sector list in data/greenfield-hightech-sectors.csv.',
      'A pair without any announced project is missing (with the reason), not zero.',
    ],
    options: {
      partner: { description: 'partner economies or groups, comma-separated (each a result)', default: 'none (required)', kind: 'geos' },
      direction: { description: 'outward or inward', default: 'outward', values: ['outward', 'inward'] },
      since: { description: 'first year of a cumulative sum (default: the year alone)', default: '', kind: 'number' },
      unit: { description: 'capital expenditure unit: usd_m, usd_100m (亿美元, as the study) or usd_bn', default: 'usd_m', values: Object.keys(UNITS) },
    },
    chart: 'bars',
    example: { partner: 'JPN,KOR,USA,EU28', since: '2003', unit: 'usd_100m' },
  },
  compute(req) {
    const direction = directionOf(req.options.direction);
    if (direction === undefined) throw usageError(msg.badChoice('direction', ['outward', 'inward'], req.options.direction ?? '', '--option direction=inward'));
    const partners = (req.options.partner ?? '').split(',').filter((p) => p.trim() !== '').map((p) => geoCodeArg(req.groups, p));
    if (partners.length === 0) throw usageError(msg.needsOption('greenfield-fdi', '--option partner=ISO3[,ISO3|GROUP...]', '--option partner=JPN,KOR,USA,EU28'));
    const unit = req.options.unit ?? 'usd_m';
    const divisor = UNITS[unit];
    if (divisor === undefined) throw usageError(msg.badChoice('unit', Object.keys(UNITS), unit, '--option unit=usd_100m'));
    const since = req.options.since ? Number(req.options.since) : undefined;
    if (since !== undefined && !Number.isInteger(since)) throw usageError(msg.optionYear('since', req.options.since ?? '', '--option since=2003'));
    return greenfieldCells(req, partners, direction, since).flatMap(({ geo, partner, year, sums: s, none }) => {
      const series: [string, string, number][] = [
        ['capex', unit, s.total / divisor],
        ['hightech-capex', unit, s.hightech / divisor],
        ['hightech-share', 'percent', s.total === 0 ? Number.NaN : (100 * s.hightech) / s.total],
        ['projects', 'count', s.projects],
      ];
      return series.map(([name, u, value]): Result => {
        const base = missingResult('greenfield-fdi', geo, year, { partner, breakdown: `${direction}:${name}`, unit: u });
        if (s.total === 0) return { ...base, reason: none };
        return { ...base, value, status: 'ok', provenance: provenanceOf(s.rows), detail: { capex_usd: s.total, hightech_capex_usd: s.hightech, projects: s.projects, ...(since ? { cumulative_from: since } : {}) } };
      });
    });
  },
};
