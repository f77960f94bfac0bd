/**
 * Every user-facing message, in one place. Code and tests call these functions, so wording lives
 * here only. Each returns `[what, hint]` or a string.
 */
export type Msg = readonly [what: string, hint: string];

export const msg = {
  fileNotFound: (file: string): Msg => [`cannot read input file ${file}`, 'check the path; inputs are read from disk, never downloaded'],
  globNoMatch: (pattern: string): Msg => [`--input ${pattern} matches no input file`, `check the pattern (\`*\`, \`?\` and \`[..]\` in the last path segment; quote it so the shell does not expand it); inputs end in .csv, .json or .xlsx`],
  folderNoInputs: (dir: string): Msg => [`--input folder ${dir} holds no input file`, 'give a folder with .csv, .json or .xlsx exports (its sub-folders are not read), or name the files'],
  inputsSkipped: (count: number, list: string[]): string => `${count} file${count === 1 ? '' : 's'} in an --input folder or glob not read: ${list.slice(0, 5).join('; ')}${list.length > 5 ? `; and ${list.length - 5} more` : ''}`,
  unclosedQuote: (limit: number): Msg => [`a quote opened on this line is not closed within ${limit / 1048576} MiB`, 'a stray " in a cell makes the rest of the file one field; fix or remove the quote (a quote inside a quoted cell is written "")'],
  recordTooLong: (limit: number): Msg => [`a record starting on this line is longer than ${limit / 1048576} MiB`, 'the file is not line-delimited CSV; export it again'],
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
  badGroupCode: (code: string): Msg => [`group code "${code}" is not a valid code`, 'a group code starts with a letter and holds only letters, digits, _, + and - (e.g. NORDIC)'],
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
  powerRange: (text: string, lo: number, hi: number): Msg => [`unit multiplier ${text} is outside the documented range ${lo}–${hi} (10^${lo} units to 10^${hi} trillions)`, 'the export is corrupt; export the data again'],
  notFiniteValue: (measure: string, geo: string, year: number): Msg => [`value of ${measure} for ${geo} ${year} is not a finite number after the unit multiplier`, 'the value or its unit multiplier (PowerCode / UNIT_MULT) is out of range; check the export'],
  unitMismatch: (unit: string, measure: string, expected: string): Msg => [`a row in ${unit || 'no unit'} inside the ${measure} series, which is in ${expected}`, 'export the series in one unit; linkage never converts currencies silently'],
  outsideDomain: (value: number, measure: string, geo: string, year: number, range: string, note: string): Msg => [`value ${value} of ${measure} for ${geo} ${year} is outside its domain (${range}: ${note})`, 'the export is corrupt or mislabelled; fix or remove the row'],
  partExceedsWhole: (geo: string, part: string, year: number, num: number, what: string, rows: string): Msg => [`${geo}'s ${part} for ${year} (${num}) is ${what}`, `a part cannot exceed its whole; the rows ${rows} disagree — check the export`],
  vintageRefused: (group: string, vintage: string, others: string, year: number, refused: string[]): Msg => [
    `product group ${group} (${vintage}) cannot take the ${others} rows of ${year}: ${refused.slice(0, 3).join('; ')}${refused.length > 3 ? `; and ${refused.length - 3} more` : ''}`,
    `a fixed ${vintage} list converts only codes whose content is unchanged (1:1); use data reported in ${vintage}, or a group of codes as reported (HS:<codes>)`,
  ],
  noValue: (asked: string, reads: string[], provides: string[], reasons: string): Msg => [
    `no result has a value: ${asked}`,
    `the indicators read ${reads.join(', ')}; ${provides.join('; ')}; ${reasons}`,
  ],
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
  nonFiniteResult: (what: string, prior: string | null): string => `the computed value is ${what}; check the inputs${prior ? `; ${prior}` : ''}`,
  wholeWorld: (): string => 'the group covers the whole world: the rest of the world is empty, so intensity and introversion (which compare the group with the rest of the world) are not defined',
  ladderDenominator: (what: string, year: number, members: string[], problem: string): string => `the members' total ${what} for ${year} (the denominator, ${members.join(' + ')}) ${problem}, so the share has no value`,
  worldTotalZero: (c: string, flow: string, products: string, year: number, includeSelf: boolean, value: number | null): string =>
    `${c}'s ${flow} of ${products} with the world for ${year} (the denominator${includeSelf ? '' : ', less self-flows'}) is ${value === 0 ? 'zero' : `${value}`}, so the share has no value`,
  noCorrelation: (code: string, from: string, to: string): string => `${code} (${from}): no ${from}–${to} correlation for it in data/products/hs-correlation.csv`,
  notFinite: (geo: string, what: string, year: number): string => `${geo}'s ${what} for ${year} is not a finite number (a zero, vanishingly small or overflowing input), so it has no value`,
  noWorldRow: (measure: string, year: number | undefined): string =>
    `the input has no world (WLD) row of ${measure}${year === undefined ? '' : ` for ${year}`}; a share of the world needs the source's own world total, never a sum of the countries in a file`,
};

