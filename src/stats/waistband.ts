/**
 * "He reached for his waistband": in shooting cases, how often the coding records that officers claimed it, and
 * how QI outcomes differ with and without the claim. Shooting = any factor in the rules' shooting_factors
 * (doctrine.md §3.4 A); the claim = an officer_claims id in waistband_claims. The difference in grant rates comes
 * with Newcombe's 95% interval; it is an association in this corpus, not an effect of the claim.
 */
import { claimsWaistband, isShooting, type CodedDecision } from './corpus.js';
import { NOT_LEGAL_ADVICE, inYears, rateRow, type RateRow } from './grant-rate.js';
import { analyticsRules, grantDefinition } from './rules.js';
import { newcombe, wilson, type Difference } from './wilson.js';

export interface WaistbandReport {
  /** QI decisions with a shooting factor. */
  shooting_decisions: number;
  with_claim: number;
  /** with_claim / shooting_decisions, with its Wilson interval. */
  claim_share: number | null;
  claim_ci_low: number | null;
  claim_ci_high: number | null;
  outcomes: { with_claim: RateRow; without_claim: RateRow };
  /** Grant rate with the claim minus without, and its 95% interval; null when either side has no grant/deny. */
  difference: Difference | null;
  definition: { shooting_factors: string[]; claim_ids: string[]; grant: string };
  notes: string[];
  notice: string;
}

export function waistbandReport(all: readonly CodedDecision[], opts: { from?: number; to?: number } = {}): WaistbandReport {
  const shootings = inYears(all, opts).filter(isShooting);
  const withClaim = shootings.filter(claimsWaistband);
  const without = shootings.filter((d) => !claimsWaistband(d));
  const a = rateRow('with waistband claim', withClaim);
  const b = rateRow('without waistband claim', without);
  const share = wilson(withClaim.length, shootings.length);
  const rules = analyticsRules();
  const notes = ['A claim is counted only when the coding records it in officer_claims; an opinion that reports the claim in words the coder did not catch counts as without.'];
  if (a.granted + a.denied < 10 || b.granted + b.denied < 10) notes.push('Fewer than 10 granted-or-denied decisions on one side: the difference is not a finding.');
  return {
    shooting_decisions: shootings.length,
    with_claim: withClaim.length,
    claim_share: shootings.length ? withClaim.length / shootings.length : null,
    claim_ci_low: share?.low ?? null,
    claim_ci_high: share?.high ?? null,
    outcomes: { with_claim: a, without_claim: b },
    difference: newcombe(a.granted, a.granted + a.denied, b.granted, b.granted + b.denied),
    definition: { shooting_factors: rules.shooting_factors.map((f) => f.id), claim_ids: rules.waistband_claims.map((c) => c.id), grant: grantDefinition() },
    notes,
    notice: NOT_LEGAL_ADVICE,
  };
}
