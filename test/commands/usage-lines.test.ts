import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

// Found by a new-user trial: commander's own usage errors came as three lines
// ("(Did you mean --group?)", "(run with --help for usage)") instead of linkage's one line plus hint.
describe('usage errors from option parsing are one line plus a hint', () => {
  it.each([
    [['compute', '--grup', 'CJK'], "linkage: E_USAGE: unknown option '--grup'\n  hint: did you mean --group? (run with --help for usage)\n"],
    [['comptue'], "linkage: E_USAGE: unknown command 'comptue'\n  hint: did you mean compute? (run with --help for usage)\n"],
    [['compute', '--year'], "linkage: E_USAGE: option '-y, --year <years>' argument missing\n  hint: run with --help for usage\n"],
  ])('%j', async (argv, stderr) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(stderr);
    expect(r.stdout).toBe('');
  });
});
