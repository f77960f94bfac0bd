/**
 * The error catalogue: every user-facing error and warning, each with a stable code, in one place.
 * Code and tests call `msg.name(args)`, which returns `[what, hint, code]`; errors are thrown with
 * `dataError(msg.name(...), where)` / `usageError(...)`, warnings kept with `warning(msg.name(...))`.
 * Codes never change once released (`E_…` errors, `W_…` warnings); README's catalogue table is
 * generated from this file (`npm run catalogue`, checked by test/messages.test.ts).
 */
export type Code = `E_${string}` | `W_${string}`;

/** A message: what happened, what to do, and its stable code. */
export type Msg = readonly [what: string, hint: string, code: Code];

/** A catalogue entry: call it for the message; `code`, `severity` and an `example` for the README. */
export interface Entry<A extends unknown[]> {
  (...args: A): Msg;
  readonly code: Code;
  readonly severity: 'error' | 'warning';
  readonly example: () => Msg;
}

function entry<A extends unknown[]>(code: Code, text: (...args: A) => readonly [string, string], example: NoInfer<A>): Entry<A> {
  const fn = (...args: A): Msg => {
    const [what, hint] = text(...args);
    return [what, hint, code];
  };
  return Object.assign(fn, { code, severity: code.startsWith('W_') ? ('warning' as const) : ('error' as const), example: () => fn(...example) });
}

/** An error entry (`E_…`): `text(args)` → `[what, hint]`; `example` args render the README row. */
const error = <A extends unknown[]>(code: `E_${string}`, text: (...args: A) => readonly [string, string], ...example: NoInfer<A>): Entry<A> => entry(code, text, example);
/** A warning entry (`W_…`); with `--strict` it is raised as an error (exit 1) with the same code. */
const warn = <A extends unknown[]>(code: `W_${string}`, text: (...args: A) => readonly [string, string], ...example: NoInfer<A>): Entry<A> => entry(code, text, example);

