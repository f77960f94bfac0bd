import { usageError } from '../src/errors.js';
import { msg } from '../src/messages.js';
import type { ComputeRequest, Indicator } from '../src/model/indicator.js';
import { computeLadder, type FlowSource } from '../src/model/ladder.js';

const OUT = 'fdi_outward_position_usd';
const IN = 'fdi_inward_position_usd';

function pick(req: ComputeRequest, measure: string, geo: string, partner: string, year: number) {
  return req.table.candidates(measure, geo, year, partner, req.edition)[0];
}

/** Flow sources for each direction and basis. */
function source(req: ComputeRequest, direction: string): FlowSource {
  if (direction === 'outward') {
    return {
      what: 'outward FDI positions',
      measures: [OUT],
      basis: 'reporter (outward positions reported by the investing economy)',
      flow: (i, j, y) => pick(req, OUT, i, j, y),
      total: (i, y) => pick(req, OUT, i, 'WLD', y),
      worldTo: (j, y) => pick(req, OUT, 'WLD', j, y),
      worldTotal: (y) => pick(req, OUT, 'WLD', 'WLD', y),
    };
  }
  const hasInwardMatrix = req.table.hasMeasure(IN) && req.geos.some((g) => g.kind === 'group' && g.group.members.some((m) => g.group.members.some((p) => p !== m && req.table.candidates(IN, m, req.years?.[0] ?? 0, p).length > 0)));
  if (hasInwardMatrix) {
    return {
      what: 'inward FDI positions',
      measures: [IN],
      pairLabel: (j, i) => `${j}←${i}`,
      basis: 'reporter (inward positions reported by the host economy)',
      flow: (j, i, y) => pick(req, IN, j, i, y),
      total: (j, y) => pick(req, IN, j, 'WLD', y),
    };
  }
  return {
    what: 'inward FDI positions (mirror of partners\' outward positions, host\'s own inward total)',
    measures: [OUT, IN],
    pairLabel: (j, i) => `${j}←${i} (mirror: ${i}'s outward report)`,
    basis: 'mirror: IN[j←i] ≈ OUT[i→j] from the investors\' reports; denominator the host\'s total inward position',
    flow: (j, i, y) => pick(req, OUT, i, j, y),
    total: (j, y) => pick(req, IN, j, 'WLD', y),
  };
}

/**
 * Intra-group share of FDI positions (paper Table 3), outward or inward, with the intensity and
 * introversion indices where the input has world totals by partner.
 */
export const fdiIntraShare: Indicator = {
  meta: {
    id: 'fdi-intra-share',
    title: 'Intra-group share of FDI positions (%)',
    unit: 'percent',
    definition:
      'Outward: Σ_{i∈R} Σ_{j∈R, j≠i} OUT[i→j] / Σ_{i∈R} OUT[i→W]. Inward: Σ_{j∈R} Σ_{i∈R, i≠j} IN[j←i] / Σ_{j∈R} IN[j←W]; without an inward matrix, the mirror IN[j←i] ≈ OUT[i→j] over the host\'s own inward total (flagged in detail.basis). Intensity = share / the group\'s weight in world positions; introversion per methodology §1.',
    measures: [OUT, IN],
    sources: ['IMF CDIS Table 6-o (outward positions by counterpart) and Table 4-i (inward totals)', 'OECD FDI positions by partner (DSD_FDI@DF_FDI_POS_CTRY)'],
    caveats: [
      'Confidential (C) and blank bilateral cells are missing, never zero: the group value is missing and names the pairs (or, with --option confidential=lower-bound, a labelled lower bound).',
      'IMF CDIS is on the directional principle by immediate counterpart; the study used OECD statistics (asset/liability or directional, SPEs treatment varies), so figures differ by source.',
      'China reports outward positions to CDIS only from 2018.',
    ],
    options: {
      direction: { description: 'outward or inward', default: 'outward', values: ['outward', 'inward'] },
      confidential: { description: 'missing (default) or lower-bound', default: 'missing', values: ['missing', 'lower-bound'] },
    },
    chart: 'bars',
  },
  compute(req) {
    const direction = req.options.direction ?? 'outward';
    if (direction !== 'outward' && direction !== 'inward') throw usageError(msg.badChoice('direction', ['outward', 'inward'], direction, '--option direction=inward'));
    const lower = req.options.confidential === 'lower-bound';
    return computeLadder(req, source(req, direction), 'fdi-intra-share', lower).map((r) => ({ ...r, breakdown: direction }));
  },
};
