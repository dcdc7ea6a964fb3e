/**
 * findPrecedents: candidates → eligibility (law) → similarity score (facts) → two ranked lists, eligible
 * authorities first, then the factually close decisions that cannot clearly establish the right, each with its
 * reason — lawyers need to see those too (a Baxter is often what the other side will cite).
 */
import type { Store } from '../store/index.js';
import { gatherCandidates, type CandidateOptions } from './candidates.js';
import { obviousCase, robustConsensus } from './consensus.js';
import { eligibility } from './eligibility.js';
import { isRelevant, scoreCandidate, sharesNoFact } from './rank.js';
import { generalStandards } from './standards.js';
import { relianceCounts, relianceScore } from './reliance.js';
import { bm25Scores } from './text.js';
import type { FinderResult, Incident, RankedPrecedent, Rules } from './types.js';

export interface FindOptions extends CandidateOptions {
  /** Eligible precedents to list; default 10. */
  limit?: number;
  /** Ineligible-but-close decisions to list; default 10. */
  closeLimit?: number;
  /** General-standard decisions to list; default 5. */
  standardsLimit?: number;
}

type Scored = Omit<RankedPrecedent, 'rank'>;

/** Supreme Court grants sharing no fact listed even when the close list is full of factually closer decisions. */
const GRANT_PLACES = 5;

// Ties: higher authority, then the more recent decision (closer to the law at the time), then name for stability.
const byScore = (a: Scored, b: Scored): number =>
  b.score - a.score || b.components.authority - a.components.authority ||
  (b.decision_date ?? '').localeCompare(a.decision_date ?? '') || a.case_name.localeCompare(b.case_name);

export async function findPrecedents(store: Store, incident: Incident, rules: Rules, opts: FindOptions = {}): Promise<FinderResult> {
  const candidates = await gatherCandidates(store, incident, rules, opts);
  const rule = rules.circuitRule(incident.circuit);
  const labels = incident.factors.map((f) => rules.factor(f.id)?.label ?? '').join(' ');
  const text = bm25Scores(`${incident.facts ?? ''} ${labels}`, candidates.map((c) => c.digest));
  const relied = relianceCounts(candidates, incident.date);
  const scored = candidates
    .map((c, i) => scoreCandidate(c, incident, eligibility(c.case, c.coding, incident, rule, rules.recentDays()), text[i] ?? 0, rules, relianceScore(relied[i] ?? 0)))
    .filter((p, i) => {
      const coding = candidates[i]!.coding;
      return isRelevant(p, incident, coding?.right ?? null, (coding?.factors ?? []).some((f) => /^(force|subject)\./.test(f.id)));
    });
  const eligible = scored.filter((p) => p.eligible).sort(byScore);
  const close = scored.filter((p) => !p.eligible).sort(byScore);
  // Earlier Supreme Court grants that share no fact are listed apart in the memo; on a large corpus the factually
  // close decisions would push them out of the close list, so a few keep a place of their own.
  const grants = close.filter((p) => sharesNoFact(p, incident)).slice(0, GRANT_PLACES);
  const closeListed = [...new Set([...close.slice(0, opts.closeLimit ?? 10), ...grants])].sort(byScore);
  const listed = [...eligible.slice(0, opts.limit ?? 10), ...closeListed];
  const precedents = listed.map((p, i): RankedPrecedent => ({ ...p, rank: i + 1 }));
  return {
    precedents,
    consensus: robustConsensus(eligible.map((p, i) => ({ ...p, rank: i + 1 })), incident, rule),
    obvious_case: obviousCase(incident),
    standards: await generalStandards(store, candidates, incident, opts.exclude ?? new Set(), opts.standardsLimit ?? 5),
    examined: candidates.length,
  };
}
