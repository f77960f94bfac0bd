import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tmpDir } from '../helpers.js';

// Noticed last round: the report's tables read "Value (usd_bn)" rather than the display unit that
// compute's tables use ("US$ bn"), with no thousands separators. Synthetic IP-charge receipts in
// US$ (values invented so that the sums pass 1,000 US$ bn): GBR 1,234.5678 bn, FRA 2 bn, DEU 3 bn.
const CSV = [
  'measure,geo,partner,year,value,unit,flags,source,dataset,edition',
  'ip_charges_receipts_usd,GBR,,2017,1234567800000,usd,,World Bank,WDI,2023-03',
  'ip_charges_receipts_usd,FRA,,2017,2000000000,usd,,World Bank,WDI,2023-03',
  'ip_charges_receipts_usd,DEU,,2017,3000000000,usd,,World Bank,WDI,2023-03',
].join('\n');

describe('report tables show values as compute does: display unit, thousands grouped', () => {
  it('Markdown and HTML say US$ bn and 1,234.57; the CSV keeps machine values', async () => {
    const dir = tmpDir();
    const rep = join(dir, 'rep');
    mkdirSync(rep);
    writeFileSync(join(rep, 'ip.csv'), `${CSV}\n`);
    const def = { title: 't', inputs: [{ id: 'ip', path: 'ip.csv' }], sections: [{ id: 'ip', title: 'IP receipts', indicator: 'ip-charges', inputs: ['ip'], groups: ['UFG'], years: '2017', options: { flow: 'receipts' } }] };
    writeFileSync(join(rep, 'report.json'), JSON.stringify(def));
    for (const format of ['md', 'html']) {
      const out = join(dir, `out-${format}`);
      const r = await cli('report', rep, '--out', out, '--format', format);
      expect(r.code, r.stderr).toBe(0);
      const text = readFileSync(join(out, `index.${format}`), 'utf8');
      expect(text).not.toMatch(/usd_bn|usd\\_bn/);
      expect(text).toContain(format === 'md' ? '| Value (US$ bn) |' : '<th>Value (US$ bn)</th>');
      expect(text).toContain('1,234.57');
      expect(text).toContain('1,239.57'); // the group: 1,234.5678 + 2 + 3
      const csv = readFileSync(join(out, 'tables', 'ip.csv'), 'utf8');
      expect(csv).toContain('1234.5678');
      expect(csv).not.toContain('1,234');
    }
    // compute's table formats the same values the same way.
    const c = await cli('compute', '--no-sample', '--input', join(rep, 'ip.csv'), '--indicator', 'ip-charges', '--group', 'UFG', '--year', '2017', '--option', 'flow=receipts');
    expect(c.code, c.stderr).toBe(0);
    expect(c.stdout).toContain('Value (US$ bn)');
    expect(c.stdout).toContain('1,239.57');
  });
});
