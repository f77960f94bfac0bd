import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countryRegistry } from '../../src/model/countries.js';
import { loadGroups, membersIn } from '../../src/model/groups.js';
import type { Result } from '../../src/model/indicator.js';
import { cli, tmpDir } from '../helpers.js';

const groups = loadGroups(countryRegistry());

describe('group membership over time', () => {
  it('EU28 by year: 27 before Croatia joined in 2013, 28 until the UK left in 2020', () => {
    const eu = groups.get('EU28');
    if (eu === undefined) throw new Error('EU28 missing');
    expect(membersIn(eu, 2012)).toHaveLength(27);
    expect(membersIn(eu, 2012)).not.toContain('HRV');
    expect(membersIn(eu, 2013)).toHaveLength(28);
    expect(membersIn(eu, 2020)).not.toContain('GBR');
    expect(membersIn(eu, 2003)).toHaveLength(15);
  });

  it('a partner group without its own row in the source is built from the members of that year', async () => {
    // Synthetic legacy Comtrade file: China's imports, 2012, from the world, every EU member, and Croatia.
    const eu = groups.get('EU28');
    if (eu === undefined) throw new Error('EU28 missing');
    const head = 'Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Commodity,Qty Unit Code,Qty Unit,Qty,Netweight (kg),Trade Value (US$),Flag';
    const reg = countryRegistry();
    const code = (iso: string) => reg.get(iso)?.comtrade || reg.get(iso)?.m49 || '';
    const lines = [head, 'H3,2012,2012,2012,0,0,1,Import,156,China,CHN,0,World,WLD,TOTAL,All,1,No Quantity,,,10000,0'];
    for (const m of eu.members) lines.push(`H3,2012,2012,2012,0,0,1,Import,156,China,CHN,${code(m)},${m},${m},TOTAL,All,1,No Quantity,,,${m === 'HRV' ? 500 : 10},0`);
    const f = join(tmpDir(), 'eu.csv');
    writeFileSync(f, `${lines.join('\n')}\n`);
    const r = await cli('compute', '--input', f, '--indicator', 'import-source-share', '--reporter', 'CHN', '--partners', 'EU28', '--year', '2012', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const res = (JSON.parse(r.stdout) as { results: Result[] }).results[0];
    expect(res?.value).toBeCloseTo((100 * 27 * 10) / 10000, 12); // Croatia's 500 is not EU in 2012
    expect((res?.detail?.partner_groups_built_from_members as Record<string, string[]>).EU28).toHaveLength(27);
  });
});