export const msg = {
  // Input files: reading, encoding, format detection.
  fileNotFound: error('E_FILE_NOT_FOUND', (file: string) => [`cannot read input file ${file}`, 'check the path; inputs are read from disk, never downloaded'], 'data/gerd.csv'),
  notRegularFile: error('E_NOT_A_FILE', (file: string, kind: string) => [`input ${file} is ${kind}, not a regular file`, 'give a data file (or a folder of them); devices, FIFOs and sockets are never read'], '/dev/zero', 'a character device'),
  emptyFile: error('E_EMPTY_FILE', () => ['the file is empty', 'export the data again; linkage needs a header line and data rows']),
  headerOnly: error('E_NO_DATA_ROWS', () => ['the file has a header but no data rows', 'export the data again with at least one observation']),
  utf16: error('E_UTF16', () => ['the file is UTF-16 encoded', 're-save it as UTF-8 (e.g. `iconv -f UTF-16 -t UTF-8 in.csv > out.csv`)']),
  binary: error('E_BINARY', () => ['the file looks binary, not CSV text', 'give a CSV export (xlsx workbooks: save the data sheet as CSV)']),
  semicolon: error('E_SEMICOLON', () => ['the file is semicolon-delimited', 're-export it with commas as delimiter (OECD and UN exports use commas), or convert it: `sed "s/;/,/g"` only if no value contains a comma']),
  unknownFormat: error('E_UNKNOWN_FORMAT', (shape: string, formats: readonly string[]) => [`unrecognised file format (${shape}; its content is not shown)`, `linkage reads: ${formats.join('; ')}; \`--source ID\` forces one (the README's Inputs section describes each)`], 'the first line has 3 fields', ['OECD.Stat legacy CSV export (oecd-stat)', 'linkage canonical CSV (linkage-canonical)']),
  unknownSource: error('E_UNKNOWN_SOURCE', (name: string, known: string[]) => [`unknown --source "${name}"`, `use one of: ${known.join(', ')}`], 'oecd', ['oecd-stat', 'sdmx-csv']),
  // Cells and rows.
  unclosedQuote: error('E_UNCLOSED_QUOTE', (limit: number) => [`a quote opened on this line is not closed within ${limit / 1048576} MiB`, 'a stray " in a cell makes the rest of the file one field; fix or remove the quote (a quote inside a quoted cell is written "")'], 1048576),
  recordTooLong: error('E_RECORD_TOO_LONG', (limit: number) => [`a record starting on this line is longer than ${limit / 1048576} MiB`, 'the file is not line-delimited CSV; export it again'], 1048576),
  missingColumn: error('E_MISSING_COLUMN', (column: string, format: string) => [`required column "${column}" is missing for ${format}`, 'export the full table with all dimension columns, or check `--source`'], 'Value', 'OECD DP_LIVE'),
  notNumeric: error('E_NOT_NUMERIC', (column: string, value: string) => [`value "${value}" in column ${column} is not a number`, 'fix the cell, or leave it empty (missing); `..`, `NA` and empty cells are read as missing'], 'Value', '4.2x'),
  badYear: error('E_BAD_YEAR', (value: string) => [`year "${value}" is not a 4-digit year`, 'fix the cell; annual data only'], '17'),
  fieldCount: error('E_FIELD_COUNT', (expected: number, got: number) => [`row has ${got} fields, header has ${expected}`, 'the file is truncated or has unquoted commas; export it again'], 8, 7),
  duplicateKey: error('E_DUPLICATE_KEY', (key: string) => [`duplicate observation ${key} with a different value in the same file`, 'the export holds the same key twice; remove one of the rows'], 'GERD KOR 2017'),
  duplicateTradeRow: error('E_DUPLICATE_ROW', (key: string, label: string) => [`duplicated row: ${key} appears twice`, `remove the repeated row (${label} exports have one row per reporter, partner, flow, commodity and year)`], 'CHN→JPN M TOTAL 2018', 'UN Comtrade'),
  negativeValue: error('E_NEGATIVE_VALUE', (what: string, value: number, hint: string) => [`negative ${what} ${value}`, hint], 'trade value', -10, 'trade values cannot be negative'),
  powerRange: error('E_UNIT_MULTIPLIER', (value: string, min: number, max: number) => [`unit multiplier ${value} is outside the documented range ${min}–${max} (10^${min} units to 10^${max} trillions)`, 'the export is corrupt; export the data again'], '400', -3, 12),
  notFinite: error('E_NOT_FINITE', (measure: string, geo: string, year: number) => [`value of ${measure} for ${geo} ${year} is not a finite number after the unit multiplier`, 'the value or its unit multiplier (PowerCode / UNIT_MULT) is out of range; check the export'], 'GDP', 'KOR', 2017),
  mixedUnit: error('E_MIXED_UNIT', (unit: string, measure: string, seriesUnit: string) => [`a row in ${unit} inside the ${measure} series, which is in ${seriesUnit}`, 'export the series in one unit; linkage never converts currencies silently'], 'EUR', 'GERD', 'PPP US$'),
  outsideDomain: error('E_OUTSIDE_DOMAIN', (value: number, measure: string, geo: string, year: number, range: string, note: string) => [`value ${value} of ${measure} for ${geo} ${year} is outside its domain (${range}: ${note})`, 'the export is corrupt or mislabelled; fix or remove the row'], -5, 'GERD', 'KOR', 2017, '0 to ∞', 'expenditure is never negative'),
  partExceedsWhole: error('E_PART_EXCEEDS_WHOLE', (what: string, rows: string) => [what, `a part cannot exceed its whole; the rows ${rows} disagree — check the export`], "KOR's GERD financed abroad for 2017 (748) is larger than its GERD (100): 748.0 %", 'GERD_SOF:ABROAD (line 3) and GERD_SOF:TOTAL (line 4)'),
  noRows: error('E_NO_ROWS', (file: string) => [`no usable rows in ${file}`, 'run `linkage inspect` on it to see why rows were skipped'], 'x.csv'),
  // Codes and classifications in data.
  unknownCountry: error('E_UNKNOWN_COUNTRY', (code: string) => [`unknown country or area code "${code}"`, 'add it to data/countries.csv (or data/country-aliases.csv for a name variant), or list it in data/ignored-areas.csv if it should be skipped'], 'XYZ'),
  unknownCountryName: error('E_UNKNOWN_COUNTRY_NAME', (name: string) => [`unknown country or area name "${name}"`, 'add the spelling to data/country-aliases.csv with its ISO3 code'], 'Atlantis'),
  unknownComtradeArea: error('E_UNKNOWN_AREA', (code: string) => [`unknown UN Comtrade area code "${code}"`, 'add the area (with its comtrade code) to data/areas.csv'], '999'),
  unknownIso2: error('E_UNKNOWN_ISO2', (code: string) => [`unknown ISO-2 origin code "${code}"`, 'add the economy (with its ISO-2 code) to data/areas.csv, or list the code in data/ignored-areas.csv'], 'XX'),
  unknownSdmxCode: error('E_UNKNOWN_SDMX_CODE', (dimension: string, code: string, dsd: string) => [`unknown ${dimension} code "${code}" in ${dsd}`, 'add the code and its meaning to data/sdmx-codes.csv'], 'MEASURE', 'XX', 'DSD_PATENTS'),
  mixedDataflows: error('E_MIXED_DATAFLOWS', (a: string, b: string) => [`the file mixes dataflows ${a} and ${b}`, 'download one dataflow per file'], 'OECD:DF_A', 'OECD:DF_B'),
  mixedBases: error('E_MIXED_BASES', (a: string, b: string) => [`the file mixes bases (${a} and ${b})`, 'download one basis (principle, counterpart level, authority) per file'], 'DI', 'DO'),
  productVintage: error(
    'E_PRODUCT_VINTAGE',
    (group: string, vintage: string, others: string, year: number, refused: string) => [`product group ${group} (${vintage}) cannot take the ${others} rows of ${year}: ${refused}`, `a fixed ${vintage} list converts only codes whose content is unchanged (1:1); use data reported in ${vintage}, or a group of codes as reported (HS:<codes>)`],
    'hightech',
    'HS2017',
    'HS2022',
    2018,
    '854231 (HS2022) is part of 854231 (HS2017), together with other HS2022 codes',
  ),
  // Source-specific layouts.
  giiYearInName: error('E_GII_YEAR', (file: string) => [`the GII edition year must be in the file name (${file})`, 'rename the file to include the GII edition year (e.g. gii-2022-dataset.xlsx)'], 'dataset.xlsx'),
  wipoPreamble: error('E_WIPO_PREAMBLE', () => ['WIPO export without its preamble (the "Indicator :" line before the header is missing)', 'export the report again from WIPO IP Statistics with its 6 preamble lines; linkage needs them to know the indicator and the update date']),
  cdisNoUnit: error('E_CDIS_UNIT', () => ['the CDIS table states no unit line (e.g. "US Dollars, Millions")', 'export the table with its title and unit lines']),
  cdisNoYear: error('E_CDIS_YEAR', () => ['cannot find the year in the table title ("… as of end-YYYY")', 'export the table with its title line']),
  badJson: error('E_BAD_JSON', (detail: string) => [`not valid JSON: ${detail}`, 'give the API response as saved, or a CSV export'], 'Unexpected token'),
  jsonNoData: error('E_JSON_NO_DATA', () => ['JSON without a "data" array of records', 'linkage reads Comtrade Plus API responses (data/v1/get); save the full response']),
  apiRowNoIndicator: error('E_API_ROW_NO_INDICATOR', () => ['row without an indicator id', 'save the API answer as it came']),
  jsonBadRecord: error('E_JSON_RECORD', (index: number) => [`record ${index} of "data" is not an object of fields`, 'save the API response unchanged; every record of "data" is an object'], 1),
  // Workbooks (.xlsx).
  badZip: error('E_XLSX_ZIP', () => ['cannot open the workbook (not a valid .xlsx zip archive)', 'save the workbook again as .xlsx, or export the data sheet as CSV']),
  notWorkbook: error('E_XLSX_NO_WORKBOOK', () => ['the archive has no xl/workbook.xml (not an Excel workbook)', 'save it as .xlsx (Excel 2007+)']),
  xlsxTooLarge: error('E_XLSX_TOO_LARGE', (part: string, limit: string) => [`workbook part ${part} unpacks to more than ${limit}`, 'the archive is corrupt or a zip bomb; export the data sheet as CSV instead'], 'xl/worksheets/sheet1.xml', '512 MB'),
  xlsxCellRef: error('E_XLSX_CELL_REF', (ref: string) => [`cell reference ${ref} is outside what a worksheet can hold (1,048,576 rows × XFD columns)`, 'the workbook is corrupt; save it again from Excel, or export the sheet as CSV'], 'ZZZZZZ600'),
  xlsxCharRef: error('E_XLSX_CHAR_REF', (part: string, ref: string) => [`workbook part ${part} holds the character reference ${ref}, which is not a legal XML character`, 'the workbook is corrupt; save it again from Excel, or export the sheet as CSV'], 'xl/sharedStrings.xml', '&#x110000;'),
  xlsxTooManyCells: error('E_XLSX_TOO_MANY_CELLS', (part: string, limit: number) => [`workbook part ${part} spans more than ${limit.toLocaleString('en')} cells`, 'the workbook is corrupt or not a data export; export the data sheet as CSV'], 'xl/worksheets/sheet1.xml', 5000000),
  fileTooLarge: error('E_FILE_TOO_LARGE', (file: string, kind: string, limit: string) => [`${file} is larger than ${limit}, the most linkage reads whole for ${kind}`, 'export the data as CSV (CSV files are streamed, never held whole)'], 'big.xlsx', 'a workbook', '256 MB'),
  xlsxTruncated: error('E_XLSX_TRUNCATED', (part: string) => [`workbook part ${part} is cut short (not closed)`, 'the file was truncated in transfer; download or save it again'], 'xl/worksheets/sheet1.xml'),
  xlsxBadText: error('E_XLSX_TEXT', (part: string) => [`workbook part ${part} is not valid UTF-8 XML text`, 'the workbook is corrupt; save it again from Excel'], 'xl/sharedStrings.xml'),
  // Options and arguments (usage).
  usage: error('E_USAGE', (detail: string) => [detail, 'run with --help for usage'], "unknown option '--colour'"),
  unknownGroup: error('E_UNKNOWN_GROUP', (name: string, suggestion = '') => [`unknown group "${name}"`, `${suggestion ? `${suggestion} ` : ''}run \`linkage groups\` for the list, or define one ad hoc: --group NAME=ISO3,ISO3`], 'CJX', 'did you mean CJK?'),
  badGroupSpec: error('E_BAD_GROUP_SPEC', (spec: string) => [`cannot read group definition "${spec}"`, 'write NAME=ISO3,ISO3,... (e.g. --group NORDIC=DNK,FIN,ISL,NOR,SWE)'], 'NORDIC:DNK'),
  duplicateGroup: error('E_DUPLICATE_GROUP', (name: string) => [`group "${name}" is defined twice`, 'rename one of the definitions'], 'CJK'),
  reservedGroupName: error('E_RESERVED_GROUP_NAME', (code: string, instead: string) => [`group name "${code}" is reserved (it names the prototype of every JavaScript object, so it is never a group code)`, `choose another name, e.g. ${instead}`], '__proto__', '--group PROTO_GROUP=CHN,JPN'),
  badGroupCode: error('E_BAD_GROUP_CODE', (code: string) => [`group code "${code}" is not a valid code`, 'a group code starts with a letter and holds only letters, digits, _, + and - (e.g. NORDIC)'], 'A B'),
  groupMember: error('E_GROUP_MEMBER', (group: string, code: string) => [`group ${group} names unknown member "${code}"`, 'use ISO3 codes known to data/countries.csv'], 'NORDIC', 'XYZ'),
  badGroupsFile: error('E_GROUPS_FILE', (file: string, detail: string) => [`cannot read groups file ${file}: ${detail}`, 'give a JSON file shaped like data/groups.json (schema: schemas/groups.schema.json)'], 'my-groups.json', 'Unexpected end of JSON input'),
  indicatorsNeedsId: error('E_INDICATORS_NEEDS_ID', () => ['--input and --no-sample need an indicator id', 'e.g. `linkage indicators gii-indicator --input gii.xlsx` lists the GII indicator numbers in that file']),
  unknownIndicator: error('E_UNKNOWN_INDICATOR', (id: string, known: string[], suggestion = '') => [`unknown indicator "${id}"`, `${suggestion ? `${suggestion} ` : ''}run \`linkage indicators\`; known: ${known.join(', ')}`], 'rd', ['rd-intensity', 'gerd-financed-abroad'], ''),
  badYearSpec: error('E_BAD_YEAR_SPEC', (spec: string) => [`cannot read year "${spec}"`, 'write YYYY or YYYY-YYYY (e.g. --year 2017 --year 2000-2018)'], '17'),
  badFormat: error('E_BAD_FORMAT', (format: string, allowed: string[]) => [`unknown format "${format}"`, `use one of: ${allowed.join(', ')}`], 'xml', ['table', 'csv', 'json']),
  badNumberOption: error('E_BAD_NUMBER', (name: string, value: string) => [`${name} must be a non-negative whole number, got "${value}"`, `e.g. ${name} 2`], '--latest', 'x'),
  badOptionSyntax: error('E_BAD_OPTION', (spec: string) => [`cannot read --option "${spec}"`, 'write key=value, e.g. --option threshold=10'], 'threshold'),
  badChoice: error('E_BAD_CHOICE', (name: string, allowed: string[], value: string, example: string) => [`${name} must be ${allowed.join(', ').replace(/, ([^,]*)$/, ' or $1')}, got "${value}"`, `e.g. ${example}`], '--flow', ['exports', 'imports', 'total'], 'both', '--flow exports'),
  badThreshold: error('E_BAD_THRESHOLD', (value: string) => [`threshold must be a number, got "${value}"`, 'e.g. --option threshold=10'], 'ten'),
  needsOption: error('E_NEEDS_OPTION', (indicator: string, option: string, example: string) => [`${indicator} needs ${option}`, `e.g. ${example}`], 'import-source-share', '--partners ISO3[,ISO3|GROUP...]', '--reporter CHN --partners JPN,KOR'),
  unknownIndustry: error('E_UNKNOWN_INDUSTRY', (what: string, known: string[]) => [`unknown ${what}`, `use one of: ${known.join(', ')}`], 'industry "steel"', ['pharmaceuticals', 'aerospace']),
  optionYear: error('E_OPTION_YEAR', (option: string, value: string, example: string) => [`${option} must be a year, got "${value}"`, `e.g. ${example}`], 'since', '03', '--option since=2003'),
  unknownPatentMeasure: error('E_UNKNOWN_PATENT_MEASURE', (m: string, known: string[]) => [`unknown patent measure "${m}"`, `use ${known.join(', ')}`], 'x', ['foreign-ownership', 'co-invention']),
  badProductCodes: error('E_BAD_PRODUCT_CODES', (spec: string) => [`cannot read product codes "${spec}"`, 'HS codes have 2, 4 or 6 digits, e.g. HS:85 or HS:8542'], 'HS:123'),
  unknownProductGroup: error('E_UNKNOWN_PRODUCT_GROUP', (spec: string) => [`unknown product group "${spec}"`, 'use TOTAL, hs84-85, hightech[:any|:most|:all], HS:<codes>, H6:<codes> or a CSV file'], 'cars'),
  badProductList: error('E_PRODUCT_LIST', (file: string, detail: string) => [`cannot read product list ${file}: ${detail}`, 'give a CSV with a `code` column and optionally `classification` (H5 for HS2017, S4 for SITC Rev.4)'], 'list.csv', 'no such file'),
  mixedClassifications: error('E_PRODUCT_LIST_MIXED', (file: string, classes: string[]) => [`product list ${file} mixes classifications ${classes.join(', ')}`, 'one classification per list'], 'list.csv', ['H5', 'S4']),
  unknownClassification: error('E_UNKNOWN_CLASSIFICATION', (cls: string, file: string) => [`unknown classification "${cls}" in ${file}`, 'use H0–H6 (HS vintages) or S4 (SITC Rev.4)'], 'X1', 'list.csv'),
  badOnly: error('E_BAD_ONLY', (value: string) => [`--only must be reproduced, mismatch or unavailable, got "${value}"`, 'e.g. --only mismatch'], 'ok'),
  chartFormat: error('E_CHART_FORMAT', (out: string) => [`cannot tell the chart format from "${out}"`, 'name the output FILE.vl.json, FILE.svg or FILE.png'], 'out.gif'),
  chartKind: error('E_CHART_KIND', (kind: string) => [`unknown chart kind "${kind}"`, 'use bars, lines, heatmap or dots'], 'pie'),
  chartKindMisfit: error('E_CHART_KIND_MISFIT', (kind: string, indicator: string, why: string, fits: readonly string[]) => [`chart kind "${kind}" does not fit ${indicator}: ${why}`, `use --kind ${fits.join(' or --kind ')} (or leave --kind out for its default view)`], 'heatmap', 'rd-intensity', 'it has no partner dimension for a heatmap', ['bars', 'lines', 'dots']),
  chartOneIndicator: error('E_CHART_INDICATORS', () => ['chart draws one indicator at a time', 'give one --indicator']),
  // Reports and published figures.
  reportExists: error('E_REPORT_EXISTS', (dir: string) => [`output folder ${dir} already exists`, 'choose a new folder, or add --force to replace a report linkage wrote there'], 'out/report'),
  reportNotReplaceable: error('E_REPORT_NOT_REPLACEABLE', (dir: string, why: string) => [`--force will not replace ${dir}: it ${why}`, 'linkage replaces only a report folder it wrote itself; choose a new --out folder'], '.', 'is the current folder'),
  outputLocked: error('E_OUTPUT_LOCKED', (dir: string, pid: number, lock: string) => [`another linkage run (pid ${pid}) is writing ${dir}`, `wait for it to finish, or choose another --out; if no such process runs, delete ${lock}`], 'out/report', 4242, 'out/.report.lock'),
  badReport: error('E_REPORT_DEFINITION', (file: string, detail: string) => [`cannot read report definition ${file}: ${detail}`, 'give a folder holding report.json (e.g. reports/cjk-linkage); schema: schemas/report-definition.schema.json'], 'report.json', 'sections[2].indicator must be a string, not a whole number'),
  reportInputTwice: error('E_REPORT_INPUT_TWICE', (id: string) => [`report input "${id}" is defined twice`, 'give each input its own id'], 'wdi'),
  reportSectionId: error('E_REPORT_SECTION_ID', (id: string) => [`report section id "${id}" must be unique, lower-case letters, digits and dashes`, "it names the section's CSV, chart and anchor"], 'R&D'),
  reportUnknownInput: error('E_REPORT_UNKNOWN_INPUT', (section: string, input: string, file: string) => [`section ${section} names unknown input "${input}"`, `define it under "inputs" in ${file}`], 'rd', 'msti', 'report.json'),
  reportInputSource: error('E_REPORT_INPUT_SOURCE', (id: string) => [`report input "${id}" needs sample, shared, path or fetch`, 'e.g. { "id": "wdi", "shared": "worldbank/wdi-ip-charges-1980-2021.xlsx" }'], 'wdi'),
  reportOutside: error('E_REPORT_OUTSIDE', (file: string, entry: string, allowed: string[]) => [`report definition ${file}: ${entry} resolves outside the folders a report may read (${allowed.join(', ')}); it was not opened`, 'move the file into one of those folders, or pass `--allow-path DIR` to `linkage report` to allow its folder'], 'reports/x/report.json', 'input "secret" (../../../../etc/passwd)', ['reports/x', 'data', '../shared/data', '~/.cache/linkage']),
  allowPathNotFolder: error('E_ALLOW_PATH', (dir: string) => [`--allow-path ${dir} is not a folder`, 'give an existing folder the report may read inputs from'], '/no/such/dir'),
  reportUnknownIndicator: error('E_REPORT_UNKNOWN_INDICATOR', (section: string, id: string) => [`section ${section}: unknown indicator "${id}"`, 'run `linkage indicators`'], 'rd', 'rd'),
  badPublished: error('E_PUBLISHED', (what: string) => [`cannot read published figures: ${what}`, 'see data/published/README.md for the schema'], 'row 3 (T1-KOR) needs id, indicator, a numeric value and an integer precision'),
  // Output.
  outputExists: error('E_OUTPUT', (file: string) => [`cannot write output file ${file}`, 'check that the folder exists and is writable'], 'out/x.csv'),
  outputNotFile: error('E_OUTPUT_NOT_FILE', (file: string, kind: string) => [`--output ${file} is ${kind}, not a regular file`, 'linkage writes only to a regular file or a new name; omit --output (or give -) to write to stdout'], '/dev/null', 'a character device'),
  outputDanglingLink: error('E_OUTPUT_DANGLING_LINK', (file: string) => [`--output ${file} is a symbolic link to a file that does not exist`, 'give the real path, or remove the link'], 'out.csv'),
  outputIsInput: error('E_OUTPUT_IS_INPUT', (file: string, input: string) => [`--output ${file} is the input ${input}`, 'write to another file; linkage never overwrites what it reads'], 'data.csv', 'data.csv'),
  outputFolder: error('E_OUTPUT_FOLDER', (file: string, problem: string) => [`cannot write --output ${file}: its folder ${problem}`, 'create the folder first, or choose a writable one'], 'out/x.csv', 'does not exist'),
  outputUnusable: error('E_OUTPUT_UNUSABLE', (file: string, code: string) => [`cannot use --output ${file} (${code})`, 'choose another path'], 'out.csv', 'ELOOP'),
  // Warnings (with --strict each is an error, exit 1, same code).
  taiwan490: warn('W_TAIWAN_490', () => ['UN Comtrade area 490 ("Other Asia, nes") is labelled as Taiwan (TWN) because of --taiwan-490; Comtrade itself does not name it.', 'drop --taiwan-490 to keep area 490 unnamed']),
  outsideUsualDomain: warn('W_OUTSIDE_USUAL_DOMAIN', (file: string, count: number, measure: string, note: string, at: string) => [`${file}: ${count} ${measure} value(s) outside the usual domain kept as published (${note}): ${at}`, 'the source publishes such values; check them before use'], 'fdi.csv', 2, 'FDI_POS', 'disinvestment gives negative positions', 'DEU 2017, FRA 2018'),
  editionMix: warn('W_EDITION_MIX', (indicator: string, group: string, year: number, edition: string, mix: string[]) => [`${indicator} ${group} ${year} mixes editions although --edition ${edition} was asked: ${mix.join('; ')} (the preferred edition has no value for the others)`, 'give inputs of one edition for every member, or accept the mix (with --strict it is an error)'], 'rd-intensity', 'UCM', 2017, '2019', ['USA, CAN: MSTI 2019', 'MEX: MSTI 2023']),
  hsBreak: warn(
    'W_HS_BREAK',
    (group: string, from: string, to: string, changes: string[]) => [
      `product group ${group} is read as reported in each year's HS vintage, and the content of its codes changed between ${from} and ${to} (a break in the series): ${changes.slice(0, 4).join('; ')}${changes.length > 4 ? `; and ${changes.length - 4} more` : ''}`,
      'compare years within one vintage, or use a fixed-vintage list (e.g. hightech) that converts 1:1 codes',
    ],
    'HS:85',
    'HS2017 (2017–2021)',
    'HS2022 (2022)',
    ['8541.xx split into 854141–854149'],
  ),
  hsNoTable: warn('W_HS_NO_TABLE', (group: string, a: string, b: string) => [`product group ${group} mixes ${a} and ${b} rows; linkage has no correlation table between them to check for breaks in the series`, 'read the years of each vintage separately, or add the UN correlation table to data/products/hs-correlation.csv'], 'HS:85', 'HS2007', 'HS2022'),
  chartCompile: warn('W_CHART_COMPILE', (section: string, detail: string) => [`chart ${section}: ${detail}`, 'the chart was drawn; report the warning if the chart looks wrong'], 'rd', 'Dropping {"field":"x"} from channel "color"'),
  noValue: error(
    'E_NO_VALUE',
    (asked: string, reads: string[], provides: string[], reasons: string) => [`no result has a value: ${asked}`, `the indicators read ${reads.join(', ')}; ${provides.join('; ')}; ${reasons}`],
    'rd-intensity for KOR in 2017',
    ['gerd_usd_ppp', 'gdp_usd_ppp'],
    ['gerd.csv gives gerd_nc'],
    'KOR has no gerd_usd_ppp for 2017',
  ),
  // The last resort.
  internal: error('E_INTERNAL', (what: string) => [`internal error: ${what}`, 'this is a bug in linkage; please report it with the command line (run again with --verbose for a trace)'], "Cannot read properties of undefined (reading 'x')"),
  // Input sets, options, outputs and checks.
  globNoMatch: error('E_GLOB_NO_MATCH', (pattern: string) => [`--input ${pattern} matches no input file`, `check the pattern (\`*\`, \`?\` and \`[..]\` in the last path segment; quote it so the shell does not expand it); inputs end in .csv, .json, .xlsx or .parquet`], 'data/BACI_*.csv'),
  folderNoInputs: error('E_FOLDER_NO_INPUTS', (dir: string) => [`--input folder ${dir} holds no input file`, 'give a folder with .csv, .json or .xlsx exports (its sub-folders are not read), or name the files'], 'data/empty'),
  sameYearTwice: warn('W_SAME_YEAR_TWICE', (dataset: string, year: number, files: string[]) => [`${dataset} ${year} is in ${files.length} inputs: ${files.join('; ')}; each figure is read from the first (newest edition, then the order given)`, 'give each year once (a CSV and a Parquet of the same year, or two releases, are two inputs)'], 'BACI HS17', 2018, ['BACI_HS17_Y2018_V202301.csv (202301)', 'y2018.parquet (202301)']),
  cacheUnwritable: warn('W_CACHE_UNWRITABLE', (dir: string, file: string) => [`cannot write the aggregate cache in ${dir}: the next run scans ${file} again`, 'make the folder writable, set LINKAGE_CACHE_DIR (or XDG_CACHE_HOME) to a writable folder, or pass --no-cache'], '/home/ana/.cache/linkage/aggregates', 'BACI_HS17_Y2018_V202301.csv'),
  inputsSkipped: warn('W_INPUTS_SKIPPED', (count: number, list: string[], given: string) => [`${count} file${count === 1 ? '' : 's'} in ${given} not read: ${list.slice(0, 5).join('; ')}${list.length > 5 ? `; and ${list.length - 5} more` : ''}`, 'only files whose format linkage recognises are read, and of BACI years only those asked for; name a file to read it or see why it is not recognised'], 1, ['notes.txt'], 'an --input folder or glob'),
  reversedYears: error('E_YEARS_REVERSED', (spec: string, from: number, to: number) => [`year range "${spec}" is reversed`, `write the earlier year first: --year ${to}-${from}`], '2018-2010', 2018, 2010),
  formatContradicts: error('E_FORMAT_CONTRADICTS', (format: string, output: string, implied: string) => [`--format ${format} contradicts --output ${output}, whose extension means ${implied}`, `drop --format (the extension decides), or name the file for ${format}`], 'json', 'out.csv', 'csv'),
  extensionUnsupported: error('E_OUTPUT_EXTENSION', (output: string, allowed: string[]) => [`this command cannot write the format that ${output}'s extension names`, `use an extension or --format among: ${allowed.join(', ')}`], 'out.xlsx', ['csv', 'json']),
  outputFormatUnstated: error('E_OUTPUT_FORMAT_UNSTATED', (output: string, allowed: string[]) => [`cannot tell which format to write to ${output}: its extension names none that linkage writes`, `name the file .csv, .json, .md or .txt, or pass --format (${allowed.join(', ')})`], 'out.xlsx', ['table', 'csv', 'json']),
  badOptionPair: error('E_BAD_OPTION_PAIR', (pair: string) => [`cannot read --option "${pair}"`, 'write key=value, e.g. --option threshold=10'], 'threshold'),
  unknownOption: error('E_UNKNOWN_OPTION', (key: string, indicators: string[], suggestion: string, known: string[]) => [
    `unknown option "${key}" for ${indicators.join(', ')}`,
    `${suggestion ? `${suggestion} ` : ''}${known.length > 0 ? `options: ${known.join(', ')}` : 'these indicators take no options'} (see \`linkage indicators ${indicators[0] ?? ''}\`)`,
  ], 'treshold', ['technology-overlap'], 'did you mean threshold?', ['threshold']),
  badOptionValue: error('E_BAD_OPTION_VALUE', (key: string, value: string, indicator: string, suggestion: string, allowed: string[]) => [
    `${key} "${value}" is not valid for ${indicator}`,
    `${suggestion ? `${suggestion} ` : ''}use ${allowed.join(', ')}`,
  ], 'flow', 'import', 'ip-charges', 'did you mean imports?', ['receipts', 'payments']),
  unknownCountryArg: error('E_UNKNOWN_COUNTRY_ARG', (code: string, suggestion: string) => [`unknown country "${code}"`, `${suggestion ? `${suggestion} ` : ''}give an ISO3 code (e.g. CHN) or an unambiguous English name; codes are in data/countries.csv`], 'CHA', 'did you mean CHN?'),
  unknownGeoArg: error('E_UNKNOWN_GEO_ARG', (option: string, code: string, suggestion: string) => [`unknown economy or group "${code}" in ${option}`, `${suggestion ? `${suggestion} ` : ''}give ISO3 codes or group codes (run \`linkage groups\`), comma-separated`], '--partners', 'JPX', 'did you mean JPN?'),
  unknownEdition: error('E_UNKNOWN_EDITION', (edition: string, held: string[], suggestion: string) => [
    `no input holds edition "${edition}"`,
    `${suggestion ? `${suggestion} ` : ''}${held.length > 0 ? `the inputs hold: ${held.join(', ')}` : 'no input was loaded'}; --edition takes YYYY, DATASET or DATASET:YYYY`,
  ], '2018', ['MSTI:2019'], 'did you mean 2019?'),
  inputIsDirectory: error('E_INPUT_IS_FOLDER', (file: string) => [`${file} is a folder, not a file`, 'give the files inside it (e.g. --input DIR/*.csv), or the folder itself where --input accepts folders'], 'data'),
  /** Why an input cannot be opened, by the system's error code: a folder, a missing file, or other. */
  inputUnreadable: (file: string, code: string | undefined): Msg => (code === 'EISDIR' ? msg.inputIsDirectory(file) : code === 'ENOENT' ? msg.noSuchInput(file) : msg.fileNotFound(file)),
  noSuchInput: error('E_NO_SUCH_INPUT', (file: string) => [`no such file ${file}`, 'check the path (relative to the current folder); inputs are read from disk, never downloaded'], 'data/gerd.csv'),
  inputUnused: warn('W_INPUT_UNUSED', (file: string, indicators: string[]) => [`${file} holds none of the rows ${indicators.join(', ')} read`, 'run `linkage inspect FILE` to see its measures, and `linkage indicators ID` for what an indicator reads'], 'wdi.xlsx', ['rd-intensity']),
  wideNeedsCsv: error('E_WIDE_NEEDS_CSV', (format: string) => [`--wide writes CSV, not ${format}`, 'drop --format, or write to a .csv file'], 'json'),
  badExpect: error('E_BAD_EXPECT', (file: string, what: string) => [`cannot use expectations file ${file}: ${what}`, 'write it with `linkage check --format csv --output FILE` (columns id, verdict), or JSON {"id": "verdict"}'], 'expected.csv', 'no verdict column'),
  badVerdictList: error('E_BAD_VERDICT_LIST', (option: string, value: string, suggestion: string) => [`${option} takes reproduced, explained, mismatch or unavailable (comma-separated), got "${value}"`, `${suggestion ? `${suggestion} ` : ''}e.g. ${option} mismatch,explained`], '--only', 'reproducd', 'did you mean reproduced?'),
  expectationsDiffer: error('E_EXPECTATIONS_DIFFER', (n: number, file: string) => [`${n} figure(s) differ from the verdicts pinned in ${file}`, 'if the change is intended, pin the new state: linkage check --format csv --output FILE'], 2, 'expected.csv'),
  notFiniteValue: error('E_NOT_FINITE_VALUE', (measure: string, geo: string, year: number) => [`value of ${measure} for ${geo} ${year} is not a finite number after the unit multiplier`, 'the value or its unit multiplier (PowerCode / UNIT_MULT) is out of range; check the export'], 'gerd', 'KOR', 2017),
  unitMismatch: error('E_UNIT_MISMATCH', (unit: string, measure: string, expected: string) => [`a row in ${unit || 'no unit'} inside the ${measure} series, which is in ${expected}`, 'export the series in one unit; linkage never converts currencies silently'], 'EUR', 'gerd_ppp', 'PPP US$'),
  vintageRefused: error('E_VINTAGE_REFUSED', (group: string, vintage: string, others: string, year: number, refused: string[]) => [
    `product group ${group} (${vintage}) cannot take the ${others} rows of ${year}: ${refused.slice(0, 3).join('; ')}${refused.length > 3 ? `; and ${refused.length - 3} more` : ''}`,
    `a fixed ${vintage} list converts only codes whose content is unchanged (1:1); use data reported in ${vintage}, or a group of codes as reported (HS:<codes>)`,
  ], 'hightech', 'HS2017', 'HS2022', 2022, ['854231 split into 854231, 8549']),
};