/** Messages of the BACI loaders and the trade-scan engines (src/engine/). */
export const baciMsg = {
  noDictionary: (): Msg => ['BACI file without its country dictionary', "BACI's i and j are numeric codes of its own release: put the release's country_codes_V*.csv beside the file or pass --baci-countries FILE"],
  unknownArea: (code: string): Msg => [`BACI country code "${code}" is not in the release's country dictionary`, 'use the country_codes file of the same BACI release'],
  badProduct: (code: string): Msg => [`product code "${code}" is not an HS six-digit code`, 'BACI product codes are HS6 numbers'],
  unknownProduct: (code: string, where: string): Msg => [`product code ${code} is not in ${where}`, "the file name says which HS vintage it is; use the release's product_codes_HS*_V*.csv (beside the file or --baci-products FILE), or rename the file to its HS vintage"],
  negative: (value: string): Msg => [`negative trade value ${value}`, 'trade values cannot be negative'],
  duplicate: (key: string): Msg => [`duplicate BACI row ${key}`, 'a BACI release has one row per year, exporter, importer and product; the file was concatenated or corrupted — remove the repeated rows'],
  fieldCount: (got: number): Msg => [`BACI row has ${got} fields, expected 6 (t,i,j,k,v,q)`, 'the file is cut or corrupted; download the release again'],
  fieldTooLong: (limit: number): Msg => [`a field is longer than ${limit} characters (an unbalanced quote?)`, 'a stray double quote makes the rest of the file one field; fix the quote on this line'],
  strayQuote: (): Msg => ['a double quote in a BACI row (BACI has no quoted fields)', 'a stray quote or a corrupted line; fix or remove it'],
  engineFormat: (engine: string, file: string): Msg => [`--engine ${engine} cannot read ${file}`, 'Parquet files need --engine duckdb or auto; other formats are read by linkage itself'],
};

/** Warnings (printed as `linkage: warning: …` and listed in the results' `warnings`). */
export const warning = {
  editionMix: (indicator: string, group: string, year: number, edition: string, mix: string[]): string =>
    `${indicator} ${group} ${year} mixes editions although --edition ${edition} was asked: ${mix.join('; ')} (the preferred edition has no value for the others)`,
  hsBreak: (group: string, from: string, to: string, changes: string[]): string =>
    `product group ${group} is read as reported in each year's HS vintage, and the content of its codes changed between ${from} and ${to} (a break in the series): ${changes.slice(0, 4).join('; ')}${changes.length > 4 ? `; and ${changes.length - 4} more` : ''}`,
  domainKept: (file: string, n: number, measure: string, note: string, at: string[]): string =>
    `${file}: ${n} ${measure} value(s) outside the usual domain kept as published (${note}): ${at.slice(0, 5).join(', ')}${at.length > 5 ? ', …' : ''}`,
  hsNoTable: (group: string, a: string, b: string): string =>
    `product group ${group} mixes ${a} and ${b} rows; linkage has no correlation table between them to check for breaks in the series`,
};

