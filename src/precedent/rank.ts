/**
 * One score per candidate: factual similarity on the factors (most of it), text similarity of the facts, and
 * the authority of the court, minus material distinctions. The weights are design choices documented here, not
 * law; eligibility is decided separately (eligibility.ts) and never by the score.
 */
import { getCourt } from '../courts/index.js';
import type { QiCoding } from '../qi/types.js';
import { matchFactors, supportFor } from './similarity.js';
import { authorityWeight, courtLabel } from './standing.js';
import type { Candidate, Eligibility, Incident, RankedPrecedent, Rules } from './types.js';

export const WEIGHTS = { factors: 0.55, text: 0.25, authority: 0.2 } as const;

/**
 * How far apart two rights are: 1 the same (or one names only the kind, `excessive_force`), 0.8 the same kind
 * under another amendment (Fourth vs Fourteenth: another standard, §3.1), 0.5 another kind of claim.
 */
export function rightAffinity(a: string, b: string): number {
  if (a === b || a.endsWith(`_${b}`) || b.endsWith(`_${a}`)) return 1;
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

export function scoreCandidate(cand: Candidate, incident: Incident, elig: Eligibility, text: number, rules: Rules): Omit<RankedPrecedent, 'rank'> {
  const coding = cand.coding;
  const precedentIds = (coding?.factors ?? []).map((f) => f.id);
  const m = matchFactors(incident.factors.map((f) => f.id), precedentIds, rules.distinguishingPairs());
  const authority = authorityWeight(elig.standing, cand.case.precedential_status === 'published');
  const textScore = Math.max(text, cand.fts);
  let score = WEIGHTS.factors * m.score + WEIGHTS.text * textScore + WEIGHTS.authority * authority - m.penalty;
  const flags = [...elig.flags];
  if (elig.eligible && coding?.prong1 === 'violation' && coding.prong2 === 'not_clearly_established') {
    flags.push('held the conduct unconstitutional but not clearly established on its own facts’ date; from its decision date it can itself give notice');
  }
  const affinity = coding?.right ? rightAffinity(coding.right, incident.right) : 1;
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
      factors: round(m.score), text: round(textScore), authority: round(authority), penalty: round(m.penalty),
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
 * Worth showing: the precedent shares (or nearly shares) the incident's force or the subject's conduct — a
 * decision that shares the force but is distinguished on the subject is exactly what a lawyer must see — or its
 * facts read clearly alike. A shared offense or setting alone, or a distinction alone, is not enough. Incidents
 * without force or subject factors fall back to any shared factor.
 */
export function isRelevant(p: Omit<RankedPrecedent, 'rank'>, incident: Incident): boolean {
  if (p.components.text >= 0.35) return true;
  const core = (id: string): boolean => id.startsWith('force.') || id.startsWith('subject.');
  const incidentHasCore = incident.factors.some((f) => core(f.id));
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
