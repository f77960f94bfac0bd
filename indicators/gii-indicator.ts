import { usageError } from '../src/errors.js';
import { msg } from '../src/messages.js';
import type { Indicator, Result } from '../src/model/indicator.js';
import { missingResult, provenanceOf } from '../src/model/indicator.js';
import { because, decide } from '../src/model/preferred.js';
import type { CanonicalRow } from '../src/model/types.js';

const KINDS = { score: 'gii_score', rank: 'gii_rank', value: 'gii_value' } as const;

/** Why a group has no rank or raw value (`detail.not_aggregated`; charts say it instead of listing the group as missing). */
const NOT_AGGREGATED = {
  rank: 'Group ranks are not computed: ranks do not add up',
  value: "Group values of raw GII data are not computed: a mean of the members' values is not the group's value",
} as const;

/** A GII indicator number for a reader: `GII` is the overall index, others are named by number. */
export function giiName(num: string): string {
  return num === 'GII' ? 'the overall GII' : `GII indicator ${num}`;
}

/**
 * Any Global Innovation Index indicator by its number (`--option num=OUT.6.1.2`; default the
 * overall GII): score, rank or raw value. Groups: the unweighted mean of member scores; ranks and
 * raw values are not aggregated (missing, with the member values in detail).
 */
export const giiIndicator: Indicator = {
  meta: {
    id: 'gii-indicator',
    title: 'WIPO Global Innovation Index indicator (score, rank or value)',
    unit: 'score',
    definition:
      'A GII indicator for an economy as published by WIPO: score (0-100), rank, or the raw value (in the indicator\'s own unit, for its data year). For a group, the unweighted mean of the members\' scores.',
    measures: ['gii_score', 'gii_rank', 'gii_value'],
    sources: ['WIPO Global Innovation Index dataset (sheet Data)'],
    caveats: [
      'Scores are comparable within one GII edition only; WIPO changes the framework between editions.',
      'A group mean of scores is not a score of the group; ranks are not aggregated.',
    ],
    options: {
      num: { description: 'GII indicator number, e.g. GII, IN.2.3.1, OUT.6.1.2', default: 'GII' },
      measure: { description: 'score, rank or value', default: 'score', values: ['score', 'rank', 'value'] },
    },
    chart: 'dots',
  },
  compute(req) {
    const num = req.options.num ?? 'GII';
    const kind = req.options.measure ?? 'score';
    if (!(kind in KINDS)) throw usageError(msg.badChoice('measure', ['score', 'rank', 'value'], kind, '--option measure=rank'));
    const measure = `${KINDS[kind as keyof typeof KINDS]}:${num}`;
    const unit = kind === 'rank' ? 'rank' : kind === 'score' ? 'score' : 'value';
    const out: Result[] = [];
    for (const geo of req.geos) {
      const members = geo.kind === 'group' ? geo.group.members : [geo.code];
      const years = req.years ?? req.table.years([measure], members).reverse().slice(0, 1);
      for (const year of years) {
        const rows: CanonicalRow[] = [];
        const missing: string[] = [];
        for (const m of members) {
          // The first candidate (edition asked, newest, input given first) decides; an empty one is unknown.
          const { row: r, why } = decide(req.table.candidates(measure, m, year, null, req.edition), req.edition);
          if (r === undefined) missing.push(because(`${m} has no ${kind} of ${giiName(num)} for ${year}`, why));
          else rows.push(r);
        }
        const memberValues = Object.fromEntries(rows.map((r) => [r.geo, r.value]));
        const base = missingResult('gii-indicator', geo, year, { breakdown: `${num} ${kind}`, unit });
        if (missing.length > 0) out.push({ ...base, reason: missing.join('; ') });
        else if (geo.kind === 'group' && kind !== 'score') out.push({ ...base, reason: `GII ${kind}s are not aggregated over a group; members: ${rows.map((r) => `${r.geo} ${r.value as number}`).join(', ')}`, detail: { members: memberValues, not_aggregated: NOT_AGGREGATED[kind as 'rank' | 'value'] } });
        else {
          const value = rows.reduce((a, r) => a + (r.value as number), 0) / rows.length;
          out.push({ ...base, value, status: 'ok', years_used: Object.fromEntries(members.map((m) => [m, year])), provenance: provenanceOf(rows), ...(geo.kind === 'group' ? { detail: { aggregation: 'unweighted mean of member scores', members: memberValues } } : {}) });
        }
      }
    }
    return out;
  },
};
