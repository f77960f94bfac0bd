import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

// Usage errors an acceptance trial found unhelpful: each names the option and suggests the fix.
describe('usage errors say what to do', () => {
  it('an unquoted glob the shell expanded: quote it or repeat --input', async () => {
    const r = await cli('compute', '--input', 'a.csv', 'b.csv', 'c.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('too many arguments');
    expect(r.stderr).toContain("quote a glob (--input 'data/BACI_*.csv') so the shell does not expand it, or repeat --input for each file");
  });

  it('--engine: an engine, not a format; a near miss is suggested and case does not matter', async () => {
    const r = await cli('compute', '--engine', 'duck');
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('linkage: E_BAD_CHOICE: --engine must be auto, duckdb or js, got "duck"');
    expect(r.stderr).toContain('did you mean duckdb?');
    expect((await cli('compute', '--engine', 'DuckDB', '--indicator', 'rd-intensity', '--format', 'csv')).code).toBe(0);
  });

  it('--products: a misspelled named group is suggested', async () => {
    const r = await cli('compute', '--indicator', 'trade-intra-share', '--products', 'hitech');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean hightech?');
  });

  it('a glob matching nothing lists every input extension, Parquet included', async () => {
    const r = await cli('compute', '--input', 'nowhere-*.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('inputs end in .csv, .json, .xlsx or .parquet');
  });
});
