import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFile } from '../../src/loaders/load.js';
import { countryRegistry } from '../../src/model/countries.js';
import { shared } from '../helpers.js';
import { wbPage, wdiRows } from '../fetch/responses.js';

const countries = countryRegistry();

describe('World Bank API v2 JSON loader', () => {
  it('reads the real WDI values in the API shape exactly as the DataBank extract gives them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkage-wb-'));
    const file = join(dir, 'answer.json');
    writeFileSync(file, wbPage(wdiRows('BX.GSR.ROYL.CD', ['CHN', 'JPN', 'KOR', 'DEU'], [2010, 2017]), 1, 1000));
    const api = await loadFile(file, { countries });
    const xlsx = await loadFile(shared('worldbank', 'wdi-ip-charges-1980-2021.xlsx'), { countries });
    expect(api.summary.loader).toBe('worldbank-api');
    expect(api.summary.edition).toBe('2023-03');
    expect(api.rows).toHaveLength(32);
    for (const r of api.rows) {
      const same = xlsx.rows.find((x) => x.measure === r.measure && x.geo === r.geo && x.year === r.year);
      expect(r.measure).toBe('ip_charges_receipts_usd');
      expect(r.value).toBe(same?.value);
    }
    const chn2017 = api.rows.find((r) => r.geo === 'CHN' && r.year === 2017);
    expect(chn2017?.value).toBeGreaterThan(4e9);
  });

  it('keeps null values missing, skips rows without an ISO3 code, and names an unknown code (synthetic answer)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkage-wb-'));
    const row = (iso3: string, date: string, value: number | null) => ({ indicator: { id: 'BM.GSR.ROYL.CD', value: 'x' }, country: { id: 'ZZ', value: 'x' }, countryiso3code: iso3, date, value, unit: '', obs_status: '', decimal: 0 });
    const ok = join(dir, 'ok.json');
    writeFileSync(ok, JSON.stringify([{ page: 1, pages: 1, per_page: 50, total: 3, lastupdated: '2026-04-08' }, [row('JPN', '2017', null), row('', '2017', 5), row('KOR', '2017', 12.5)]]));
    const loaded = await loadFile(ok, { countries });
    expect(loaded.rows.map((r) => [r.geo, r.value])).toEqual([
      ['JPN', null],
      ['KOR', 12.5],
    ]);
    expect(loaded.summary.skipped).toEqual({ count: 1, reasons: { 'economy without an ISO3 code (a World Bank aggregate)': 1 } });
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify([{ page: 1, pages: 1, per_page: 50, total: 1 }, [row('QQQ', '2017', 1)]]));
    await expect(loadFile(bad, { countries })).rejects.toThrow(/unknown country or area code "QQQ"/);
  });
});
