/**
 * Round half away from zero at `decimals` places, on the decimal representation (so 2.675 → 2.68,
 * not binary 2.67). Used for display and for the published-figure check.
 */
export function roundHalfAway(value: number, decimals: number): number {
  // Shifted through the decimal text (so 1.005 rounds to 1.01); a value whose text has an exponent
  // (below 1e-6 or from 1e21) by arithmetic, which there cannot misplace a tie.
  const text = Math.abs(value).toPrecision(15);
  const shifted = text.includes('e') ? Math.abs(value) * 10 ** decimals : Number(`${text}e${decimals}`);
  const rounded = Math.round(shifted + 1e-9 * Math.sign(shifted));
  return Math.sign(value) * (String(rounded).includes('e') ? rounded / 10 ** decimals : Number(`${rounded}e${-decimals}`));
}

/** Fixed-decimal text of a number, or `—` for missing. */
export function formatNumber(value: number | null, decimals: number): string {
  if (value === null) return '—';
  return roundHalfAway(value, decimals).toFixed(decimals);
}

/**
 * {@link formatNumber} for a reader: a value that is not zero never shows as zero — one that would
 * round to 0 at `decimals` gets two significant digits (0.0031, -0.00042; 1.2e-15 beyond twelve decimals).
 */
export function formatReadable(value: number | null, decimals: number): string {
  const fixed = formatNumber(value, decimals);
  if (value === null || value === 0 || !Number.isFinite(value) || Number(fixed) !== 0) return fixed;
  const d = 1 - Math.floor(Math.log10(Math.abs(value)));
  return d > 12 ? value.toExponential(1) : roundHalfAway(value, d).toFixed(d);
}

/** A computed figure beside a published one: one decimal more than the published (at least 2), a non-zero value never as zero. */
export function formatComputed(value: number | null, precision: number): string {
  return formatReadable(value, Math.max(2, precision + 1));
}

/** Display decimals for a unit. */
export function decimalsFor(unit: string): number {
  if (unit === 'percent' || unit === 'index') return 2;
  if (unit === 'rank') return 0;
  if (unit === 'usd_bn') return 2;
  return 1;
}

/** How a unit is shown to a reader: the header label, the factor applied to values and decimals. */
export interface DisplayUnit {
  label: string;
  scale: number;
  decimals: number;
}

/** Flows in US$ are shown in US$ bn (the unit in the header); other units as they are. */
export function displayUnit(unit: string): DisplayUnit {
  switch (unit) {
    case 'percent':
      return { label: '%', scale: 1, decimals: 2 };
    case 'usd':
      return { label: 'US$ bn', scale: 1e-9, decimals: 2 };
    case 'usd_m':
      return { label: 'US$ m', scale: 1, decimals: 1 };
    case 'usd_bn':
      return { label: 'US$ bn', scale: 1, decimals: 2 };
    case 'index':
      return { label: 'index', scale: 1, decimals: 2 };
    case 'rank':
      return { label: 'rank', scale: 1, decimals: 0 };
    case 'score':
      return { label: 'score', scale: 1, decimals: 1 };
    default:
      return { label: unit, scale: 1, decimals: decimalsFor(unit) };
  }
}

/** A value for a reader, in its display unit, thousands grouped (`1,234.50`; `—` for missing). */
export function formatDisplay(value: number | null, unit: string): string {
  const d = displayUnit(unit);
  return groupThousands(formatReadable(value === null ? null : value * d.scale, d.decimals));
}

/** Commas between groups of three digits of a number's integer part: `-1234567.5` → `-1,234,567.5`; other text unchanged. */
export function groupThousands(text: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (m === null) return text;
  return `${m[1] ?? ''}${(m[2] ?? '').replace(/\B(?=(\d{3})+$)/g, ',')}${m[3] ?? ''}`;
}
