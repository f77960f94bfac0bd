/**
 * Every user-facing message, in one place. Code and tests call these functions, so wording lives
 * here only. Each returns `[what, hint]` or a string.
 */
export type Msg = readonly [what: string, hint: string];

export const msg = {
  fileNotFound: (file: string): Msg => [`cannot read input file ${file}`, 'check the path; inputs are read from disk, never downloaded'],
  emptyFile: (): Msg => ['the file is empty', 'export the data again; linkage needs a header line and data rows'],
  headerOnly: (): Msg => ['the file has a header but no data rows', 'export the data again with at least one observation'],
  utf16: (): Msg => ['the file is UTF-16 encoded', 're-save it as UTF-8 (e.g. `iconv -f UTF-16 -t UTF-8 in.csv > out.csv`)'],
  binary: (): Msg => ['the file looks binary, not CSV text', 'give a CSV export (xlsx workbooks: save the data sheet as CSV)'],
  semicolon: (): Msg => ['the file is semicolon-delimited', 're-export it with commas as delimiter (OECD and UN exports use commas), or convert it: `sed "s/;/,/g"` only if no value contains a comma'],
  unknownFormat: (header: string): Msg => [`unrecognised file format (header starts "${header}")`, 'run `linkage inspect FILE`; supported: OECD.Stat legacy CSV (also after R round-trip), OECD DP_LIVE, OECD SDMX-CSV, linkage canonical CSV; `--source` forces one'],
  unknownSource: (name: string, known: string[]): Msg => [`unknown --source "${name}"`, `use one of: ${known.join(', ')}`],
  missingColumn: (column: string, format: string): Msg => [`required column "${column}" is missing for ${format}`, 'export the full table with all dimension columns, or check `--source`'],
  notNumeric: (column: string, value: string): Msg => [`value "${value}" in column ${column} is not a number`, 'fix the cell, or leave it empty (missing); `..`, `NA` and empty cells are read as missing'],
  unknownCountry: (code: string): Msg => [`unknown country or area code "${code}"`, 'add it to data/countries.csv (or data/country-aliases.csv for a name variant), or list it in data/ignored-areas.csv if it should be skipped'],
  unknownCountryName: (name: string): Msg => [`unknown country or area name "${name}"`, 'add the spelling to data/country-aliases.csv with its ISO3 code'],
  badYear: (value: string): Msg => [`year "${value}" is not a 4-digit year`, 'fix the cell; annual data only'],
  fieldCount: (expected: number, got: number): Msg => [`row has ${got} fields, header has ${expected}`, 'the file is truncated or has unquoted commas; export it again'],
  unknownGroup: (name: string, suggestion = ''): Msg => [`unknown group "${name}"`, `${suggestion ? `${suggestion} ` : ''}run \`linkage groups\` for the list, or define one ad hoc: --group NAME=ISO3,ISO3`],
  badGroupSpec: (spec: string): Msg => [`cannot read group definition "${spec}"`, 'write NAME=ISO3,ISO3,... (e.g. --group NORDIC=DNK,FIN,ISL,NOR,SWE)'],
  duplicateGroup: (name: string): Msg => [`group "${name}" is defined twice`, 'rename one of the definitions'],
  groupMember: (group: string, code: string): Msg => [`group ${group} names unknown member "${code}"`, 'use ISO3 codes known to data/countries.csv'],
  unknownIndicator: (id: string, known: string[], suggestion = ''): Msg => [`unknown indicator "${id}"`, `${suggestion ? `${suggestion} ` : ''}run \`linkage indicators\`; known: ${known.join(', ')}`],
  badYearSpec: (spec: string): Msg => [`cannot read year "${spec}"`, 'write YYYY or YYYY-YYYY (e.g. --year 2017 --year 2000-2018)'],
  badFormat: (format: string, allowed: string[]): Msg => [`unknown format "${format}"`, `use one of: ${allowed.join(', ')}`],
  badNumberOption: (name: string, value: string): Msg => [`${name} must be a non-negative whole number, got "${value}"`, `e.g. ${name} 2`],
  outputExists: (file: string): Msg => [`cannot write output file ${file}`, 'check that the folder exists and is writable'],
  outputNotFile: (file: string, kind: string): Msg => [`--output ${file} is ${kind}, not a regular file`, 'linkage writes only to a regular file or a new name; omit --output (or give -) to write to stdout'],
  outputDanglingLink: (file: string): Msg => [`--output ${file} is a symbolic link to a file that does not exist`, 'give the real path, or remove the link'],
  outputIsInput: (file: string, input: string): Msg => [`--output ${file} is the input ${input}`, 'write to another file; linkage never overwrites what it reads'],
  outputFolder: (file: string, problem: string): Msg => [`cannot write --output ${file}: its folder ${problem}`, 'create the folder first, or choose a writable one'],
  outputUnusable: (file: string, code: string): Msg => [`cannot use --output ${file} (${code})`, 'choose another path'],
  noRows: (file: string): Msg => [`no usable rows in ${file}`, 'run `linkage inspect` on it to see why rows were skipped'],
  duplicateKey: (key: string): Msg => [`duplicate observation ${key} with a different value in the same file`, 'the export holds the same key twice; remove one of the rows'],
  badPublished: (what: string): Msg => [`cannot read published figures: ${what}`, 'see data/published/README.md for the schema'],
  reversedYears: (spec: string, from: number, to: number): Msg => [`year range "${spec}" is reversed`, `write the earlier year first: --year ${to}-${from}`],
  formatContradicts: (format: string, output: string, implied: string): Msg => [`--format ${format} contradicts --output ${output}, whose extension means ${implied}`, `drop --format (the extension decides), or name the file for ${format}`],
  extensionUnsupported: (output: string, allowed: string[]): Msg => [`this command cannot write the format that ${output}'s extension names`, `use an extension or --format among: ${allowed.join(', ')}`],
  badOptionPair: (pair: string): Msg => [`cannot read --option "${pair}"`, 'write key=value, e.g. --option threshold=10'],
  unknownOption: (key: string, indicators: string[], suggestion: string, known: string[]): Msg => [
    `unknown option "${key}" for ${indicators.join(', ')}`,
    `${suggestion ? `${suggestion} ` : ''}${known.length > 0 ? `options: ${known.join(', ')}` : 'these indicators take no options'} (see \`linkage indicators ${indicators[0] ?? ''}\`)`,
  ],
  badOptionValue: (key: string, value: string, indicator: string, suggestion: string, allowed: string[]): Msg => [
    `${key} "${value}" is not valid for ${indicator}`,
    `${suggestion ? `${suggestion} ` : ''}use ${allowed.join(', ')}`,
  ],
  unknownCountryArg: (code: string, suggestion: string): Msg => [`unknown country "${code}"`, `${suggestion ? `${suggestion} ` : ''}give an ISO3 code (e.g. CHN) or an unambiguous English name; codes are in data/countries.csv`],
  unknownGeoArg: (option: string, code: string, suggestion: string): Msg => [`unknown economy or group "${code}" in ${option}`, `${suggestion ? `${suggestion} ` : ''}give ISO3 codes or group codes (run \`linkage groups\`), comma-separated`],
  unknownEdition: (edition: string, held: string[], suggestion: string): Msg => [
    `no input holds edition "${edition}"`,
    `${suggestion ? `${suggestion} ` : ''}${held.length > 0 ? `the inputs hold: ${held.join(', ')}` : 'no input was loaded'}; --edition takes YYYY, DATASET or DATASET:YYYY`,
  ],
  inputIsDirectory: (file: string): Msg => [`${file} is a folder, not a file`, 'give the files inside it (e.g. --input DIR/*.csv), or the folder itself where --input accepts folders'],
  /** Why an input cannot be opened, by the system's error code: a folder, a missing file, or other. */
  inputUnreadable: (file: string, code: string | undefined): Msg => (code === 'EISDIR' ? msg.inputIsDirectory(file) : code === 'ENOENT' ? msg.noSuchInput(file) : msg.fileNotFound(file)),
  noSuchInput: (file: string): Msg => [`no such file ${file}`, 'check the path (relative to the current folder); inputs are read from disk, never downloaded'],
  wideNeedsCsv: (format: string): Msg => [`--wide writes CSV, not ${format}`, 'drop --format, or write to a .csv file'],
  badExpect: (file: string, what: string): Msg => [`cannot use expectations file ${file}: ${what}`, 'write it with `linkage check --format csv --output FILE` (columns id, verdict), or JSON {"id": "verdict"}'],
  badVerdictList: (option: string, value: string, suggestion: string): Msg => [`${option} takes reproduced, explained, mismatch or unavailable (comma-separated), got "${value}"`, `${suggestion ? `${suggestion} ` : ''}e.g. ${option} mismatch,explained`],
  expectationsDiffer: (n: number, file: string): Msg => [`${n} figure(s) differ from the verdicts pinned in ${file}`, 'if the change is intended, pin the new state: linkage check --format csv --output FILE'],
  internal: (what: string): Msg => [`internal error: ${what}`, 'this is a bug in linkage; please report it with the command line (run again with --verbose for a trace)'],
};

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
  notFinite: (geo: string, what: string, year: number): string => `${geo}'s ${what} for ${year} is not a finite number (a zero, vanishingly small or overflowing input), so it has no value`,
};
