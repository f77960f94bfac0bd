import { cachedGroups, scanTradeMatrix, type EngineName, type TradeKind, type TradeScanOptions } from '../engine/index.js';
import { usedCodes } from '../engine/matrix.js';
import { baciNames } from '../engine/release.js';
import { provenanceLabel } from '../render/labels.js';
import { scanCoverage } from '../trade/plan.js';
import { resolveProducts, vintageName } from '../trade/products.js';
import { makeContext } from './context.js';
import { describeMeasure, readersOf } from './reads.js';

/** How many examples of economies and product codes a summary names. */
const EXAMPLES = 8;

/** A summarised measure of a BACI file: one per flow, standing for its measures by product code. */
export interface BaciMeasure {
  /** `trade:X:H5:<code>`: the pattern of the flow's measures, one per product code. */
  measure: string;
  rows: number;
  codes: number;
  description: string | null;
  canonical: true;
  read_by: string[];
}

/** One product group of the scan in one year: the world total of its trade, the pairs and the codes that fell in it. */
export interface BaciGroupYear {
  group: string;
  label: string;
  year: number;
  /** Sum of every exporter → importer cell (US$); null when no row fell in the group. */
  world_usd: number | null;
  pairs: number;
  codes_present: number;
}

/**
 * Describe a BACI file (CSV or Parquet) from one scan by the engines compute uses (and its
 * aggregate cache): memory bounded by the matrix, whatever the file's size. What the per-row
 * description listed by product code (some 10,000 measures) is summarised: counts of economies and
 * product codes with a few examples, the product groups scanned and their world totals by year.
 */
export async function inspectBaci(file: string, kind: TradeKind, opts: { engine: EngineName; cache: boolean; progress?: TradeScanOptions['progress'] }) {
  const ctx = makeContext();
  // The groups of compute's cached scan for TOTAL: inspect and compute share one cache entry.
  const groups = cachedGroups([resolveProducts('TOTAL')], baciNames(file));
  const { loaded, matrix, release } = await scanTradeMatrix(file, file, kind, { groups, engine: opts.engine, countries: ctx.countries, cache: opts.cache, ...(opts.progress ? { progress: opts.progress } : {}) });
  const n = matrix.geos.length;
  const years = [...matrix.sums.keys()].sort((a, b) => a - b);
  const exporters = new Set<string>();
  const importers = new Set<string>();
  const codes = new Set<string>();
  const byYear: BaciGroupYear[] = [];
  for (const year of years) {
    const { present, used } = matrix.year(year);
    const yearCodes = usedCodes(used);
    for (const c of yearCodes) codes.add(c);
    matrix.groups.forEach((group, g) => {
      const block = present.subarray(g * n * n, (g + 1) * n * n);
      const m = matrix.groupMargins(year, g);
      let pairs = 0;
      for (let at = 0; at < block.length; at++) {
        if (block[at] !== 1) continue;
        pairs++;
        // Exporters and importers from the cells of all products (a margin of 0 is an economy active in the year without a cell).
        if (group.kind === 'total') {
          exporters.add(matrix.geos[Math.floor(at / n)] as string);
          importers.add(matrix.geos[at % n] as string);
        }
      }
      byYear.push({ group: group.id, label: group.label, year, world_usd: Number.isNaN(m.world) ? null : m.world, pairs, codes_present: scanCoverage(group, yearCodes).present.length });
    });
  }
  const economies = [...new Set([...exporters, ...importers])].sort();
  const { filtered: _filtered, ...summary } = loaded.summary;
  const product = [...codes].sort();
  const rowsPerFlow = summary.rows / 2;
  const measures: BaciMeasure[] = ['X', 'M'].map((flow) => {
    const total = `trade:${flow}:${release.cls}:TOTAL`;
    const what = describeMeasure(total)?.replace(/all products/, 'one measure per product code');
    return { measure: `trade:${flow}:${release.cls}:<code>`, rows: rowsPerFlow, codes: product.length, description: what ?? null, canonical: true, read_by: readersOf(total) };
  });
  return {
    ...summary,
    edition: summary.edition === 'unknown' || summary.edition === '' ? null : summary.edition,
    /** Where the product codes are checked: the release's product list, linkage's HS2017 list, or null (none: not checked). */
    product_list: release.products === undefined ? null : release.productsName === 'HS2017' ? "linkage's HS2017 list" : release.productsName,
    row_sources: loaded.source === undefined ? [] : [provenanceLabel(loaded.source.provenance)],
    missing_values: 0,
    years: years.length > 0 ? [years[0] as number, years[years.length - 1] as number] : [],
    /** Economies with a row as exporter or importer: each is both a reporter and a partner of the rows. */
    geos: economies,
    partners: economies,
    exporters: exporters.size,
    importers: importers.size,
    products: { classification: vintageName(release.cls), codes: product.length, examples: product.slice(0, EXAMPLES) },
    measures,
    groups: byYear,
  };
}

export type InspectedBaci = Awaited<ReturnType<typeof inspectBaci>>;

const ENGINES: Readonly<Record<string, string>> = { js: 'read by the byte scanner', duckdb: 'read by DuckDB', cache: 'sums from the aggregate cache' };

/** "211 (205 exporting, 209 importing): ABW AFG … and 203 more". */
function economiesFact(info: InspectedBaci): string {
  const more = info.geos.length > EXAMPLES ? ` … and ${(info.geos.length - EXAMPLES).toLocaleString('en')} more (all in --format json)` : '';
  return `${info.geos.length} (${info.exporters} exporting, ${info.importers} importing): ${info.geos.slice(0, EXAMPLES).join(' ')}${more}`;
}

/** The facts of a BACI file, one table row each: what it is, what was read, what it holds. */
export function baciFacts(info: InspectedBaci, rowsFact: string, editionFact: string): string[][] {
  const n = (x: number) => x.toLocaleString('en');
  const p = info.products;
  return [
    ['file', info.file],
    ['sha256', info.sha256],
    ['format', `${info.format} (${info.loader}), ${info.encoding}; ${ENGINES[info.engine ?? ''] ?? info.engine ?? ''}`],
    ['dataset', info.dataset],
    ['edition', editionFact],
    ['products', `${n(p.codes)} ${p.classification} codes (${info.product_list === null ? 'no product list beside the file: not checked' : `checked against ${info.product_list}`})${p.codes > 0 ? `: ${p.examples.join(' ')}${p.codes > p.examples.length ? ' …' : ''}` : ''}`],
    ['rows', rowsFact],
    ['skipped', info.skipped.count === 0 ? '0' : `${info.skipped.count}: ${Object.entries(info.skipped.reasons).map(([r, c]) => `${c} ${r}`).join('; ')}`],
    ['years', info.years.join('–')],
    ['economies', economiesFact(info)],
  ];
}

/** The measures (one per flow, standing for one per product code) and the product groups' world totals by year. */
export function baciTables(info: InspectedBaci): { measures: string[][]; groups: string[][] } {
  const n = (x: number) => x.toLocaleString('en');
  const measures = [['measure', 'rows', 'what it is; indicators that use it'], ...info.measures.map((m) => [m.measure, n(m.rows), `${m.description ?? ''}\nused by: ${m.read_by.length > 0 ? m.read_by.join(', ') : 'none'}`])];
  const groups = [['product group', 'year', 'world total (US$)', 'pairs', 'codes'], ...info.groups.map((g) => [g.group, String(g.year), g.world_usd === null ? 'no rows' : n(Math.round(g.world_usd)), n(g.pairs), n(g.codes_present)])];
  return { measures, groups };
}
