import type { CheckedFigure } from '../check/check.js';
import type { Result } from '../model/indicator.js';
import { formatComputed } from '../render/format.js';
import { provenanceLabel } from '../render/results.js';
import type { BuiltReport, BuiltSection } from './build.js';
import { own } from '../model/dict.js';
import { htmlText } from '../render/escape.js';
import { inputDescription, resultsUnit, resultValueText, seriesLabel } from '../render/labels.js';
import { ladderCells, ladderHead, ladderKeys, resultNote } from '../render/table.js';

/** Escape text for HTML element content and attribute values. Everything from data goes through it. */
export function esc(text: unknown): string {
  return htmlText(text);
}

const CSS = `
body{font-family:"DejaVu Sans",Arial,sans-serif;margin:0;color:#1a1a1a;background:#fafafa;line-height:1.45}
main{max-width:1100px;margin:0 auto;padding:24px 32px 64px;background:#fff}
h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.2em;margin-top:2.2em;border-bottom:2px solid #e5e5e5;padding-bottom:.2em}
.sub{color:#555;margin:0 0 1em}.note{color:#555;font-size:.9em}
table{border-collapse:collapse;width:100%;font-size:.88em;margin:.8em 0}
th,td{border-bottom:1px solid #e2e2e2;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f2f2f2}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.badge{display:inline-block;padding:1px 7px;border-radius:9px;font-size:.85em}
.reproduced{background:#d6f0e0;color:#0b5d2a}.explained{background:#fff1c2;color:#6b4e00}.mismatch{background:#fde2d2;color:#8a2d00}.unavailable{background:#e8e8e8;color:#444}
.missing{color:#8a2d00}.chart{margin:1em 0}.chart svg{max-width:100%;height:auto}.chart figcaption{max-width:760px;margin-top:.3em}nav ol{columns:2;font-size:.9em}
.summary{display:flex;gap:12px;margin:1em 0}.summary div{padding:8px 14px;border-radius:6px}
code{font-size:.9em}.wide{overflow-x:auto}`;

/** The note of a result, as in every table (src/render/table.ts): missing reason, years used, lower bound, the indicator's remark. */
function note(r: Result): string {
  if (r.status === 'missing') return `<span class="missing">missing: ${esc(r.reason)}</span>`;
  return esc(resultNote(r));
}

/** The chart with its caption as text (or why there is none). */
function chartBlock(s: BuiltSection, svg: string | undefined): string {
  if (s.spec === undefined) return '<p class="missing">No chart: no result has a value (the table gives each reason).</p>';
  const caption = (s.caption ?? []).map((c) => esc(c)).join('<br>');
  return `<figure class="chart">${svg === undefined ? '' : enlarge(svg)}${caption ? `<figcaption class="note">${caption}</figcaption>` : ''}</figure>`;
}

/**
 * Charts are drawn at 11 px text; on the page they are shown a quarter larger (as large as body
 * text), never wider than the column: the root's width and height are scaled, its viewBox kept.
 */
function enlarge(svg: string): string {
  return svg.replace(/^<svg([^>]*?) width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/, (all, attrs: string, w: string, h: string) => {
    const k = Math.min(1.25, 1030 / Number(w));
    return `<svg${attrs} width="${Math.round(Number(w) * k)}" height="${Math.round(Number(h) * k)}"`;
  });
}

