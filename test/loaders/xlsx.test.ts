import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { LinkageError } from '../../src/errors.js';
import { loadWorkbook } from '../../src/loaders/containers.js';
import { readXlsx } from '../../src/loaders/xlsx.js';
import { countryRegistry } from '../../src/model/countries.js';

// Synthetic workbooks built in the test: the parts of the Office Open XML package linkage reads.
function workbook(sheets: Record<string, string>, shared: string[]): Uint8Array {
  const names = Object.keys(sheets);
  const files: Record<string, Uint8Array> = {
    'xl/workbook.xml': strToU8(`<?xml version="1.0"?><workbook xmlns:r="r"><sheets>${names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0"?><Relationships>${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`),
    'xl/sharedStrings.xml': strToU8(`<?xml version="1.0"?><sst>${shared.map((s) => `<si><t>${s}</t></si>`).join('')}<si><r><t>rich </t></r><r><t>text</t></r></si></sst>`),
  };
  names.forEach((n, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(`<?xml version="1.0"?><worksheet><sheetData>${sheets[n]}</sheetData></worksheet>`);
  });
  return zipSync(files);
}

describe('xlsx reader', () => {
  it('reads shared, rich and inline strings, numbers, booleans; cells and rows without references; gaps', () => {
    const xml =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>x &amp; y</t></is></c></row>' +
      '<row r="3"><c r="B3"><v>1.5</v></c><c t="b"><v>1</v></c><c t="s"><v>2</v></c></row>' +
      '<row><c t="str"><v>formula</v></c></row>';
    const [sheet] = readXlsx(workbook({ Data: xml }, ['first', 'second']), 'w.xlsx');
    expect(sheet?.name).toBe('Data');
    expect(sheet?.rows).toEqual([['first', null, 'x & y'], [], [null, 1.5, true, 'rich text'], ['formula']]);
  });

  it('a corrupt workbook is a data error', () => {
    expect(() => readXlsx(new Uint8Array([80, 75, 3, 4, 0, 0]), 'bad.xlsx')).toThrow(LinkageError);
  });

  it('loads the first sheet a loader recognises (the World Bank layout, cells without references)', async () => {
    const s = (t: string) => `<c t="inlineStr"><is><t>${t}</t></is></c>`;
    const n = (v: number) => `<c><v>${v}</v></c>`;
    const data =
      `<row>${s('Series Name')}${s('Series Code')}${s('Country Name')}${s('Country Code')}${s('2017 [YR2017]')}</row>` +
      `<row>${s('receipts')}${s('BX.GSR.ROYL.CD')}${s('Japan')}${s('JPN')}${n(41.7e9)}</row>` +
      `<row>${s('receipts')}${s('BX.GSR.ROYL.CD')}${s('Korea, Rep.')}${s('KOR')}${s('..')}</row>` +
      `<row></row><row>${s('Last Updated: 03/30/2023')}</row>`;
    const bytes = workbook({ Cover: `<row>${s('About')}</row>`, Data: data }, []);
    const { rows, summary } = await loadWorkbook(bytes, 'wdi.xlsx', 'x', { countries: countryRegistry() });
    expect(summary.sheet).toBe('Data');
    expect(summary.edition).toBe('2023-03');
    expect(rows.map((r) => [r.geo, r.value])).toEqual([
      ['JPN', 41.7e9],
      ['KOR', null],
    ]);
  });
});
