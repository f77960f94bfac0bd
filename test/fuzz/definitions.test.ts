import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LinkageError } from '../../src/errors.js';
import { countryRegistry } from '../../src/model/countries.js';
import { GroupRegistry } from '../../src/model/groups.js';
import { dataPath, projectRoot } from '../../src/paths.js';
import { confineReport } from '../../src/report/confine.js';
import { readReport } from '../../src/report/definition.js';
import { tmpDir } from '../helpers.js';
import { apply, plans } from './mutate.js';

// Fuzzing the files users write: seeded mutations of the shipped report definition and of
// data/groups.json, read as a user's files (schema, references, confinement). Each must be read
// or refused with a catalogued usage error (exit 2) — never another exception or exit 70.
const SEED = Number(process.env.LINKAGE_FUZZ_SEED ?? 20261122);
const CASES = Math.max(20, Math.floor(Number(process.env.LINKAGE_FUZZ_CASES ?? 150) / 2));

function outcome(read: () => void): string | undefined {
  try {
    read();
    return undefined;
  } catch (e) {
    if (!(e instanceof LinkageError)) return `an uncaught ${(e as Error).name}: ${(e as Error).message.slice(0, 200)}`;
    if (e.kind !== 'usage' || e.code === 'E_INTERNAL') return `a ${e.kind} error ${e.code}: ${e.message.slice(0, 200)}`;
    return undefined;
  }
}

describe('fuzzing report definitions and groups files', () => {
  const sources: [string, string][] = [
    ['report.json', join(projectRoot(), 'reports', 'cjk-linkage', 'report.json')],
    ['groups.json', dataPath('groups.json')],
  ];
  for (const [name, source] of sources) {
    it(`${CASES} mutations of ${name} (seed ${SEED}): read, or a usage error`, () => {
      const dir = tmpDir();
      const failures: string[] = [];
      for (const [i, plan] of plans(SEED, CASES, [1]).entries()) {
        mkdirSync(join(dir, String(i)));
        const file = join(dir, String(i), name);
        writeFileSync(file, plan.ops.reduce(apply, readFileSync(source)));
        const problem =
          name === 'report.json'
            ? outcome(() => {
                const def = readReport(file);
                confineReport(def, file);
              })
            : outcome(() => new GroupRegistry(countryRegistry()).addFile(file, file));
        if (problem !== undefined) failures.push(`case ${i}: ${JSON.stringify(plan.ops)} → ${problem}`);
      }
      expect(failures).toEqual([]);
    });
  }
});
