import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

// Found by a new-user trial: tables with a Series column were 92 characters wide at COLUMNS=80
// (issue 10: text tables fit the terminal). The widest text column now wraps instead.
describe('text tables with a Series column fit COLUMNS', () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.COLUMNS;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.COLUMNS;
    else process.env.COLUMNS = saved;
  });

  it.each([
    ['technology-overlap', ['--group', 'CJK', '--group', 'UFG', '--latest', '1']],
    ['berd-industry-share', ['--latest', '1']],
  ])('%s at 80 and 70 columns', async (indicator, more) => {
    for (const columns of [80, 70]) {
      process.env.COLUMNS = String(columns);
      const r = await cli('compute', '--indicator', indicator, ...more);
      expect(r.code, r.stderr).toBe(0);
      const widest = Math.max(...r.stdout.split('\n').map((l) => [...l].length));
      expect(widest).toBeLessThanOrEqual(columns);
      expect(r.stdout).toMatch(/computer-/);
    }
  });
});
