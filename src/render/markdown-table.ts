import type { Result } from '../model/indicator.js';
import { displayUnit } from './format.js';
import { hasPartner, provenanceLabel } from './labels.js';
import { ladderKeys, leadingCells, leadingHead, resultNote, type Namer } from './table.js';

/** A Markdown table cell: one line, pipes and HTML neutralised, Markdown punctuation escaped. */
export function mdCell(text: unknown): string {
  return String(text ?? '')
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]<>|!#~]/g, (c) => `\\${c}`)
    .replace(/&(?=[A-Za-z0-9#]+;)/g, '\\&');
}

/** GitHub-flavoured Markdown tables of results (`compute --format md`), one per indicator. */
export function renderResultsMarkdown(results: readonly Result[], name: Namer, titles: Record<string, string>): string {
  const byIndicator = new Map<string, Result[]>();
  for (const r of results) byIndicator.set(r.indicator, [...(byIndicator.get(r.indicator) ?? []), r]);
  const out: string[] = [];
  for (const [id, rows] of byIndicator) {
    const partner = rows.some(hasPartner);
    const series = rows.some((r) => r.breakdown !== null);
    const ladder = ladderKeys(rows);
    const units = [...new Set(rows.map((r) => displayUnit(r.unit).label))];
    const cols = { partner, series, ladder, units };
    const head = [...leadingHead(cols), 'Note', 'Source'];
    const body = rows.map((r) => [...leadingCells(r, name, cols), resultNote(r), r.provenance.map(provenanceLabel).join('; ')]);
    out.push(`### ${mdCell(titles[id] ?? id)} (\`${id}\`)`, '', `| ${head.map(mdCell).join(' | ')} |`, `| ${head.map((h) => (/^(Year|Value|Intensity|Introversion)/.test(h) ? '---:' : '---')).join(' | ')} |`, ...body.map((b) => `| ${b.map(mdCell).join(' | ')} |`), '');
  }
  return `${out.join('\n')}\n`;
}
