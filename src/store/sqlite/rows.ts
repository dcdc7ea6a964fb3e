/** Row ↔ record mapping and the WHERE clause shared by search and case listing. */
import { checkCaseFilter } from '../filter.js';
import type { CaseFilter, CaseRecord, CitationLink, OpinionRecord, PrecedentialStatus, QiCodingRecord, Coder } from '../types.js';

/** Select list for a full CaseRecord from `cases c`. */
export const CASE_COLUMNS = `c.id, c.source, c.source_id, c.case_name, c.case_name_short, c.court_id, c.circuit,
  c.decision_date, c.docket_number, c.precedential_status, c.citations, c.disposition, c.subsequent_history,
  c.inferred, c.source_url`;

export interface CaseRow {
  id: string; source: string; source_id: string; case_name: string; case_name_short: string | null;
  court_id: string | null; circuit: string | null; decision_date: string | null; docket_number: string | null;
  precedential_status: string; citations: string; disposition: string | null; subsequent_history: string | null;
  inferred: string; source_url: string | null;
}

export function toCase(r: CaseRow): CaseRecord {
  return {
    ...r,
    precedential_status: r.precedential_status as PrecedentialStatus,
    citations: JSON.parse(r.citations) as CaseRecord['citations'],
    inferred: JSON.parse(r.inferred) as CaseRecord['inferred'],
  };
}

export const toOpinion = (r: OpinionRecord): OpinionRecord => ({ ...r });

export { LINK_COLUMNS, OPINION_COLUMNS } from '../columns.js';
import { waitingRef } from '../columns.js';

export interface LinkRow {
  link_seq: number; citing_opinion_id: string; cited_case_id: string | null; link_text: string;
  volume: string | null; reporter: string | null; page: string | null; pin_cite: string | null;
  parenthetical: string | null; signal: string | null; span_start: number | null; span_end: number | null;
  treatment: string; depth: number; unresolved_reason: string | null; origin: string; cited_ref: string | null;
}

export function toLink(r: LinkRow): CitationLink {
  return {
    citing_opinion_id: r.citing_opinion_id,
    cited_case_id: r.cited_case_id,
    text: r.link_text,
    volume: r.volume,
    reporter: r.reporter,
    page: r.page,
    pin_cite: r.pin_cite,
    parenthetical: r.parenthetical,
    signal: r.signal,
    span: r.span_start === null || r.span_end === null ? null : [r.span_start, r.span_end],
    treatment: JSON.parse(r.treatment) as string[],
    depth: r.depth,
    unresolved_reason: r.unresolved_reason,
    origin: r.origin,
    ...waitingRef(r),
  };
}

export interface CodingRow { case_id: string; coder: string; coding: string; created_at: string }
export const toCoding = (r: CodingRow): QiCodingRecord => ({
  case_id: r.case_id, coder: r.coder as Coder, coding: JSON.parse(r.coding) as QiCodingRecord['coding'], created_at: r.created_at,
});

/**
 * WHERE terms for a CaseFilter over `cases c`, only for the filters given so SQLite can use the court/circuit
 * indexes (an `? IS NULL OR …` form would defeat them). At most 256 distinct SQL texts, each prepared once;
 * court lists travel as one JSON parameter. Parameters are named (f_ prefix) so callers can add their own without collisions.
 */
/** A case filter as SQL over `cases c`, with its named parameters (all `f_`-prefixed). */
export interface CaseFilterSql { sql: string; params: Record<string, unknown> }

export function caseFilterSql(filter: CaseFilter): CaseFilterSql {
  checkCaseFilter(filter);
  const terms: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.courts && filter.courts.length > 0) {
    terms.push('c.court_id IN (SELECT value FROM json_each(@f_courts))');
    params.f_courts = JSON.stringify(filter.courts);
  }
  if (filter.circuit !== undefined) { terms.push('c.circuit = @f_circuit'); params.f_circuit = filter.circuit; }
  if (filter.after !== undefined) { terms.push('c.decision_date > @f_after'); params.f_after = filter.after; }
  if (filter.before !== undefined) { terms.push('c.decision_date < @f_before'); params.f_before = filter.before; }
  if (filter.published) terms.push("c.precedential_status = 'published'");
  // QI filters read the effective coding's facets (migration 3, maintained by putQiCoding).
  if (filter.decides_qi !== undefined) {
    terms.push('c.id IN (SELECT case_id FROM qi_effective WHERE decides_qi = @f_decides_qi)');
    params.f_decides_qi = filter.decides_qi ? 1 : 0;
  }
  if (filter.qi_outcomes && filter.qi_outcomes.length > 0) {
    terms.push('c.id IN (SELECT case_id FROM qi_effective WHERE outcome IN (SELECT value FROM json_each(@f_outcomes)))');
    params.f_outcomes = JSON.stringify(filter.qi_outcomes);
  }
  const factors = [...new Set(filter.factors ?? [])];
  if (factors.length > 0) {
    // All of them: the case has as many of the listed factors as there are distinct ones.
    terms.push(`(SELECT count(*) FROM qi_effective_factors f WHERE f.case_id = c.id
      AND f.factor IN (SELECT value FROM json_each(@f_factors))) = @f_nfactors`);
    params.f_factors = JSON.stringify(factors);
    params.f_nfactors = factors.length;
  }
  return { sql: terms.length > 0 ? terms.join(' AND ') : '1', params };
}
