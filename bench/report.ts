/** bench/results.md and the printed table, from the measured medians. */

export interface Scenario {
  name: string;
  bytes: number;
  /** Answers compared (ladder fields and shares) and how many have a value. */
  answers: number;
  answered: number;
  engines: { engine: string; seconds: number; rssMb: number; runs: number }[];
}

export interface Machine {
  cpu: string;
  cores: number;
  memGb: number;
  node: string;
  load0: number[];
  load1: number[];
  pandas: boolean;
  runs: number;
  quick: boolean;
  seconds: number;
}

const LABEL: Record<string, string> = {
  auto: 'linkage (auto)',
  js: 'linkage --engine js',
  duckdb: 'linkage --engine duckdb',
  four: 'linkage (auto), the job as four calls (one per flow, then the shares)',
  cached: 'linkage (auto), cached re-run',
  sql: 'DuckDB SQL (hand-written)',
  pandas: 'pandas',
  floor: 'read floor (bytes only)',
  'one-js': 'one question, --engine js (1 call)',
  'one-duckdb': 'one question, --engine duckdb (1 call)',
};

const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');

function table(s: Scenario): string {
  const sql = s.engines.find((e) => e.engine === 'sql')?.seconds ?? Number.NaN;
  const pandas = s.engines.find((e) => e.engine === 'pandas')?.seconds ?? Number.NaN;
  const lines = [`| engine | median s | × DuckDB SQL | pandas ÷ engine | peak RSS MB | runs |`, '|---|---|---|---|---|---|'];
  for (const e of s.engines) lines.push(`| ${LABEL[e.engine] ?? e.engine} | ${f2(e.seconds)} | ${f2(e.seconds / sql)} | ${f2(pandas / e.seconds)} | ${e.rssMb > 0 ? e.rssMb.toFixed(0) : '–'} | ${e.runs} |`);
  return lines.join('\n');
}

const get = (s: Scenario | undefined, e: string) => s?.engines.find((x) => x.engine === e);

type Row = Scenario['engines'][number] | undefined;

/**
 * Where the 10 M-row job's time goes, written from the measured medians (never a fixed verdict):
 * the scan (the one-question row: one call, one scan, no cache), the rest (the cached re-run: the
 * same call without a scan), and what the one call saves over four.
 */
function explain(x: { auto10: Row; sql10: Row; pandas10: Row; cached10: Row; four10: Row; one10: Row; node: number; plain: number; computeHelp: number; compute: number }): string[] {
  const { auto10, sql10, pandas10, cached10, four10, one10 } = x;
  if (auto10 === undefined || sql10 === undefined) return ['- The 10 M-row year was not measured in this run (\`--quick\`).'];
  const s = (r: Row) => `${f2(r?.seconds ?? NaN)} s`;
  const out: string[] = [];
  const ratio = auto10.seconds / sql10.seconds;
  const rest = cached10 === undefined ? undefined : auto10.seconds - cached10.seconds;
  out.push(
    `- **linkage ≤ 1.1 × DuckDB SQL**: ${ratio <= 1.1 ? 'met' : 'missed'} — the job in one call took ${s(auto10)} against DuckDB SQL's ${s(sql10)} (${f2(ratio)} ×).` +
      (cached10 !== undefined && rest !== undefined ? ` The same call reading the cache took ${s(cached10)} (start-up, dictionaries, the cached sums, the indicators), so scanning and hashing the file is about ${f2(rest)} s of the job.` : '') +
      (one10 !== undefined ? ` One question with one scan and no cache (\`--engine js\`) took ${s(one10)}.` : ''),
  );
  if (pandas10 !== undefined) {
    const p = pandas10.seconds / auto10.seconds;
    out.push(`- **≥ 1.8 × faster than pandas**: ${p >= 1.8 ? 'met' : 'missed'} — pandas ${s(pandas10)}, linkage ${s(auto10)}: ${f2(p)} × faster.`);
  }
  if (cached10 !== undefined) {
    const c = cached10.seconds / sql10.seconds;
    out.push(
      `- **cached re-run ≤ 0.1 × DuckDB SQL** (${f2(0.1 * sql10.seconds)} s here): ${c <= 0.1 ? 'met' : 'missed'} — ${s(cached10)} (${f2(c)} ×), one process; \`node -e 0\` alone took ${f2(x.node)} s` +
        (Number.isFinite(x.plain) ? ` (${f2(x.plain)} s without the NODE_EXTRA_CA_CERTS file this machine sets for every Node process, DuckDB SQL's included)` : '') +
        `, \`linkage compute --help\` (Node, commander and the compute command's modules loaded, nothing read) ${f2(x.computeHelp)} s` +
        ` and \`linkage compute\` on the embedded sample ${f2(x.compute)} s in this run.` +
        (c > 0.1 && x.computeHelp > 0.1 * sql10.seconds ? ' Loading the compute command alone takes longer than the target here: Node 20 has no code cache for ES modules (\`module.enableCompileCache\` arrives in Node 22), so every run compiles the modules again.' : ''),
    );
  }
  if (four10 !== undefined) {
    out.push(`- **One call instead of four**: the job as the four calls of earlier versions took ${s(four10)} (${f2(four10.seconds / sql10.seconds)} × DuckDB SQL), as one call ${s(auto10)}: ${f2(four10.seconds - auto10.seconds)} s ${four10.seconds >= auto10.seconds ? 'saved' : 'lost'} by asking once.`);
  }
  return out;
}

