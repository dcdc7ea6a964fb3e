/**
 * Where a deciding court stands relative to the incident's jurisdiction, and how much authority that carries for
 * ranking. The hierarchy is doctrine.md §0 rule 3 / §2.1: Supreme Court → published precedent of the circuit
 * where the conduct occurred → (11th Cir.) the state's highest court → other circuits (robust consensus only).
 */
import { getCourt } from '../courts/index.js';
import type { CaseRecord } from '../store/index.js';
import type { CourtStanding, Incident } from './types.js';

export function courtStanding(c: Pick<CaseRecord, 'court_id' | 'circuit'>, incident: Pick<Incident, 'circuit' | 'state'>): CourtStanding {
  const court = c.court_id ? getCourt(c.court_id) : undefined;
  if (c.court_id === 'scotus' || court?.level === 'supreme') return 'supreme_court';
  if (!court) {
    // A corpus record whose court id is not in our table still carries its circuit; without a level we cannot
    // tell a court of appeals from a district court, so it stays unknown (and ineligible, with that reason).
    return 'unknown_court';
  }
  switch (court.level) {
    case 'appellate':
      return court.circuit === incident.circuit ? 'own_circuit' : 'other_circuit';
    case 'district':
    case 'bankruptcy':
      return 'district_court';
    case 'state_supreme':
      return incident.state !== null && court.state === incident.state ? 'state_high_court' : 'state_court';
    case 'state_appellate':
      return 'state_court';
    default:
      return 'unknown_court';
  }
}

/**
 * Authority weight for ranking (0..1). A design choice, not a legal rule: binding courts first, persuasive
 * authority lower, and courts that cannot clearly establish law lowest but not zero, so a factually close
 * ineligible decision still ranks within the "close but ineligible" list.
 */
export const AUTHORITY: Record<CourtStanding, number> = {
  supreme_court: 1,
  own_circuit: 0.85,
  state_high_court: 0.7,
  other_circuit: 0.5,
  state_court: 0.2,
  district_court: 0.2,
  unknown_court: 0.1,
};

export function authorityWeight(standing: CourtStanding, published: boolean): number {
  const base = AUTHORITY[standing];
  return standing === 'supreme_court' || published ? base : base * 0.5;
}

/** Short court label for people: `6th Cir.`, `S. Ct.`… from the courts data; the id when unknown. */
export function courtLabel(courtId: string | null): string | null {
  if (!courtId) return null;
  const court = getCourt(courtId);
  if (!court) return courtId;
  return court.id === 'scotus' ? 'U.S. Supreme Court' : court.citation;
}

export function circuitLabel(circuit: string): string {
  if (circuit === 'dc') return 'D.C. Cir.';
  if (circuit === 'fed') return 'Fed. Cir.';
  const n = Number(circuit);
  const suffix = n === 1 ? 'st' : n === 2 ? 'd' : n === 3 ? 'd' : 'th';
  return `${circuit}${suffix} Cir.`;
}
