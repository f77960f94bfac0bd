import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

// Found by a new-user trial: `check` printed its warnings as "[object Object]", left them out of
// its JSON, and ignored --strict. The embedded sample's IMF CDIS extract publishes negative MEX
// positions, which every check run warns about (W_OUTSIDE_USUAL_DOMAIN).
describe('check shows, records and (with --strict) enforces its warnings', () => {
  it('stderr names each warning by code and message', async () => {
    const r = await cli('check', '--fail-on', 'none');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/object Object/);
    expect(r.stderr).toMatch(/^linkage: warning: W_OUTSIDE_USUAL_DOMAIN: data\/sample\/imf-cdis-table6-outward-2017\.csv: .*MEX 2017 \(line 63\)$/m);
  });

  it('--format json carries them as {code, message, hint}', async () => {
    const r = await cli('check', '--fail-on', 'none', '--format', 'json');
    const warnings = (JSON.parse(r.stdout) as { warnings: { code: string; message: string; hint: string }[] }).warnings;
    expect(warnings.map((w) => w.code)).toContain('W_OUTSIDE_USUAL_DOMAIN');
    expect(typeof warnings[0]?.hint).toBe('string');
  });

  it('--strict turns the first into an error (exit 1, its code) before any output', async () => {
    const r = await cli('--strict', 'check', '--fail-on', 'none');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^linkage: W_OUTSIDE_USUAL_DOMAIN: .*\(--strict: warnings are errors\)/);
  });
});
