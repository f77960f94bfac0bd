import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tmpDir } from '../helpers.js';
import { fetchEnv } from './env.js';
import { loopback } from './server.js';
import { pageOf, wbPage, wdiRows } from './responses.js';

const env = fetchEnv();

/** One server for every API: World Bank answers from the real WDI extract, the others have no data. */
async function worldBankOnly() {
  return loopback((req) => {
    const m = /^\/wb\/country\/([^/]+)\/indicator\/([^?]+)\?.*date=(\d{4}):(\d{4})/.exec(req.url);
    if (m === null || !['BX.GSR.ROYL.CD', 'BM.GSR.ROYL.CD'].includes(m[2] ?? '') || m[1] === 'all') return { status: 404, body: 'NoRecordsFound' };
    const countries = decodeURIComponent(m[1] ?? '').split(';');
    return { body: wbPage(wdiRows(m[2] ?? '', countries, [Number(m[3]), Number(m[4])]), pageOf(req.url), 1000) };
  }, 200);
}

function definition(dir: string): string {
  const def = {
    title: 'Synthetic report with an input given as a query',
    published: 'published.csv',
    inputs: [{ id: 'wb', fetch: 'worldbank:BX.GSR.ROYL.CD', key: 'CHN;JPN;KOR', years: '2017' }],
    sections: [{ id: 'ip', title: 'IP receipts 2017', indicator: 'ip-charges', inputs: ['wb'], groups: ['CJK'], years: '2017', options: { flow: 'receipts' } }],
  };
  writeFileSync(join(dir, 'report.json'), JSON.stringify(def));
  writeFileSync(join(dir, 'published.csv'), 'id,paper_table,indicator,breakdown,options,geo,partner,year,value,unit,precision,latest,edition,tolerance,tolerance_reason,needs,note\nip-cjk,text,ip-charges,receipts,flow=receipts,CJK,,2017,53.79,usd_bn,1,0,,,,WDI,synthetic\n');
  return dir;
}

describe('report and check with fetched inputs (loopback server)', () => {
  it('a report input given as a query is absent until fetched, naming the command; report --fetch gets it', async () => {
    const server = await worldBankOnly();
    env.set({ LINKAGE_WORLDBANK_API: `${server.url}/wb` });
    try {
      const dir = definition(tmpDir());
      const out = tmpDir();
      const before = await cli('report', dir, '--out', join(out, 'a'), '--format', 'md');
      expect(before.code).toBe(0);
      expect(server.requests).toHaveLength(0);
      const manifest = JSON.parse(readFileSync(join(out, 'a', 'manifest.json'), 'utf8')) as { absent_inputs: { id: string; path: string }[] };
      expect(manifest.absent_inputs).toEqual([{ id: 'wb', path: "not fetched yet: linkage fetch worldbank:BX.GSR.ROYL.CD --key 'CHN;JPN;KOR' --years 2017" }]);
      const after = await cli('report', dir, '--out', join(out, 'b'), '--format', 'md', '--fetch');
      expect(after.code).toBe(0);
      expect(server.requests).toHaveLength(1);
      const table = readFileSync(join(out, 'b', 'tables', 'ip.csv'), 'utf8');
      expect(table).toMatch(/ip-charges,CJK,group,WLD,receipts,2017,53\.8\d*/);
      expect(after.stderr).toMatch(/1 reproduced, 0 explained, 0 mismatch, 0 unavailable/);
    } finally {
      await server.close();
    }
  });

  it('check --fetch asks each recipe once, warns about queries that fail and keeps going', async () => {
    const server = await worldBankOnly();
    env.set({ LINKAGE_WORLDBANK_API: `${server.url}/wb`, LINKAGE_OECD_API: `${server.url}/oecd`, LINKAGE_IMF_API: `${server.url}/imf`, LINKAGE_COMTRADE_API: `${server.url}/ct`, LINKAGE_BACI_URL: `${server.url}/baci` });
    try {
      const plain = await cli('check', '--format', 'json');
      const r = await cli('check', '--fetch', '--format', 'json');
      expect(r.stderr).toMatch(/^linkage: warning: could not fetch oecd:/m);
      const wb = server.requests.filter((q) => q.url.startsWith('/wb/'));
      expect(wb.length).toBeGreaterThan(0);
      expect(new Set(server.requests.map((q) => q.url)).size).toBe(server.requests.length);
      const summary = (s: string) => (JSON.parse(s) as { summary: { reproduced: number } }).summary;
      expect(summary(r.stdout).reproduced).toBeGreaterThanOrEqual(summary(plain.stdout).reproduced);
      const again = await cli('check', '--format', 'json');
      expect(summary(again.stdout).reproduced).toBe(summary(r.stdout).reproduced);
    } finally {
      await server.close();
    }
  });
});
