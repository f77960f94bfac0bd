import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELPER_FILES, INDICATORS } from '../../indicators/index.js';
import { ObservationTable } from '../../src/model/table.js';
import type { CanonicalRow } from '../../src/model/types.js';
import type { Geo } from '../../src/model/indicator.js';
import { loadInputs } from '../../src/commands/inputs.js';
import { countryRegistry } from '../../src/model/countries.js';
import { loadGroups } from '../../src/model/groups.js';
import { projectRoot } from '../../src/paths.js';

describe('indicator contract', () => {
  it('every file in indicators/ is registered', async () => {
    const files = readdirSync(join(projectRoot(), 'indicators')).filter((f) => f.endsWith('.ts') && !HELPER_FILES.includes(f));
    const ids = INDICATORS.map((i) => i.meta.id);
    for (const f of files) {
      const mod = (await import(`../../indicators/${f}`)) as Record<string, unknown>;
      const exported = Object.values(mod).filter((v): v is { meta: { id: string } } => typeof v === 'object' && v !== null && 'meta' in v);
      expect(exported.length, `${f} exports an indicator`).toBeGreaterThan(0);
      for (const e of exported) expect(ids, `${f} is registered`).toContain(e.meta.id);
      expect(f.replace(/\.ts$/, ''), 'file named after its id').toBe(exported[0]?.meta.id);
    }
  });

  for (const ind of INDICATORS) {
    it(`${ind.meta.id}: complete metadata`, () => {
      const m = ind.meta;
      expect(m.id).toMatch(/^[a-z][a-z0-9-]+$/);
      for (const field of [m.title, m.definition]) expect(field.length).toBeGreaterThan(10);
      expect(m.unit.length).toBeGreaterThan(2);
      expect(m.measures.length).toBeGreaterThan(0);
      expect(m.sources.length).toBeGreaterThan(0);
      expect(m.caveats.length).toBeGreaterThan(0);
      expect(['bars', 'lines', 'heatmap', 'dots']).toContain(m.chart);
    });

    it(`${ind.meta.id}: does not mutate its input and is deterministic`, async () => {
      const countries = countryRegistry();
      const groups = loadGroups(countries);
      const { table } = await loadInputs([], countries, undefined);
      const geos: Geo[] = ['CJK', 'UFG', 'UCM'].map((c) => ({ kind: 'group', code: c, group: groups.get(c)! }));
      geos.push({ kind: 'country', code: 'KOR' });
      const snapshot = JSON.stringify(table);
      const options = ind.meta.example ?? {};
      const a = ind.compute({ table, geos, years: [2015, 2016], latest: 1, edition: undefined, options, groups });
      const b = ind.compute({ table, geos, years: [2015, 2016], latest: 1, edition: undefined, options, groups });
      expect(JSON.stringify(table)).toBe(snapshot);
      expect(a).toEqual(b);
      for (const r of a) {
        expect(r.indicator).toBe(ind.meta.id);
        if (r.status === 'ok') {
          expect(r.value).not.toBeNull();
          expect(r.provenance.length).toBeGreaterThan(0);
        } else {
          expect(r.value).toBeNull();
          expect(r.reason).toBeTruthy();
        }
      }
    });
  }

  it('an empty table gives missing results, not zeros', () => {
    const empty = new ObservationTable([] as CanonicalRow[]);
    for (const ind of INDICATORS) {
      const rs = ind.compute({ table: empty, geos: [{ kind: 'country', code: 'KOR' }], years: [2017], latest: 0, edition: undefined, options: ind.meta.example ?? {} });
      for (const r of rs) expect(r.value, ind.meta.id).toBeNull();
    }
  });
});
