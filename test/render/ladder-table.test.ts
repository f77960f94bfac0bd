import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/model/indicator.js';
import type { Provenance } from '../../src/model/types.js';
import { renderCheckTable, summarise } from '../../src/check/render.js';
import type { CheckedFigure } from '../../src/check/check.js';
import { formatDisplay, formatNumber, formatReadable } from '../../src/render/format.js';
import { renderResultsTable } from '../../src/render/table.js';

// Text tables of the trade ladder at 80 columns (found by an acceptance trial: 82–86 columns, a
// value shown twice, tiny values as 0.00, group names cut mid-word). SYNTHETIC results.
const P: Provenance = { source: 'CEPII', dataset: 'BACI', edition: '202301', file: 'BACI_HS17_Y2018_V202301.csv', sha256: 'a'.repeat(64) };
const NAMES: Record<string, string> = { CJK: 'China–Japan–Korea (CJK)', UFG: 'UK–France–Germany (UFG)', EU27: 'European Union (27, 2020 membership) (EU27)' };

function ladder(indicator: string, geo: string, breakdown: string, key?: 'intensity' | 'introversion'): Result {
  const detail = { share: 12.25, intensity: 0.874, introversion: -0.0912 };
  const value = key === undefined ? detail.share : detail[key];
  return { indicator, geo, geo_kind: 'group', partner: geo, breakdown, year: 2018, value, unit: key === undefined ? 'percent' : 'index', status: 'ok', reason: null, years_used: {}, provenance: [P], flags: {}, detail };
}

function tables(): string {
  const results: Result[] = [];
  for (const geo of ['CJK', 'UFG', 'EU27']) {
    for (const b of ['exports TOTAL', 'total hightech']) {
      results.push(ladder('trade-intra-share', geo, b), ladder('trade-intensity', geo, b, 'intensity'), ladder('trade-introversion', geo, b, 'introversion'));
    }
  }
  return renderResultsTable(results, (code) => NAMES[code] ?? code, {}, 80);
}

/** The table of one indicator in the text (from its title to the next blank line). */
const block = (text: string, id: string) => text.slice(text.indexOf(`(${id}`)).split('\n\n')[0] ?? '';

describe('ladder tables at 80 columns', () => {
  it('fit 80 columns', () => {
    for (const line of tables().split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it('do not repeat the value in a ladder column', () => {
    const text = tables();
    const head = (id: string) => block(text, id).split('\n').find((l) => l.includes('Geography')) ?? '';
    expect(head('trade-intra-share')).toMatch(/Intensity.*Introversion/);
    expect(head('trade-intensity')).not.toContain('Intensity │');
    expect(head('trade-intensity')).toContain('Introversion');
    expect(head('trade-introversion')).not.toContain('Introversion');
    expect(head('trade-introversion')).toContain('Intensity');
  });

  it('wrap group names at dashes and spaces, not mid-word', () => {
    const text = tables();
    expect(text).not.toMatch(/China–Japa[^n]/);
    expect(text).not.toMatch(/membership\s*│[^\n]*\n║ \)/);
  });

  it('show a tiny non-zero value with two significant digits, never as 0.00', () => {
    expect(formatReadable(0.0031, 2)).toBe('0.0031');
    expect(formatReadable(-0.00042, 3)).toBe('-0.00042');
    expect(formatReadable(0, 2)).toBe('0.00');
    expect(formatReadable(1.2e-15, 2)).toBe('1.2e-15');
    // Values whose text has an exponent printed NaN before.
    expect(formatNumber(1.2e-15, 2)).toBe('0.00');
    expect(formatNumber(-3e-7, 1)).toBe('0.0');
    expect(formatNumber(2.5e21, 1)).toBe('2.5e+21');
    expect(formatDisplay(0.004, 'percent')).toBe('0.0040');
    expect(formatDisplay(12.25, 'percent')).toBe('12.25');
  });

  it('in linkage check too: a computed figure of 0.0031 beside a published 30 is not 0.00 (SYNTHETIC figure)', () => {
    const f: CheckedFigure = { id: 'hitech_imports_chn_from_jpn_kor', table: 'text-s1', geo: 'CHN', partner: 'JPN,KOR', year: '2018', published: 30, precision: 0, computed: 0.0031, difference: -29.9969, verdict: 'mismatch', reason: 'synthetic', cause: null, fetch: null, tolerance: null, tolerance_reason: null, edition_used: null, years_used: {}, provenance: [] };
    const text = renderCheckTable([f], summarise([f]), 80);
    expect(text).toContain('0.0031');
    expect(text).not.toMatch(/│ +0\.00 │/);
  });
});
