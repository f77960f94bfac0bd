import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indicatorById } from '../../indicators/index.js';
import type { IndicatorMeta, Result } from '../../src/model/indicator.js';
import { buildChart, chartSpec } from '../../src/render/chart.js';
import { renderSvg } from '../../src/render/draw.js';
import { textWidth } from '../../src/render/text-width.js';
import { cli, provenance, tmpDir } from '../helpers.js';

// Issue 10 "Charts that read at a glance" and issue 9 item 9 (lower bounds in charts).
// Results below are synthetic (invented values), except where a command reads the embedded sample.
const P = provenance('TEST', '2020');
function res(geo: string, year: number, value: number | null, extra: Partial<Result> = {}): Result {
  return { indicator: 'x', geo, geo_kind: geo.length === 3 ? 'country' : 'group', partner: null, breakdown: null, year, value, unit: 'percent', status: value === null ? 'missing' : 'ok', reason: value === null ? `${geo} has no data for ${year}` : null, years_used: {}, provenance: value === null ? [] : [P], flags: {}, ...extra };
}
const meta = (id: string): IndicatorMeta => {
  const m = indicatorById(id)?.meta;
  if (m === undefined) throw new Error(id);
  return m;
};
const NAMES: Record<string, string> = { DEU: 'Germany', FRA: 'France', GBR: 'United Kingdom', CHN: 'China', JPN: 'Japan', KOR: 'Korea' };
const name = (c: string) => NAMES[c] ?? `Economy with a rather long official name ${c}`;

type View = { width: number; data?: { values: Record<string, unknown>[] }; mark?: { text?: string[] }; layer?: View[]; encoding?: Record<string, { axis?: { format?: string }; title?: string }> };
type Spec = { title: { text: string[]; subtitle: string[] }; vconcat?: [View, View] } & View;
const main = (s: unknown): View => ((s as Spec).vconcat?.[0] ?? (s as View));
const caption = (s: unknown): string[] => (s as Spec).vconcat?.[1]?.mark?.text ?? [];
const svgWidth = (svg: string): number => Number(/<svg[^>]* width="(\d+)"/.exec(svg)?.[1]);
/** Text of an SVG, tspans joined: what a reader sees. */
const svgText = (svg: string): string => svg.replace(/<tspan[^>]*>/g, '\n').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&gt;/g, '>').replace(/&lt;/g, '<');

describe('a long "Not shown" list is a caption under the chart, wrapped to the plot (issue 10)', () => {
  const many = [res('DEU', 2017, 2.1), res('FRA', 2017, 2.2), ...Array.from({ length: 30 }, (_, i) => res(`X${String(i).padStart(2, '0')}`, 2017, null))];

  it('the plot keeps its width; the caption lines fit it; the title carries no missing list', async () => {
    const chart = buildChart(many, meta('rd-intensity'), name, 'bars');
    const spec = chart.spec as Spec;
    expect(spec.title.subtitle.join(' ')).not.toMatch(/Not shown/);
    const width = main(spec).width;
    expect(width).toBe(480);
    const lines = caption(spec);
    expect(lines.join(' ')).toMatch(/^Not shown \(missing data for 2017\): Economy with a rather long official name X00; /);
    expect(lines.join(' ')).toMatch(/and \d+ more \(see the table\)\.$/);
    expect(lines.length).toBeLessThanOrEqual(4);
    for (const l of lines) expect(textWidth(l, 11)).toBeLessThanOrEqual(width);
    // The full list is the text caption (HTML figcaption, Markdown), never cut.
    expect(chart.caption.join(' ')).toContain('X29');
    const svg = await renderSvg(chart.spec);
    expect(svgWidth(svg)).toBeLessThan(width + 300);
    expect(svgText(svg)).toContain('Not shown (missing data for 2017)');
    // Without a caption the plot spec is the same view.
    expect(main(chart.plain).width).toBe(width);
    expect(caption(chart.plain)).toEqual([]);
  });
});

