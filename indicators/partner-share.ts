import { usageError } from '../src/errors.js';
import { msg } from '../src/messages.js';
import type { ComputeRequest, Result } from '../src/model/indicator.js';
import { missingResult, provenanceOf } from '../src/model/indicator.js';
import { membersIn } from '../src/model/groups.js';
import type { CanonicalRow } from '../src/model/types.js';
import { bilateral, tradeOptions, worldTotal } from './trade.js';

/**
 * Share of a partner set in a reporter's imports or exports (import-source-share,
 * export-destination-share). A partner group uses the source's own aggregate row when present
 * (e.g. Comtrade's EU-28, code 97), else the sum of its members of that year (by the group's
 * `joined`/`left` years); every partner must be present.
 */
export function partnerShare(req: ComputeRequest, flow: 'imports' | 'exports', indicator: string): Result[] {
  const o = tradeOptions({ ...req.options, flow }, flow);
  const partners = (req.options.partners ?? '').split(',').map((p) => p.trim().toUpperCase()).filter(Boolean);
  if (partners.length === 0) throw usageError(msg.needsOption(indicator, '--partners ISO3[,ISO3|GROUP...]', '--reporter CHN --partners JPN,KOR'));
  const reporters = req.options.reporter ? req.options.reporter.split(',').map((r) => r.trim().toUpperCase()) : req.geos.filter((g) => g.kind === 'country').map((g) => g.code);
  if (reporters.length === 0) throw usageError(msg.needsOption(indicator, '--reporter ISO3 (or --country)', '--reporter USA'));
  const out: Result[] = [];
  for (const c of reporters) {
    const years = req.years ?? req.table.years([`trade:${flow === 'imports' ? 'M' : 'X'}:${o.products.id}`], [c]).reverse().slice(0, 1);
    for (const year of years) {
      const base = missingResult(indicator, { kind: 'country', code: c }, year, { partner: partners.join('+'), breakdown: o.products.id, detail: { basis: o.basis, flow, products: o.products.label, self_flows: o.includeSelf ? 'included' : 'excluded' } });
      const total = worldTotal(req, o, c, year);
      if (total === undefined) {
        out.push({ ...base, reason: `${c} has no ${flow} of ${o.products.id} with the world for ${year} in the input (the world total comes from the source's world row, never a sum of partners)` });
        continue;
      }
      const rows: CanonicalRow[] = [total];
      const absent: string[] = [];
      const byPartner: Record<string, number> = {};
      const memberships: Record<string, string[]> = {};
      let sum = 0;
      for (const p of partners) {
        const direct = bilateral(req, o, c, p, year);
        const group = direct === undefined ? req.groups?.get(p) : undefined;
        const members = group === undefined ? undefined : membersIn(group, year);
        if (members !== undefined) memberships[p] = members;
        const parts = direct !== undefined ? [direct] : (members ?? [p]).filter((m) => m !== c).map((m) => bilateral(req, o, c, m, year));
        const missing = (members ?? [p]).filter((m, k) => m !== c && parts[k] === undefined);
        if (direct === undefined && (parts.length === 0 || parts.some((x) => x === undefined))) {
          absent.push(members ? `${p} (members ${missing.join(', ')})` : p);
          continue;
        }
        const v = (parts as CanonicalRow[]).reduce((a, r) => a + (r.value as number), 0);
        byPartner[p] = v;
        sum += v;
        rows.push(...(parts as CanonicalRow[]));
      }
      if (absent.length > 0) out.push({ ...base, reason: `no ${flow} of ${c} ${flow === 'imports' ? 'from' : 'to'} ${absent.join(', ')} in ${year} (basis ${o.basis})` });
      else out.push({ ...base, value: (100 * sum) / (total.value as number), status: 'ok', years_used: { [c]: year }, provenance: provenanceOf(rows), detail: { ...base.detail, partners: byPartner, world: total.value, ...(Object.keys(memberships).length > 0 ? { partner_groups_built_from_members: memberships } : {}) } });
    }
  }
  return out;
}
