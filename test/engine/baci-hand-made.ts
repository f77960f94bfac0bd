import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDuckdb } from '../../src/engine/duckdb.js';
import { shared, tmpDir } from '../helpers.js';

// A SYNTHETIC hand-made BACI year (HS17, V202301) shared by the engines' tests of sums
// (engines.test.ts) and of refusals (refusals.test.ts): a small country dictionary and rows with
// the cases every path must read alike.
export const DICT = `country_code,country_name_abbreviation,country_name_full,iso_2digit_alpha,iso_3digit_alpha
156,China,China,CN,CHN
392,Japan,Japan,JP,JPN
410,Rep. of Korea,Republic of Korea,KR,KOR
842,USA,"USA, Puerto Rico and US Virgin Islands",US,USA
76,Brazil,Brazil,BR,BRA
729,Sudan,Sudan,SD,SDN
736,Fmr Sudan,Former Sudan,SD,SDN
849,US Misc. Pacific Isds,US Miscellaneous Pacific Islands,N/A,N/A
`;
// Hand-made rows: a self-flow, an area without ISO3 (849), two numbers for one economy (729, 736),
// product 271000 (in the release's list, not in linkage's HS2017 list), a code with its leading
// zero lost (10121), CRLF line ends. (A row without a value is refused: see the refusals below.)
export const ROWS = [
  '2018,156,392,854231,10.5,1',
  '2018,156,410,854231,20,1',
  '2018,156,842,300490,70.125,NA',
  '2018,392,156,854231,30,1',
  '2018,392,842,847130,70,1',
  '2018,410,156,854231,40,',
  '2018,410,842,10121,60.001,1',
  '2018,842,156,271000,100,1',
  '2018,842,392,854232,50,1',
  '2018,842,76,854231,300,1',
  '2018,842,849,271000,5.5,',
  '2018,156,156,854231,7,1',
  '2018,729,156,847130,3,1',
  '2018,736,156,847130,4,1',
  '2018,392,410,854231,12,1',
];

export function release(dir: string): void {
  writeFileSync(join(dir, 'country_codes_V202301.csv'), DICT);
  writeFileSync(join(dir, 'product_codes_HS17_V202301.csv'), readFileSync(shared('comtrade', 'reference', 'product_codes_HS17_V202301.csv')));
}

export function handMade(lines: string[] = ROWS, name = 'BACI_HS17_Y2018_V202301.csv', eol = '\r\n'): string {
  const dir = tmpDir();
  release(dir);
  const file = join(dir, name);
  writeFileSync(file, `t,i,j,k,v,q${eol}${lines.join(eol)}${eol}`);
  return file;
}

/** The byte scanner forced to split the file into three ranges scanned by two worker threads (ScanJob.split). */
export const inRanges = (file: string) => ({ workers: 2, rangeBytes: Math.ceil(statSync(file).size / 3) });

/** A BACI CSV written as Parquet by DuckDB's COPY (no network), columns t, i, j, k, v, q. */
export async function toParquet(csv: string, parquet = csv.replace(/\.csv$/, '.parquet')): Promise<string> {
  const { con, close } = await openDuckdb();
  try {
    const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
    await con.run(`copy (select * from read_csv(${q(csv)}, header = true, columns = {'t': 'INTEGER', 'i': 'INTEGER', 'j': 'INTEGER', 'k': 'INTEGER', 'v': 'DOUBLE', 'q': 'VARCHAR'})) to ${q(parquet)} (format parquet)`);
  } finally {
    close();
  }
  return parquet;
}
