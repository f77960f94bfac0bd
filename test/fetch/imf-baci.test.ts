import { readFileSync } from 'node:fs';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadFile } from '../../src/loaders/load.js';
import { countryRegistry } from '../../src/model/countries.js';
import { cli, shared } from '../helpers.js';
import { fetchEnv } from './env.js';
import { loopback } from './server.js';

const env = fetchEnv();
const value = (stdout: string, geo: string) => (JSON.parse(stdout) as { results: { geo: string; value: number | null }[] }).results.find((r) => r.geo === geo)?.value;

/**
 * The real CDIS Table 6-o 2017 (../shared/data/imf/cdis-table6-outward-positions-2017.xlsx) as an
 * IMF DIP SDMX-CSV answer (apis.md §4.2 header; ISO3 codes, world G001, values in plain US$,
 * DV_TYPE O): the values are real, the layout is the documented one.
 */
async function dipAnswer(): Promise<string> {
  const { rows } = await loadFile(shared('imf', 'cdis-table6-outward-positions-2017.xlsx'), { countries: countryRegistry() });
  const lines = ['DATAFLOW,COUNTRY,DV_TYPE,INDICATOR,COUNTERPART_COUNTRY,FREQUENCY,TIME_PERIOD,OBS_VALUE,SCALE,STATUS'];
  for (const r of rows) {
    if (!['GBR', 'FRA', 'DEU'].includes(r.geo)) continue;
    lines.push(['IMF.STA:DIP(12.0.1)', r.geo, 'O', 'OTWD_D_NETAL_FALL_ALL', r.partner === 'WLD' ? 'G001' : r.partner, 'A', String(r.year), r.value === null ? '' : String(r.value), '6', r.flags.confidential ? 'C' : ''].join(','));
  }
  lines.push('IMF.STA:DIP(12.0.1),GBR,SCC,OTWD_D_NETAL_FALL_ALL,FRA,A,2017,1,6,');
  return `${lines.join('\n')}\n`;
}

