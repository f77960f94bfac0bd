import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tmpDir } from '../helpers.js';

// Synthetic: a file that is not a recognised input must never have its content echoed (issue 9 item 15).
describe('an unrecognised file is described, never quoted', () => {
  it('the error names the file and its shape, not its first line', async () => {
    const dir = tmpDir();
    const file = join(dir, 'passwd');
    writeFileSync(file, 'root:x:0:0:SECRET-TOKEN-123:/root:/bin/bash\ndaemon:x:1:1::/:/sbin/nologin\n');
    const r = await cli('compute', '--input', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain('unrecognised file format');
    expect(r.stderr).not.toContain('SECRET');
    expect(r.stderr).not.toContain('root:x');
  });
});
