import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOADERS } from '../../src/loaders/index.js';
import { cli, shared, tmpDir } from '../helpers.js';

// inspect tells the truth about what each indicator can use, names every format it knows, and
// takes several files, folders and globs (issue 10).

interface Measure { measure: string; rows: number; description: string | null; canonical: boolean; read_by: string[] }
interface Info { file: string; measures: Measure[] }

describe('inspect: which indicators use each measure', () => {
  it('trade rows the trade indicators read are not "not mapped"; re-imports are used by none', async () => {
    const file = 'data/sample/comtrade-legacy-chn-2018.csv';
    const r = await cli('inspect', file, '--format', 'json');
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout) as Info;
    const by = Object.fromEntries(info.measures.map((m) => [m.measure, m]));
    expect(by['trade:M:H5:TOTAL']).toMatchObject({ canonical: true, description: 'Goods imports by partner, HS2017 codes, all products (US$)' });
    expect(by['trade:M:H5:TOTAL']?.read_by).toEqual(['trade-intra-share', 'trade-intensity', 'trade-introversion', 'import-source-share', 'trade-matrix']);
    expect(by['trade:X:H5:TOTAL']?.read_by).toContain('export-destination-share');
    expect(by['trade:X:H5:TOTAL']?.read_by).not.toContain('import-source-share');
    expect(by['trade:RM:H5:TOTAL']?.read_by).toEqual([]);
    const table = await cli('inspect', file);
    expect(table.stdout).not.toContain('not mapped');
    expect(table.stdout.replace(/[║│\s]+/g, ' ')).toContain('used by: trade-intra-share, trade-intensity, trade-introversion, import-source-share, trade-matrix');
  });

  it('GII and FDI rows name their readers; a source code kept as DATASET:code is the one "not mapped"', async () => {
    const gii = JSON.parse((await cli('inspect', 'data/sample/wipo-gii-2022-index.csv', '--format', 'json')).stdout) as Info;
    expect(gii.measures.map((m) => [m.measure, m.description, m.read_by])).toEqual([
      ['gii_rank:GII', 'GII rank of the overall index (GII)', ['gii-indicator']],
      ['gii_score:GII', 'GII score of the overall index (GII)', ['gii-indicator']],
    ]);
    const fdi = JSON.parse((await cli('inspect', 'data/sample/imf-cdis-table6-outward-2017.csv', '--format', 'json')).stdout) as Info;
    expect(fdi.measures[0]).toMatchObject({ measure: 'fdi_outward_position_usd', canonical: true, read_by: ['fdi-intra-share'] });
    const msti = await cli('inspect', shared('oecd', 'msti-2019-edition-long.csv'), '--format', 'json');
    const b = (JSON.parse(msti.stdout) as Info).measures.find((m) => m.measure === 'MSTI:B_XFB');
    expect(b).toMatchObject({ canonical: false, read_by: [] });
    const mapped = (JSON.parse(msti.stdout) as Info).measures.find((m) => m.measure === 'berd_share_pharmaceuticals');
    expect(mapped?.read_by).toEqual(['berd-industry-share', 'technology-overlap']);
  });
});

