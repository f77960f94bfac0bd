/**
 * Round half away from zero at `decimals` places, on the decimal representation (so 2.675 → 2.68,
 * not binary 2.67). Used for display and for the published-figure check.
 */
export function roundHalfAway(value: number, decimals: number): number {
  const shifted = Number(`${Math.abs(value).toPrecision(15)}e${decimals}`);
  const rounded = Math.round(shifted + 1e-9 * Math.sign(shifted)) ;
  return Math.sign(value) * Number(`${rounded}e${-decimals}`);
}

/** Fixed-decimal text of a number, or `—` for missing. */
export function formatNumber(value: number | null, decimals: number): string {
  if (value === null) return '—';
  return roundHalfAway(value, decimals).toFixed(decimals);
}

/** Display decimals for a unit. */
export function decimalsFor(unit: string): number {
  if (unit === 'percent' || unit === 'index') return 2;
  if (unit === 'rank') return 0;
  if (unit === 'usd_bn') return 2;
  return 1;
}
