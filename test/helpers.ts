import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../src/cli.js';
import { loadText } from '../src/loaders/load.js';
import { countryRegistry } from '../src/model/countries.js';
import { ObservationTable } from '../src/model/table.js';
import type { CanonicalRow, Provenance } from '../src/model/types.js';
import { sharedDataPath } from '../src/paths.js';

/** Run the CLI in-process, capturing stdout, stderr and the exit code. */
export async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false, status: { code: 0 } });
  return { code, stdout, stderr };
}

/** A real extract under ../shared/data (read, never copied). */
export const shared = (...parts: string[]): string => sharedDataPath(...parts);

export function tmpDir(): string {
  return mkdtempSync(join(tmpdir(), 'linkage-test-'));
}

/** Load CSV text through the same path as files. */
export async function loadCsvText(text: string, file = 'synthetic.csv') {
  return loadText(text, file, { countries: countryRegistry() });
}

const synthetic: Provenance = { source: 'synthetic', dataset: 'TEST', edition: '2020', file: 'synthetic', sha256: '0'.repeat(64) };

/** A canonical table from compact rows [measure, geo, year, value] (synthetic data). */
export function tableOf(rows: [string, string, number, number | null][], provenance: Provenance = synthetic): ObservationTable {
  return new ObservationTable(rows.map(([measure, geo, year, value]) => row(measure, geo, year, value, provenance)));
}

export function row(measure: string, geo: string, year: number, value: number | null, provenance: Provenance = synthetic, partner: string | null = null): CanonicalRow {
  return { measure, geo, partner, year, value, unit: 'x', flags: {}, provenance };
}

export function provenance(dataset: string, edition: string): Provenance {
  return { source: 'synthetic', dataset, edition, file: `${dataset}-${edition}`, sha256: '0'.repeat(64) };
}

/** Every row a load gave: its plain rows and those of its row source (a trade scan's matrix), made all at once. */
export function allRows(loaded: { rows: CanonicalRow[]; source?: { all(): CanonicalRow[] } } | undefined): CanonicalRow[] {
  return loaded === undefined ? [] : [...loaded.rows, ...(loaded.source?.all() ?? [])];
}