/** A warning kept for the output (`warnings` in JSON, `linkage: warning: CODE: …` on stderr). */
export interface Warning {
  code: Code;
  message: string;
  hint: string;
  /**
   * On warnings about particular rows (values outside their usual domain), once the command has
   * computed: whether a computation read any of those rows. `false`: reported, but not an error
   * under `--strict`, since no requested result depends on them.
   */
  feeds_results?: boolean;
}

/** A catalogued warning message as a `Warning` record. */
export function warning(m: Msg): Warning {
  return { code: m[2], message: m[0], hint: m[1] };
}

/** The rows a row warning is about; kept beside the record so that JSON output never carries them. */
const ROWS = new WeakMap<Warning, readonly RowKey[]>();

/** What identifies a row for {@link rowWarning}: its measure, geography, partner and year. */
export interface RowKey {
  measure: string;
  geo: string;
  partner: string | null;
  year: number;
}

/** A catalogued warning about these rows (see {@link Warning.feeds_results}). */
export function rowWarning(m: Msg, rows: readonly RowKey[]): Warning {
  const w = warning(m);
  ROWS.set(w, rows);
  return w;
}

/** The rows a warning made by {@link rowWarning} is about; undefined for any other warning. */
export function warningRows(w: Warning): readonly RowKey[] | undefined {
  return ROWS.get(w);
}

