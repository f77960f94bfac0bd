import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytePass } from '../../src/engine/duckdb-read.js';
import { tmpDir } from '../helpers.js';

// The pass that hashes a CSV beside DuckDB's query kept reading the whole file after DuckDB had
// refused it and the byte scanner was reading it again (two reads of a 336 MB year at once).
// A stopped pass reads no further. SYNTHETIC file.
describe('the byte pass beside DuckDB', () => {
  it('gives the digest and whether a `_` occurs, and stops when told', async () => {
    const file = join(tmpDir(), 'x.csv');
    const text = 't,i,j,k,v,q\n2018,1,2,3,1_0,1\n';
    writeFileSync(file, text);
    expect(await bytePass(file, true)).toEqual({ sha256: createHash('sha256').update(text).digest('hex'), underscore: true });
    const stop = new AbortController();
    stop.abort();
    expect(await bytePass(file, true, stop.signal)).toEqual({ sha256: undefined, underscore: false });
  });
});
