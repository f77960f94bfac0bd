import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { visibleControls } from '../../src/render/escape.js';
import { renderResultsTable } from '../../src/render/table.js';
import type { Result } from '../../src/model/indicator.js';
import { cli, tmpDir } from '../helpers.js';

// Text-table widths are measured on the displayed text: a control character in data is shown as
// the six characters `\u001B`, so the table must be laid out for those six, not for one.

/** Every box-drawn line of `text` has the same length (the borders line up). */
function bordersAlign(text: string): void {
  const lines = text.split('\n').filter((l) => /^[╔║╟╚]/.test(l));
  expect(lines.length).toBeGreaterThan(2);
  const widths = new Set(lines.map((l) => [...l].length));
  expect([...widths], lines.join('\n')).toHaveLength(1);
}

describe('text tables measure the displayed text (controls expanded)', () => {
  it('results table: a group name and a note holding controls keep the borders aligned and fit the width', () => {
    // Synthetic result.
    const r: Result = { indicator: 'x', geo: 'EVIL', geo_kind: 'group', partner: null, breakdown: null, year: 2017, value: null, unit: 'percent', status: 'missing', reason: `bad\u001b[2J\u0007\u001b[2J\u0007\u001b[2J\u0007 cell`, years_used: {}, provenance: [], flags: {} };
    const text = visibleControls(renderResultsTable([r], () => `Evil\u001b[2J\u0007 group`, { x: 'Title\u0007' }, 80));
    bordersAlign(text);
    expect(text).toContain('Evil\\u001B[2J\\u0007 group');
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('compute and groups tables stay aligned with a hostile group name', async () => {
    const file = join(tmpDir(), 'groups.json');
    writeFileSync(file, JSON.stringify({ groups: { EVIL: { name: 'Evil\u001b[2J\u0007 group', definition: 'd\u001b]0;x\u0007', members: ['JPN', 'KOR'] } } }));
    const c = await cli('compute', '--groups', file, '--group', 'EVIL', '--indicator', 'rd-intensity', '--year', '2017');
    expect(c.code).toBe(0);
    bordersAlign(c.stdout);
    const g = await cli('groups', '--groups', file);
    expect(g.code).toBe(0);
    bordersAlign(g.stdout);
  });
});
