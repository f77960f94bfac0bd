import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, shared, tmpDir } from '../helpers.js';

// A partner is resolved as --group resolves a group code (exactly as written, else upper case),
// else as an economy code in upper case: a lower-case ad hoc group can be named as a partner.

const json = (stdout: string) => JSON.parse(stdout) as { results: { geo: string; partner: string; value: number | null }[] };

describe('partners named like --group names them', () => {
  const plus = shared('comtrade', 'plus', 'chn-deu-usa-total-by-partner-2022.csv');

  it('--partners nordic with --group nordic=DNK,FIN gives the value of --partners DNK,FIN', async () => {
    const base = ['compute', '--input', plus, '--indicator', 'import-source-share', '--reporter', 'CHN', '--year', '2022', '--format', 'json'];
    const byCodes = await cli(...base, '--partners', 'DNK,FIN');
    const byGroup = await cli(...base, '--group', 'nordic=DNK,FIN', '--partners', 'nordic');
    expect(byCodes.code).toBe(0);
    expect(byGroup.code, byGroup.stderr).toBe(0);
    const a = json(byCodes.stdout).results.find((r) => r.geo === 'CHN');
    const b = json(byGroup.stdout).results.find((r) => r.geo === 'CHN');
    expect(a?.value).toBeGreaterThan(0);
    expect(b?.value).toBe(a?.value);
    expect(b?.partner).toBe('nordic');
    // Economy codes are still read in any case.
    const lower = await cli(...base, '--partners', 'dnk,fin');
    expect(json(lower.stdout).results.find((r) => r.geo === 'CHN')?.value).toBe(a?.value);
  });

  it('greenfield partners: a lower-case ad hoc group and a lower-case economy code', async () => {
    // Synthetic projects (US$ m): CHN→JPN 300 (real estate) + 50 (software, high-tech); CHN→KOR 70 (semiconductors).
    const file = join(tmpDir(), 'projects.csv');
    writeFileSync(file, 'source_economy,destination_economy,year,sector,capex_usd_m\nCHN,JPN,2018,Real Estate,300\nCHN,JPN,2018,Software & IT services,50\nCHN,KOR,2018,Semiconductors,70\n');
    const r = await cli('compute', '--no-sample', '--input', file, '--indicator', 'fdi-hightech-content', '--country', 'CHN', '--group', 'jk=JPN,KOR', '--no-members', '--option', 'partner=jk,jpn', '--year', '2018', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const rows = json(r.stdout).results.filter((x) => x.geo === 'CHN');
    expect(rows.map((x) => [x.partner, x.value])).toEqual([
      ['jk', (100 * 120) / 420],
      ['JPN', (100 * 50) / 350],
    ]);
  });
});
