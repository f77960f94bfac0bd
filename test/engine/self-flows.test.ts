import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, shared, tmpDir } from '../helpers.js';

// Issue 9 item 5: in a whole-world matrix (BACI) a self-flow F[k→k] follows one rule in the
// numerator and every denominator — out of all of them by default, in all of them with
// --include-self. SYNTHETIC BACI file (values made up; the real V202301 product list).
const DICT = `country_code,country_name_abbreviation,country_name_full,iso_2digit_alpha,iso_3digit_alpha
156,China,China,CN,CHN
392,Japan,Japan,JP,JPN
410,Rep. of Korea,Republic of Korea,KR,KOR
842,USA,USA,US,USA
76,Brazil,Brazil,BR,BRA
`;
// exporter, importer, US$ thousands; 156→156 is the self-flow.
const FLOWS: [number, number, number][] = [[156, 392, 10], [392, 156, 20], [156, 842, 30], [842, 156, 40], [410, 842, 50], [842, 76, 60], [76, 410, 15], [156, 156, 100], [410, 392, 5]];

function baci(): string {
  const dir = tmpDir();
  writeFileSync(join(dir, 'country_codes_V202301.csv'), DICT);
  writeFileSync(join(dir, 'product_codes_HS17_V202301.csv'), readFileSync(shared('comtrade', 'reference', 'product_codes_HS17_V202301.csv')));
  const file = join(dir, 'BACI_HS17_Y2018_V202301.csv');
  writeFileSync(file, `t,i,j,k,v,q\n${FLOWS.map(([i, j, v]) => `2018,${i},${j},854231,${v},1`).join('\n')}\n`);
  return file;
}

/** The ladder by hand: intra, out = Σ F[i→W], worldToR = Σ F[W→j], world = F[W→W]. */
function expected(intra: number, out: number, worldToR: number, world: number) {
  const share = intra / out;
  const w = worldToR / world;
  const rest = (worldToR - intra) / (world - out);
  const hi = share / rest;
  const he = (1 - share) / (1 - rest);
  return { share: 100 * share, world_weight: w, intensity: share / w, introversion: (hi - he) / (hi + he) };
}

describe('self-flows in a whole-world matrix', () => {
  const cases: [string, string[], ReturnType<typeof expected>][] = [
    // Excluded: CHN's 100 leaves CHN's total (140 → 40), W→CHN (160 → 60) and the world (330 → 230).
    ['excluded', [], expected(30, 60, 75, 230)],
    // Included: it is in the intra sum too (30 + 100), as in every total.
    ['included', ['--include-self'], expected(130, 160, 175, 330)],
  ];
  for (const [name, flags, want] of cases) {
    it(`${name}: world weight, intensity and introversion use the same rule as the share`, async () => {
      const file = baci();
      for (const engine of ['js', 'duckdb']) {
        const r = await cli('compute', '--input', file, '--indicator', 'trade-intra-share', '--group', 'CJ=CHN,JPN', '--year', '2018', '--flow', 'exports', ...flags, '--engine', engine, '--no-cache', '--format', 'json');
        expect(r.code, r.stderr).toBe(0);
        const [res] = (JSON.parse(r.stdout) as { results: { value: number; detail: Record<string, number> }[] }).results;
        expect(res?.value, engine).toBeCloseTo(want.share, 10);
        expect(res?.detail.world_weight, engine).toBeCloseTo(100 * want.world_weight, 10); // percent (results@2)
        expect(res?.detail.intensity, engine).toBeCloseTo(want.intensity, 12);
        expect(res?.detail.introversion, engine).toBeCloseTo(want.introversion, 12);
      }
    });
  }
});
