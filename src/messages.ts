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
  unknownGroup: (name: string): Msg => [`unknown group "${name}"`, 'run `linkage groups` for the list, or define one ad hoc: --group NAME=ISO3,ISO3'],
  badGroupSpec: (spec: string): Msg => [`cannot read group definition "${spec}"`, 'write NAME=ISO3,ISO3,... (e.g. --group NORDIC=DNK,FIN,ISL,NOR,SWE)'],
  duplicateGroup: (name: string): Msg => [`group "${name}" is defined twice`, 'rename one of the definitions'],
  groupMember: (group: string, code: string): Msg => [`group ${group} names unknown member "${code}"`, 'use ISO3 codes known to data/countries.csv'],
  unknownIndicator: (id: string, known: string[]): Msg => [`unknown indicator "${id}"`, `run \`linkage indicators\`; known: ${known.join(', ')}`],
  badYearSpec: (spec: string): Msg => [`cannot read year "${spec}"`, 'write YYYY or YYYY-YYYY (e.g. --year 2017 --year 2000-2018)'],
  badFormat: (format: string, allowed: string[]): Msg => [`unknown format "${format}"`, `use one of: ${allowed.join(', ')}`],
  badNumberOption: (name: string, value: string): Msg => [`${name} must be a non-negative whole number, got "${value}"`, `e.g. ${name} 2`],
  outputExists: (file: string): Msg => [`cannot write output file ${file}`, 'check that the folder exists and is writable'],
  outputNotFile: (file: string, kind: string): Msg => [`--output ${file} is ${kind}, not a regular file`, 'linkage writes only to a regular file or a new name; omit --output (or give -) to write to stdout'],
  outputDanglingLink: (file: string): Msg => [`--output ${file} is a symbolic link to a file that does not exist`, 'give the real path, or remove the link'],
  outputIsInput: (file: string, input: string): Msg => [`--output ${file} is the input ${input}`, 'write to another file; linkage never overwrites what it reads'],
  outputFolder: (file: string, problem: string): Msg => [`cannot write --output ${file}: its folder ${problem}`, 'create the folder first, or choose a writable one'],
  reportExists: (dir: string): Msg => [`output folder ${dir} already exists`, 'choose a new folder, or add --force to replace a report linkage wrote there'],
  reportNotReplaceable: (dir: string, why: string): Msg => [`--force will not replace ${dir}: it ${why}`, 'linkage replaces only a report folder it wrote itself; choose a new --out folder'],
  outputLocked: (dir: string, pid: number, lock: string): Msg => [`another linkage run (pid ${pid}) is writing ${dir}`, `wait for it to finish, or choose another --out; if no such process runs, delete ${lock}`],
  outputUnusable: (file: string, code: string): Msg => [`cannot use --output ${file} (${code})`, 'choose another path'],
  noRows: (file: string): Msg => [`no usable rows in ${file}`, 'run `linkage inspect` on it to see why rows were skipped'],
  duplicateKey: (key: string): Msg => [`duplicate observation ${key} with a different value in the same file`, 'the export holds the same key twice; remove one of the rows'],
  badPublished: (what: string): Msg => [`cannot read published figures: ${what}`, 'see data/published/README.md for the schema'],
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
  noWorldRow: (measure: string, year: number | undefined): string =>
    `the input has no world (WLD) row of ${measure}${year === undefined ? '' : ` for ${year}`}; a share of the world needs the source's own world total, never a sum of the countries in a file`,
};
