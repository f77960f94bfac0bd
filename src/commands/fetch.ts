import type { Command } from 'commander';
import { usageError } from '../errors.js';
import { fetchMsg, warning } from '../messages.js';
import { emitWarnings } from './warnings.js';
import { fetchQuery, type FetchMode } from '../fetch/engine.js';
import { queriesFor, selectionOf } from '../fetch/inputs.js';
import { parseQuery } from '../fetch/query.js';
import { wipoSteps } from '../fetch/wipo.js';
import type { Query } from '../fetch/types.js';
import { DEFAULT_GROUPS, makeContext, selectIndicators } from './context.js';
import type { Io } from './io.js';
import { collect, parseFormat, parseOptions } from './options.js';

interface FetchFlags {
  key?: string;
  years?: string;
  for?: string[];
  group?: string[];
  groups?: string[];
  country?: string[];
  year?: string[];
  option?: string[];
  refresh?: boolean;
  offline?: boolean;
  format?: string;
}

/** Where fetch notes go: stderr, one line each. */
export const noteTo = (io: Io) => (text: string) => io.stderr(`linkage: ${text}\n`);

/** The network mode of `fetch` itself: download unless --offline; --refresh re-validates. */
function fetchMode(flags: { refresh?: boolean; offline?: boolean }): FetchMode {
  return flags.offline ? 'offline' : flags.refresh ? 'refresh' : 'fetch';
}

export function registerFetch(program: Command, io: Io): void {
  program
    .command('fetch')
    .argument('[query]', 'API:ID, API one of oecd, worldbank, imf, comtrade, baci, wipo (e.g. worldbank:BX.GSR.ROYL.CD)')
    .description('download from the official APIs into the local cache and print the cached files (which --input accepts)')
    .option('--key <key>', 'the query key: OECD/IMF SDMX key, World Bank countries (CHN;JPN), Comtrade parameters (reporterCode=156&flowCode=M), BACI release (V202501)')
    .option('--years <years>', 'years, YYYY or YYYY-YYYY')
    .option('--for <indicator>', "fetch what an indicator needs for the selection (repeatable; see `linkage indicators`)", collect)
    .option('-g, --group <group>', 'with --for: group code or NAME=ISO3,... (repeatable; default CJK, UFG, UCM)', collect)
    .option('--groups <file>', 'extra groups file (repeatable)', collect)
    .option('-c, --country <iso3>', 'with --for: single economy (repeatable)', collect)
    .option('-y, --year <years>', 'with --for: year or range (repeatable; default all years)', collect)
    .option('--option <key=value>', 'with --for: indicator option, e.g. flow=receipts (repeatable)', collect)
    .option('--refresh', 're-validate cached answers with the server (ETag / Last-Modified; unchanged ones are kept)')
    .option('--offline', 'never touch the network: print what is cached, fail on what is not')
    .option('-f, --format <format>', 'text (one cached file per line) or json (the cache entries)', 'text')
    .addHelpText(
      'after',
      `
Endpoints: LINKAGE_OECD_API, LINKAGE_WORLDBANK_API, LINKAGE_COMTRADE_API, LINKAGE_IMF_API, LINKAGE_BACI_URL;
cache: LINKAGE_CACHE_DIR (default $XDG_CACHE_HOME/linkage or ~/.cache/linkage); Comtrade key: COMTRADE_API_KEY.

Examples:
  $ linkage fetch --for ip-charges --group CJK --year 2017
  $ linkage fetch worldbank:BX.GSR.ROYL.CD --key 'CHN;JPN;KOR' --years 2010-2020
  $ linkage fetch oecd:DSD_PATENTS@DF_PATENTS_INDICATORS --key '9P50_1.A...PRIORITY.CHN+JPN+KOR.....' --years 2015-2019
  $ linkage fetch comtrade:C/A/HS --key 'reporterCode=156&flowCode=M,X&cmdCode=TOTAL' --years 2022
  $ linkage fetch baci:HS17 --key V202401b --years 2017
  $ linkage fetch wipo:gii`,
    )
    .action(async (spec: string | undefined, flags: FetchFlags) => {
      const format = parseFormat(flags.format, ['text', 'json'] as const, 'text');
      let queries: Query[];
      const manual: string[] = [];
      if (spec !== undefined) {
        if ((flags.for ?? []).length > 0) throw usageError(fetchMsg.queryAndFor());
        const q = parseQuery(spec, flags.key, flags.years);
        if (q.api === 'wipo') {
          io.stdout(wipoSteps(q.id));
          return;
        }
        queries = [q];
      } else if ((flags.for ?? []).length > 0) {
        const ids = selectIndicators(flags.for, []).map((i) => i.meta.id);
        const ctx = makeContext(flags.groups);
        const sel = selectionOf(ctx, flags, parseOptions(flags.option), DEFAULT_GROUPS);
        const planned = queriesFor(ids, sel);
        emitWarnings(io, planned.none.map((n) => warning(fetchMsg.noPublicSource(n.id, n.why))));
        manual.push(...planned.manual);
        queries = planned.queries;
      } else {
        throw usageError(fetchMsg.needQuery());
      }
      for (const m of new Set(manual)) io.stdout(wipoSteps(m));
      const got = [];
      for (const q of queries) {
        const r = await fetchQuery(q, { mode: fetchMode(flags), note: noteTo(io) });
        if (r !== undefined) got.push(r);
      }
      if (format === 'json') io.stdout(`${JSON.stringify(got.map((g) => ({ ...g.entry, paths: g.files, from_cache: !g.requested })), null, 2)}\n`);
      else for (const g of got) for (const f of g.files) io.stdout(`${f}\n`);
    });
}
