import { usageError } from '../src/errors.js';
import { msg, reason } from '../src/messages.js';
import type { ComputeRequest, Result } from '../src/model/indicator.js';
import { missingResult, provenanceOf } from '../src/model/indicator.js';
import { geoCodeArg, membersIn } from '../src/model/groups.js';
import type { CanonicalRow } from '../src/model/types.js';
import { annotateProducts, bilateral, tradeOptions, whyNoValue, worldTotal, type TradeOptions } from './trade.js';
import { dict } from '../src/model/dict.js';

/** One partner term of the numerator: a source aggregate row for a whole group, or one economy. */
interface Term {
  /** The partner as written (an economy or a group code). */
  label: string;
  /** The economies it stands for in `year` (a group's members, or the economy itself). */
  economies: string[];
  /** True when the source's own aggregate row for the group is used. */
  aggregate: boolean;
  /** Why the group's own row has no value, when it has a row without one (then the term has no value). */
  unknown?: string;
}

/**
 * The partner set as a list of terms over distinct economies, however it is written: `CJK`,
 * `JPN,KOR,CHN` and `CHN,CJK` name the same set. A group uses the source's own aggregate row only
 * when no other partner overlaps it; otherwise it is expanded to its members and deduplicated.
 */
function partnerTerms(req: ComputeRequest, o: TradeOptions, reporter: string, partners: readonly string[], year: number): Term[] {
  const expand = (p: string) => {
    const g = req.groups?.get(p);
    return g === undefined ? [p] : membersIn(g, year);
  };
  const sets = partners.map((p) => ({ p, economies: expand(p) }));
  const terms: Term[] = [];
  const seen = new Set<string>();
  for (const { p, economies } of sets) {
    const overlaps = sets.some((s) => s.p !== p && s.economies.some((e) => economies.includes(e)));
    const isGroup = req.groups?.get(p) !== undefined;
    // The source's own group row decides when it is there: without a value it is unknown, never
    // replaced by its members' sum (a region's row the source left empty is not what its members add to).
    if (isGroup && !overlaps) {
      const own = bilateral(req, o, reporter, p, year);
      const unknown = own === undefined ? whyNoValue(req, o, reporter, p, year) : undefined;
      if (own !== undefined || unknown !== undefined) {
        terms.push({ label: p, economies, aggregate: true, ...(unknown === undefined ? {} : { unknown }) });
        economies.forEach((e) => seen.add(e));
        continue;
      }
    }
    for (const e of economies) {
      if (seen.has(e)) continue;
      seen.add(e);
      terms.push({ label: e, economies: [e], aggregate: false });
    }
  }
  return terms;
}

/**
 * The self-flow F[c→c] under the one rule shared with the denominator ({@link worldTotal}): with
 * self-flows included it counts wherever the reporter is in the partner set (absent = none
 * recorded = 0, exactly as the world total keeps it); excluded, it counts nowhere.
 */
function selfFlow(req: ComputeRequest, o: TradeOptions, c: string, year: number, total: CanonicalRow): CanonicalRow | null {
  if (!o.includeSelf) return null;
  // From the world total's own input: another source's re-imports say nothing about that total.
  return bilateral(req, o, c, c, year, total.provenance.file) ?? null;
}

/**
 * Share of a partner set in a reporter's imports or exports (import-source-share,
 * export-destination-share). A partner group uses the source's own aggregate row when present
 * (e.g. Comtrade's EU-28, code 97) — when that row has no value the share is missing with the
 * reason, not its members' sum — else the sum of its members of that year (by the group's
 * `joined`/`left` years); every partner must be present. Self-flows follow one rule in numerator
 * and denominator: out of both unless `--include-self`, then in both.
 */
export function partnerShare(req: ComputeRequest, flow: 'imports' | 'exports', indicator: string): Result[] {
  const o = tradeOptions({ ...req.options, flow }, flow);
  const partners = [...new Set((req.options.partners ?? '').split(',').filter((p) => p.trim() !== '').map((p) => geoCodeArg(req.groups, p)))];
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
        const why = whyNoValue(req, o, c, 'WLD', year);
        out.push({ ...base, reason: `${c} has no ${flow} of ${o.products.id} with the world for ${year} in the input (${why ?? "the world total comes from the source's world row, never a sum of partners"})` });
        continue;
      }
      if (!((total.value as number) > 0) || !Number.isFinite(total.value)) {
        out.push({ ...base, reason: reason.worldTotalZero(c, flow, o.products.id, year, o.includeSelf, total.value) });
        continue;
      }
      const rows: CanonicalRow[] = [total];
      const absent: string[] = [];
      const byPartner = dict<number>();
      const memberships = dict<string[]>();
      const self = selfFlow(req, o, c, year, total);
      let sum = 0;
      for (const t of partnerTerms(req, o, c, partners, year)) {
        if (t.unknown !== undefined) {
          absent.push(`${t.label} (${reason.groupRowNoValue(t.label, t.unknown)})`);
          continue;
        }
        if (t.aggregate) {
          const agg = bilateral(req, o, c, t.label, year) as CanonicalRow;
          // The source's group row holds c's self-flow like its world row does: same rule as the denominator.
          const selfIn = t.economies.includes(c) && !o.includeSelf ? bilateral(req, o, c, c, year, agg.provenance.file) : undefined;
          const v = (agg.value as number) - ((selfIn?.value as number | undefined) ?? 0);
          byPartner[t.label] = v;
          sum += v;
          rows.push(agg, ...(selfIn ? [selfIn] : []));
          continue;
        }
        const e = t.label;
        const why = () => whyNoValue(req, o, c, e, year);
        if (e === c) {
          // Absent is no self-flow recorded; a self-flow without a value is not known.
          const unknown = self === null && o.includeSelf ? why() : undefined;
          if (unknown !== undefined) {
            absent.push(`${e} (${unknown})`);
            continue;
          }
          byPartner[e] = self?.value ?? 0;
          sum += self?.value ?? 0;
          if (self) rows.push(self);
          continue;
        }
        const f = bilateral(req, o, c, e, year);
        if (f === undefined) {
          const unknown = why();
          absent.push(unknown === undefined ? e : `${e} (${unknown})`);
          continue;
        }
        byPartner[e] = f.value as number;
        sum += f.value as number;
        rows.push(f);
      }
      for (const p of partners) {
        const g = req.groups?.get(p);
        if (g !== undefined && byPartner[p] === undefined) memberships[p] = membersIn(g, year);
      }
      if (absent.length > 0) out.push({ ...base, reason: `no ${flow} of ${c} ${flow === 'imports' ? 'from' : 'to'} ${absent.join(', ')} in ${year} (basis ${o.basis})` });
      else
        out.push({
          ...base,
          value: (100 * sum) / (total.value as number),
          status: 'ok',
          years_used: { [c]: year },
          provenance: provenanceOf(rows),
          detail: { ...base.detail, partners: byPartner, world: total.value, ...(Object.keys(memberships).length > 0 ? { partner_groups_built_from_members: memberships } : {}) },
        });
    }
  }
  return annotateProducts(req, o, out);
}
