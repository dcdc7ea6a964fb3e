/** Read queries: cases, opinions and the citation graph. */
import { decodeCursor, pageLimit, pageOf } from '../cursor.js';
import { reporterKey } from '../records.js';
import type { CaseFilter, CaseRecord, CitationEdge, OpinionRecord, Page, PageRequest } from '../types.js';
import type { Statements } from './connection.js';
import { CASE_COLUMNS, LINK_COLUMNS, OPINION_COLUMNS, caseFilterSql, toCase, toLink, type CaseRow, type LinkRow } from './rows.js';

export function getCase(sql: Statements, id: string): CaseRecord | null {
  const row = sql.get<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases c WHERE c.id = ?`, id);
  return row ? toCase(row) : null;
}

export function getCaseBySource(sql: Statements, source: string, sourceId: string): CaseRecord | null {
  const row = sql.get<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases c WHERE c.source = ? AND c.source_id = ?`, source, sourceId);
  return row ? toCase(row) : null;
}

export function findCasesByCitation(sql: Statements, volume: string, reporter: string, page: string): CaseRecord[] {
  return sql.all<CaseRow>(`SELECT ${CASE_COLUMNS} FROM case_citations k JOIN cases c ON c.id = k.case_id
    WHERE k.reporter_key = ? AND k.volume = ? AND k.page = ? ORDER BY c.seq`,
  reporterKey(reporter), volume.trim(), page.trim()).map(toCase);
}

export function listCases(sql: Statements, req: CaseFilter & PageRequest): Page<CaseRecord> {
  const limit = pageLimit(req.limit);
  const after = decodeCursor('cases', req.cursor);
  const filter = caseFilterSql(req);
  const rows = sql.all<CaseRow & { seq: number }>(`SELECT c.seq, ${CASE_COLUMNS} FROM cases c
    WHERE ${filter.sql} AND c.seq > @after ORDER BY c.seq LIMIT @limit`,
  { ...filter.params, after: after?.[0] ?? 0, limit: limit + 1 });
  return pageOf(rows, limit, 'cases', (r) => r.seq, ({ seq: _s, ...r }) => toCase(r));
}

export function getOpinions(sql: Statements, caseId: string): OpinionRecord[] {
  return sql.all<OpinionRecord>(`SELECT ${OPINION_COLUMNS} FROM opinions o WHERE o.case_id = ? ORDER BY o.ordinal`, caseId);
}

export function getOpinion(sql: Statements, id: string): OpinionRecord | null {
  return sql.get<OpinionRecord>(`SELECT ${OPINION_COLUMNS} FROM opinions o WHERE o.id = ?`, id) ?? null;
}

type EdgeRow = LinkRow & { citing_case_id: string } & Partial<CaseRow>;

/** Outgoing links: the case's opinions → cited cases (LEFT JOIN keeps the unresolved ones). */
export function cites(sql: Statements, caseId: string, req: PageRequest = {}): Page<CitationEdge> {
  return edges(sql, 'cites', req, `FROM opinions o JOIN citation_links l ON l.citing_opinion_id = o.id
    LEFT JOIN cases c ON c.id = l.cited_case_id WHERE o.case_id = @case_id`, caseId);
}

/** Incoming links: opinions of other cases → this case, with the citing case. */
export function citedBy(sql: Statements, caseId: string, req: PageRequest = {}): Page<CitationEdge> {
  return edges(sql, 'cited_by', req, `FROM citation_links l JOIN opinions o ON o.id = l.citing_opinion_id
    JOIN cases c ON c.id = o.case_id WHERE l.cited_case_id = @case_id`, caseId);
}

function edges(sql: Statements, kind: string, req: PageRequest, from: string, caseId: string): Page<CitationEdge> {
  const limit = pageLimit(req.limit);
  const after = decodeCursor(kind, req.cursor);
  const rows = sql.all<EdgeRow>(`SELECT ${LINK_COLUMNS}, o.case_id AS citing_case_id, ${CASE_COLUMNS} ${from}
    AND l.seq > @after ORDER BY l.seq LIMIT @limit`, { case_id: caseId, after: after?.[0] ?? 0, limit: limit + 1 });
  return pageOf(rows, limit, kind, (r) => r.link_seq, (r): CitationEdge => ({
    link: toLink(r),
    citing_case_id: r.citing_case_id,
    case: r.id ? toCase(r as CaseRow) : null,
  }));
}

