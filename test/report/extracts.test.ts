import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readReport } from '../../src/report/definition.js';
import { buildReport } from '../../src/report/build.js';
import { dataPath, projectRoot, sharedDataPath } from '../../src/paths.js';
import { EXTRACTS, renderExtract } from '../../scripts/extracts.js';
import { tmpDir } from '../helpers.js';

const REPORT = join(projectRoot(), 'reports', 'cjk-linkage');

async function verdicts(report = REPORT) {
  const built = await buildReport(readReport(report));
  return {
    summary: built.summary,
    absent: built.absent,
    unavailableSections: built.sections.filter((s) => s.unavailable !== undefined).map((s) => s.section.id),
    figures: built.figures.map((f) => ({ id: f.id, verdict: f.verdict, computed: f.computed, reason: f.reason, years: f.years_used })),
    files: built.inputs.map((i) => i.file),
  };
}

// The report carries its inputs: the same verdicts with ../shared beside the checkout and with the
// shared-data folder pointed at an empty one (a fresh clone).
describe('reports/cjk-linkage on a fresh clone', () => {
  const saved = process.env.LINKAGE_SHARED_DATA;
  afterEach(() => {
    if (saved === undefined) delete process.env.LINKAGE_SHARED_DATA;
    else process.env.LINKAGE_SHARED_DATA = saved;
  });

  it('gives the same verdicts, values and reasons without ../shared as beside it', async () => {
    const beside = await verdicts();
    process.env.LINKAGE_SHARED_DATA = join(tmpDir(), 'no-shared-data');
    expect(existsSync(sharedDataPath())).toBe(false);
    const fresh = await verdicts();
    expect(fresh).toEqual(beside);
    expect(fresh.summary).toEqual({ reproduced: 18, mismatch: 6, unavailable: 90 });
    expect(fresh.absent).toEqual([]);
    expect(fresh.unavailableSections).toEqual([]);
    expect(fresh.files.every((f) => f.startsWith('data/sample/'))).toBe(true);
  });
});

// Each shipped extract is exactly what scripts/build-extracts.ts derives from the real file today
// (so the extracts are neither stale nor hand-edited), and cites its original and its SHA-256.
describe.runIf(existsSync(sharedDataPath('imf')))('shipped extracts (needs ../shared/data)', () => {
  it.each(EXTRACTS.map((e) => [e.output, e] as const))('%s is derived from its original', async (_name, extract) => {
    const shipped = readFileSync(dataPath('sample', extract.output), 'utf8');
    const { text, rows } = await renderExtract(extract);
    expect(shipped).toBe(text);
    expect(rows).toBeGreaterThan(0);
    expect(shipped).toMatch(/^# Licence: /m);
    expect(shipped).toContain(`${extract.input} sha256:`);
    // small: a selection, never a copy of the original
    expect(shipped.length).toBeLessThan(40_000);
  });
});

// The extracts give what the originals give: the same report definition with every extract replaced
// by the real file it was derived from yields the same figures.
describe.runIf(existsSync(sharedDataPath('imf')))('extracts against their originals (needs ../shared/data)', () => {
  it('the report computed from the original files has the same verdicts, values and reasons', async () => {
    const def = JSON.parse(readFileSync(join(REPORT, 'report.json'), 'utf8')) as { published: string; inputs: { id: string; path?: string; shared?: string }[] };
    const original = new Map(EXTRACTS.map((e) => [`../../data/sample/${e.output}`, e.input]));
    def.inputs = def.inputs.map((i) => (i.path !== undefined && original.has(i.path) ? { id: i.id, shared: original.get(i.path) as string } : i));
    expect(def.inputs.filter((i) => i.shared !== undefined)).toHaveLength(EXTRACTS.length);
    const dir = join(tmpDir(), 'originals');
    mkdirSync(dir);
    def.published = relative(dir, dataPath('published', 'huang-lv-wang.csv'));
    writeFileSync(join(dir, 'report.json'), JSON.stringify(def));
    const fromOriginals = await verdicts(dir);
    const fromExtracts = await verdicts();
    expect(fromOriginals.figures).toEqual(fromExtracts.figures);
    expect(fromOriginals.files.some((f) => f.includes('shared/data/imf/'))).toBe(true);
  });
});