/** Missing-result reasons (shown in `reason`). */
export const reason = {
  noData: (geo: string, measure: string, year: number): string => `${geo} has no ${measure} for ${year}`,
  noDataWindow: (geo: string, measure: string, year: number, latest: number): string =>
    `${geo} has no ${measure} for ${year} or the ${latest} year(s) before`,
  membersMissing: (parts: string[]): string => parts.join('; '),
  noWorldTotal: (measure: string, year: number): string =>
    `the input has no world (or OECD-total) ${measure} for ${year}; a group's share of the world needs the source's own total, not a sum of the countries in the file`,
  zeroDenominator: (geo: string, measure: string, year: number): string => `${geo}'s ${measure} for ${year} is zero (the denominator), so the ratio has no value`,
  sumOverflow: (geo: string, members: string[], year: number): string => `the sum over ${members.join(', ')} for ${year} overflows (not a finite number), so ${geo} has no value`,
  nonFiniteResult: (what: string, prior: string | null): string => `the computed value is ${what}; check the inputs${prior ? `; ${prior}` : ''}`,
  wholeWorld: (): string => 'the group covers the whole world: the rest of the world is empty, so intensity and introversion (which compare the group with the rest of the world) are not defined',
  ladderExceeds: (what: string, year: number, intra: number, out: number): string => `the flows among the members (${intra}) exceed the members' total ${what} (${out}) for ${year}: the inputs disagree (a share above 100 % is a data error), so the share has no value; compare the inputs in the provenance or give one source with --no-sample`,
  ladderDenominator: (what: string, year: number, members: string[], problem: string): string => `the members' total ${what} for ${year} (the denominator, ${members.join(' + ')}) ${problem}, so the share has no value`,
  worldTotalZero: (c: string, flow: string, products: string, year: number, includeSelf: boolean, value: number | null): string =>
    `${c}'s ${flow} of ${products} with the world for ${year} (the denominator${includeSelf ? '' : ', less self-flows'}) is ${value === 0 ? 'zero' : `${value}`}, so the share has no value`,
  noCorrelation: (code: string, from: string, to: string): string => `${code} (${from}): no ${from}–${to} correlation for it in data/products/hs-correlation.csv`,
  notFinite: (geo: string, what: string, year: number): string => `${geo}'s ${what} for ${year} is not a finite number (a zero, vanishingly small or overflowing input), so it has no value`,
  /**
   * A product-group cell of the trade reducer with a part that has no value: `codes` as the input
   * writes them (`HS 854231`, or `TOTAL` for the source's all-products row), each with the line of
   * the input it was read from.
   */
  tradeNoValue: (geo: string, flow: string, partner: string, group: string, codes: readonly { code: string; line: number }[], file: string): string => {
    const dir = ({ X: 'exports to', M: 'imports from', RX: 're-exports to', RM: 're-imports from' } as Record<string, string>)[flow] ?? `flow ${flow} with`;
    const cell = `${geo} ${dir} ${partner === 'WLD' ? 'the world' : partner}`;
    const [only] = codes;
    if (codes.length === 1 && only?.code === 'TOTAL') return `${cell}: the all-products row (TOTAL) has no value in ${file} (line ${only.line})`;
    const sorted = [...codes].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.line - b.line)).map((c) => `${c.code} (line ${c.line})`);
    return `${cell}: ${sorted.slice(0, 5).join(', ')}${sorted.length > 5 ? ` and ${sorted.length - 5} more` : ''} ${codes.length > 1 ? 'have' : 'has'} no value in ${file}, so the ${group} sum is not known`;
  },
  /**
   * A trade cell whose preferred row (newest edition, or the `--edition` asked, then the input given
   * first) has no value while another input has one: `why` is why the preferred row has none; the
   * other figure is named and not used.
   */
  preferredEmpty: (why: string, used: { file: string; edition: string }, other: { file: string; edition: string; value: number }, asked?: string): string => {
    const rule =
      asked !== undefined
        ? `the edition asked (--edition ${asked}) decides`
        : used.edition !== other.edition
          ? `the newest edition (${used.edition}) decides`
          : 'of inputs of one edition the one given first decides';
    return `${why}; ${other.file} (edition ${other.edition}) has ${other.value} for it, not used in its place: ${rule}, and its empty cell is unknown`;
  },
  /**
   * Members of a group without the data a patent share needs, the year said once: members without
   * an application total (`totals`, each "CHN has no application total (by inventor)") and pairs
   * without a count or share (`pairs`, each "DEU–GBR" with its reason when the row is empty).
   */
  patentGaps: (totals: readonly string[], pairs: readonly string[], year: number): string =>
    `${[...totals, ...(pairs.length > 0 ? [`no value for ${pairs.join(', ')}`] : [])].join('; ')} in ${year}`,
  /** A row without a value that says no more (a canonical CSV's empty cell). */
  rowNoValue: (measure: string, geo: string, partner: string | null, file: string, line?: number): string =>
    `the ${measure} row of ${geo}${partner === null ? '' : `→${partner}`} has no value in ${file}${line === undefined ? '' : ` (line ${line})`}`,
  /** A Comtrade row whose value cell is empty (read as missing, never as zero), where the loader read it. */
  emptyTradeValue: (column: string, file: string, line: number): string => `the ${column} cell is empty in ${file} (line ${line})`,
  /** A partner group's own row (a source aggregate such as Comtrade's EU-28) without a value. */
  groupRowNoValue: (group: string, why: string): string =>
    `the source's own ${group} row has no value (${why}); its members are not summed in its place: name them in --partners to sum them`,
  /** The world (WLD) row of a share's denominator is there but empty (its reason follows in parentheses). */
  worldRowNoValue: (measure: string, year: number): string => `the world (WLD) row of ${measure} for ${year} has no value`,
  /** A total's own row (WLD, OECD) is there but empty (its reason follows in parentheses). */
  totalRowNoValue: (total: string, measure: string, year: number): string => `the ${total} total of ${measure} for ${year} has no value`,
  noWorldRow: (measure: string, year: number | undefined): string =>
    `the input has no world (WLD) row of ${measure}${year === undefined ? '' : ` for ${year}`}; a share of the world needs the source's own world total, never a sum of the countries in a file`,
};