/** Messages of `linkage fetch`, `linkage cache` and `--fetch` (src/fetch/). */
export const fetchMsg = {
  badQuery: (spec: string): Msg => [`cannot read fetch query "${spec}"`, 'write API:ID with API one of oecd, worldbank, imf, comtrade, baci, wipo, e.g. `linkage fetch worldbank:BX.GSR.ROYL.CD --key "CHN;JPN;KOR" --years 2017`, or `linkage fetch --for INDICATOR`'],
  badYears: (spec: string): Msg => [`cannot read years "${spec}"`, 'write YYYY or YYYY-YYYY (e.g. --years 2015-2019)'],
  noApi: (api: string): Msg => [`linkage cannot download from ${api} yet`, 'download the file by hand and give it with --input'],
  notCached: (query: string, command: string): Msg => [`${query} is not in the download cache`, `run \`${command}\` first (or add --fetch instead of --offline)`],
  notFound: (api: string, url: string, body: string): Msg => [
    /NoRecordsFound|NoResultsFound/i.test(body) ? `${api} has no data for this query (HTTP 404 ${/NoResultsFound/i.test(body) ? 'NoResultsFound' : 'NoRecordsFound'}): ${url}` : `${api} answered HTTP 404${body ? ` (${body.slice(0, 100)})` : ''}: ${url}`,
    'check the dataflow or indicator id, the key and the years; `linkage fetch --for INDICATOR` builds the query from an indicator',
  ],
  httpStatus: (api: string, status: number, url: string, body: string): Msg => [`${api} answered HTTP ${status}${body ? ` (${body.slice(0, 120)})` : ''}: ${url}`, status === 401 || status === 403 ? 'the service refused the request: check COMTRADE_API_KEY (Comtrade) or your network (OECD refuses VPN and anonymised traffic)' : 'the query is not valid for this API: check the id, the key (one position per dimension, in DSD order) and the years'],
  gaveUp: (api: string, url: string, attempts: number, last: string): Msg => [`cannot download from ${api} after ${attempts} attempts: ${last} (${url})`, 'the service is busy or unreachable: try again later; completed parts are kept and the next run resumes; HTTPS_PROXY/NO_PROXY are honoured'],
  waitTooLong: (api: string, seconds: number, url: string): Msg => [`${api} asks to wait ${seconds} s before the next request (${url})`, 'try again later; completed parts are kept and the next run resumes'],
  retrying: (api: string, why: string, seconds: number, attempt: number, attempts: number): string => `${api}: ${why}; retrying in ${seconds} s (attempt ${attempt + 1} of ${attempts})`,
  rateLimited: (api: string, limit: string, when: string): Msg => [`the ${api} rate limit (${limit}) is used up by earlier requests from this machine`, `try again after ${when} (UTC); what was fetched is cached`],
  waitingForLimit: (api: string, limit: string, seconds: number): string => `waiting ${seconds} s for the ${api} rate limit (${limit})`,
  apiError: (api: string, what: string): Msg => [`${api} refused the query: ${what}`, 'check the indicator or dataflow id and the key'],
  noData: (api: string): Msg => [`${api} has no data for this query`, 'check the countries, the years and the indicator id'],
  badAnswer: (api: string, query: string, why: string): Msg => [`the answer of ${api} to ${query} cannot be used: ${why}`, 'nothing was cached; try again later, and if it persists the API has changed its format (report it)'],
  downloading: (api: string, url: string): string => `fetching ${url} (${api})`,
  notModified: (query: string): string => `${query}: not modified since it was cached (HTTP 304)`,
  noRecipe: (id: string, known: string[]): Msg => [`no fetch recipe for indicator "${id}"`, `recipes exist for: ${known.join(', ')}`],
  noPublicSource: (id: string, why: string): Msg => [`${id} has no public API to fetch from: ${why}`, 'supply the file yourself with --input'],
  needQuery: (): Msg => ['give a query (API:ID) or --for INDICATOR', 'e.g. `linkage fetch --for ip-charges --group CJK --year 2017`'],
  oecdAgency: (id: string, known: string[]): Msg => [`cannot tell the OECD agency of "${id}"`, `write AGENCY,DSD@DF[,VERSION] (e.g. OECD.STI.PIE,DSD_PATENTS@DF_PATENTS_INDICATORS,1.0); linkage knows the agencies of ${known.join(', ')}`],
  recordLimit: (api: string, limit: number, url: string): Msg => [`${api} returned ${limit} records, its per-call limit: rows may be missing (${url})`, 'narrow the query (fewer partners, commodities or years) so each call stays under the limit'],
  baciContents: (archive: string, years: readonly [number, number] | undefined): Msg => [`${archive} holds no ${years ? `data file for ${years[0]}–${years[1]}` : 'data file'} or no country dictionary`, 'check the HS vintage, release and years (each vintage starts in the year it entered into force; e.g. HS17 covers 2017 on)'],
  badCacheAction: (action: string): Msg => [`unknown cache action "${action}"`, 'use `linkage cache ls`, `linkage cache verify` or `linkage cache clear`'],
};
