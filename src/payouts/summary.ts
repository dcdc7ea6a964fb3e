import { caveatsFor, type Caveat } from './caveats.js';
import type { Payout } from './types.js';

/**
 * The ledger's numbers, as pure functions over payouts (from a reader today, from the store later). Money stays in
 * integer cents; shares are fractions 0–1. Every summary carries the caveats of the data it summarises.
 */
export const SUMMARY_DIMENSIONS = ['payer_type', 'payer', 'agency', 'year', 'allegation', 'jurisdiction'] as const;
export type SummaryDimension = (typeof SUMMARY_DIMENSIONS)[number];

export interface GroupTotal {
  key: string;
  count: number;
  total_cents: number;
  /** This group's part of the overall total (allegation groups overlap, so those shares can add up to more than 1). */
  share_of_total: number;
  median_cents: number;
}

export interface Bucket {
  label: string;
  from_cents: number | null;
  to_cents: number | null;
  count: number;
  total_cents: number;
}

export interface PayoutSummary {
  count: number;
  total_cents: number;
  min_cents: number;
  max_cents: number;
  median_cents: number;
  /** Linear-interpolation quantiles (Hyndman–Fan type 7, as R and NumPy default), rounded to the cent. */
  quantiles: { p10: number; p25: number; p50: number; p75: number; p90: number; p99: number };
  buckets: Bucket[];
  /** Paid by officers personally (payer_type `officer`). */
  officer_share: { count: number; total_cents: number; share_of_count: number; share_of_total: number };
  /** Payouts whose payer was inferred from the dataset rather than stated by the row. */
  assumed_payer: { count: number; total_cents: number };
  by: Record<SummaryDimension, GroupTotal[]>;
  notes: string[];
  caveats: Caveat[];
}

/** Quantile q (0–1) of ascending values, type 7; 0 for no values. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return Math.round(a + (h - lo) * (b - a));
}

const share = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

/**
 * The year a payout counts in: the year paid when known, else the year of the payment date, else the closing
 * (settlement) date — the FiveThirtyEight `calendar_year` is already the latter.
 */
export function payoutYear(p: Payout): string {
  const y = p.year_paid ?? p.paid_date?.slice(0, 4) ?? p.closed_date?.slice(0, 4);
  return y === undefined ? '(unknown)' : String(y);
}

function keysOf(p: Payout, by: SummaryDimension): string[] {
  switch (by) {
    case 'payer_type':
      return [p.payer_type];
    case 'payer':
      return [p.payer_name];
    case 'agency':
      return [p.agency ?? '(none)'];
    case 'year':
      return [payoutYear(p)];
    case 'allegation':
      return p.allegation_categories.length ? p.allegation_categories : ['unknown'];
    case 'jurisdiction':
      return [p.jurisdiction];
  }
}

/** Totals by one dimension, largest total first (ties by key). */
export function groupPayouts(payouts: Iterable<Payout>, by: SummaryDimension): GroupTotal[] {
  const groups = new Map<string, number[]>();
  let total = 0;
  for (const p of payouts) {
    total += p.amount_cents;
    for (const k of keysOf(p, by)) {
      const list = groups.get(k) ?? [];
      list.push(p.amount_cents);
      groups.set(k, list);
    }
  }
  return [...groups.entries()]
    .map(([key, amounts]) => {
      const sum = amounts.reduce((s, a) => s + a, 0);
      amounts.sort((a, b) => a - b);
      return { key, count: amounts.length, total_cents: sum, share_of_total: share(sum, total), median_cents: quantile(amounts, 0.5) };
    })
    .sort((a, b) => b.total_cents - a.total_cents || a.key.localeCompare(b.key));
}

const BUCKET_EDGES = [100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000]; // $1k, $10k, $100k, $1M, $10M

function dollars(cents: number): string {
  const d = cents / 100;
  return d >= 1_000_000 ? `$${d / 1_000_000}M` : `$${d / 1_000}k`;
}

/** Counts in decade-wide buckets: under $1k, $1k–$10k, …, $10M and over. */
export function bucketize(amounts: readonly number[]): Bucket[] {
  const buckets: Bucket[] = [];
  for (let i = 0; i <= BUCKET_EDGES.length; i++) {
    const from = i === 0 ? null : BUCKET_EDGES[i - 1]!;
    const to = i === BUCKET_EDGES.length ? null : BUCKET_EDGES[i]!;
    const label = from === null ? `under ${dollars(to!)}` : to === null ? `${dollars(from)} and over` : `${dollars(from)}–${dollars(to)}`;
    const inside = amounts.filter((a) => (from === null || a >= from) && (to === null || a < to));
    buckets.push({ label, from_cents: from, to_cents: to, count: inside.length, total_cents: inside.reduce((s, a) => s + a, 0) });
  }
  return buckets;
}

export function summarizePayouts(input: Iterable<Payout>): PayoutSummary {
  const payouts = [...input];
  const amounts = payouts.map((p) => p.amount_cents).sort((a, b) => a - b);
  const total = amounts.reduce((s, a) => s + a, 0);
  const officers = payouts.filter((p) => p.payer_type === 'officer');
  const officerTotal = officers.reduce((s, p) => s + p.amount_cents, 0);
  const assumed = payouts.filter((p) => p.payer_basis === 'assumed');
  const by = Object.fromEntries(SUMMARY_DIMENSIONS.map((d) => [d, groupPayouts(payouts, d)])) as Record<SummaryDimension, GroupTotal[]>;
  const notes = [
    'Allegation groups overlap: a payout with several categories counts in each.',
    'Year is the year paid where known, else the year of the payment or closing date.',
  ];
  if (assumed.length) notes.push(`${assumed.length} of ${payouts.length} payouts have a payer inferred from the dataset, not stated by the row.`);
  return {
    count: payouts.length,
    total_cents: total,
    min_cents: amounts[0] ?? 0,
    max_cents: amounts.at(-1) ?? 0,
    median_cents: quantile(amounts, 0.5),
    quantiles: {
      p10: quantile(amounts, 0.1),
      p25: quantile(amounts, 0.25),
      p50: quantile(amounts, 0.5),
      p75: quantile(amounts, 0.75),
      p90: quantile(amounts, 0.9),
      p99: quantile(amounts, 0.99),
    },
    buckets: bucketize(amounts),
    officer_share: {
      count: officers.length,
      total_cents: officerTotal,
      share_of_count: share(officers.length, payouts.length),
      share_of_total: share(officerTotal, total),
    },
    assumed_payer: { count: assumed.length, total_cents: assumed.reduce((s, p) => s + p.amount_cents, 0) },
    by,
    notes,
    caveats: caveatsFor(new Set(payouts.flatMap((p) => p.caveat_ids))),
  };
}
