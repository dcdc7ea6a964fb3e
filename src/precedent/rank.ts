/**
 * One score per candidate: factual similarity on the factors (most of it), text similarity of the facts, the
 * authority of the court, reliance by earlier decisions and the procedural posture, minus material distinctions. The weights are design choices documented here, not
 * law; eligibility is decided separately (eligibility.ts) and never by the score.
 */
import { getCourt } from '../courts/index.js';
import { outcomeCode } from '../qi/rules/index.js';
import type { QiCoding } from '../qi/types.js';
import { matchFactors, supportFor } from './similarity.js';
import { authorityWeight, courtLabel } from './standing.js';
import type { Candidate, Eligibility, Incident, RankedPrecedent, Rules } from './types.js';

/**
 * `posture`: the precedent was decided in the incident's procedural posture (both known) — what a court may review
 * on an interlocutory appeal, or how it reads the record at summary judgment, is decided by decisions in that
 * posture (Johnson v. Jones; Plumhoff; Tolan, doctrine.md §1.6). A minor signal, half the weight of reliance. The
 * combined score is divided by the sum of the weights, so it stays within 0..1.
 */
export const WEIGHTS = { factors: 0.5, text: 0.2, authority: 0.2, reliance: 0.1, posture: 0.05 } as const;
const WEIGHT_SUM = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);

/**
 * A decision handed down on or after the incident date could not have given the officer notice; in the
 * close-but-ineligible list it is shown after the decisions that were the law at the time (the ones both sides
 * will argue from), by this factor on its score. A design choice, not a legal rule.
 */
export const LATER_DECISION_FACTOR = 0.6;

/**
 * How far apart two rights are: 1 the same (or one names only the kind, `excessive_force`), 0.8 the same kind
 * under another amendment (Fourth vs Fourteenth: another standard, §3.1), 0.5 another kind of claim.
 */
export function rightAffinity(a: string, b: string): number {
  if (!a || !b || a === b || a.endsWith(`_${b}`) || b.endsWith(`_${a}`)) return 1;
  const kind = (r: string): string => r.replace(/^[a-z]+_amendment_/, '');
  return kind(a) === kind(b) ? 0.8 : 0.5;
}

export function primaryCitation(c: Candidate['case']): string | null {
  const first = c.citations[0];
  if (first) return first.cite ?? `${first.volume} ${first.reporter} ${first.page}`;
  return c.docket_number ? `No. ${c.docket_number}` : null;
}

export function holdingOf(coding: QiCoding | null): string | null {
  const c = coding as (QiCoding & { holding?: string; kb?: { holding?: string } }) | null;
  if (c?.holding) return c.holding;
  if (c?.kb?.holding) return c.kb.holding;
  const ev = c?.evidence?.find((e) => /outcome|prong1|holding/.test(e.field));
  return ev?.sentence ?? null;
}

/** The decision granted qualified immunity: not clearly established, or an outcome code that grants it (outcomes.json). */
export function grantedImmunity(p: Pick<RankedPrecedent, 'prong2' | 'outcome'>): boolean {
  return p.prong2 === 'not_clearly_established' || (p.outcome !== null && outcomeCode(p.outcome)?.qi === 'granted');
}

