import { createWriteStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Economies of the synthetic matrix (BACI numeric code, ISO3). */
const ECONOMIES: [number, string][] = [
  [156, 'CHN'], [392, 'JPN'], [410, 'KOR'], [826, 'GBR'], [251, 'FRA'], [276, 'DEU'], [842, 'USA'], [124, 'CAN'], [484, 'MEX'], [76, 'BRA'],
  [699, 'IND'], [36, 'AUS'], [380, 'ITA'], [724, 'ESP'], [528, 'NLD'], [56, 'BEL'], [757, 'CHE'], [752, 'SWE'], [360, 'IDN'], [764, 'THA'],
];
const CODES = ['854231', '854232', '847130', '851712', '300490', '880240', '870323', '270900', '100199', '620342', '901839', '852852'];

/**
 * Write a synthetic BACI release (t,i,j,k,v,q plus its country dictionary) of about `rows` rows,
 * deterministic (a linear congruential generator, no clock). Synthetic data for benchmarks only.
 */
export async function writeSyntheticBaci(dir: string, rows: number): Promise<string> {
  writeFileSync(join(dir, 'country_codes_V202301.csv'), `country_code,country_name_abbreviation,country_name_full,iso_2digit_alpha,iso_3digit_alpha\n${ECONOMIES.map(([c, iso]) => `${c},${iso},${iso},,${iso}`).join('\n')}\n`);
  const file = join(dir, 'BACI_HS17_Y2018_V202301.csv');
  const out = createWriteStream(file);
  let seed = 12345;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  out.write('t,i,j,k,v,q\n');
  let chunk = '';
  for (let n = 0; n < rows; n++) {
    const i = ECONOMIES[Math.floor(rand() * ECONOMIES.length)] as [number, string];
    let j = ECONOMIES[Math.floor(rand() * ECONOMIES.length)] as [number, string];
    if (j === i) j = ECONOMIES[(ECONOMIES.indexOf(i) + 1) % ECONOMIES.length] as [number, string];
    const k = CODES[Math.floor(rand() * CODES.length)] as string;
    const year = 2015 + Math.floor(rand() * 5);
    chunk += `${year},${i[0]},${j[0]},${k.replace(/^0/, '')},${(rand() * 1000).toFixed(3)},${(rand() * 10).toFixed(3)}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise<void>((r) => out.end(r));
  return file;
}
