import { describe, expect, it } from 'vitest';
import { ladder } from '../../src/model/ladder.js';

// Synthetic world of flows, worked out by hand. Group R = {a, b}; rest O.
//   a→b 10, b→a 20 (intra 30); R→W: a 100, b 100 (200); W→a 40, W→b 60 (W→R 100); W→W 1000.
//   S = 30/200 = 0.15; w = 100/1000 = 0.1; I = 1.5
//   F[O→R] = 100 − 30 = 70; F[O→W] = 1000 − 200 = 800; rest share = 70/800 = 0.0875
//   HI = 0.15/0.0875 = 1.714285…; HE = 0.85/0.9125 = 0.931506…; RTI = (HI − HE)/(HI + HE) = 0.295890…
describe('share → intensity → introversion ladder', () => {
  it('exact values on a hand-worked matrix', () => {
    const l = ladder(30, 200, 100, 1000);
    expect(l.share).toBeCloseTo(0.15, 15);
    expect(l.world_weight).toBeCloseTo(0.1, 15);
    expect(l.intensity).toBeCloseTo(1.5, 14);
    expect(l.homogeneous_intra).toBeCloseTo(0.15 / 0.0875, 14);
    expect(l.homogeneous_extra).toBeCloseTo(0.85 / 0.9125, 14);
    const hi = 0.15 / 0.0875;
    const he = 0.85 / 0.9125;
    expect(l.introversion).toBeCloseTo((hi - he) / (hi + he), 14);
  });

  it('introversion is 0 when the group deals with itself as the rest of the world deals with it', () => {
    // rest share = (W→R − intra)/(W − R→W) = (100 − 20)/(1000 − 200) = 0.1 = S = 20/200.
    const l = ladder(20, 200, 100, 1000);
    expect(l.share).toBeCloseTo(0.1, 15);
    expect(l.introversion).toBeCloseTo(0, 14);
  });

  it('introversion stays within [−1, 1] at the extremes', () => {
    for (const [intra, out, toR, world] of [
      [199, 200, 200, 1000], // nearly all of R's flows stay inside; almost nobody else deals with R
      [0, 200, 100, 1000], // none inside
      [1e-9, 200, 700, 1000],
      [100, 200, 899, 1000],
      [3, 7, 8, 13],
    ] as const) {
      const r = ladder(intra, out, toR, world).introversion as number;
      expect(Number.isFinite(r)).toBe(true);
      expect(r).toBeGreaterThanOrEqual(-1);
      expect(r).toBeLessThanOrEqual(1);
    }
    expect(ladder(0, 200, 100, 1000).introversion).toBeCloseTo(-1, 14);
  });

  it('inconsistent world totals give no indices, with the reason (a sanity check, not a number)', () => {
    const l = ladder(199.999, 200, 1000, 1000);
    expect(l.introversion).toBeNull();
    expect(l.ladder_reason).toMatch(/inconsistent/);
  });

  it('without world-by-partner rows only the share is given, with the reason', () => {
    const l = ladder(30, 200);
    expect(l.share).toBe(0.15);
    expect(l.intensity).toBeNull();
    expect(l.ladder_reason).toMatch(/no world-to-partner totals/);
  });
});