describe('fetch from the IMF SDMX API (DIP) and CEPII BACI (loopback servers)', () => {
  it('IMF DIP: the fetched answer gives the same UFG outward intra-group share as the CDIS workbook (12.8 %)', async () => {
    const body = await dipAnswer();
    const server = await loopback(() => ({ headers: { 'content-type': 'application/vnd.sdmx.data+csv' }, body }));
    env.set({ LINKAGE_IMF_API: `${server.url}/external/sdmx/2.1` });
    try {
      const f = await cli('fetch', 'imf:DIP', '--key', 'GBR+FRA+DEU.O.OTWD_D_NETAL_FALL_ALL..A', '--years', '2017');
      expect(f.code).toBe(0);
      expect(server.requests[0]?.url).toBe('/external/sdmx/2.1/data/IMF.STA,DIP/GBR+FRA+DEU.O.OTWD_D_NETAL_FALL_ALL..A?startPeriod=2017&endPeriod=2017');
      expect(server.requests[0]?.headers.accept).toMatch(/application\/vnd\.sdmx\.data\+csv/);
      const args = ['compute', '--indicator', 'fdi-intra-share', '--group', 'UFG', '--year', '2017', '--format', 'json'];
      const fetched = await cli(...args, '--input', f.stdout.trim());
      const workbook = await cli(...args, '--input', shared('imf', 'cdis-table6-outward-positions-2017.xlsx'));
      expect(value(fetched.stdout, 'UFG')).toBe(value(workbook.stdout, 'UFG'));
      expect(value(fetched.stdout, 'UFG')).toBeCloseTo(12.8, 1);
      const inspect = await cli('inspect', f.stdout.trim());
      expect(inspect.stdout).toMatch(/IMF DIP SDMX-CSV/);
      expect(inspect.stdout).toMatch(/DV_TYPE SCC/);
    } finally {
      await server.close();
    }
  });

  it('IMF: a body that is not SDMX-CSV is retried', async () => {
    const body = await dipAnswer();
    let n = 0;
    const server = await loopback(() => (n++ === 0 ? { body: '{"errors":[{"code":500}]}' } : { body }));
    env.set({ LINKAGE_IMF_API: server.url });
    try {
      const f = await cli('fetch', 'imf:DIP', '--key', 'GBR+FRA+DEU.O.OTWD_D_NETAL_FALL_ALL..A', '--years', '2017');
      expect(f.code).toBe(0);
      expect(f.stderr).toMatch(/IMF answered something other than SDMX-CSV/);
    } finally {
      await server.close();
    }
  });

  // Synthetic BACI release archive in CEPII's layout (apis.md §5): yearly t,i,j,k,v,q files (v in
  // thousand US$, invented values), the release's country dictionary (the real V202301 one) and
  // product list, plus a member whose name tries to escape the folder.
  const dictionary = readFileSync(shared('comtrade', 'reference', 'country_codes_V202301.csv'), 'utf8');
  const year = (t: number) => `t,i,j,k,v,q\n${t},156,392,851712,100.5,1\n${t},392,156,851712,50,1\n${t},156,842,851712,300,2\n${t},410,156,847130,25,\n${t},842,410,847130,125,3\n`;
  const archive = zipSync({
    'BACI_HS17_Y2017_V202401b.csv': strToU8(year(2017)),
    'BACI_HS17_Y2018_V202401b.csv': strToU8(year(2018)),
    'country_codes_V202401b.csv': strToU8(dictionary),
    'product_codes_HS17_V202401b.csv': strToU8('"code","description"\n"851712","Telephones for cellular networks"\n'),
    'Readme.txt': strToU8('BACI'),
    '../escape.csv': strToU8('t,i,j,k,v,q\n'),
  });

  it('BACI: extracts only the requested year and the dictionaries, and compute reads them', async () => {
    const server = await loopback(() => ({ headers: { 'content-type': 'application/zip' }, body: Buffer.from(archive) }));
    env.set({ LINKAGE_BACI_URL: `${server.url}/baci/data` });
    try {
      const f = await cli('fetch', 'baci:HS17', '--key', 'V202401b', '--years', '2017', '--format', 'json');
      expect(f.code).toBe(0);
      expect(server.requests[0]?.url).toBe('/baci/data/BACI_HS17_V202401b.zip');
      const [entry] = JSON.parse(f.stdout) as { files: { name: string }[]; paths: string[] }[];
      expect(entry?.files.map((x) => x.name)).toEqual(['BACI_HS17_Y2017_V202401b.csv', 'country_codes_V202401b.csv', 'product_codes_HS17_V202401b.csv']);
      const data = entry?.paths[0] as string;
      const dict = entry?.paths[1] as string;
      const r = await cli('compute', '--input', data, '--baci-countries', dict, '--indicator', 'import-source-share', '--reporter', 'CHN', '--partners', 'JPN', '--year', '2017', '--format', 'json');
      expect(r.code).toBe(0);
      // CHN imports: 50 from JPN, 25 from KOR → JPN's share 50 / 75.
      expect(value(r.stdout, 'CHN')).toBeCloseTo((100 * 50) / 75, 10);
    } finally {
      await server.close();
    }
  });

  it('BACI: a truncated archive is retried and an HTML page instead of the zip too', async () => {
    let n = 0;
    const server = await loopback(() => (n++ === 0 ? { body: Buffer.from(archive).subarray(0, archive.length - 30) } : n === 2 ? { body: '<!DOCTYPE html><html>Not found</html>' } : { body: Buffer.from(archive) }));
    env.set({ LINKAGE_BACI_URL: server.url });
    try {
      const f = await cli('fetch', 'baci:HS17', '--key', 'V202401b', '--years', '2018');
      expect(f.code).toBe(0);
      expect(f.stderr).toMatch(/CEPII archive truncated/);
      expect(f.stderr).toMatch(/CEPII answered with an HTML page/);
      expect(f.stdout.trim().split('\n')).toHaveLength(3);
    } finally {
      await server.close();
    }
  });
});
