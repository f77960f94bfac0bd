import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { handMade } from '../engine/baci-hand-made.js';

// `linkage indicators ID --input BACI.csv` read a BACI year row by row and tallied every raw
// product measure: 15 s and 593 MB for a 1 M-row year, listing 10,771 measures (found trying the
// issue's files). It now reads the year as compute does (the trade scan and its cache) and lists
// the measures the trade indicators read. SYNTHETIC hand-made BACI file (../engine/baci-hand-made.ts).
describe('linkage indicators on a BACI year', () => {
  it('goes through the trade scan and lists the measures the indicator reads, not one per product code', async () => {
    const file = handMade(['2018,156,392,854110,10,1', '2018,392,156,854140,20,1', '2018,156,842,300490,30,1', '2018,410,842,847130,50,1']);
    const r = await cli('indicators', 'trade-intra-share', '--input', file, '--no-sample', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout) as { inputs: { files: { file: string; rows: number }[]; measures: { measure: string; economies: number }[] } };
    const measures = d.inputs.measures.map((m) => m.measure);
    expect(measures).toContain('trade:X:TOTAL');
    expect(measures).toContain('trade:M:TOTAL');
    expect(measures.filter((m) => /\d{6}/.test(m))).toEqual([]);
    // CHN, JPN, KOR, USA with rows, plus the world.
    expect(d.inputs.measures.find((m) => m.measure === 'trade:X:TOTAL')?.economies).toBe(5);
    expect(d.inputs.files.map((f) => f.file)).toEqual([file]);
  });
});
