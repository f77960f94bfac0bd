import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';

// The installed command, out of process: `npm ci` builds dist/ (the `prepare` script) and the bin
// must be executable for `npx linkage` to run on a fresh clone.
describe('the linkage bin', () => {
  it('runs as an executable and exits with the documented codes', () => {
    const bin = join(projectRoot(), 'dist', 'src', 'cli.js');
    expect(execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
    let code = 0;
    let stderr = '';
    try {
      execFileSync(bin, ['compute', '--group', 'NOPE'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      code = (e as { status: number }).status;
      stderr = String((e as { stderr: string }).stderr);
    }
    expect(code).toBe(2);
    expect(stderr).toMatch(/^linkage: E_UNKNOWN_GROUP: unknown group "NOPE"\n {2}hint: /);
  });
});
