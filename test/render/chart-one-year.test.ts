import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indicatorById } from '../../indicators/index.js';
import type { Result } from '../../src/model/indicator.js';
import { chartSpec } from '../../src/render/chart.js';
import { cli, provenance, tmpDir } from '../helpers.js';

// Noticed last round: `linkage chart --kind lines` over one year drew bars. Asked for, lines stay
// lines (one point per series; the caption says so); the indicator's default `lines` over one
// year is still drawn as bars. Synthetic values.
const P = provenance('TEST', '2020');
const res = (geo: string, value: number): Result => ({ indicator: 'rd-intensity', geo, geo_kind: 'country', partner: null, breakdown: null, year: 2017, value, unit: 'percent', status: 'ok', reason: null, years_used: {}, provenance: [P], flags: {} });
type View = { mark?: unknown; layer?: unknown[] };
type Spec = { vconcat?: [View, { mark: { text: string[] } }] } & View;
/** The mark types of the plot (the caption left out), nested layers included, in order. */
const marks = (s: unknown): string[] => {
  const plot = (s as Spec).vconcat?.[0] ?? s;
  return [...JSON.stringify(plot).matchAll(/"mark":(?:"(\w+)"|\{"type":"(\w+)")/g)].map((m) => m[1] ?? m[2] ?? '');
};
const captionOf = (s: unknown): string[] => (s as Spec).vconcat?.[1]?.mark.text ?? [];

describe('lines over a single year', () => {
  const meta = indicatorById('rd-intensity')?.meta;
  if (meta === undefined) throw new Error('rd-intensity');
  const results = [res('DEU', 3.1), res('FRA', 2.2)];

  it('asked for: a line layer with points, and the caption says each line is one point', () => {
    const spec = chartSpec(results, meta, (c) => c, 'lines');
    expect(marks(spec)).toEqual(['line', 'point']);
    expect(captionOf(spec)).toContain('One year only (2017): each line is a single point.');
  });

  it('by default (rd-intensity draws lines): bars, with no such note', () => {
    expect(meta.chart).toBe('lines');
    const spec = chartSpec(results, meta, (c) => c);
    expect(marks(spec)).toContain('bar');
    expect(marks(spec)).not.toContain('line');
    expect(captionOf(spec).join(' ')).not.toMatch(/One year only/);
  });

  it('linkage chart --kind lines --year 2017 writes a line chart', async () => {
    const out = join(tmpDir(), 'one.vl.json');
    const r = await cli('chart', '--indicator', 'rd-intensity', '--group', 'CJK', '--year', '2017', '--kind', 'lines', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(marks(JSON.parse(readFileSync(out, 'utf8')))).toEqual(['line', 'point']);
  });
});
