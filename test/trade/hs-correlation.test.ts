import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellText, readXlsx } from '../../src/loaders/xlsx.js';
import { dataPath, sharedDataPath } from '../../src/paths.js';
import { planCode } from '../../src/trade/plan.js';
import { resolveProducts } from '../../src/trade/products.js';
import { convertCode, describeChange, type CodeChange } from '../../src/trade/vintages.js';
import { handMade } from '../engine/baci-hand-made.js';
import { cli, tmpDir } from '../helpers.js';

// The shipped data/products/hs-correlation.csv against the real UN Statistics Division correlation
// tables (read from ../shared/data, never copied), and how a product group of one vintage reads
// codes of another (planCode). The planCode cases are SYNTHETIC single codes; their relationships
// are the shipped table's.

const CONCORDANCE = sharedDataPath('comtrade', 'concordance');
// [file, newer vintage, column of the newer code, older vintage, column of the older code]
const TABLES = [
  ['HS2022toHS2017ConversionAndCorrelationTables.xlsx', 'H6', 0, 'H5', 1],
  ['HS2017toHS2012ConversionAndCorrelationTables.xlsx', 'H5', 0, 'H4', 2],
] as const;

interface UnRow { newer: string; older: string; relationship: string }

/** The correlation sheet's rows: both codes six digits, and the UN's own Relationship (last column). */
function unRows(file: string, newer: number, older: number): UnRow[] {
  const sheet = readXlsx(readFileSync(`${CONCORDANCE}/${file}`), file).find((s) => /Correlation/.test(s.name));
  if (sheet === undefined) throw new Error(`${file}: no correlation sheet`);
  return sheet.rows
    .map((r) => r.map((c) => cellText(c).trim()))
    .filter((t) => /^\d{6}$/.test(t[newer] ?? '') && /^\d{6}$/.test(t[older] ?? ''))
    .map((t) => ({ newer: t[newer] as string, older: t[older] as string, relationship: t[t.length - 1] as string }));
}

const shipped = (): Map<string, string[]> =>
  new Map(
    readFileSync(dataPath('products', 'hs-correlation.csv'), 'utf8')
      .split('\n')
      .filter((l) => /^H\d,/.test(l))
      .map((l) => [l.split(',').slice(0, 3).join('|'), l.split(',')] as const),
  );

describe.runIf(existsSync(CONCORDANCE))('data/products/hs-correlation.csv against the UN tables (needs ../shared/data)', () => {
  it.each(TABLES)('%s: every changed code, each way, with all its counterparts and the UN relationship', (file, nv, nc, ov, oc) => {
    const rows = unRows(file, nc, oc);
    expect(rows.length).toBeGreaterThan(6000);
    const table = shipped();
    for (const [from, to, mine, theirs, side] of [[nv, ov, 'newer', 'older', 1], [ov, nv, 'older', 'newer', 0]] as const) {
      const by = new Map<string, UnRow[]>();
      for (const r of rows) by.set(r[mine], [...(by.get(r[mine]) ?? []), r]);
      let changed = 0;
      for (const [code, rs] of by) {
        const row = table.get(`${from}|${code}|${to}`);
        // The UN label is "older side:newer side"; seen from this code, a counterpart shared with others is an `n`.
        const shared = (r: UnRow) => (side === 1 ? r.relationship.startsWith('n') : r.relationship.endsWith('n'));
        if (rs.length === 1 && rs[0]?.[theirs] === code && rs[0]?.relationship === '1:1') {
          expect(row, `${from} ${code}`).toBeUndefined();
          continue;
        }
        changed++;
        const counterparts = [...new Set(rs.map((r) => r[theirs]))].sort();
        const relationship = counterparts.length === 1 ? (rs.some(shared) ? 'n:1' : '1:1') : rs.some(shared) ? 'n:n' : '1:n';
        const headings = [...new Set(counterparts.map((c) => c.slice(0, 4)))].join(' ');
        expect(row, `${from} ${code}`).toEqual([from, code, to, relationship, counterparts.join(' '), String(counterparts.length), headings]);
      }
      expect([...table.keys()].filter((k) => k.startsWith(`${from}|`) && k.endsWith(`|${to}`))).toHaveLength(changed);
    }
  });

  it('keeps its citation of source and licence', () => {
    const text = readFileSync(dataPath('products', 'hs-correlation.csv'), 'utf8');
    expect(text).toContain('Statistics Division HS correlation and conversion tables');
    expect(text).toContain('see data/README.md for source and licence');
  });
});