/** Time series as a pivot: one row per geography (and series), one column per year. */
function pivotTable(s: BuiltSection, years: number[]): string {
  const keys = [...new Map(s.results.map((r) => [`${r.geo}|${r.breakdown ?? ''}`, r])).values()];
  const unit = resultsUnit(s.results, s.meta.unit);
  const mixed = unit.includes(', ');
  const head = ['Geography', ...(s.results.some((r) => r.breakdown !== null) ? ['Series'] : []), ...years.map(String)];
  const rows = keys.map((k) => {
    const cells = years.map((y) => {
      const r = s.results.find((x) => x.geo === k.geo && x.breakdown === k.breakdown && x.year === y);
      const title = r === undefined ? '' : r.status === 'missing' ? `missing: ${r.reason ?? ''}` : r.provenance.map(provenanceLabel).join('; ');
      return `<td class="num" title="${esc(title)}" data-value="${r?.value === null || r === undefined ? '' : esc(r.value)}">${esc(resultValueText(r, mixed))}</td>`;
    });
    return `<tr data-geo="${esc(k.geo)}"><td>${esc(own(s.names, k.geo) ?? k.geo)}</td>${head.includes('Series') ? `<td>${esc(seriesLabel(k.breakdown))}</td>` : ''}${cells.join('')}</tr>`;
  });
  const sources = [...new Set(s.results.flatMap((r) => r.provenance.map(provenanceLabel)))];
  const missing = s.results.filter((r) => r.status === 'missing');
  return `<div class="wide"><table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div><p class="note">${mixed ? '' : `Values in ${esc(unit)}. `}Sources: ${esc(sources.join('; '))}.${missing.length > 0 ? ` Missing (—): ${esc(missing.map((r) => `${r.geo} ${r.year}: ${r.reason ?? ''}`).join('; '))}.` : ''}</p>`;
}

