// Issue 9 item 19: a stray quote in a large CSV must not make the rest of the file one field held in
// memory. Synthetic file of ~3 MB generated here (canonical columns; values are not real data).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_RECORD_CHARS, recordsFromFile } from '../../src/loaders/records.js';
import { msg } from '../../src/messages.js';
import { cli, tmpDir } from '../helpers.js';

function bigFile(strayAt: number, quote = true): string {
  const lines = ['measure,geo,partner,year,value,unit,flags,source,dataset,edition'];
  for (let i = 2; i <= 40000; i++) {
    const value = i === strayAt && quote ? '"12.5' : '12.5';
    lines.push(`gerd_financed_abroad_pct,DEU,,${1900 + (i % 200)},${value},percent,,synthetic stray-quote test row ${i},TEST,2020`);
  }
  const file = join(tmpDir(), 'stray.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('a stray quote in a large CSV', () => {
  it('fails at the line the quote opened, before holding more than the bound', async () => {
    const file = bigFile(1001);
    let last = 0;
    const read = async (): Promise<void> => {
      for await (const r of (await recordsFromFile(file)).records) last = r.line;
    };
    await expect(read()).rejects.toThrow(msg.unclosedQuote(MAX_RECORD_CHARS)[0]);
    expect(last).toBe(1000);
    const r = await cli('compute', '--input', file);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toContain(`${file}:1001`);
    expect(r.stderr.split('\n')[0]).toContain(msg.unclosedQuote(MAX_RECORD_CHARS)[0]);
  });

  it('the same file without the quote streams every record', async () => {
    let n = 0;
    for await (const r of (await recordsFromFile(bigFile(1001, false))).records) n = r.line;
    expect(n).toBe(40000);
  });
});
