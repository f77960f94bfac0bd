import { describe, expect, it } from 'vitest';
import { tradeIntensity } from '../../indicators/trade-intensity.js';
import { tradeIntraShare } from '../../indicators/trade-intra-share.js';
import { tradeIntroversion } from '../../indicators/trade-introversion.js';
import type { Group } from '../../src/model/groups.js';
import type { ComputeRequest, Geo, Indicator, Result } from '../../src/model/indicator.js';
import { ObservationTable } from '../../src/model/table.js';
import type { CanonicalRow, Provenance } from '../../src/model/types.js';

// SYNTHETIC reporter-style trade rows (not real data): five economies whose exports (X) and
// imports (M) of each pair differ (as CIF imports and FOB exports do), each with a world row, the
// world's row to each, and two overlapping groups. The trade ladder is computed once per question
// and its cells looked up once per table (indicators/trade.ts); these tests check that sharing
// never crosses options or groups: every answer on one shared table equals the answer computed
// alone on a fresh table.

const ECON = ['CHN', 'JPN', 'KOR', 'USA', 'DEU'];
const P: Provenance = { source: 'synthetic', dataset: 'TEST', edition: '2024', file: 'synthetic.csv', sha256: '0' };

function rows(): CanonicalRow[] {
  const out: CanonicalRow[] = [];
  const row = (measure: string, geo: string, partner: string, value: number): CanonicalRow => ({ measure, geo, partner, year: 2018, value, unit: 'usd', flags: {}, provenance: P });
  ECON.forEach((i, a) => {
    let x = 0;
    let m = 0;
    ECON.forEach((j, b) => {
      if (i === j) return;
      const v = 10 + 7 * a + 3 * b;
      out.push(row('trade:X:TOTAL', i, j, v), row('trade:M:TOTAL', j, i, v * 1.1 + b));
      x += v;
      m += v * 1.1 + b;
    });
    out.push(row('trade:X:TOTAL', i, 'WLD', x * 4), row('trade:M:TOTAL', i, 'WLD', m * 3 + a));
    out.push(row('trade:X:TOTAL', 'WLD', i, 500 + 40 * a), row('trade:M:TOTAL', 'WLD', i, 450 + 30 * a));
  });
  out.push(row('trade:X:TOTAL', 'WLD', 'WLD', 9000), row('trade:M:TOTAL', 'WLD', 'WLD', 8800));
  return out;
}

const group = (code: string, members: string[]): Geo => ({ kind: 'group', code, group: { code, name: code, members, definition: '', source: '', asOf: '', origin: 'ad hoc' } satisfies Group });
const GEOS = [group('CJK', ['CHN', 'JPN', 'KOR']), group('PAC', ['CHN', 'JPN', 'KOR', 'USA'])];
const INDICATORS: Indicator[] = [tradeIntraShare, tradeIntensity, tradeIntroversion];
const request = (table: ObservationTable, options: Record<string, string>): ComputeRequest => ({ table, geos: GEOS, years: [2018], latest: 0, edition: undefined, options });
const OPTIONS: Record<string, string>[] = ['exports', 'imports', 'total'].flatMap((flow) => ['reporter', 'mirror', 'reporter-then-mirror'].flatMap((basis): Record<string, string>[] => [{ flow, basis }, { flow, basis, self: 'include' }]));

describe('the trade ladder shared between indicators, flows and bases (synthetic rows)', () => {
  it('every indicator, flow and basis on one table equals the same question alone on a fresh table', () => {
    const shared = new ObservationTable(rows());
    const together: Result[] = [];
    for (const o of OPTIONS) for (const ind of INDICATORS) together.push(...(ind.compute(request(shared, o)) as Result[]));
    const alone: Result[] = [];
    for (const o of OPTIONS) for (const ind of INDICATORS) alone.push(...(ind.compute(request(new ObservationTable(rows()), o)) as Result[]));
    expect(together).toEqual(alone);
    expect(together.every((r) => r.status === 'ok')).toBe(true);
    // The options do change the answers (the sharing could not hide behind equal values).
    const share = (flow: string, basis: string) => (tradeIntraShare.compute(request(new ObservationTable(rows()), { flow, basis })) as Result[])[0]?.value;
    expect(new Set(['exports', 'imports', 'total'].map((f) => share(f, 'reporter'))).size).toBe(3);
    expect(share('exports', 'mirror')).not.toBe(share('exports', 'reporter'));
    expect(together.find((r) => r.geo === 'CJK')?.value).not.toBe(together.find((r) => r.geo === 'PAC')?.value);
  });

  it('each indicator gets its own result objects: changing one answer changes no other', () => {
    const table = new ObservationTable(rows());
    const o = { flow: 'total', basis: 'reporter' };
    const first = tradeIntraShare.compute(request(table, o)) as Result[];
    const before = structuredClone(tradeIntensity.compute(request(table, o)));
    (first[0]?.detail as Record<string, unknown>).share = -1;
    (first[0] as Result).value = -1;
    expect(tradeIntensity.compute(request(table, o))).toEqual(before);
    expect((tradeIntraShare.compute(request(table, o)) as Result[])[0]?.value).not.toBe(-1);
  });
});
