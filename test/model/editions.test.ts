import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/model/indicator.js';
import { cli } from '../helpers.js';

describe('--edition inside one group (issue 9 item 10)', () => {
  it('UCM 2017 with --edition 2019: USA and CAN from MSTI 2019, MEX from 2023 — a warning naming them, in the output too', async () => {
    const r = await cli('compute', '--indicator', 'rd-intensity', '--group', 'UCM', '--year', '2017', '--edition', '2019', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const expected = 'rd-intensity UCM 2017 mixes editions although --edition 2019 was asked: USA, CAN from MSTI 2019; MEX from DP_LIVE 2023-05 (the preferred edition has no value for the others)';
    expect(r.stderr).toBe(`linkage: warning: W_EDITION_MIX: ${expected}\n`);
    const out = JSON.parse(r.stdout) as { results: Result[]; warnings: { code: string; message: string }[] };
    expect(out.warnings.map((w) => [w.code, w.message])).toEqual([['W_EDITION_MIX', expected]]);
    expect(out.results.find((x) => x.geo === 'UCM')?.detail?.editions).toEqual({ 'MSTI 2019': ['USA', 'CAN'], 'DP_LIVE 2023-05': ['MEX'] });
  });

  it('with --strict the mixed editions are an error (exit 1) and nothing is printed', async () => {
    const r = await cli('compute', '--strict', '--indicator', 'rd-intensity', '--group', 'UCM', '--year', '2017', '--edition', '2019', '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^linkage: W_EDITION_MIX: rd-intensity UCM 2017 mixes editions/);
  });

  it('no warning when every member comes from the edition asked', async () => {
    const r = await cli('compute', '--indicator', 'rd-intensity', '--group', 'CJK', '--year', '2017', '--edition', '2019', '--format', 'csv');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
  });
});