describe('inspect: unknown files and several files', () => {
  it('an unknown file lists every format the loader registry knows and does not suggest inspect', async () => {
    const file = join(tmpDir(), 'mystery.csv');
    writeFileSync(file, 'a,b,c\n1,2,3\n');
    const r = await cli('inspect', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_UNKNOWN_FORMAT');
    for (const l of LOADERS) expect(r.stderr).toContain(`${l.label} (${l.id})`);
    expect(r.stderr).not.toContain('linkage inspect');
  });

  it('takes several files, a folder and a glob', async () => {
    const two = await cli('inspect', 'data/sample/oecd-msti-2019.csv', 'data/sample/wipo-gii-2022-index.csv', '--format', 'json');
    expect(two.code).toBe(0);
    expect((JSON.parse(two.stdout) as { files: Info[] }).files.map((f) => f.file)).toEqual(['data/sample/oecd-msti-2019.csv', 'data/sample/wipo-gii-2022-index.csv']);
    const folder = await cli('inspect', 'data/sample', '--format', 'json');
    expect(folder.code).toBe(0);
    const csvs = readdirSync('data/sample').filter((f) => f.endsWith('.csv')).sort();
    expect((JSON.parse(folder.stdout) as { files: Info[] }).files.map((f) => f.file)).toEqual(csvs.map((f) => join('data/sample', f)));
    const glob = await cli('inspect', 'data/sample/imf-*.csv');
    expect(glob.code).toBe(0);
    expect(glob.stdout.match(/║ file /g)).toHaveLength(csvs.filter((f) => f.startsWith('imf-')).length);
  });
});

// Noticed last round: `inspect --format json` gave the edition "unknown" where the text says
// "(edition not stated)". JSON now says null, and a canonical CSV names the sources on its rows.
describe('inspect: an edition not stated is null in JSON, as the text says', () => {
  it('a Comtrade Plus export (no edition in the file): null in JSON, "(edition not stated)" in text', async () => {
    const file = shared('comtrade', 'plus', 'chn-deu-usa-total-by-partner-2022.csv');
    const json = JSON.parse((await cli('inspect', file, '--format', 'json')).stdout) as { edition: string | null };
    expect(json.edition).toBeNull();
    expect((await cli('inspect', file)).stdout).toContain('(edition not stated)');
  });

  it('a stated edition stays a string; a canonical CSV lists the sources its rows name', async () => {
    const msti = JSON.parse((await cli('inspect', shared('oecd', 'msti-2019-edition-long.csv'), '--format', 'json')).stdout) as { edition: string | null };
    expect(msti.edition).toBe('2019');
    const r = await cli('inspect', 'data/sample/imf-cdis-table6-outward-2017.csv', '--format', 'json');
    expect(JSON.parse(r.stdout)).toMatchObject({ edition: null, row_sources: ['IMF CDIS_6o 2024-01'] });
    expect((await cli('inspect', 'data/sample/imf-cdis-table6-outward-2017.csv')).stdout).toContain('on each row: IMF CDIS_6o 2024-01');
  });
});

describe('records read and the rows they give, counted apart', () => {
  it('a BACI year: records are its data lines, rows twice that (export and import), in inspect and compute (found by review: "2,000,004 read" for a 1,000,002-line file)', async () => {
    const dir = tmpDir();
    // SYNTHETIC three-line BACI year (the engines' tests use the same layout).
    writeFileSync(join(dir, 'country_codes_V202301.csv'), 'country_code,country_name_abbreviation,country_name_full,iso_2digit_alpha,iso_3digit_alpha\n156,China,China,CN,CHN\n392,Japan,Japan,JP,JPN\n410,Rep. of Korea,Republic of Korea,KR,KOR\n');
    const file = join(dir, 'BACI_HS17_Y2018_V202301.csv');
    writeFileSync(file, 't,i,j,k,v,q\n2018,156,392,854231,10.5,1\n2018,392,410,854231,20,1\n2018,410,156,847130,30,1\n');
    const info = JSON.parse((await cli('inspect', file, '--format', 'json')).stdout) as { records: number; rows: number };
    expect([info.records, info.rows]).toEqual([3, 6]);
    expect((await cli('inspect', file)).stdout.replace(/[║│\s]+/g, ' ')).toContain('3 records read, giving 6 rows, 0 with a missing value');
    const out = await cli('compute', '--input', file, '--no-sample', '--no-cache', '--indicator', 'trade-intra-share', '--group', 'CJK', '--year', '2018', '--format', 'json');
    expect(out.code, out.stderr).toBe(0);
    const input = (JSON.parse(out.stdout) as { inputs: { records: number; rows: number }[] }).inputs[0];
    expect([input?.records, input?.rows]).toEqual([3, 6]);
    // A long-format file gives one row per record: the text says so once.
    expect((await cli('inspect', 'data/sample/comtrade-legacy-chn-2018.csv')).stdout.replace(/[║│\s]+/g, ' ')).toMatch(/rows [\d,]+ read, \d+ with a missing value/);
  });
});