describe('line charts break at missing years and show every value as a point (issue 10)', () => {
  // DEU 2011 missing; GBR has no row at all for 2011–2012; FRA complete.
  const results = [res('DEU', 2010, 1), res('DEU', 2011, null), res('DEU', 2012, 2), res('DEU', 2013, 3), ...[2010, 2011, 2012, 2013].map((y) => res('FRA', y, 1.5)), res('GBR', 2010, 1.7), res('GBR', 2013, 1.8)];

  it('a null at every missing year of a drawn series', () => {
    const values = main(chartSpec(results, meta('rd-intensity'), name, 'lines')).data?.values ?? [];
    const nulls = values.filter((v) => v.value === null).map((v) => `${String(v.geo)} ${String(v.year)}`).sort();
    expect(nulls).toEqual(['DEU 2011', 'GBR 2011', 'GBR 2012']);
  });

  it('the SVG line of a series with a gap has two pieces; a complete one has one', async () => {
    const svg = await renderSvg(chartSpec(results, meta('rd-intensity'), name, 'lines'));
    const pieces = (colour: string) => {
      const d = new RegExp(`<path[^>]*d="([^"]+)"[^>]*stroke="${colour}"`, 'i').exec(svg)?.[1] ?? new RegExp(`<path[^>]*stroke="${colour}"[^>]*d="([^"]+)"`, 'i').exec(svg)?.[1];
      return (d?.match(/M/g) ?? []).length;
    };
    expect(pieces('#44AA99')).toBe(2); // Germany
    expect(pieces('#88CCEE')).toBe(1); // France
    // Every value is a point: 3 + 4 + 2 = 9 symbols.
    expect((svg.match(/aria-roledescription="point"/g) ?? []).length).toBe(9);
  });
});

describe('technology overlap: the threshold, pass/fail per industry and the minimum explained (issue 10)', () => {
  const args = ['--indicator', 'technology-overlap', '--group', 'CJK', '--group', 'UCM', '--no-members', '--year', '2016', '--latest', '1', '--edition', '2019'];

  it('the chart draws the threshold line, ✓/✗ with the member that sets the minimum, and says how to read it', async () => {
    const dir = tmpDir();
    expect((await cli('chart', ...args, '--out', join(dir, 'o.vl.json'))).code).toBe(0);
    const spec = JSON.parse(readFileSync(join(dir, 'o.vl.json'), 'utf8')) as Spec;
    const layers = main(spec).layer ?? [];
    expect(layers.some((l) => JSON.stringify(l).includes('"rule"') && JSON.stringify(l.encoding) === '{"y":{"datum":10,"type":"quantitative","title":"%"}}')).toBe(true);
    const rows = main(spec).data?.values ?? [];
    expect(rows.find((r) => r.geo === 'CJK' && r.series === 'computer-electronic-optical')?.pass).toBe('✓ CHN');
    expect(rows.find((r) => r.geo === 'CJK' && r.series === 'pharmaceuticals')?.pass).toBe('✗ KOR');
    expect(caption(spec).join(' ')).toMatch(/A group's bar is its members' minimum/);
    expect((await cli('chart', ...args, '--out', join(dir, 'o.svg'))).code).toBe(0);
    const text = svgText(readFileSync(join(dir, 'o.svg'), 'utf8'));
    for (const t of ['threshold 10 %', '✓ CHN', '✗ KOR', "members' minimum"]) expect(text).toContain(t);
  });

  it('another threshold moves the line', async () => {
    const dir = tmpDir();
    expect((await cli('chart', ...args, '--option', 'threshold=2.5', '--out', join(dir, 'o.svg'))).code).toBe(0);
    expect(svgText(readFileSync(join(dir, 'o.svg'), 'utf8'))).toContain('threshold 2.5 %');
  });

  it("the table's note names the members' shares and the verdict", async () => {
    const r = await cli('compute', ...args, '--format', 'json');
    const results = (JSON.parse(r.stdout) as { results: Result[] }).results;
    const cjk = results.find((x) => x.geo === 'CJK' && x.breakdown === 'computer-electronic-optical');
    expect(cjk?.detail?.note).toBe("minimum of the members' shares (CHN 16.44, JPN 19.73, KOR 50.12): overlap, every member above 10 %");
    const table = await cli('compute', ...args);
    expect(table.stdout.replace(/\s+/g, ' ')).toContain("minimum of the members' shares (CHN 4.02, JPN 10.15, KOR 2.64): no overlap, CHN, KOR not above 10 %");
  });
});

describe('a chart kind that does not fit the indicator is a usage error naming those that fit (issue 10)', () => {
  it('heatmap of an indicator without partners; bars of a matrix', async () => {
    const dir = tmpDir();
    const out = join(dir, 'h.png');
    const a = await cli('chart', '--indicator', 'rd-intensity', '--kind', 'heatmap', '--out', out);
    expect(a.code).toBe(2);
    expect(a.stderr).toBe('linkage: E_CHART_KIND_MISFIT: chart kind "heatmap" does not fit rd-intensity: it has no partner dimension for a heatmap\n  hint: use --kind bars or --kind lines or --kind dots (or leave --kind out for its default view)\n');
    expect(existsSync(out)).toBe(false);
    const b = await cli('chart', '--indicator', 'trade-matrix', '--kind', 'bars', '--out', out);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/E_CHART_KIND_MISFIT: chart kind "bars" does not fit trade-matrix: .*\n {2}hint: use --kind heatmap /);
  });
});

