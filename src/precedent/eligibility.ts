/**
 * Could this decision clearly establish the right for this incident? The rules of doctrine.md §1.3 step 2.2 and
 * §2.1, each checked separately so the memo can give every reason, not only the first:
 *   timing   — decided strictly before the conduct (Brosseau; Wilson v. Layne; Wesby; §1.5), flagged when only
 *              days or weeks before (Bryan v. United States, 3d Cir. 2019: not clearly established a day or two
 *              after the circuit's decision);
 *   source   — a court the circuit's rule admits (SCOTUS; own published decisions; the state's highest court in
 *              the 11th Cir.; other circuits only toward a robust consensus), never district courts or
 *              unpublished opinions (Wilson v. Layne, 526 U.S. at 616; Bell v. City of Southfield, 6th Cir.);
 *   history  — not withdrawn, vacated or reversed before the incident (§1.3 step 2.2);
 *   holding  — held a violation: a grant that skipped prong 1 establishes nothing (Pearson; §1.2).
 */
import type { QiCoding } from '../qi/types.js';
import type { CaseRecord } from '../store/index.js';
import { describeEvent, historyEvents, isNegative, timing } from './history.js';
import { circuitLabel, courtStanding } from './standing.js';
import type { CircuitSourceRule, CourtStanding, Eligibility, Incident, RelationToIncident, SourceSetting, SourceValue } from './types.js';

const DAY_MS = 86_400_000;
const daysBetween = (a: string, b: string): number => Math.round((Date.parse(b) - Date.parse(a)) / DAY_MS);

export function checkTiming(decided: string | null, incidentDate: string, recentDays: number, flags: string[]): string | null {
  if (!decided) return 'decision date unknown, so it cannot be shown to predate the incident';
  if (decided === incidentDate) return `decided on the day of the incident (${decided}); only earlier decisions count`;
  if (decided > incidentDate) return `decided ${decided}, after the incident (${incidentDate}); later decisions cannot give notice`;
  const days = daysBetween(decided, incidentDate);
  if (days <= recentDays) {
    flags.push(`recent: decided ${days} day${days === 1 ? '' : 's'} before the incident — notice is contestable (Bryan v. United States, 3d Cir. 2019)`);
  }
  return null;
}

const WEIGHT_WORDS: Record<SourceValue, string> = {
  controlling: 'can clearly establish law',
  consensus: 'counts only toward a consensus of persuasive authority',
  weight_only: 'cannot by itself clearly establish law (weight only)',
  zero_weight: 'is given no weight',
  not_admitted: 'is not a source of clearly established law',
};

/** Which setting of the circuit's rule governs a decision of this court and publication status. */
export function governingSetting(standing: CourtStanding, published: boolean | null, rule: CircuitSourceRule): { kind: string; setting: SourceSetting } | null {
  if (standing === 'supreme_court') return null;
  if (published === false && (standing === 'own_circuit' || standing === 'other_circuit')) return { kind: 'unpublished opinion', setting: rule.unpublished };
  switch (standing) {
    case 'own_circuit': return { kind: `published ${circuitLabel(rule.circuit)} decision`, setting: rule.own_published };
    case 'other_circuit': return { kind: 'published decision of another circuit', setting: rule.out_of_circuit };
    case 'state_high_court': return { kind: 'decision of the highest court of the state', setting: rule.state_high_court };
    case 'state_court': return { kind: 'state-court decision', setting: rule.state_intermediate };
    case 'district_court': return { kind: 'district-court opinion', setting: rule.district_court };
    case 'unknown_court': return null;
  }
}

export function checkSource(
  standing: CourtStanding, published: boolean | null, rule: CircuitSourceRule, flags: string[],
): { reason: string | null; relation: RelationToIncident } {
  if (standing === 'supreme_court') return { reason: null, relation: 'controlling' };
  if (standing === 'unknown_court') return { reason: 'court unknown: cannot tell whether it is a source of clearly established law', relation: 'ineligible' };
  if (published === null) flags.push('publication status unknown — check before relying on it');
  const g = governingSetting(standing, published, rule)!;
  const own = circuitLabel(rule.circuit);
  if (!g.setting.verified) flags.push(`how a ${g.kind} counts in the ${own} is UNVERIFIED; the documented default is used`);
  switch (g.setting.value) {
    case 'controlling': return { reason: null, relation: 'controlling' };
    case 'consensus': return { reason: null, relation: 'persuasive_consensus' };
    default: return { reason: `${g.kind}: in the ${own} it ${WEIGHT_WORDS[g.setting.value]}`, relation: 'ineligible' };
  }
}

/** A structured history list from the coding, when it has one (the knowledge base keeps it under `kb`). */
export function structuredHistory(coding: QiCoding | null): unknown {
  const c = coding as (QiCoding & { subsequent_history?: unknown; kb?: { subsequent_history?: unknown } }) | null;
  return c?.subsequent_history ?? c?.kb?.subsequent_history;
}

export function checkHistory(c: CaseRecord, coding: QiCoding | null, incidentDate: string, flags: string[]): string | null {
  for (const e of historyEvents(c.subsequent_history, structuredHistory(coding)).filter(isNegative)) {
    const t = timing(e, incidentDate);
    if (t === 'before') return `${describeEvent(e)} before the incident: not good law on ${incidentDate}`;
    if (t === 'after') flags.push(`later history: ${describeEvent(e)}, after the incident — it was the law then, but check how courts now treat it`);
    else flags.push(`subsequent history "${e.text}" has no date that places it before or after the incident — check`);
  }
  return null;
}

export function checkHolding(coding: QiCoding | null, flags: string[]): string | null {
  if (!coding) return 'not coded for qualified immunity, so no holding of a violation is known';
  if (coding.coded_by?.coder === 'machine') flags.push('holding read by the machine coder — verify against the opinion');
  switch (coding.prong1) {
    case 'violation':
      return null;
    case 'not_reached':
      return 'did not decide whether the conduct was unconstitutional (prong 1 not reached): a grant on prong 2 alone establishes nothing';
    case 'no_violation':
      return 'held that the conduct did not violate the Constitution';
    default:
      return 'no holding that the conduct violated a federal right is recorded (prong 1 not coded)';
  }
}

export function eligibility(c: CaseRecord, coding: QiCoding | null, incident: Incident, rule: CircuitSourceRule, recentDays = 60): Eligibility {
  const flags: string[] = [];
  const reasons: string[] = [];
  const standing = courtStanding(c, incident);
  const published = c.precedential_status === 'published' ? true : c.precedential_status === 'unknown' ? null : false;
  const timingReason = checkTiming(c.decision_date, incident.date, recentDays, flags);
  if (timingReason) reasons.push(timingReason);
  const source = checkSource(standing, published, rule, flags);
  if (source.reason) reasons.push(source.reason);
  const history = checkHistory(c, coding, incident.date, flags);
  if (history) reasons.push(history);
  const holding = checkHolding(coding, flags);
  if (holding) reasons.push(holding);
  const eligible = reasons.length === 0;
  return {
    eligible,
    reason: reasons[0] ?? null,
    reasons,
    standing,
    relation: eligible ? source.relation : 'ineligible',
    flags,
  };
}
