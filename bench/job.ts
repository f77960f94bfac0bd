/**
 * The benchmark's job (issue 8): for the chosen years, every ladder indicator (intra share,
 * intensity, homogeneous intensities, introversion) for exports, imports and total, for CJK, UFG,
 * UCM and every group of data/groups.json; and the high-tech import-source shares of the nine
 * economies (partners: CJK). As one linkage CLI call (and as the four calls of earlier versions),
 * and how their JSON becomes comparable answers.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../src/paths.js';
import type { Answers, Flow } from './ladder.js';

/** Every group of data/groups.json (CJK, UFG, UCM first), code → members. */
export function jobGroups(): Record<string, string[]> {
  const g = (JSON.parse(readFileSync(dataPath('groups.json'), 'utf8')) as { groups: Record<string, { members: string[] }> }).groups;
  return Object.fromEntries(Object.entries(g).map(([code, v]) => [code, v.members]));
}

/** The nine economies of CJK, UFG and UCM. */
export const NINE = ['CHN', 'JPN', 'KOR', 'GBR', 'FRA', 'DEU', 'USA', 'CAN', 'MEX'] as const;
/** The partner set of the import-source shares. */
export const PARTNER_GROUP = 'CJK';
export const FLOWS: readonly Flow[] = ['exports', 'imports', 'total'];
const LADDER = ['trade-intra-share', 'trade-intensity', 'trade-introversion'];

function common(input: string, years: string, engine: 'auto' | 'js' | 'duckdb'): string[] {
  return ['compute', '--input', input, '--no-sample', '--year', years, '--format', 'json', '--quiet', ...(engine === 'auto' ? [] : ['--engine', engine])];
}

/**
 * The whole job as ONE linkage CLI call (arguments after `linkage`): the ladder indicators and the
 * import-source shares, every flow, all and high-tech products, every group without members (the
 * ladder's geographies) and the nine economies (the shares' reporters; --partners is read by the
 * shares only). It also answers the ladder for high-tech products and the shares for all products,
 * which the job does not ask for (not compared).
 */
export function linkageCall(input: string, years: string, engine: 'auto' | 'js' | 'duckdb'): string[] {
  return [
    ...common(input, years, engine),
    ...[...LADDER, 'import-source-share'].flatMap((i) => ['--indicator', i]),
    '--flow', FLOWS.join(','), '--products', 'TOTAL', '--products', 'hightech',
    ...Object.keys(jobGroups()).flatMap((g) => ['--group', g]), '--no-members',
    ...NINE.flatMap((c) => ['--country', c]), '--partners', PARTNER_GROUP,
  ];
}

/** The job as the four calls of earlier versions (one per flow, then the high-tech shares), kept for comparison. */
export function linkageFourCalls(input: string, years: string, engine: 'auto' | 'js' | 'duckdb'): string[][] {
  const groups = Object.keys(jobGroups()).flatMap((g) => ['--group', g]);
  return [
    ...FLOWS.map((flow) => [...common(input, years, engine), ...LADDER.flatMap((i) => ['--indicator', i]), ...groups, '--no-members', '--flow', flow]),
    [...common(input, years, engine), '--indicator', 'import-source-share', '--products', 'hightech', ...NINE.flatMap((c) => ['--country', c]), '--partners', PARTNER_GROUP],
  ];
}

interface JsonResult {
  indicator: string;
  geo: string;
  breakdown: string | null;
  year: number;
  value: number | null;
  status: string;
  detail?: Record<string, unknown>;
}

const num = (v: unknown) => (typeof v === 'number' ? v : null);

/**
 * Add one linkage call's JSON output to `out`, each result keyed by its breakdown: the ladder of
 * all products (`exports TOTAL`, …) and the high-tech shares (`hightech`, flow imports) are the
 * job's answers; other series (the ladder of high-tech products, the shares of all products) are
 * not. A key written twice with different numbers is a mismatch.
 */
export function linkageAnswers(json: string, out: Answers, problems: string[]): void {
  const set = (key: string, v: number | null) => {
    const had = out.get(key);
    if (had !== undefined && had !== v) problems.push(`${key}: linkage gives ${String(had)} and ${String(v)}`);
    out.set(key, v);
  };
  for (const r of (JSON.parse(json) as { results: JsonResult[] }).results) {
    const ok = r.status === 'ok';
    if (r.indicator === 'import-source-share') {
      if (r.breakdown === 'hightech') set(`import-source-share|${r.year}|imports|${r.geo}|value`, ok ? r.value : null);
      continue;
    }
    const flow = /^(exports|imports|total) TOTAL$/.exec(r.breakdown ?? '')?.[1];
    if (flow === undefined) continue;
    const base = `${r.year}|${flow}|${r.geo}`;
    if (r.indicator === 'trade-intra-share') set(`ladder|${base}|share`, ok ? r.value : null);
    else if (r.indicator === 'trade-intensity') set(`ladder|${base}|intensity`, ok ? r.value : null);
    else if (r.indicator === 'trade-introversion') {
      for (const f of ['share', 'world_weight', 'intensity', 'homogeneous_intra', 'homogeneous_extra', 'introversion']) set(`ladder|${base}|${f}`, ok ? num(r.detail?.[f]) : null);
    }
  }
}