export function scoreCandidate(cand: Candidate, incident: Incident, elig: Eligibility, text: number, rules: Rules, reliance = 0): Omit<RankedPrecedent, 'rank'> {
  const coding = cand.coding;
  const precedentIds = (coding?.factors ?? []).map((f) => f.id);
  const m = matchFactors(incident.factors.map((f) => f.id), precedentIds, rules.distinguishingPairs());
  const authority = authorityWeight(elig.standing, cand.case.precedential_status === 'published');
  const textScore = Math.max(text, cand.fts);
  const posture = incident.posture !== null && coding?.posture === incident.posture ? 1 : 0;
  // A Supreme Court grant (ineligible) that shares no fact with the incident is read for the standard it restates, and every
  // such restatement binds alike; the count of decisions relying on it then mostly measures its age (each new
  // per curiam collects the earlier ones: al-Kidd, Mullenix, White, Kisela, Emmons — doctrine.md §1.1). It is not
  // counted for them, so they order by text similarity, then (ties, find.ts) the most recent restatement first.
  const standardOnly = grantOnOtherFacts({
    eligible: elig.eligible, standing: elig.standing, matched_factors: m.matched, partial_factors: m.partial,
    prong2: coding?.prong2 ?? null, outcome: coding?.outcome ?? null,
  });
  const relied = standardOnly ? 0 : reliance;
  let score = (WEIGHTS.factors * m.score + WEIGHTS.text * textScore + WEIGHTS.authority * authority + WEIGHTS.reliance * relied +
    WEIGHTS.posture * posture - m.penalty) / WEIGHT_SUM;
  const flags = [...elig.flags];
  if (cand.case.decision_date !== null && cand.case.decision_date >= incident.date) score *= LATER_DECISION_FACTOR;
  if (elig.eligible && coding?.prong1 === 'violation' && coding.prong2 === 'not_clearly_established') {
    flags.push('held the conduct unconstitutional but not clearly established on its own facts’ date; from its decision date it can itself give notice');
  }
  const affinity = coding?.right ? rightAffinity(coding.right, incident.right) : 1;
  if (standardOnly && affinity === 1 && cand.case.decision_date !== null && cand.case.decision_date < incident.date) {
    flags.push(`a Supreme Court grant of qualified immunity ${coding?.right ? 'on this right' : 'with no particular right recorded'} that shares no fact with the incident: listed because the defense will cite it for how specific the precedent must be`);
  }
  if (affinity < 1) {
    score *= affinity;
    flags.push(`different right at issue: ${coding!.right!.replace(/_/g, ' ')}`);
  }
  return {
    case_id: cand.case.id,
    case_name: cand.case.case_name,
    citation: primaryCitation(cand.case),
    court: courtLabel(cand.case.court_id),
    court_id: cand.case.court_id,
    circuit: cand.case.court_id === 'scotus' ? null : cand.case.circuit ?? (cand.case.court_id ? getCourt(cand.case.court_id)?.circuit ?? null : null),
    decision_date: cand.case.decision_date,
    eligible: elig.eligible,
    ineligible_reason: elig.reason,
    score: Math.round(Math.max(0, score) * 1000) / 1000,
    matched_factors: m.matched,
    distinguishing_factors: m.distinctions.map((d) => d.precedent_factor),
    relation_to_incident: elig.relation,
    standing: elig.standing,
    published: cand.case.precedential_status === 'published' ? true : cand.case.precedential_status === 'unknown' ? null : false,
    distinctions: m.distinctions,
    missing_factors: m.missing,
    partial_factors: m.partial,
    extra_factors: m.extra,
    flags,
    reasons: elig.reasons,
    components: {
      factors: round(m.score), text: round(textScore), authority: round(authority), reliance: round(relied), posture, penalty: round(m.penalty),
    },
    outcome: coding?.outcome ?? null,
    prong1: coding?.prong1 ?? null,
    prong2: coding?.prong2 ?? null,
    holding: holdingOf(coding),
    support: supportFor(m.matched, coding?.factors ?? []),
    coder: cand.coder,
    source_url: cand.case.source_url,
  };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * A Supreme Court decision about the same right, decided before the incident, that decided a fact pattern (coded
 * with a force or subject fact). When the incident itself names no force and no subject fact there is nothing to
 * compare facts on, and these are the decisions every officer is held to — worth reading first. Standard-setting
 * decisions with no facts are listed apart (standards.ts).
 */
export function supremeOnSameRight(p: Omit<RankedPrecedent, 'rank'>, incident: Incident, right: string | null, factual: boolean): boolean {
  if (!factual || !right || !incident.right || rightAffinity(right, incident.right) < 1) return false;
  return p.standing === 'supreme_court' && p.decision_date !== null && p.decision_date < incident.date;
}

/**
 * A Supreme Court decision about the incident's right (or about qualified immunity generally: no right recorded),
 * decided before the incident, that granted qualified immunity and cannot clearly establish the right (a prong-2
 * grant decides nothing about prong 1, doctrine.md §1.2). It binds every court and it is what the defense will cite
 * for how specific the precedent must be (al-Kidd; Kisela; Emmons), so it is listed with the close-but-ineligible
 * decisions whatever its facts. A no-violation holding without a grant (Scott v. Harris), or a grant that also
 * held a violation (eligible: Wilson v. Layne), is listed only when its facts are.
 */
export function supremeGrantOnRight(p: Omit<RankedPrecedent, 'rank'>, incident: Incident, right: string | null): boolean {
  if (p.eligible || p.standing !== 'supreme_court' || p.decision_date === null || p.decision_date >= incident.date) return false;
  if (right !== null && rightAffinity(right, incident.right) < 1) return false;
  return grantedImmunity(p);
}

/**
 * Listed only as a Supreme Court grant on the incident's right (supremeGrantOnRight): no fact of the incident shared,
 * not even in a related form. The memo shows these apart from the decisions close on the facts.
 */
export function sharesNoFact(p: Omit<RankedPrecedent, 'rank'>, incident: Incident): boolean {
  return grantOnOtherFacts(p) && p.decision_date !== null && p.decision_date < incident.date && !p.flags.some((f) => f.startsWith('different right'));
}

/** An ineligible Supreme Court grant of qualified immunity sharing no fact of the incident, not even a related one. */
function grantOnOtherFacts(p: Pick<RankedPrecedent, 'eligible' | 'standing' | 'matched_factors' | 'partial_factors' | 'prong2' | 'outcome'>): boolean {
  return !p.eligible && p.standing === 'supreme_court' && p.matched_factors.length === 0 && p.partial_factors.length === 0 && grantedImmunity(p);
}

/**
 * Worth showing: the precedent shares (or nearly shares) the incident's force or the subject's conduct — a
 * decision that shares the force but is distinguished on the subject is exactly what a lawyer must see — or its
 * facts read clearly alike. A shared offense or setting alone, or a distinction alone, is not enough. Incidents
 * without force or subject factors fall back to any shared factor, or a Supreme Court decision on the same right.
 */
export function isRelevant(p: Omit<RankedPrecedent, 'rank'>, incident: Incident, right: string | null = null, factual = false): boolean {
  if (p.components.text >= 0.35 || supremeGrantOnRight(p, incident, right)) return true;
  const core = (id: string): boolean => id.startsWith('force.') || id.startsWith('subject.');
  const incidentHasCore = incident.factors.some((f) => core(f.id));
  if (!incidentHasCore && supremeOnSameRight(p, incident, right, factual)) return true;
  const touched = [...p.matched_factors, ...p.partial_factors];
  return incidentHasCore ? touched.some(core) : touched.length > 0;
}

/**
 * "Materially similar" in the finder's sense: shares the incident's kind of force and (when the incident names
 * one) the subject's state, with no distinguishing fact. The question a court asks — does it "squarely govern"
 * (Emmons; Rivas-Villegas) — stays with the reader; this only sorts out the candidates worth reading first.
 */
export function materiallySimilar(p: Pick<RankedPrecedent, 'matched_factors' | 'distinctions'>, incident: Incident): boolean {
  if (p.distinctions.length > 0) return false;
  const needs = (prefix: string): boolean => incident.factors.some((f) => f.id.startsWith(prefix));
  const has = (prefix: string): boolean => p.matched_factors.some((id) => id.startsWith(prefix));
  return (!needs('force.') || has('force.')) && (!needs('subject.') || has('subject.')) && p.matched_factors.length > 0;
}
