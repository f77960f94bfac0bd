import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFile } from '../../src/loaders/load.js';
import { countryRegistry } from '../../src/model/countries.js';
import { tmpDir } from '../helpers.js';

// The SHA-256 in provenance is computed in the same pass as the scan: it must still be the digest
// of every byte of the file (BOM included), in the summary and in every row. Synthetic file.
describe('hash in the scan pass', () => {
  it('provenance carries the SHA-256 of the whole file, BOM included', async () => {
    const file = join(tmpDir(), 'dp-live.csv');
    const body = '\uFEFF"LOCATION","INDICATOR","SUBJECT","MEASURE","FREQUENCY","TIME","Value","Flag Codes"\n"KOR","GERD","TOT","PC_GDP","A","2017",4.55,\n"JPN","GERD","TOT","PC_GDP","A","2017",3.21,\n';
    writeFileSync(file, body);
    const expected = createHash('sha256').update(readFileSync(file)).digest('hex');
    const loaded = await loadFile(file, { countries: countryRegistry() });
    expect(loaded.rows.length).toBe(2);
    expect(loaded.summary.sha256).toBe(expected);
    for (const r of loaded.rows) expect(r.provenance.sha256).toBe(expected);
  });
});
