import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvModule from 'ajv';
import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../indicators/index.js';
import type { Result } from '../../src/model/indicator.js';
import { projectRoot } from '../../src/paths.js';
import { chartSpec, colours, fittingKinds } from '../../src/render/chart.js';
import { compileSpec, renderSvg } from '../../src/render/draw.js';
import { provenance } from '../helpers.js';

// Synthetic results (not computed from data) covering groups, countries, years and series.
const P = provenance('TEST', '2020');
function result(geo: string, year: number, value: number | null, extra: Partial<Result> = {}): Result {
  return { indicator: 'x', geo, geo_kind: geo.length === 3 && geo !== 'CJK' && geo !== 'UFG' && geo !== 'UCM' ? 'country' : 'group', partner: null, breakdown: null, year, value, unit: 'percent', status: value === null ? 'missing' : 'ok', reason: value === null ? `${geo} has no data` : null, years_used: {}, provenance: [P], flags: {}, ...extra };
}
const SAMPLE: Result[] = [result('CJK', 2016, 2.4), result('CJK', 2017, 2.5), result('UFG', 2016, 2.2), result('UFG', 2017, null), result('CHN', 2017, 2.1), result('KOR', 2017, 4.55, { partner: 'JPN' })];
const name = (c: string) => ({ CHN: 'China', KOR: 'Korea', JPN: 'Japan' })[c] ?? `${c} (group)`;

const schema = JSON.parse(readFileSync(join(projectRoot(), 'node_modules', 'vega-lite', 'build', 'vega-lite-schema.json'), 'utf8')) as object;
const Ajv = AjvModule.default ?? AjvModule;
const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, logger: false });
const validate = ajv.compile(schema);

describe('every indicator\'s default chart', () => {
  for (const ind of INDICATORS) {
    for (const kind of new Set([ind.meta.chart, ...fittingKinds(ind.meta)])) {
      it(`${ind.meta.id} as ${kind}: valid Vega-Lite, compiles without warnings, input untouched`, async () => {
        const input = JSON.parse(JSON.stringify(SAMPLE)) as Result[];
        const spec = chartSpec(input, ind.meta, name, kind);
        expect(input).toEqual(SAMPLE);
        const ok = validate(spec);
        expect(ok, JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
        expect(compileSpec(spec).warnings).toEqual([]);
        if (kind === ind.meta.chart) {
          const svg = await renderSvg(spec);
          expect(svg).toMatch(/^<svg/);
          expect(svg).toContain(ind.meta.title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
        }
      });
    }
  }
});

describe('chart goldens (specs, not images)', () => {
  for (const [file, kind] of [['lines', 'lines'], ['bars', 'bars']] as const) {
    it(`${file}.vl.json`, () => {
      const meta = INDICATORS[0]?.meta;
      if (meta === undefined) throw new Error('no indicator');
      const spec = chartSpec(SAMPLE, meta, name, kind);
      const path = join(projectRoot(), 'test', 'render', 'golden', `${file}.vl.json`);
      // UPDATE_GOLDENS=1 npm test rewrites the goldens after an intended change (review the diff).
      if (process.env.UPDATE_GOLDENS === '1') writeFileSync(path, `${JSON.stringify(spec, null, 2)}\n`);
      expect(spec).toEqual(JSON.parse(readFileSync(path, 'utf8')) as unknown);
    });
  }
});

describe('colours', () => {
  it('a group keeps its colour whatever else is drawn; unknown geographies get the rest in order', () => {
    const a = colours(['CJK', 'UFG', 'UCM']);
    const b = colours(['UCM', 'NZL', 'CJK']);
    expect(b[0]).toBe(a[2]);
    expect(b[2]).toBe(a[0]);
    expect(new Set(colours(['NZL', 'BRA', 'ZAF'])).size).toBe(3);
  });

  it('missing values are not drawn but listed in the caption under the chart', () => {
    const meta = INDICATORS[0]?.meta;
    if (meta === undefined) throw new Error('no indicator');
    const spec = chartSpec(SAMPLE, meta, name, 'bars') as unknown as { title: { subtitle: string[] }; vconcat: [{ data: { values: unknown[] } }, { mark: { text: string[] } }] };
    expect(spec.vconcat[0].data.values).toHaveLength(5);
    expect(spec.title.subtitle.join(' ')).not.toContain('Not shown');
    expect(spec.vconcat[1].mark.text).toEqual(['Not shown (missing data for 2017): UFG (group).']);
  });
});
