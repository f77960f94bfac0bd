import { strToU8, zipSync } from 'fflate';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LinkageError } from '../../src/errors.js';
import { readXlsx } from '../../src/loaders/xlsx.js';
import { cli, tmpDir } from '../helpers.js';

// Synthetic hostile workbooks built here (issue 9 items 16, 18 and 20): each must be a one-line
// catalogued data error, never a crash, a hang or a workbook read in part.

const s = (t: string) => `<c t="inlineStr"><is><t>${t}</t></is></c>`;
const WDI_HEADER = `<row>${s('Series Name')}${s('Series Code')}${s('Country Name')}${s('Country Code')}${s('2017 [YR2017]')}</row>`;
const WDI_ROW = `<row>${s('receipts')}${s('BX.GSR.ROYL.CD')}${s('Japan')}${s('JPN')}<c><v>41700000000</v></c></row>`;

function parts(sheetXml: string, shared = '<sst></sst>'): Record<string, Uint8Array> {
  return {
    'xl/workbook.xml': strToU8('<?xml version="1.0"?><workbook xmlns:r="r"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8('<?xml version="1.0"?><Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/sharedStrings.xml': strToU8(shared),
    'xl/worksheets/sheet1.xml': strToU8(sheetXml),
  };
}

const sheet = (rows: string) => `<?xml version="1.0"?><worksheet><sheetData>${rows}</sheetData></worksheet>`;

/** Offset of the central-directory record of `name` in a zip built by zipSync. */
function centralEntry(zip: Uint8Array, name: string): number {
  const view = Buffer.from(zip);
  for (let i = view.length - 46; i >= 0; i--) {
    if (view.readUInt32LE(i) === 0x02014b50 && view.toString('utf8', i + 46, i + 46 + view.readUInt16LE(i + 28)) === name) return i;
  }
  throw new Error(`no central entry ${name}`);
}

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof LinkageError) return `${e.kind}:${e.code}`;
    throw e;
  }
  return undefined;
}

describe('hostile .xlsx workbooks are one-line data errors', () => {
  it('a well-formed synthetic workbook still reads', () => {
    const [data] = readXlsx(zipSync(parts(sheet(WDI_HEADER + WDI_ROW))), 'ok.xlsx');
    expect(data?.rows[1]?.[4]).toBe(41700000000);
  });

  it('huge row and cell references (r="400000000", ZZZZZZ600, XFE1) are refused, not materialised', () => {
    for (const rows of ['<row r="400000000"><c><v>1</v></c></row>', '<row r="1"><c r="ZZZZZZ600"><v>1</v></c></row>', '<row><c r="XFE1"><v>1</v></c></row>', '<row r="0"/>', '<row r="1e9"/>']) {
      expect(codeOf(() => readXlsx(zipSync(parts(sheet(WDI_HEADER + rows))), 'big.xlsx')), rows).toBe('data:E_XLSX_CELL_REF');
    }
  });

  it('the last cell a worksheet can hold (XFD1048576) is accepted', () => {
    const [data] = readXlsx(zipSync(parts(sheet('<row r="1048576"><c r="XFD1048576"><v>7</v></c></row>'))), 'edge.xlsx');
    expect(data?.rows.length).toBe(1_048_576);
    expect(data?.rows[1_048_575]?.[16_383]).toBe(7);
  });

  it('too many cells in total is refused', () => {
    const rows = Array.from({ length: 400 }, (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}"><v>1</v></c></row>`).join('');
    expect(codeOf(() => readXlsx(zipSync(parts(sheet(rows))), 'wide.xlsx'))).toBe('data:E_XLSX_TOO_MANY_CELLS');
  });

  it('a zip bomb is stopped by its declared size, and by the inflated bytes when the declared size lies', () => {
    const zip = zipSync(parts(sheet(WDI_HEADER + WDI_ROW.repeat(2000))));
    const declared = Buffer.from(zip);
    declared.writeUInt32LE(0xfffffff0, centralEntry(zip, 'xl/worksheets/sheet1.xml') + 24); // claims 4 GB
    expect(codeOf(() => readXlsx(declared, 'bomb.xlsx'))).toBe('data:E_XLSX_TOO_LARGE');
    const lying = Buffer.from(zip);
    lying.writeUInt32LE(1000, centralEntry(zip, 'xl/worksheets/sheet1.xml') + 24); // claims 1,000 bytes, inflates to more
    expect(codeOf(() => readXlsx(lying, 'bomb.xlsx'))).toBe('data:E_XLSX_TOO_LARGE');
  });

  it('a CRC mismatch, a sheet XML cut in half, and an archive cut short are refused (item 20)', () => {
    const zip = zipSync(parts(sheet(WDI_HEADER + WDI_ROW)));
    const crc = Buffer.from(zip);
    const at = centralEntry(zip, 'xl/worksheets/sheet1.xml') + 16;
    crc.writeUInt32LE(crc.readUInt32LE(at) ^ 1, at);
    expect(codeOf(() => readXlsx(crc, 'crc.xlsx'))).toBe('data:E_XLSX_TRUNCATED');
    const full = sheet(WDI_HEADER + WDI_ROW + WDI_ROW);
    for (const cut of [full.length - 20, Math.floor(full.length / 2), full.indexOf('</sheetData>')]) {
      expect(codeOf(() => readXlsx(zipSync(parts(full.slice(0, cut))), 'cut.xlsx')), String(cut)).toBe('data:E_XLSX_TRUNCATED');
    }
    expect(codeOf(() => readXlsx(zipSync(parts(sheet(WDI_HEADER), '<sst><si><t>a</t></si>')), 'sst.xlsx'))).toBe('data:E_XLSX_TRUNCATED');
    expect(codeOf(() => readXlsx(zip.subarray(0, Math.floor(zip.length / 2)), 'half.xlsx'))).toBe('data:E_XLSX_ZIP');
  });

  it('an invalid code point in shared strings and bytes that are not UTF-8 are refused (item 18)', () => {
    for (const ref of ['&#x110000;', '&#0;', '&#xD800;', '&#99999999999;']) {
      const shared = `<sst><si><t>bad ${ref}</t></si></sst>`;
      expect(codeOf(() => readXlsx(zipSync(parts(sheet('<row><c t="s"><v>0</v></c></row>'), shared)), 'cp.xlsx')), ref).toBe('data:E_XLSX_CHAR_REF');
    }
    const p = parts(sheet(WDI_HEADER));
    p['xl/worksheets/sheet1.xml'] = Buffer.concat([Buffer.from(sheet(WDI_HEADER).slice(0, 60)), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(sheet(WDI_HEADER).slice(60))]);
    expect(codeOf(() => readXlsx(zipSync(p), 'utf.xlsx'))).toBe('data:E_XLSX_TEXT');
  });

  it('through the CLI: exit 1, one line naming the code and the file, nothing on stdout', async () => {
    const dir = tmpDir();
    const file = join(dir, 'bomb.xlsx');
    writeFileSync(file, zipSync(parts(sheet(`${WDI_HEADER}<row r="400000000"><c><v>1</v></c></row>`))));
    const r = await cli('compute', '--input', file, '--indicator', 'ip-charges', '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^linkage: E_XLSX_CELL_REF: .* \\(${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\)\\n {2}hint: [^\\n]+\\n$`));
  });
});
