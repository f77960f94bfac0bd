import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSyntheticBaci } from '../../bench/baci-synthetic.js';
import { duckdbTotals, linkageTotals } from '../../bench/engines.js';
import { tmpDir } from '../helpers.js';

// The benchmark compares linkage with DuckDB; this checks (on a small synthetic BACI file) that the
// two engines compute the same totals, cell by cell. Timing is measured by `npm run bench`, not here.
// DuckDB is a dependency (package.json pins it exactly), so this test never skips.
describe('benchmark engines agree', () => {
  it('linkage and DuckDB give the same exporter × importer × year totals', async () => {
    const dir = tmpDir();
    const file = await writeSyntheticBaci(dir, 20_000);
    const [a, b] = await Promise.all([linkageTotals(file), duckdbTotals(file, join(dir, 'country_codes_V202301.csv'))]);
    expect(a.size).toBe(b.size);
    expect(a.size).toBeGreaterThan(1000);
    for (const [k, v] of b) expect(a.get(k), k).toBeCloseTo(v, 3);
  });
});
