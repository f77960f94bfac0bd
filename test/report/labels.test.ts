import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { giiIndicator } from '../../indicators/gii-indicator.js';
import type { Geo } from '../../src/model/indicator.js';
import { markdownText } from '../../src/render/escape.js';
import { inputDescription, provenanceLabel, resultsUnit } from '../../src/render/labels.js';
import { cli, tableOf, tmpDir } from '../helpers.js';

// Labels and report text say what they are (issue 10, "Labels").

describe('GII labels', () => {
  // Synthetic ranks: CHN 11, JPN 13, KOR 6 (as in the 2022 edition), no rank of IN.1 for KOR.
  const table = tableOf([
    ['gii_rank:GII', 'CHN', 2022, 11],
    ['gii_rank:GII', 'JPN', 2022, 13],
    ['gii_rank:GII', 'KOR', 2022, 6],
  ]);
  const cjk: Geo = { kind: 'group', code: 'CJK', group: { code: 'CJK', name: 'CJK', members: ['CHN', 'JPN', 'KOR'], definition: '', source: '', asOf: '', origin: 'test' } };

  it('a missing GII figure names the overall index, never "GII rank of GII"', () => {
    const [r] = giiIndicator.compute({ table, geos: [{ kind: 'country', code: 'CHN' }], years: [2019], latest: 0, edition: undefined, options: { measure: 'rank' } });
    expect(r?.reason).toBe('CHN has no rank of the overall GII for 2019');
    const [s] = giiIndicator.compute({ table, geos: [{ kind: 'country', code: 'KOR' }], years: [2022], latest: 0, edition: undefined, options: { measure: 'rank', num: 'IN.1' } });
    expect(s?.reason).toBe('KOR has no rank of GII indicator IN.1 for 2022');
  });

  it('a group of ranks says its members\' ranks in the note itself (no "see detail.members")', () => {
    const [r] = giiIndicator.compute({ table, geos: [cjk], years: [2022], latest: 0, edition: undefined, options: { measure: 'rank' } });
    expect(r?.status).toBe('missing');
    expect(r?.reason).toBe('GII ranks are not aggregated over a group; members: CHN 11, JPN 13, KOR 6');
  });

  it('in text, CSV and Markdown tables the note carries the member ranks', async () => {
    for (const format of ['table', 'csv', 'md']) {
      const r = await cli('compute', '--indicator', 'gii-indicator', '--option', 'measure=rank', '--group', 'CJK', '--year', '2022', '--format', format);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toContain('detail.members');
      expect(r.stdout.replace(/\s+/g, ' ')).toContain('members: CHN 11, JPN 13, KOR 6');
    }
  });
});

describe('editions and inputs for a reader', () => {
  it('no "unknown" edition and no repeated publisher word', () => {
    expect(provenanceLabel({ source: 'UN Comtrade', dataset: 'Comtrade Plus', edition: 'unknown', file: 'x', sha256: '' })).toBe('UN Comtrade Plus (edition not stated)');
    expect(provenanceLabel({ source: 'IMF', dataset: 'CDIS_4i', edition: 'unknown', file: 'x', sha256: '' })).toBe('IMF CDIS_4i (edition not stated)');
    expect(inputDescription({ format: 'linkage canonical CSV', dataset: 'canonical', edition: 'unknown' })).toBe('linkage canonical CSV (source and edition on each row)');
    expect(inputDescription({ format: 'OECD.Stat legacy CSV export', dataset: 'MSTI', edition: '2019' })).toBe('OECD.Stat legacy CSV export, MSTI 2019');
    expect(resultsUnit([{ unit: 'rank' }], 'score')).toBe('rank');
    expect(resultsUnit([], 'score')).toBe('score');
  });

  it('check names the source of an explained FDI difference without "unknown"', async () => {
    const r = await cli('check', '--format', 'csv', '--fail-on', 'none');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('IMF CDIS_4i (edition not stated)');
    expect(r.stdout).not.toMatch(/CDIS_4i unknown|Comtrade Comtrade/);
  });
});

describe('Markdown escaping, not HTML escaping, in Markdown', () => {
  it('R&D stays R&D; an entity, HTML and autolinks are backslash-escaped', () => {
    expect(markdownText('R&D & S&E')).toBe('R&D & S&E');
    expect(markdownText('&amp; &#60;')).toBe('\\&amp; \\&#60;');
    expect(markdownText('<img src=x> <http://x>')).toBe('\\<img src=x\\> \\<http://x\\>');
  });
});

describe('the report (Markdown)', () => {
  it('has no &amp;, shows GII ranks in the rank section, and describes inputs without "unknown"', async () => {
    const out = join(tmpDir(), 'report');
    const r = await cli('report', 'reports/cjk-linkage', '--out', out, '--format', 'md');
    expect(r.code).toBe(0);
    // Sections that take the whole embedded sample do not warn about each sample file they do not read.
    expect(r.stderr).not.toContain('W_INPUT_UNUSED');
    const md = readFileSync(join(out, 'index.md'), 'utf8');
    expect(md).not.toContain('&amp;');
    expect(md).toContain('## R&D intensity, 2000–2018');
    const gii = md.slice(md.indexOf('## Global Innovation Index rank'), md.indexOf('Data: [CSV](tables/gii-rank.csv)'));
    expect(gii).toContain('| Value (rank) |');
    expect(gii).toContain('| China | GII rank | 2022 | 11 |');
    expect(gii).toContain('| Mexico | GII rank | 2022 | 58 |');
    expect(gii).not.toContain('score');
    expect(md).not.toMatch(/canonical unknown|rank of GII/);
    // Trade series read as words, with the partner set named.
    expect(md).toContain('| China | JPN+KOR | all products | 2022 | 14.81 |');
    expect(md).not.toMatch(/\| TOTAL \|/);
  });
});
