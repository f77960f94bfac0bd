import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { cli, tmpDir } from '../helpers.js';

// End to end: the generated report opened in headless Chromium (Debian's package, installed by
// .ci/run; no browser download). Skipped only when Chromium is absent and LINKAGE_REQUIRE_CHROMIUM
// is not set — CI sets it, so there the test cannot be skipped.
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const required = process.env.LINKAGE_REQUIRE_CHROMIUM === '1';

function chromium(dir: string, ...args: string[]): string {
  if (CHROMIUM === undefined) throw new Error('Chromium is not installed (apt-get install chromium)');
  return execFileSync(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${join(dir, 'profile')}`, ...args], { encoding: 'utf8', timeout: 90_000, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
}

describe.skipIf(CHROMIUM === undefined && !required)('report in headless Chromium', () => {
  it('renders the charts (SVG elements) and the tables hold the computed values', async () => {
    const dir = tmpDir();
    const out = join(dir, 'report');
    expect((await cli('report', join(projectRoot(), 'reports', 'cjk-linkage'), '--out', out)).code).toBe(0);
    const url = `file://${join(out, 'index.html')}`;
    const dom = chromium(dir, '--dump-dom', url);
    expect(dom).toContain('China–Japan–Korea innovation linkage');
    expect((dom.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(10);
    expect((dom.match(/<path/g) ?? []).length).toBeGreaterThan(50);
    // Table 3 (IMF CDIS 2017): UFG 12.81 %, and the check table's Korea 2017 R&D intensity.
    expect(dom).toMatch(/<tr data-geo="UFG">[^]*?data-value="12\.80612[0-9]*">12\.81</);
    expect(dom).toMatch(/<tr data-figure="rd_intensity_kor_2017">[^]*?4\.55[^]*?reproduced/);
    const shot = join(dir, 'shot.png');
    chromium(dir, '--window-size=1200,2000', `--screenshot=${shot}`, url);
    const png = readFileSync(shot);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(50_000);
  });
});
