/** Row ↔ record mapping and the WHERE clause shared by search and case listing (PostgreSQL dialect). */
import { waitingRef } from '../columns.js';
import { checkCaseFilter } from '../filter.js';
import type { CaseFilter, CaseRecord, CitationLink, Coder, JsonObject, PrecedentialStatus, QiCodingRecord } from '../types.js';

/** Collects positional parameters: `p.add(v)` returns the `$n` to put in the SQL text. */
export class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

export const CASE_COLUMNS = `c.id, c.source, c.source_id, c.case_name, c.case_name_short, c.court_id, c.circuit,
  c.decision_date, c.docket_number, c.precedential_status, c.citations, c.disposition, c.subsequent_history,
  c.inferred, c.source_url`;

export interface CaseRow {
  id: string; source: string; source_id: string; case_name: string; case_name_short: string | null;
  court_id: string | null; circuit: string | null; decision_date: string | null; docket_number: string | null;
  precedential_status: string; citations: CaseRecord['citations']; disposition: string | null;
  subsequent_history: string | null; inferred: CaseRecord['inferred']; source_url: string | null;
}

/** jsonb columns arrive parsed; only the field set is fixed here so extra selected columns never leak out. */
export const toCase = (r: CaseRow): CaseRecord => ({
  id: r.id, source: r.source, source_id: r.source_id, case_name: r.case_name, case_name_short: r.case_name_short,
  court_id: r.court_id, circuit: r.circuit, decision_date: r.decision_date, docket_number: r.docket_number,
  precedential_status: r.precedential_status as PrecedentialStatus, citations: r.citations,
  disposition: r.disposition, subsequent_history: r.subsequent_history, inferred: r.inferred, source_url: r.source_url,
});


export { LINK_COLUMNS, OPINION_COLUMNS } from '../columns.js';

export interface LinkRow {
  link_seq: number; citing_opinion_id: string; cited_case_id: string | null; link_text: string;
  volume: string | null; reporter: string | null; page: string | null; pin_cite: string | null;
  parenthetical: string | null; signal: string | null; span_start: number | null; span_end: number | null;
  treatment: string[]; depth: number; unresolved_reason: string | null; origin: string; cited_ref: string | null;
}

export const toLink = (r: LinkRow): CitationLink => ({
  citing_opinion_id: r.citing_opinion_id, cited_case_id: r.cited_case_id, text: r.link_text, volume: r.volume,
  reporter: r.reporter, page: r.page, pin_cite: r.pin_cite, parenthetical: r.parenthetical, signal: r.signal,
  span: r.span_start === null || r.span_end === null ? null : [r.span_start, r.span_end],
  treatment: r.treatment, depth: r.depth, unresolved_reason: r.unresolved_reason, origin: r.origin, ...waitingRef(r),
});

export interface CodingRow { case_id: string; coder: string; coding: JsonObject; created_at: string }
export const toCoding = (r: CodingRow): QiCodingRecord => ({
  case_id: r.case_id, coder: r.coder as Coder, coding: r.coding, created_at: r.created_at,
});

/** WHERE terms over `cases c` for the filters given (only those, so the planner can use the court/circuit indexes). */
export function caseFilterSql(filter: CaseFilter, p: Params): string {
  checkCaseFilter(filter);
  const terms: string[] = [];
  if (filter.courts && filter.courts.length > 0) terms.push(`c.court_id = ANY(${p.add(filter.courts)}::text[])`);
  if (filter.circuit !== undefined) terms.push(`c.circuit = ${p.add(filter.circuit)}`);
  if (filter.after !== undefined) terms.push(`c.decision_date > ${p.add(filter.after)}`);
  if (filter.before !== undefined) terms.push(`c.decision_date < ${p.add(filter.before)}`);
  if (filter.published) terms.push("c.precedential_status = 'published'");
  // QI filters read the effective coding's facets (migration 4, maintained by putQiCoding).
  if (filter.decides_qi !== undefined) {
    terms.push(`c.id IN (SELECT case_id FROM qi_effective WHERE decides_qi = ${p.add(filter.decides_qi)})`);
  }
  if (filter.qi_outcomes && filter.qi_outcomes.length > 0) {
    terms.push(`c.id IN (SELECT case_id FROM qi_effective WHERE outcome = ANY(${p.add(filter.qi_outcomes)}::text[]))`);
  }
  const factors = [...new Set(filter.factors ?? [])];
  if (factors.length > 0) {
    // All of them: the case has as many of the listed factors as there are distinct ones.
    terms.push(`(SELECT count(*) FROM qi_effective_factors f WHERE f.case_id = c.id
      AND f.factor = ANY(${p.add(factors)}::text[])) = ${p.add(factors.length)}`);
  }
  return terms.length > 0 ? terms.join(' AND ') : 'true';
}
