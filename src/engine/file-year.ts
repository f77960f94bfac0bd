import { open } from 'node:fs/promises';
import { basename } from 'node:path';

/** CEPII's name of a yearly BACI file: `BACI_HS17_Y2018_V202301.csv` (anything may follow the release). */
const YEARLY = /^BACI_HS\d{2}_Y(\d{4})_V\d+[^/\\]*\.csv$/i;

/**
 * The one year a BACI CSV holds, when both its CEPII file name (`…_Y2018_…`) and its first data
 * row say so; undefined otherwise (another name, a first row of another year, a file that cannot
 * be read here — it is then read as usual and any problem reported there). CEPII publishes one file
 * per year; the first row is read so a renamed file is not taken at its word, and every path that
 * reads such a file refuses a row of another year (E_BACI_OTHER_YEAR), so skipping it unread hides
 * nothing that reading it would have summed.
 */
export async function baciFileYear(file: string): Promise<number | undefined> {
  const named = YEARLY.exec(basename(file));
  if (named === null) return undefined;
  const year = Number(named[1]);
  let handle;
  try {
    handle = await open(file, 'r');
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const lines = head.subarray(0, bytesRead).toString('latin1').replace(/^\u00ef\u00bb\u00bf/, '').split(/\r?\n/);
    if (lines[0]?.split(',').map((h) => h.trim()).join(',') !== 't,i,j,k,v,q') return undefined;
    const first = lines.slice(1, -1).find((l) => l.trim() !== '');
    return first !== undefined && first.split(',')[0]?.trim() === String(year) ? year : undefined;
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}