/** The results file (Markdown) and the table printed at the end of `npm run bench`. */
export function renderResults(m: Machine, startup: Scenario['engines'], scenarios: Scenario[], mismatches: string[]): { markdown: string; table: string } {
  const ten = scenarios.find((s) => s.name.startsWith('10 M'));
  const five = scenarios.find((s) => s.name.includes('years'));
  const st = (w: string) => startup.find((s) => s.engine === w)?.seconds ?? Number.NaN;
  const auto10 = get(ten, 'auto');
  const sql10 = get(ten, 'sql');
  const pandas10 = get(ten, 'pandas');
  const cached10 = get(ten, 'cached');
  const auto5 = get(five, 'auto');
  const four10 = get(ten, 'four');
  const one10 = get(ten, 'one-js');
  const verdict = (ok: boolean | undefined) => (ok === undefined ? 'not measured' : ok ? '**met**' : '**missed**');
  const targets: [string, string, boolean | undefined][] = [
    ['linkage ≤ 1.1 × DuckDB SQL (10 M rows)', `${f2((auto10?.seconds ?? NaN) / (sql10?.seconds ?? NaN))} ×`, auto10 && sql10 ? auto10.seconds <= 1.1 * sql10.seconds : undefined],
    ['linkage ≥ 1.8 × faster than pandas (10 M rows)', pandas10 ? `${f2(pandas10.seconds / (auto10?.seconds ?? NaN))} ×` : 'pandas absent', auto10 && pandas10 ? pandas10.seconds >= 1.8 * auto10.seconds : undefined],
    ['peak RSS ≤ 0.5 GB (10 M rows)', `${auto10?.rssMb.toFixed(0) ?? '–'} MB`, auto10 ? auto10.rssMb <= 512 : undefined],
    ['cached re-run ≤ 0.1 × DuckDB SQL (10 M rows)', `${f2((cached10?.seconds ?? NaN) / (sql10?.seconds ?? NaN))} ×`, cached10 && sql10 ? cached10.seconds <= 0.1 * sql10.seconds : undefined],
    ['5-year folder ≤ 5.5 × one year', `${f2((auto5?.seconds ?? NaN) / (auto10?.seconds ?? NaN))} ×`, auto5 && auto10 ? auto5.seconds <= 5.5 * auto10.seconds : undefined],
    ['5-year folder: flat memory (peak RSS ≤ 1.25 × one year)', `${auto5?.rssMb.toFixed(0) ?? '–'} MB vs ${auto10?.rssMb.toFixed(0) ?? '–'} MB`, auto5 && auto10 ? auto5.rssMb <= 1.25 * auto10.rssMb : undefined],
    ['`linkage --help` ≤ 0.3 s above `node -e 0`', `+${f2(st('help') - st('node'))} s`, Number.isFinite(st('help')) ? st('help') - st('node') <= 0.3 : undefined],
  ];
  const explanations = explain({ auto10, sql10, pandas10, cached10, four10, one10, node: st('node'), plain: st('node-plain'), computeHelp: st('compute-help'), compute: st('compute') });
  const scaling = ['auto', 'js', 'sql', 'pandas', 'floor']
    .map((e) => {
      const xs = scenarios.filter((s) => !s.name.includes('years')).map((s) => get(s, e)?.seconds);
      return xs.every((x) => x !== undefined) ? `| ${LABEL[e]} | ${xs.map((x) => f2(x as number)).join(' | ')} |` : '';
    })
    .filter(Boolean);
  const sizes = scenarios.filter((s) => !s.name.includes('years'));
  const main = [ten, five].filter((s): s is Scenario => s !== undefined);
  const printed = [
    ...(main.length > 0 ? main : scenarios).map((s) => `${s.name} (${(s.bytes / 1e6).toFixed(0)} MB)\n${table(s)}`),
    `start-up: node -e 0 ${f2(st('node'))} s, linkage --help ${f2(st('help'))} s, linkage compute --help ${f2(st('compute-help'))} s, linkage compute (embedded sample) ${f2(st('compute'))} s`,
    `targets:\n${targets.map(([t, v, ok]) => `- ${t}: ${v} — ${verdict(ok)}`).join('\n')}`,
    `answers: ${mismatches.length === 0 ? 'every engine agrees with DuckDB SQL' : `MISMATCH (${mismatches.length})`}`,
  ].join('\n\n');
  const markdown = `# Benchmark results (\`npm run bench\`)

Written by bench/run.ts — do not edit by hand; re-run \`npm run bench\`. The files are SYNTHETIC
BACI years in the real layout (bench/generate.ts: the real V202301 country and HS17 product lists,
Zipf-sized economies, log-uniform values); not CEPII figures.

## Machine

- CPU: ${m.cpu}, ${m.cores} cores available, ${m.memGb.toFixed(0)} GB memory; Node ${m.node}; pandas ${m.pandas ? 'present' : 'absent (skipped)'}
- load average (1/5/15 min) before: ${load(m.load0)}; after: ${load(m.load1)} — the machine is shared, so ratios within a run are the figures to compare
- ${m.runs} runs per engine, alternating (the order rotates each round); medians; the whole bench took ${m.seconds.toFixed(0)} s

## The job

For one year (2018): the trade ladder (intra share, world weight, intensity, homogeneous intra and
extra intensities, introversion) for exports, imports and total, for every group of
data/groups.json (CJK, UFG, UCM, USMCA, EU27, EU28, ASEAN, RCEP, G7, OECD); and the high-tech
(\`--products hightech\`) import-source shares of the nine CJK/UFG/UCM economies from CJK. The same
over the five-year folder. linkage runs as its real CLI, the whole job in ONE call:
\`node dist/src/cli.js compute --input FILE --no-sample --year 2018 --format json --quiet
--indicator trade-intra-share --indicator trade-intensity --indicator trade-introversion
--indicator import-source-share --flow exports,imports,total --products TOTAL --products hightech
--group CJK … --group OECD --no-members --country CHN … --country MEX --partners CJK\` (the ladder
indicators compute for the groups, the shares for the nine countries; \`--partners\` is read by the
shares only). That call scans each file once, summing all and high-tech products (and HS 84–85, as
every cached scan does) in one pass, and also answers the ladder for high-tech products and the
shares for all products, which the job does not ask for and which are not compared. Each job
starts with an empty aggregate cache; \`--engine js\` runs the same way (its scan is the byte
scanner, as \`auto\` chooses for CSV). The cached re-run is the same call again with the cache the
\`auto\` runs left. For continuity, the one-year files also run the job as the four calls of
earlier versions (one per flow, then the shares: the first scans, the other three read the cache).
DuckDB SQL (bench/sql-child.ts, @duckdb/node-api) and pandas
(bench/pandas_job.py) do the heavy part — one pass summing all and high-tech products per year ×
exporter × importer — and bench/ladder.ts computes the indicators from their sums, independently
of linkage's code. Times are wall-clock from the parent, start-up included for every engine. Peak
RSS is each process's own (process.resourceUsage, getrusage; for the four calls, the most of them).

Answers compared: ${scenarios.map((s) => `${s.name}: ${s.answers} (${s.answered} with a value)`).join('; ')}.
${mismatches.length === 0 ? 'Every engine agrees with DuckDB SQL on every answer (relative tolerance 1e-9).' : `**MISMATCH**:\n\n\`\`\`\n${mismatches.join('\n')}\n\`\`\``}