describe('no value, no chart: exit 1, one line saying why, nothing written (issue 10; issue 9 item 8)', () => {
  it('chart --year 2030', async () => {
    const out = join(tmpDir(), 'empty.png');
    const r = await cli('chart', '--indicator', 'rd-intensity', '--group', 'CJK', '--no-members', '--year', '2030', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const [what, hint] = r.stderr.trim().split('\n');
    expect(what).toBe('linkage: E_NO_VALUE: no result has a value: rd-intensity for CJK in 2030');
    expect(hint).toMatch(/CHN has no GERD .* for 2030/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('lower bounds are marked in charts (issue 9 item 9)', () => {
  const bound = (r: Result): Result => ({ ...r, detail: { lower_bound: true, confidential_pairs: ['KOR→JPN'] } });
  const results = [bound(res('JK', 2017, 1.3333)), res('UFG', 2017, 12.8)];

  for (const kind of ['bars', 'dots', 'lines'] as const) {
    it(`${kind}: "≥" beside the value, a distinct mark style, a caption line`, async () => {
      const rs = kind === 'lines' ? [...results, bound(res('JK', 2018, 1.5)), res('UFG', 2018, 13)] : results;
      const spec = chartSpec(rs, meta('fdi-intra-share'), name, kind);
      const rows = main(spec).data?.values ?? [];
      expect(rows.find((r) => r.geo === 'JK')).toMatchObject({ bound: 'lower', shown: '≥ 1.33', mark: '≥' });
      expect(rows.find((r) => r.geo === 'UFG')).toMatchObject({ bound: '', shown: '12.80', mark: '' });
      expect(JSON.stringify(spec)).toContain("datum.bound === 'lower'");
      expect(caption(spec).join(' ')).toMatch(/^≥ Lower bound \(drawn pale, dashed outline\): confidential cells were left out/);
      const text = svgText(await renderSvg(spec));
      expect(text).toMatch(/(^|\s)≥(\s|$)/);
      expect(text).toContain('Lower bound');
    });
  }

  it('end to end: --option confidential=lower-bound on a file with a confidential cell', async () => {
    const dir = tmpDir();
    const file = join(dir, 'cdis.csv');
    // Synthetic IMF CDIS Table 6-o (invented values; KOR→JPN is confidential "C").
    writeFileSync(file, ['Table 6-o: Outward Direct Investment Positions by All Reporting Economies Cross-classified by Counterpart Economies, as of end-2017', '"US Dollars, Millions"', 'Investment in:,Japan,"Korea, Rep. of","China, P.R.: Mainland",Total Investment', '"China, P.R.: Mainland",100,50,,400', 'Japan,,C,,300', '"Korea, Rep. of",20,,,200', 'United States,380,250,,2000', 'World,1000,500,,10000', ''].join('\n'));
    const out = join(dir, 'lb.svg');
    const r = await cli('chart', '--no-sample', '--input', file, '--indicator', 'fdi-intra-share', '--group', 'JK=JPN,KOR', '--no-members', '--year', '2017', '--option', 'confidential=lower-bound', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const text = svgText(readFileSync(out, 'utf8'));
    expect(text).toContain('Lower bound');
    expect(text).toMatch(/(^|\s)≥(\s|$)/);
  });
});

describe('number formats per unit: never "0.000000" (issue 10)', () => {
  it('percent axes trim zeros; US$ are drawn in US$ bn; ranks as integers', async () => {
    const pct = main(chartSpec([res('DEU', 2017, 0.0004), res('FRA', 2017, 0.0009)], meta('rd-intensity'), name, 'bars'));
    const pctAxis = JSON.stringify(pct);
    expect(pctAxis).toContain('"format":",.2~f"');
    const svg = svgText(await renderSvg(chartSpec([res('DEU', 2017, 0.0004), res('FRA', 2017, 0.0009)], meta('rd-intensity'), name, 'bars')));
    expect(svg).not.toMatch(/\d\.\d{4,}/);
    const usd = [res('CHN', 2022, 184_496_994_754, { unit: 'usd', partner: 'JPN', breakdown: 'imports TOTAL' }), res('CHN', 2022, 172_000_000_000, { unit: 'usd', partner: 'KOR', breakdown: 'imports TOTAL' })];
    const m = meta('trade-matrix');
    const spec = main(chartSpec(usd, m, name));
    const layers = spec.layer ?? [];
    expect(JSON.stringify(layers[0]?.encoding?.color)).toContain('"title":"US$ bn"');
    expect(spec.data?.values.map((v) => v.shown)).toEqual(['184.50', '172.00']);
    const text = svgText(await renderSvg(chartSpec(usd, m, name)));
    expect(text).toContain('184.50');
    expect(text).not.toMatch(/184G|184496994754/);
  });

  it("the results' own unit: a GII rank is drawn as a rank, not the indicator's default score", () => {
    const ranks = [res('CHN', 2022, 11, { unit: 'rank' }), res('JPN', 2022, 13, { unit: 'rank' })];
    const spec = JSON.stringify(main(chartSpec(ranks, meta('gii-indicator'), name)));
    expect(spec).toContain('"title":"rank","axis":{"format":",d"}');
    expect(spec).not.toContain('"title":"score');
  });
});

describe('the report prints each chart caption as text under the chart (issue 10)', () => {
  it('HTML: a figcaption, the inline SVG without a second copy; Markdown: a caption line; chart files keep the caption', async () => {
    const dir = tmpDir();
    const def = join(dir, 'def');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(def);
    const section = { id: 'overlap', title: 'Overlap', indicator: 'technology-overlap', inputs: ['sample'], groups: ['CJK', 'UFG'], members: false, years: '2016', latest: 1, edition: '2019' };
    writeFileSync(join(def, 'report.json'), JSON.stringify({ title: 'Captions', inputs: [{ id: 'sample', sample: true }], sections: [section] }));
    const r = await cli('report', def, '--out', join(dir, 'html'));
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(dir, 'html', 'index.html'), 'utf8');
    const missing = 'Not shown (missing data for 2016): China–Japan–Korea (CJK): aerospace; UK–France–Germany (UFG): computer-electronic-optical, pharmaceuticals, aerospace.';
    expect(html).toMatch(/<figure class="chart"><svg[^]*<\/svg><figcaption class="note">A group(&#39;|&#x27;|')s bar is its members(&#39;|&#x27;|') minimum/);
    expect(html.split(missing)).toHaveLength(2);
    expect(svgText(readFileSync(join(dir, 'html', 'charts', 'overlap.svg'), 'utf8'))).toContain('Not shown (missing data for 2016)');
    // The table's note explains the group's value.
    expect(html).toMatch(/minimum of the members(&#39;|&#x27;|') shares \(CHN 16\.44, JPN 19\.73, KOR 50\.12\): overlap/);
    expect((await cli('report', def, '--out', join(dir, 'md'), '--format', 'md')).code).toBe(0);
    const md = readFileSync(join(dir, 'md', 'index.md'), 'utf8');
    expect(md).toContain('![Overlap](charts/overlap.png)\n\n*A group');
    expect(md).toContain(`*${missing}*`);
  });
});

describe('bars of several series over several years are never stacked', () => {
  it('one panel per series, years along x, geographies side by side', async () => {
    const { compileSpec } = await import('../../src/render/draw.js');
    const rs = [2014, 2015].flatMap((y) => ['computer-electronic-optical', 'pharmaceuticals'].flatMap((b, i) => [res('CJK', y, 15 + i + y - 2014, { breakdown: b }), res('UCM', y, 3 + i, { breakdown: b })]));
    const spec = chartSpec(rs, meta('berd-industry-share'), name, 'bars');
    expect(JSON.stringify(main(spec))).toContain('"facet":{"column":{"field":"series"');
    expect(JSON.stringify(compileSpec(spec).vega)).not.toContain('"type":"stack"');
  });

  it('years on a crowded axis are never cut to "2…": every other label is dropped instead', async () => {
    const rs = Array.from({ length: 21 }, (_, i) => [res('CJK', 2000 + i, 10 + i), res('UFG', 2000 + i, 20 + i), res('UCM', 2000 + i, 40 + i)]).flat();
    const text = svgText(await renderSvg(chartSpec(rs, meta('ip-charges'), name, 'bars')));
    expect(text).not.toContain('2…');
    expect(text).toMatch(/\b2000\b/);
    expect(text).toMatch(/\b2020\b/);
  });

  it('missing years shared by every geography are said once', () => {
    const rs = [res('DEU', 2010, null), res('FRA', 2010, null), res('DEU', 2011, 1), res('FRA', 2011, 2), res('DEU', 2012, null), res('FRA', 2012, 2)];
    expect(caption(chartSpec(rs, meta('rd-intensity'), name, 'lines'))).toEqual(['Not shown (missing data): every geography: 2010; Germany: 2012.']);
  });
});
