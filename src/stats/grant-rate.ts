/**
 * QI grant rates over the coded corpus, by one dimension, with counts and 95% Wilson intervals. The definition of
 * a grant is data (data/stats/qi-analytics.json) and is printed with every report (grantDefinition()).
 */
import type { CodedDecision } from './corpus.js';
import { grantDefinition } from './rules.js';
import { wilson } from './wilson.js';

export const GRANT_DIMENSIONS = ['circuit', 'year', 'posture', 'right', 'force'] as const;
export type GrantDimension = (typeof GRANT_DIMENSIONS)[number];

export const NOT_LEGAL_ADVICE = 'Research statistics over a coded corpus, not legal advice.';

export interface RateRow {
  key: string;
  /** QI decisions in the group, whatever their outcome. */
  decisions: number;
  granted: number;
  denied: number;
  mixed: number;
  /** Excluded outcomes, decisions with no outcome coded, and codes the rules do not list. */
  excluded: number;
  /** granted / (granted + denied); null when both are 0. */
  rate: number | null;
  ci_low: number | null;
  ci_high: number | null;
}

export interface GrantRateReport {
  by: GrantDimension;
  /** Years per period when `by` is year and periods were asked for. */
  period?: number;
  definition: string;
  overall: RateRow;
  rows: RateRow[];
  coders: { machine: number; human: number };
  notes: string[];
  notice: string;
}

export function rateRow(key: string, ds: readonly CodedDecision[]): RateRow {
  const count = (r: CodedDecision['result']): number => ds.filter((d) => d.result === r).length;
  const granted = count('granted');
  const denied = count('denied');
  const mixed = count('mixed');
  const ci = wilson(granted, granted + denied);
  return {
    key, decisions: ds.length, granted, denied, mixed, excluded: ds.length - granted - denied - mixed,
    rate: granted + denied === 0 ? null : granted / (granted + denied), ci_low: ci?.low ?? null, ci_high: ci?.high ?? null,
  };
}

function keysOf(d: CodedDecision, by: GrantDimension, period: number): string[] {
  switch (by) {
    case 'circuit': return [d.circuit];
    case 'year': {
      if (d.year === null) return ['(unknown)'];
      if (period <= 1) return [String(d.year)];
      const start = d.year - (((d.year % period) + period) % period);
      return [`${start}–${start + period - 1}`];
    }
    case 'posture': return [d.posture ?? '(not coded)'];
    case 'right': return [d.right ?? '(not coded)'];
    case 'force': return d.forces.length ? d.forces : ['(no force factor)'];
  }
}

/** `5` → `5th Cir.`, `dc` → `D.C. Cir.`, `fed` → `Fed. Cir.`, `scotus` → `Supreme Court` (Bluebook court names). */
export function circuitLabel(key: string): string {
  if (key === 'dc') return 'D.C. Cir.';
  if (key === 'fed') return 'Fed. Cir.';
  if (key === 'scotus') return 'Supreme Court';
  if (!/^\d+$/.test(key)) return key;
  const n = Number(key);
  const suffix = n === 1 ? 'st' : n === 2 ? 'd' : n === 3 ? 'd' : 'th';
  return `${n}${suffix} Cir.`;
}

const CIRCUIT_ORDER = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', 'dc', 'fed', 'scotus'];

function order(by: GrantDimension): (a: RateRow, b: RateRow) => number {
  const unknownLast = (k: string): number => (k.startsWith('(') ? 1 : 0);
  if (by === 'year') return (a, b) => unknownLast(a.key) - unknownLast(b.key) || a.key.localeCompare(b.key);
  if (by === 'circuit') {
    const rank = (k: string): number => (CIRCUIT_ORDER.includes(k) ? CIRCUIT_ORDER.indexOf(k) : CIRCUIT_ORDER.length + unknownLast(k));
    return (a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key);
  }
  return (a, b) => unknownLast(a.key) - unknownLast(b.key) || b.decisions - a.decisions || a.key.localeCompare(b.key);
}

export interface GrantRateOptions {
  /** Group years into periods of this many years (by year only). */
  period?: number;
  from?: number;
  to?: number;
}

/** Keeps decisions decided in [from, to] (by year); decisions without a date are kept only when no bound is set. */
export function inYears(ds: readonly CodedDecision[], opts: { from?: number; to?: number }): CodedDecision[] {
  if (opts.from === undefined && opts.to === undefined) return [...ds];
  return ds.filter((d) => d.year !== null && (opts.from === undefined || d.year >= opts.from) && (opts.to === undefined || d.year <= opts.to));
}

export function grantRates(all: readonly CodedDecision[], by: GrantDimension, opts: GrantRateOptions = {}): GrantRateReport {
  const ds = inYears(all, opts);
  const period = by === 'year' && opts.period && opts.period > 1 ? opts.period : 1;
  const groups = new Map<string, CodedDecision[]>();
  for (const d of ds) for (const k of keysOf(d, by, period)) groups.set(k, [...(groups.get(k) ?? []), d]);
  const rows = [...groups].map(([k, g]) => rateRow(k, g)).sort(order(by));
  const overall = rateRow('all', ds);
  const notes: string[] = [];
  if (by === 'force') notes.push('A decision with several force factors counts in each of their rows.');
  const small = rows.filter((r) => r.granted + r.denied > 0 && r.granted + r.denied < 10).length;
  if (small) notes.push(`${small} row(s) rest on fewer than 10 granted-or-denied decisions: read their intervals, not their rates.`);
  const unclassified = ds.filter((d) => d.result === 'unclassified');
  if (unclassified.length) {
    notes.push(`${unclassified.length} decision(s) have outcome codes the rules do not list (${[...new Set(unclassified.map((d) => d.outcome))].join(', ')}); counted as excluded.`);
  }
  const machine = ds.filter((d) => d.coder === 'machine').length;
  if (machine) notes.push(`${machine} of ${ds.length} decisions are machine-coded (no human review).`);
  return {
    by, ...(period > 1 ? { period } : {}), definition: grantDefinition(), overall, rows,
    coders: { machine, human: ds.length - machine }, notes, notice: NOT_LEGAL_ADVICE,
  };
}