/** Messages of the BACI loaders and the trade-scan engines (src/engine/); catalogued like `msg`. */
export const baciMsg = {
  noDictionary: error('E_BACI_NO_DICTIONARY', () => ['BACI file without its country dictionary', "BACI's i and j are numeric codes of its own release: put the release's country_codes_V*.csv beside the file or pass --baci-countries FILE"]),
  dictionaryColumns: error('E_BACI_DICTIONARY_COLUMNS', (header: string) => [`not a BACI country dictionary: its columns are ${header}`, 'a country_codes_V*.csv has country_code and iso_3digit_alpha (releases to V202301) or country_iso3 (V202401 on); pass the release\'s own file with --baci-countries FILE'], 'code,name'),
  unknownArea: error('E_BACI_UNKNOWN_COUNTRY', (code: string) => [`BACI country code "${code}" is not in the release's country dictionary`, 'use the country_codes file of the same BACI release'], '999'),
  badProduct: error('E_NOT_HS6', (code: string) => [`product code "${code}" is not an HS six-digit code`, 'BACI product codes are HS6 numbers'], '12A'),
  unknownProduct: error('E_BACI_UNKNOWN_PRODUCT', (code: string, where: string) => [`product code ${code} is not in ${where}`, "the file name says which HS vintage it is; use the release's product_codes_HS*_V*.csv (beside the file or --baci-products FILE), or rename the file to its HS vintage"], '123456', 'product_codes_HS17_V202301.csv'),
  notNumber: error('E_BACI_NOT_NUMBER', (value: string) => [`BACI value "${value}" in column v is not a number`, 'every BACI row has a number in v: the file is corrupted; download the release again'], '1x5'),
  negative: error('E_BACI_NEGATIVE', (value: string) => [`negative trade value ${value}`, 'BACI values are never negative: the file is corrupted; download the release again'], '-10'),
  noValue: error('E_BACI_NO_VALUE', () => ['a BACI row without a trade value v (every BACI row has one)', 'the file is cut or corrupted: download the release again (a sum with a value left out would look plausible and be wrong)']),
  duplicate: error('E_BACI_DUPLICATE', (key: string) => [`duplicate BACI row ${key}`, 'a BACI release has one row per year, exporter, importer and product; the file was concatenated or corrupted — remove the repeated rows'], 't=2017 i=156 j=392 k=854231'),
  fieldCount: error('E_BACI_FIELD_COUNT', (got: number) => [`BACI row has ${got} fields, expected 6 (t,i,j,k,v,q)`, 'the file is cut or corrupted; download the release again'], 5),
  fieldTooLong: error('E_FIELD_TOO_LONG', (limit: number) => [`a field is longer than ${limit} characters (an unbalanced quote?)`, 'a stray double quote makes the rest of the file one field; fix the quote on this line'], 1048576),
  otherYear: error('E_BACI_OTHER_YEAR', (year: string, named: number) => [`a BACI row of year ${year} in a file whose name says Y${named} (a BACI year file holds one year)`, `the file was renamed or concatenated: read year ${year} from CEPII's own file for it, or remove the row`], '2017', 2018),
  strayQuote: error('E_BACI_QUOTE', () => ['a double quote in a BACI row (BACI has no quoted fields)', 'a stray quote or a corrupted line; fix or remove it']),
  parquetUnreadable: error('E_PARQUET', (detail: string) => [`cannot read Parquet file: ${detail}`, 'check that it is a BACI table with columns t, i, j, k, v'], 'not a Parquet file'),
  parquetRow: error('E_PARQUET_ROW', (problem: string) => [`Parquet file has ${problem}`, 'fix that row where the Parquet file was made (every check of the CSV path applies to Parquet too)'], 'a negative value in row 12'),
  engineFormat: error('E_ENGINE_FORMAT', (engine: string, file: string) => [`--engine ${engine} cannot read ${file}`, 'Parquet files need --engine duckdb or auto; other formats are read by linkage itself'], 'js', 'baci.parquet'),
};

