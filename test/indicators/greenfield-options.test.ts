import { describe, expect, it } from 'vitest';
import { indicatorById } from '../../indicators/index.js';
import { cli } from '../helpers.js';

// Noticed last round: greenfield-fdi declared no kind for its partner and since options (its twin
// fdi-hightech-content does), so a misspelled partner ran to "no value" instead of a suggestion,
// and `linkage indicators greenfield-fdi` could not say which partners the inputs hold.
describe('greenfield-fdi declares its option kinds as fdi-hightech-content does', () => {
  it('metadata: partner is geos, since a number, direction and unit list their values', () => {
    const opts = indicatorById('greenfield-fdi')?.meta.options ?? {};
    const twin = indicatorById('fdi-hightech-content')?.meta.options ?? {};
    expect(opts.partner?.kind).toBe('geos');
    expect(opts.since?.kind).toBe('number');
    expect(opts.partner?.kind).toBe(twin.partner?.kind);
    expect(opts.since?.kind).toBe(twin.since?.kind);
    expect(opts.direction?.values).toEqual(['outward', 'inward']);
    expect(opts.unit?.values).toEqual(['usd_m', 'usd_100m', 'usd_bn']);
  });

  it('a misspelled partner is a usage error with a suggestion, before any work', async () => {
    const r = await cli('compute', '--indicator', 'greenfield-fdi', '--option', 'partner=JPX');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^linkage: E_UNKNOWN_GEO_ARG: .*"JPX".*\n  hint: did you mean JPN\?/);
  });

  it('linkage indicators greenfield-fdi lists the partners the inputs hold (none in the sample)', async () => {
    const r = await cli('indicators', 'greenfield-fdi', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const partner = (JSON.parse(r.stdout) as { options: { key: string; present: string[] | null }[] }).options.find((o) => o.key === 'partner');
    expect(partner?.present).toEqual([]);
  });
});
