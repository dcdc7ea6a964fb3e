/**
 * Confidence intervals for proportions. Wilson's score interval (Wilson 1927) rather than the textbook
 * p ± z·√(p(1−p)/n): it stays inside [0, 1] and keeps close to its nominal 95% coverage for the small groups a
 * coded corpus splits into (a circuit-year may hold five decisions). Differences of two proportions use Newcombe's
 * hybrid score interval (Newcombe 1998, method 10), built from the two Wilson intervals.
 */

/** The 0.975 quantile of the standard normal distribution: two-sided 95%. */
export const Z95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/** Wilson score interval for k successes in n trials; null when n is 0 (no data, no interval). */
export function wilson(k: number, n: number, z = Z95): Interval | null {
  if (n === 0) return null;
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || n < 0 || k > n) throw new RangeError(`wilson: need 0 <= k <= n, got ${k}/${n}`);
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Exact at the ends: with k = 0 the lower bound is 0, with k = n the upper bound is 1 (rounding would blur it).
  return { low: k === 0 ? 0 : Math.max(0, centre - half), high: k === n ? 1 : Math.min(1, centre + half) };
}

export interface Difference extends Interval {
  /** p1 − p2 */
  diff: number;
}

/** Newcombe's interval for p1 − p2 from independent samples; null when either sample is empty. */
export function newcombe(k1: number, n1: number, k2: number, n2: number, z = Z95): Difference | null {
  const a = wilson(k1, n1, z);
  const b = wilson(k2, n2, z);
  if (!a || !b) return null;
  const p1 = k1 / n1;
  const p2 = k2 / n2;
  const diff = p1 - p2;
  return {
    diff,
    low: diff - Math.sqrt((p1 - a.low) ** 2 + (b.high - p2) ** 2),
    high: diff + Math.sqrt((a.high - p1) ** 2 + (p2 - b.low) ** 2),
  };
}