/** Messages of `linkage fetch`, `linkage cache` and `--fetch` (src/fetch/); errors are catalogued like `msg`. */
export const fetchMsg = {
  badQuery: error('E_FETCH_QUERY', (spec: string) => [`cannot read fetch query "${spec}"`, 'write API:ID with API one of oecd, worldbank, imf, comtrade, baci, wipo, e.g. `linkage fetch worldbank:BX.GSR.ROYL.CD --key "CHN;JPN;KOR" --years 2017`, or `linkage fetch --for INDICATOR`'], 'worldbank'),
  badYears: error('E_FETCH_YEARS', (spec: string) => [`cannot read years "${spec}"`, 'write YYYY or YYYY-YYYY (e.g. --years 2015-2019)'], '17'),
  noApi: error('E_FETCH_NO_API', (api: string) => [`linkage cannot download from ${api} yet`, 'download the file by hand and give it with --input'], 'wipo'),
  notCached: error('E_FETCH_NOT_CACHED', (query: string, command: string) => [`${query} is not in the download cache`, `run \`${command}\` first (or add --fetch instead of --offline)`], 'worldbank:BX.GSR.ROYL.CD', 'linkage fetch worldbank:BX.GSR.ROYL.CD'),
  notFound: error(
    'E_FETCH_NOT_FOUND',
    (api: string, url: string, body: string) => [
      /NoRecordsFound|NoResultsFound/i.test(body) ? `${api} has no data for this query (HTTP 404 ${/NoResultsFound/i.test(body) ? 'NoResultsFound' : 'NoRecordsFound'}): ${url}` : `${api} answered HTTP 404${body ? ` (${body.slice(0, 100)})` : ''}: ${url}`,
      'check the dataflow or indicator id, the key and the years; `linkage fetch --for INDICATOR` builds the query from an indicator',
    ],
    'OECD',
    'https://sdmx.oecd.org/public/rest/data/X',
    'NoRecordsFound',
  ),
  httpStatus: error('E_FETCH_HTTP', (api: string, status: number, url: string, body: string) => [`${api} answered HTTP ${status}${body ? ` (${body.slice(0, 120)})` : ''}: ${url}`, status === 401 || status === 403 ? 'the service refused the request: check COMTRADE_API_KEY (Comtrade) or your network (OECD refuses VPN and anonymised traffic)' : 'the query is not valid for this API: check the id, the key (one position per dimension, in DSD order) and the years'], 'OECD', 422, 'https://sdmx.oecd.org/public/rest/data/X', ''),
  gaveUp: error('E_FETCH_GAVE_UP', (api: string, url: string, attempts: number, last: string) => [`cannot download from ${api} after ${attempts} attempts: ${last} (${url})`, 'the service is busy or unreachable: try again later; completed parts are kept and the next run resumes; HTTPS_PROXY/NO_PROXY are honoured'], 'OECD', 'https://sdmx.oecd.org/public/rest/data/X', 4, 'HTTP 503'),
  waitTooLong: error('E_FETCH_RETRY_AFTER', (api: string, seconds: number, url: string) => [`${api} asks to wait ${seconds} s before the next request (${url})`, 'try again later; completed parts are kept and the next run resumes'], 'OECD', 3600, 'https://sdmx.oecd.org/public/rest/data/X'),
  retrying: (api: string, why: string, seconds: number, attempt: number, attempts: number): string => `${api}: ${why}; retrying in ${seconds} s (attempt ${attempt + 1} of ${attempts})`,
  rateLimited: error('E_FETCH_RATE_LIMIT', (api: string, limit: string, when: string) => [`the ${api} rate limit (${limit}) is used up by earlier requests from this machine`, `try again after ${when} (UTC); what was fetched is cached`], 'OECD', '60 per hour', '2026-01-01T10:00:00Z'),
  waitingForLimit: (api: string, limit: string, seconds: number): string => `waiting ${seconds} s for the ${api} rate limit (${limit})`,
  apiError: error('E_FETCH_API', (api: string, what: string) => [`${api} refused the query: ${what}`, 'check the indicator or dataflow id and the key'], 'World Bank', 'error 120 Invalid value'),
  noData: error('E_FETCH_NO_DATA', (api: string) => [`${api} has no data for this query`, 'check the countries, the years and the indicator id'], 'World Bank'),
  badAnswer: error('E_FETCH_BAD_ANSWER', (api: string, query: string, why: string) => [`the answer of ${api} to ${query} cannot be used: ${why}`, 'nothing was cached; try again later, and if it persists the API has changed its format (report it)'], 'World Bank', 'worldbank:X', 'not JSON'),
  downloading: (api: string, url: string): string => `fetching ${url} (${api})`,
  notModified: (query: string): string => `${query}: not modified since it was cached (HTTP 304)`,
  noRecipe: error('E_FETCH_NO_RECIPE', (id: string, known: string[]) => [`no fetch recipe for indicator "${id}"`, `recipes exist for: ${known.join(', ')}`], 'rd', ['rd-intensity', 'ip-charges']),
  noPublicSource: warn('W_FETCH_NO_PUBLIC_SOURCE', (id: string, why: string) => [`${id} has no public API to fetch from: ${why}`, 'supply the file yourself with --input'], 'fdi-hightech-content', 'fDi Markets is a commercial database'),
  queryAndFor: error('E_FETCH_QUERY_AND_FOR', () => ['give either a query or --for, not both', 'e.g. `linkage fetch --for ip-charges --group CJK`']),
  needQuery: error('E_FETCH_NEED_QUERY', () => ['give a query (API:ID) or --for INDICATOR', 'e.g. `linkage fetch --for ip-charges --group CJK --year 2017`']),
  oecdAgency: error('E_FETCH_OECD_AGENCY', (id: string, known: string[]) => [`cannot tell the OECD agency of "${id}"`, `write AGENCY,DSD@DF[,VERSION] (e.g. OECD.STI.PIE,DSD_PATENTS@DF_PATENTS_INDICATORS,1.0); linkage knows the agencies of ${known.join(', ')}`], 'DF_X', ['DSD_PATENTS', 'DSD_MSTI']),
  recordLimit: error('E_FETCH_RECORD_LIMIT', (api: string, limit: number, url: string) => [`${api} returned ${limit} records, its per-call limit: rows may be missing (${url})`, 'narrow the query (fewer partners, commodities or years) so each call stays under the limit'], 'UN Comtrade', 100000, 'https://comtradeapi.un.org/data/v1/get/C/A/HS'),
  baciContents: error('E_FETCH_BACI_CONTENTS', (archive: string, years: readonly [number, number] | undefined) => [`${archive} holds no ${years ? `data file for ${years[0]}–${years[1]}` : 'data file'} or no country dictionary`, 'check the HS vintage, release and years (each vintage starts in the year it entered into force; e.g. HS17 covers 2017 on)'], 'BACI_HS17_V202401b.zip', [2015, 2016]),
  badCacheAction: error('E_CACHE_ACTION', (action: string) => [`unknown cache action "${action}"`, 'use `linkage cache ls`, `linkage cache verify` or `linkage cache clear`'], 'rm'),
  skipped: (query: string, why: string): string => `warning: could not fetch ${query}: ${why}`,
};

/** Every catalogued entry (errors and warnings of `msg` and `fetchMsg`), for the README table and tests. */
export function catalogue(): Entry<unknown[]>[] {
  return [...Object.values(msg), ...Object.values(baciMsg), ...Object.values(fetchMsg)].filter((e): e is Entry<unknown[]> => 'code' in e);
}
