import { describe, expect, it } from 'vitest';
import { giiIndicator } from '../../indicators/gii-indicator.js';
import type { Geo } from '../../src/model/indicator.js';
import { buildChart } from '../../src/render/chart.js';
import { tableOf } from '../helpers.js';

// Noticed last round: the GII rank chart said "Not shown: CJK" for the group, whose rank is
// deliberately not computed. The caption now says why instead. Synthetic ranks (as in GII 2022).
const table = tableOf([
  ['gii_rank:GII', 'CHN', 2022, 11],
  ['gii_rank:GII', 'JPN', 2022, 13],
  ['gii_rank:GII', 'KOR', 2022, 6],
]);
const group = (code: string, members: string[]): Geo => ({ kind: 'group', code, group: { code, name: code, members, definition: '', source: '', asOf: '', origin: 'test' } });
const countries: Geo[] = ['CHN', 'JPN', 'KOR'].map((code) => ({ kind: 'country', code }));

describe('a group rank is not computed by design, and the chart says so', () => {
  it('the caption explains group ranks and lists no group as missing data', () => {
    const results = giiIndicator.compute({ table, geos: [group('CJK', ['CHN', 'JPN', 'KOR']), ...countries], years: [2022], latest: 0, edition: undefined, options: { measure: 'rank' } });
    const chart = buildChart(results, giiIndicator.meta, (c) => c, 'bars');
    expect(chart.caption).toEqual(['Group ranks are not computed: ranks do not add up (CJK).']);
    expect(chart.caption.join(' ')).not.toMatch(/Not shown/);
  });

  it('a group with a member lacking data is still listed as missing data', () => {
    const results = giiIndicator.compute({ table, geos: [group('CJM', ['CHN', 'JPN', 'MNG']), ...countries], years: [2022], latest: 0, edition: undefined, options: { measure: 'rank' } });
    const chart = buildChart(results, giiIndicator.meta, (c) => c, 'bars');
    expect(chart.caption.join(' ')).toMatch(/Not shown \(missing data for 2022\): CJM/);
    expect(chart.caption.join(' ')).not.toMatch(/ranks do not add up/);
  });
});
