/**
 * Decisions that state the governing standard rather than decide a fact pattern (Harlow's objective test,
 * al-Kidd's "beyond debate", Graham's reasonableness factors): binding on the incident's court, decided before
 * the incident, still good law, about the same right (or no particular right), and coded without any force or
 * subject fact. They are not precedents that "squarely govern" — no fact to match — so they are listed apart,
 * most relied-on first (links in the store's citation graph), the way a memo cites its framework.
 */
import type { Store } from '../store/index.js';
import { historyEvents, isNegative, timing } from './history.js';
import { holdingOf, primaryCitation, rightAffinity } from './rank.js';
import { structuredHistory } from './eligibility.js';
import { courtLabel, courtStanding } from './standing.js';
import type { Candidate, Incident } from './types.js';

export interface GeneralStandard {
  case_id: string;
  case_name: string;
  citation: string | null;
  court: string | null;
  court_id: string | null;
  decision_date: string | null;
  /** Decisions in the store that cite it (the hidden one excluded in leave-one-out runs). */
  cited_by: number;
  holding: string | null;
  /** True when the decision is about the incident's own right (not a general qualified-immunity standard). */
  same_right: boolean;
  /** Incident factors the decision is coded with (procedural ones: disputed facts, video). */
  shared_factors: string[];
}

const factual = (id: string): boolean => id.startsWith('force.') || id.startsWith('subject.');

export async function generalStandards(
  store: Store, candidates: readonly Candidate[], incident: Incident, exclude: ReadonlySet<string>, limit = 5,
): Promise<GeneralStandard[]> {
  const picked = candidates.filter((c) => {
    if (!c.coding || c.coding.factors.some((f) => factual(f.id))) return false;
    const standing = courtStanding(c.case, incident);
    const binding = standing === 'supreme_court' || (standing === 'own_circuit' && c.case.precedential_status === 'published');
    if (!binding || !c.case.decision_date || c.case.decision_date >= incident.date) return false;
    if (c.coding.right && rightAffinity(c.coding.right, incident.right) < 0.8) return false;
    return !historyEvents(c.case.subsequent_history, structuredHistory(c.coding)).some((e) => isNegative(e) && timing(e, incident.date) === 'before');
  });
  const out: GeneralStandard[] = [];
  for (const c of picked) {
    const edges = await store.citedBy(c.case.id, { limit: 1000 });
    const citing = new Set(edges.items.map((e) => e.citing_case_id).filter((id) => !exclude.has(id) && id !== c.case.id));
    out.push({
      case_id: c.case.id, case_name: c.case.case_name, citation: primaryCitation(c.case), court: courtLabel(c.case.court_id),
      court_id: c.case.court_id, decision_date: c.case.decision_date, cited_by: citing.size, holding: holdingOf(c.coding),
      same_right: c.coding!.right !== null && rightAffinity(c.coding!.right, incident.right) === 1,
      shared_factors: c.coding!.factors.map((f) => f.id).filter((id) => incident.factors.some((f) => f.id === id)),
    });
  }
  // The standard for this very right first (Graham for force in an arrest), then one about the incident's
  // procedural facts (Johnson v. Jones when facts are disputed), then the most relied on; then the older decision
  // (the one others build on); then name for stability.
  out.sort((a, b) => Number(b.same_right) - Number(a.same_right) || b.shared_factors.length - a.shared_factors.length || b.cited_by - a.cited_by || (a.decision_date ?? '').localeCompare(b.decision_date ?? '') || a.case_name.localeCompare(b.case_name));
  return out.slice(0, limit);
}
