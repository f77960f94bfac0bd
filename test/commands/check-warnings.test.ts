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
    expect(r.stderr).toMatch(/^linkage: warning: W_OUTSIDE_USUAL_DOMAIN: data\/sample\/imf-cdis-table6-outward-2017\.csv: .*MEX 2017 \(line 63\)( \(no result reads these rows\))?$/m);
  });

  it('--format json carries them as {code, message, hint}', async () => {
    const r = await cli('check', '--fail-on', 'none', '--format', 'json');
    const warnings = (JSON.parse(r.stdout) as { warnings: { code: string; message: string; hint: string }[] }).warnings;
    expect(warnings.map((w) => w.code)).toContain('W_OUTSIDE_USUAL_DOMAIN');
    expect(typeof warnings[0]?.hint).toBe('string');
  });

  it('--strict fails only on a warning about rows a result reads: the check reads no MEX→CHN position', async () => {
    const r = await cli('--strict', 'check', '--fail-on', 'none');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^linkage: warning: W_OUTSIDE_USUAL_DOMAIN: .*MEX 2017 \(line 63\) \(no result reads these rows\)$/m);
    const json = await cli('--strict', 'check', '--fail-on', 'none', '--format', 'json');
    const warnings = (JSON.parse(json.stdout) as { warnings: { code: string; feeds_results?: boolean }[] }).warnings;
    expect(warnings.filter((w) => w.code === 'W_OUTSIDE_USUAL_DOMAIN').map((w) => w.feeds_results)).toEqual([false, false]);
  });

  it('--strict compute: UCM (MEX→CHN unread) passes; a group of MEX and CHN reads the negative position and fails before any output', async () => {
    const ucm = await cli('--strict', 'compute', '--indicator', 'fdi-intra-share', '--group', 'UCM', '--year', '2017');
    expect(ucm.code, ucm.stderr).toBe(0);
    const r = await cli('--strict', 'compute', '--indicator', 'fdi-intra-share', '--group', 'MC=MEX,CHN', '--year', '2017');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^linkage: W_OUTSIDE_USUAL_DOMAIN: .*MEX 2017 \(line 63\) \(--strict: warnings are errors\)/);
  });
});