function sectionTable(s: BuiltSection): string {
  const years = [...new Set(s.results.map((r) => r.year))].sort((a, b) => a - b);
  if (years.length > 3 && !s.results.some((r) => r.detail !== undefined && 'intensity' in r.detail)) return pivotTable(s, years);
  const ladder = ladderKeys(s.results);
  const series = s.results.some((r) => r.breakdown !== null);
  const partner = s.results.some((r) => r.partner !== null && r.partner !== r.geo && !['WLD'].includes(r.partner));
  const unit = resultsUnit(s.results, s.meta.unit);
  const mixed = unit.includes(', ');
  const head = ['Geography', ...(partner ? ['Partner'] : []), ...(series ? ['Series'] : []), 'Year', mixed ? 'Value' : `Value (${unit})`, ...ladderHead(ladder), 'Note', 'Source'];
  const rows = s.results.map((r) => {
    const cells = [
      `<td>${esc(own(s.names, r.geo) ?? r.geo)}</td>`,
      ...(partner ? [`<td>${esc(r.partner === null ? '' : (own(s.names, r.partner) ?? r.partner))}</td>`] : []),
      ...(series ? [`<td>${esc(seriesLabel(r.breakdown))}</td>`] : []),
      `<td class="num">${r.year || '—'}</td>`,
      `<td class="num" data-value="${r.value === null ? '' : esc(r.value)}">${esc(resultValueText(r, mixed))}</td>`,
      ...ladderCells(r, ladder).map((c) => `<td class="num">${esc(c)}</td>`),
      `<td>${note(r)}</td>`,
      `<td class="note">${esc(r.provenance.map(provenanceLabel).join('; '))}</td>`,
    ];
    return `<tr data-geo="${esc(r.geo)}">${cells.join('')}</tr>`;
  });
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function checkTable(figures: readonly CheckedFigure[]): string {
  const rows = figures
    .filter((f) => f.verdict !== 'unavailable')
    .map((f) => {
      const extra = [f.edition_used ?? '', f.tolerance !== null ? `tolerance ±${f.tolerance}: ${f.tolerance_reason ?? ''}` : '', f.verdict === 'mismatch' || f.verdict === 'explained' ? (f.reason ?? '') : '', f.cause ? `explained by ${f.cause.kind}: ${f.cause.text}` : ''].filter(Boolean).join('; ');
      return `<tr data-figure="${esc(f.id)}"><td><code>${esc(f.id)}</code></td><td>${esc(f.table)}</td><td class="num">${esc(f.year)}</td><td class="num">${esc(f.published.toFixed(f.precision))}</td><td class="num">${esc(formatComputed(f.computed, f.precision))}</td><td><span class="badge ${esc(f.verdict)}">${esc(f.verdict)}</span></td><td class="note">${esc(extra)}</td></tr>`;
    });
  return `<table><thead><tr><th>Figure</th><th>Study table</th><th>Year</th><th>Published</th><th>Computed</th><th>Verdict</th><th>Edition / note</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function unavailableList(report: BuiltReport): string {
  const byReason = new Map<string, string[]>();
  for (const f of report.figures.filter((x) => x.verdict === 'unavailable')) byReason.set(f.reason ?? '', [...(byReason.get(f.reason ?? '') ?? []), f.id]);
  const absent = report.absent.length > 0 ? `<p>Inputs named by the report but not found on this machine: ${report.absent.map((a) => `<code>${esc(a.path)}</code>`).join(', ')}.</p>` : '';
  return `${absent}<ul>${[...byReason].map(([reason, ids]) => `<li><strong>${ids.map((i) => esc(i)).join(', ')}</strong><br><span class="note">${esc(reason)}</span></li>`).join('')}</ul>`;
}

/**
 * The report as one self-contained HTML page: charts inlined as SVG, no scripts, no external
 * resources (a Content-Security-Policy forbids any), every text from data escaped.
 */
export function renderHtml(report: BuiltReport, svgs: ReadonlyMap<string, string>, version: string): string {
  const { def, sections, summary } = report;
  const toc = sections.map((s) => `<li><a href="#${esc(s.section.id)}">${esc(s.section.title)}</a></li>`).join('');
  const body = sections
    .map((s) => {
      const svg = svgs.get(s.section.id);
      const chartFiles = s.spec === undefined ? '' : ` · chart: <a href="charts/${esc(s.section.id)}.vl.json">Vega-Lite spec</a>, <a href="charts/${esc(s.section.id)}.png">PNG</a>`;
      const files = s.unavailable ? '' : `<p class="note">Data: <a href="tables/${esc(s.section.id)}.csv">CSV</a>${chartFiles} · indicator <code>${esc(s.meta.id)}</code>: ${esc(s.meta.definition)}</p>`;
      return `<section id="${esc(s.section.id)}"><h2>${esc(s.section.title)}</h2>${s.section.text ? `<p>${esc(s.section.text)}</p>` : ''}${
        s.unavailable ? `<p class="missing">Could not be computed here: ${esc(s.unavailable)}</p>` : `${chartBlock(s, svg)}${sectionTable(s)}`
      }${files}</section>`;
    })
    .join('\n');
  const inputs = report.inputs.map((i) => `<li><code>${esc(i.file)}</code> — ${esc(inputDescription(i))}, ${i.rows} rows${i.skipped.count > 0 ? `, ${i.skipped.count} skipped` : ''}; sha256 <code>${esc(i.sha256.slice(0, 16))}…</code></li>`).join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(def.title)}</title><style>${CSS}</style></head>
<body><main>
<h1>${esc(def.title)}</h1>${def.subtitle ? `<p class="sub">${esc(def.subtitle)}</p>` : ''}
<p class="note">Generated by linkage ${esc(version)}. Every number below is computed from the inputs listed at the end; missing data are shown as missing, never as zero.</p>
<div class="summary"><div class="reproduced">${summary.reproduced} published figures reproduced</div><div class="explained">${summary.explained} explained (documented edition or source difference)</div><div class="mismatch">${summary.mismatch} mismatch</div><div class="unavailable">${summary.unavailable} could not be computed here</div></div>
<nav><ol>${toc}<li><a href="#check">Published figures: check</a></li><li><a href="#not-reproduced">Could not be reproduced here</a></li></ol></nav>
${body}
<section id="check"><h2>Published figures: check</h2><p>A figure is reproduced when the computed value rounds to the published one at the published precision, or lies within a tolerance stated with its reason.</p>${checkTable(report.figures)}<p class="note">Full results: <a href="check.json">check.json</a>.</p></section>
<section id="not-reproduced"><h2>Could not be reproduced here</h2><p>These figures need inputs that are not available offline; each names the one input that provides it and the <code>linkage fetch</code> command that gets it.</p>${unavailableList(report)}</section>
<section id="inputs"><h2>Inputs</h2><ul>${inputs}</ul><p class="note">See <a href="manifest.json">manifest.json</a> for paths, SHA-256 and the command line.</p></section>
</main></body></html>
`;
}
