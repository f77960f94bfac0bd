/**
 * The benchmark's job (issue 8): for the chosen years, every ladder indicator (intra share,
 * intensity, homogeneous intensities, introversion) for exports, imports and total, for CJK, UFG,
 * UCM and every group of data/groups.json; and the high-tech import-source shares of the nine
 * economies (partners: CJK). As linkage CLI calls, and how their JSON becomes comparable answers.
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

/** The linkage CLI calls of the job (arguments after `linkage`): one per flow, then the high-tech shares. */
export function linkageCalls(input: string, years: string, engine: 'auto' | 'js' | 'duckdb'): { flow: Flow; args: string[] }[] {
  const common = ['compute', '--input', input, '--no-sample', '--year', years, '--format', 'json', '--quiet', ...(engine === 'auto' ? [] : ['--engine', engine])];
  const groups = Object.keys(jobGroups()).flatMap((g) => ['--group', g]);
  return [
    ...FLOWS.map((flow) => ({ flow, args: [...common, ...LADDER.flatMap((i) => ['--indicator', i]), ...groups, '--no-members', '--flow', flow] })),
    { flow: 'imports' as const, args: [...common, '--indicator', 'import-source-share', '--products', 'hightech', ...NINE.flatMap((c) => ['--country', c]), '--partners', PARTNER_GROUP] },
  ];
}

interface JsonResult {
  indicator: string;
  geo: string;
  year: number;
  value: number | null;
  status: string;
  detail?: Record<string, unknown>;
}

const num = (v: unknown) => (typeof v === 'number' ? v : null);

/** Add one linkage call's JSON output to `out`; a key written twice with different numbers is a mismatch. */
export function linkageAnswers(json: string, flow: Flow, out: Answers, problems: string[]): void {
  const set = (key: string, v: number | null) => {
    const had = out.get(key);
    if (had !== undefined && had !== v) problems.push(`${key}: linkage gives ${String(had)} and ${String(v)}`);
    out.set(key, v);
  };
  for (const r of (JSON.parse(json) as { results: JsonResult[] }).results) {
    const ok = r.status === 'ok';
    const base = `${r.year}|${flow}|${r.geo}`;
    if (r.indicator === 'import-source-share') set(`import-source-share|${base}|value`, ok ? r.value : null);
    else if (r.indicator === 'trade-intra-share') set(`ladder|${base}|share`, ok ? r.value : null);
    else if (r.indicator === 'trade-intensity') set(`ladder|${base}|intensity`, ok ? r.value : null);
    else if (r.indicator === 'trade-introversion') {
      for (const f of ['share', 'world_weight', 'intensity', 'homogeneous_intra', 'homogeneous_extra', 'introversion']) set(`ladder|${base}|${f}`, ok ? num(r.detail?.[f]) : null);
    }
  }
}