## Results

${scenarios.map((s) => `### ${s.name} (${(s.bytes / 1e6).toFixed(0)} MB)\n\n${table(s)}`).join('\n\n')}

The five-year folder runs linkage (auto), DuckDB SQL and the read floor only: with every engine it
would not fit \`npm run bench\` in 10 minutes on 2 cores.

### Scaling (median s)

| engine | ${sizes.map((s) => s.name.replace(', one year', '')).join(' | ')} |
|---|${sizes.map(() => '---|').join('')}
${scaling.join('\n')}

### Start-up (median of ${startup[0]?.runs ?? 0})

| command | s |
|---|---|
| \`node -e 0\` | ${f2(st('node'))} |${Number.isFinite(st('node-plain')) ? `\n| \`node -e 0\` without NODE_EXTRA_CA_CERTS (set on this machine) | ${f2(st('node-plain'))} |` : ''}
| \`linkage --help\` | ${f2(st('help'))} |
| \`linkage compute --help\` (the compute command loaded, nothing read) | ${f2(st('compute-help'))} |
| \`linkage compute\` (embedded sample) | ${f2(st('compute'))} |

## Targets (issue 8, on the 10 M-row year)

| target | measured | |
|---|---|---|
${targets.map(([t, v, ok]) => `| ${t} | ${v} | ${verdict(ok)} |`).join('\n')}

## Targets explained, and the engine rule

- **\`auto\` picks the byte scanner for every CSV and DuckDB for Parquet** (src/engine/index.ts).
  Measured on the 10 M-row file (\`compute --indicator trade-introversion --group CJK --no-cache\`,
  medians of alternating runs, load 1.9–3.4): the scanner 1.52 s wall, 2.5 s CPU, 185 MB; the
  DuckDB engine with every check 3.01 s, 5.4 s CPU, 269 MB (7.73 s, 11.5 s CPU and 1.07 GB before
  this round: its join built its hash table on the file instead of the product list, and
  \`count(distinct k)\` kept an entry per row; now the product list is the build side and a bit
  string per t,i,j cell finds repeated keys). The scanner still wins on a CSV on 2 cores, so
  \`auto\` never uses DuckDB for one; Parquet, which only DuckDB reads, pays DuckDB's cost.
${explanations.join('\n')}
- **\`linkage --help\`**: the CLI loads only the module of the command that runs
  (src/commands/list.ts registers the others by name and description), and vega, vega-lite, resvg,
  arquero, DuckDB, ajv and undici load only where they are used; \`--help\` loads commander and the
  command list. \`linkage compute\` on the embedded sample also reads and checks the sample's files.
`;
  return { markdown, table: printed };
}
