import { usageError } from '../src/errors.js';
import { msg } from '../src/messages.js';
import type { ComputeRequest, Geo, Indicator, Result } from '../src/model/indicator.js';
import { missingResult, provenanceOf } from '../src/model/indicator.js';
import { geoCodeArg } from '../src/model/groups.js';
import { because, decide } from '../src/model/preferred.js';
import type { CanonicalRow } from '../src/model/types.js';

/**
 * The pair's index, reading the reverse direction only where no input holds the direct one (the
 * index is symmetric). The direct key's first row decides (src/model/preferred.ts): where it is
 * empty the pair is unknown (`why`), never another edition's or the reverse row's figure.
 */
function pairValue(req: ComputeRequest, measure: string, a: string, b: string, year: number): { row: CanonicalRow | undefined; why: string[] } {
  const direct = decide(req.table.candidates(measure, a, year, b, req.edition), req.edition);
  return direct.held ? direct : decide(req.table.candidates(measure, b, year, a, req.edition), req.edition);
}

/**
 * OECD STRI regulatory heterogeneity between pairs of economies in one services sector: for a
 * group, the lowest and highest index over every pair of members (the study's "0.41–0.62" for
 * CJK telecoms); for a country, one result per partner (`--option partner=`).
 */
export const striHeterogeneity: Indicator = {
  meta: {
    id: 'stri-heterogeneity',
    title: 'Services regulatory heterogeneity between economies (OECD STRI, 0–1)',
    unit: 'index',
    definition:
      'The OECD STRI regulatory heterogeneity index of a pair of economies in one sector (0 = identical regulation, 1 = every measure differs). For a group: the minimum (breakdown <sector>-min) and maximum (<sector>-max) over all pairs of members; every pair must be published, otherwise the range is missing and names the pair.',
    measures: ['stri_heterogeneity'],
    sources: ['OECD Services Trade Restrictiveness Index, regulatory heterogeneity (OECD.TAD.TPD, DSD_STRI@DF_STRI_HETERO, SDMX-CSV, partner in COUNTERPART_AREA)'],
    caveats: [
      'The index is bilateral and symmetric; where only one direction of a pair is published it is used for both.',
      'STRI covers 22 sectors for 48 economies from 2014; sector codes other than telecom (TC) are read under their source code unless data/sdmx-codes.csv names them.',
      'A range over pairs says nothing about which pair is most different: detail.pairs lists every pair.',
    ],
    options: {
      sector: { description: 'STRI sector (name in data/sdmx-codes.csv, e.g. telecom, or the ACTIVITY code)', default: 'telecom' },
      partner: { description: 'partners of a country, comma-separated (countries only)', default: '' },
    },
    chart: 'dots',
    example: { sector: 'telecom', partner: 'CHN,JPN' },
  },
  compute(req) {
    const sector = req.options.sector ?? 'telecom';
    const measure = `stri_heterogeneity:${sector}`;
    const out: Result[] = [];
    for (const geo of req.geos) {
      const members = geo.kind === 'group' ? geo.group.members : [geo.code];
      const years = req.years ?? req.table.years([measure], members).reverse().slice(0, 1);
      for (const year of years) {
        if (geo.kind === 'group') out.push(...groupRange(req, geo, members, measure, sector, year));
        else out.push(...countryPairs(req, geo, measure, sector, year));
      }
      if (years.length === 0) out.push(missingResult('stri-heterogeneity', geo, 0, { unit: 'index', breakdown: sector, reason: `the input has no STRI regulatory heterogeneity for sector ${sector}` }));
    }
    return out;
  },
};

function groupRange(req: ComputeRequest, geo: Geo, members: readonly string[], measure: string, sector: string, year: number): Result[] {
  const rows: CanonicalRow[] = [];
  const pairs: Record<string, number> = {};
  const missing: string[] = [];
  members.forEach((a, i) => {
    for (const b of members.slice(i + 1)) {
      const { row: r, why } = pairValue(req, measure, a, b, year);
      if (r === undefined) missing.push(because(`${a}–${b}`, why));
      else {
        rows.push(r);
        pairs[`${a}-${b}`] = r.value as number;
      }
    }
  });
  const make = (which: 'min' | 'max'): Result => {
    const base = missingResult('stri-heterogeneity', geo, year, { partner: geo.code, unit: 'index', breakdown: `${sector}-${which}` });
    if (missing.length > 0) return { ...base, reason: `no STRI heterogeneity (${sector}) for ${year} between ${missing.join(', ')}` };
    if (rows.length === 0) return { ...base, reason: `${geo.code} has fewer than two members` };
    const values = Object.values(pairs);
    return { ...base, value: which === 'min' ? Math.min(...values) : Math.max(...values), status: 'ok', years_used: Object.fromEntries(members.map((m) => [m, year])), provenance: provenanceOf(rows), detail: { pairs } };
  };
  return [make('min'), make('max')];
}

function countryPairs(req: ComputeRequest, geo: Geo, measure: string, sector: string, year: number): Result[] {
  const partners = (req.options.partner ?? '').split(',').filter((p) => p.trim() !== '').map((p) => geoCodeArg(req.groups, p));
  if (partners.length === 0) throw usageError(msg.needsOption('stri-heterogeneity for a country', '--option partner=ISO3[,ISO3...]', '--option partner=JPN,KOR; or give a group: --group CJK gives the range over its pairs'));
  return partners.map((p) => {
    const base = missingResult('stri-heterogeneity', geo, year, { partner: p, unit: 'index', breakdown: sector });
    const { row: r, why } = pairValue(req, measure, geo.code, p, year);
    if (r === undefined) return { ...base, reason: because(`no STRI heterogeneity (${sector}) for ${year} between ${geo.code} and ${p}`, why) };
    return { ...base, value: r.value, status: 'ok' as const, years_used: { [geo.code]: year }, provenance: [r.provenance] };
  });
}
