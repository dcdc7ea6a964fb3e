/**
 * A knowledge-base row as the store's records: one case (source `kb`, source_id = the row id) with one summary
 * opinion, its citation links to other knowledge-base cases, and a human QI coding in the QiCoding shape.
 */
import { getCourt } from '../courts/index.js';
import type { PrecedentRelation, QiCoding } from '../qi/types.js';
import type { CaseInput, CitationLinkInput, JsonObject } from '../store/index.js';
import { caseIdFor } from '../store/index.js';
import { kbDecision, kbVersion } from './data.js';
import { historyText, primaryCitation, summaryText } from './summary.js';
import type { KbDecision } from './types.js';

export const KB_SOURCE = 'kb';
export const KB_METHOD = 'clearly knowledge base';

export const kbCaseId = (id: string): string => caseIdFor(KB_SOURCE, id);
export const summarySourceId = (id: string): string => `${id}:summary`;

/** The first address that looks like a URL (doctrine.md gives them without the scheme). */
function sourceUrl(d: KbDecision): string | null {
  const hit = d.sources.find((s) => /^[a-z0-9.-]+\.[a-z]{2,}\/\S+$/i.test(s));
  return hit ? `https://${hit}` : null;
}

export function kbCaseInput(d: KbDecision): CaseInput {
  return {
    source: KB_SOURCE,
    source_id: d.id,
    case_name: d.case_name,
    case_name_short: d.case_name_short,
    court_id: d.court,
    // The Supreme Court sits in no circuit; the courts table says so with null.
    circuit: getCourt(d.court)?.circuit ?? null,
    decision_date: d.decision_date,
    docket_number: d.docket_number,
    precedential_status: d.published === true ? 'published' : d.published === false ? 'unpublished' : 'unknown',
    citations: d.citations.map((c) => ({ ...c })),
    disposition: d.outcome_text,
    subsequent_history: historyText(d),
    source_url: sourceUrl(d),
    opinions: [{ source_id: summarySourceId(d.id), type: 'summary', author: 'clearly maintainers', text: summaryText(d) }],
  };
}

/** Links from the summary opinion to other knowledge-base cases, with the relation as the treatment. */
export function kbLinks(d: KbDecision): CitationLinkInput[] {
  return d.relations.flatMap((r): CitationLinkInput[] => {
    const t = r.target === undefined ? undefined : kbDecision(r.target);
    if (!t) return [];
    const c = t.citations[0];
    return [{
      text: primaryCitation(t) ?? t.case_name,
      volume: c?.volume ?? null, reporter: c?.reporter ?? null, page: c?.page ?? null,
      cited_case_id: kbCaseId(t.id), treatment: [r.relation], origin: KB_SOURCE,
    }];
  });
}

/** Relations that belong in a coding's `precedents` (the clearly-established analysis), mapped to its vocabulary. */
const PRECEDENT: Partial<Record<string, PrecedentRelation>> = {
  relied_on: 'relied_on', applied: 'relied_on', distinguished: 'distinguished', general_standard: 'general_standard',
};

const DECIDING = new Set(['AFFIRM_DENIAL', 'REVERSE_DENIAL', 'AFFIRM_GRANT', 'REVERSE_GRANT', 'AFFIRM_IN_PART_REVERSE_IN_PART', 'SCOTUS_SUMMARY_REVERSAL']);

/** Whether the decision decided qualified immunity, not merely a standard or a procedural point around it. */
export function decidesQi(d: KbDecision): boolean {
  if (d.decides_qi !== undefined) return d.decides_qi;
  const prongDecided = [d.prong1, d.prong2].some((p) => p !== null && p !== 'not_reached');
  return prongDecided || (d.outcome !== null && DECIDING.has(d.outcome)) || /\bQI (granted|denied)\b/.test(d.outcome_text);
}

export type KbCoding = QiCoding & { kb: JsonObject };

export function kbCoding(d: KbDecision): KbCoding {
  const precedents = d.relations.flatMap((r) => {
    const relation = PRECEDENT[r.relation];
    if (!relation) return [];
    const t = r.target === undefined ? undefined : kbDecision(r.target);
    return [{ citation: (t ? primaryCitation(t) : r.citation) ?? '', case_name: t?.case_name ?? r.name ?? null, relation }];
  });
  return {
    decides_qi: decidesQi(d),
    outcome: d.outcome,
    prong1: d.prong1,
    prong2: d.prong2,
    posture: d.posture,
    right: d.right,
    factors: d.factors.map((h) => ({ id: h.id, evidence: h.evidence, confidence: h.confidence })),
    precedents,
    officer_claims: [],
    coded_by: { coder: 'human', method: KB_METHOD, who: 'clearly maintainers', version: `kb-${kbVersion()}` },
    evidence: [{ field: 'holding', sentence: d.holding }, { field: 'outcome', sentence: d.outcome_text }],
    // Knowledge-base extras the QiCoding shape has no field for; readers that do not know them ignore them.
    kb: JSON.parse(JSON.stringify({
      id: d.id, verified: d.verified, doctrine_ref: d.doctrine_ref, holding: d.holding, right_text: d.right_text,
      flags: d.flags, parts: d.parts, relations: d.relations, subsequent_history: d.subsequent_history,
    })) as JsonObject,
  };
}