const change = (code: string, from: string, to: string) => (convertCode(code, from, to) as { change: CodeChange }).change;

describe('a product group reads codes of another vintage exactly as the correlation table relates them', () => {
  it('a split code is refused by any group that holds one of its counterparts, however many it has', () => {
    // HS2017 846210 went to nine 8462 codes and to the six 8549 codes (e-waste): 15 counterparts.
    expect(change('846210', 'H5', 'H6').count).toBeGreaterThan(6);
    for (const spec of ['H6:85', 'H6:8549', 'H6:854921', 'H6:84', 'H6:84,85']) {
      expect(planCode(resolveProducts(spec), 'H5', '846210', true), spec).toEqual({ why: describeChange(change('846210', 'H5', 'H6')) });
    }
    expect(planCode(resolveProducts('H6:90'), 'H5', '846210', true)).toBeNull();
  });

  it('nothing else is refused: a code none of whose counterparts is in the group is not the group\'s', () => {
    // HS2022 902129 takes content of HS2017 7317, 7318, 810890 and 902129, none of them in the
    // HS2017 high-tech list (which holds other codes of heading 9021).
    const c = change('902129', 'H6', 'H5');
    const hightech = resolveProducts('hightech');
    expect(c.counterparts.some((x) => hightech.codes.has(x))).toBe(false);
    expect([...hightech.codes].some((x) => x.startsWith('9021'))).toBe(true);
    expect(planCode(hightech, 'H6', '902129', true)).toBeNull();
  });

  it('unchanged and renumbered codes convert; the message names at most six counterparts', () => {
    expect(planCode(resolveProducts('H6:3818'), 'H5', '381800', true)).toEqual({ code: '381800' });
    expect(planCode(resolveProducts('H6:2903'), 'H5', '290331', true)).toEqual({ code: '290362' });
    const c = change('846210', 'H5', 'H6');
    expect(describeChange(c)).toBe(`846210 (HS2017) is divided among ${c.counterparts.slice(0, 6).join(', ')}, … (${c.count} codes) (HS2022), which also hold content of other HS2017 codes`);
  });
});

describe('on the command line (SYNTHETIC files)', () => {
  const out = (stdout: string) => JSON.parse(stdout) as { results: { value: number | null }[] };

  it.runIf(existsSync(CONCORDANCE))('an HS2022 chapter on an HS17 BACI year refuses, by name, a code whose content it partly holds (every engine)', async () => {
    // Korea imports 846210 (HS2017, part of whose content is now 8549) and 381800 (unchanged) from China.
    const file = handMade(['2018,156,410,846210,30,1', '2018,156,410,381800,70,1']);
    const why = describeChange(change('846210', 'H5', 'H6'));
    for (const engine of ['js', 'duckdb']) {
      const r = await cli('compute', '--input', file, '--no-sample', '--no-cache', '--engine', engine, '--indicator', 'import-source-share', '--reporter', 'KOR', '--partners', 'CHN', '--year', '2018', '--products', 'H6:85', '--format', 'json');
      expect(r.code, engine).toBe(1);
      expect(r.stderr.split('\n')[0], engine).toBe(`linkage: E_PRODUCT_VINTAGE: product group H6:85 (HS2022) cannot take the HS2017 rows of 2018: ${why} (${file})`);
    }
  });

  it('the HS2017 high-tech list on HS2022 rows is not refused a code none of whose counterparts it holds', async () => {
    const head = 'Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Commodity,Qty Unit Code,Qty Unit,Qty,Netweight (kg),Trade Value (US$),Flag';
    const row = (partner: string, cmd: string, value: number) => `H6,2022,2022,2022,6,1,1,Import,156,China,CHN,${partner},P,,${cmd},C,1,No Quantity,,,${value},0`;
    const file = join(tmpDir(), 'comtrade-h6.csv');
    writeFileSync(file, `${[head, row('0', '381800', 500), row('392', '381800', 50), row('0', '902129', 900), row('392', '902129', 90)].join('\n')}\n`);
    const r = await cli('compute', '--input', file, '--indicator', 'import-source-share', '--reporter', 'CHN', '--partners', 'JPN', '--products', 'hightech', '--year', '2022', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    expect(out(r.stdout).results[0]?.value).toBe(10); // 381800 only: 50 / 500
  });
});
