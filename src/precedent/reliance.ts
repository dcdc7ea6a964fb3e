/**
 * How much the other candidate decisions lean on each candidate: the number of distinct candidates, decided
 * strictly before the incident, whose coding lists it among the precedents of their clearly-established analysis
 * (relied on, distinguished, or cited for the general standard). A leading decision — the one later courts keep
 * returning to — is one a lawyer reads first. Only law that existed at the time of the incident counts, so a
 * decision hidden from the finder (leave-one-out) or decided later never adds weight. Computed in memory from the
 * codings the finder already read: no store query.
 */
import type { Candidate } from './types.js';

/** Citation keys a coding's precedent string can match: `471 U.S. 1` → `471 u.s. 1` (spacing and case ignored). */
export function citationKey(cite: string): string {
  return cite.toLowerCase().replace(/[\s.]+/g, ' ').trim();
}

function keysOf(c: Candidate): string[] {
  const keys: string[] = [];
  for (const cite of c.case.citations) {
    const text = cite.cite ?? `${cite.volume} ${cite.reporter} ${cite.page}`;
    keys.push(citationKey(text));
  }
  return keys;
}

/** Per candidate index, the count of earlier candidates (before `incidentDate`) that rely on it. */
export function relianceCounts(candidates: readonly Candidate[], incidentDate: string): number[] {
  const byKey = new Map<string, number>();
  candidates.forEach((c, i) => {
    for (const k of keysOf(c)) if (!byKey.has(k)) byKey.set(k, i);
  });
  const citers = candidates.map(() => new Set<number>());
  candidates.forEach((c, i) => {
    const date = c.case.decision_date;
    if (!date || date >= incidentDate) return;
    for (const p of c.coding?.precedents ?? []) {
      const j = p.citation ? byKey.get(citationKey(p.citation)) : undefined;
      if (j !== undefined && j !== i) citers[j]!.add(i);
    }
  });
  return citers.map((s) => s.size);
}

/** 0..1: one citing decision is already a signal; four or more is as much as it gets. */
export function relianceScore(count: number): number {
  return Math.min(1, Math.log2(1 + count) / Math.log2(5));
}
