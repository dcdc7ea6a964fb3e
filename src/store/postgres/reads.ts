/** Read queries: cases, opinions and the citation graph. */
import { ClearlyError } from '../../errors/index.js';
import { decodeCursor, pageLimit, pageOf } from '../cursor.js';
import { reporterKey } from '../records.js';
import type { CaseFilter, CaseRecord, CitationEdge, OpinionRecord, Page, PageRequest } from '../types.js';
import type { Sql } from './pool.js';
import { CASE_COLUMNS, LINK_COLUMNS, OPINION_COLUMNS, Params, caseFilterSql, toCase, toLink, type CaseRow, type LinkRow } from './rows.js';

/** The seq a keyset cursor carries; a well-formed cursor holding a non-number is still the caller's mistake. */
function seqAfter(kind: string, cursor: string | undefined): number {
  const v = Number(decodeCursor(kind, cursor)?.[0] ?? 0);
  if (!Number.isSafeInteger(v)) throw new ClearlyError('usage', `invalid ${kind} cursor`, { hint: 'Pass next_cursor unchanged.' });
  return v;
}

export async function getCase(sql: Sql, id: string): Promise<CaseRecord | null> {
  const row = await sql.get<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases c WHERE c.id = $1`, [id]);
  return row ? toCase(row) : null;
}

export async function getCaseBySource(sql: Sql, source: string, sourceId: string): Promise<CaseRecord | null> {
  const row = await sql.get<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases c WHERE c.source = $1 AND c.source_id = $2`, [source, sourceId]);
  return row ? toCase(row) : null;
}

/** Many citations in one query: answer `i` lists the cases carrying `cites[i]`, in insertion order. */
export async function findCasesByCitations(sql: Sql, cites: { volume: string; reporter: string; page: string }[]): Promise<CaseRecord[][]> {
  const out: CaseRecord[][] = cites.map(() => []);
  if (cites.length === 0) return out;
  const rows = await sql.all<CaseRow & { ord: number }>(`SELECT w.ord, ${CASE_COLUMNS}
    FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS w(reporter_key, volume, page, ord)
    JOIN case_citations k ON k.reporter_key = w.reporter_key AND k.volume = w.volume AND k.page = w.page
    JOIN cases c ON c.id = k.case_id ORDER BY w.ord, c.seq`,
  [cites.map((c) => reporterKey(c.reporter)), cites.map((c) => c.volume.trim()), cites.map((c) => c.page.trim())]);
  for (const r of rows) out[r.ord - 1]!.push(toCase(r));
  return out;
}

export async function listCases(sql: Sql, req: CaseFilter & PageRequest): Promise<Page<CaseRecord>> {
  const limit = pageLimit(req.limit);
  const after = seqAfter('cases', req.cursor);
  const p = new Params();
  const where = caseFilterSql(req, p);
  const rows = await sql.all<CaseRow & { seq: number }>(`SELECT c.seq, ${CASE_COLUMNS} FROM cases c
    WHERE ${where} AND c.seq > ${p.add(after)} ORDER BY c.seq LIMIT ${p.add(limit + 1)}`, p.values);
  return pageOf(rows, limit, 'cases', (r) => r.seq, toCase);
}

export async function getOpinions(sql: Sql, caseId: string): Promise<OpinionRecord[]> {
  return sql.all<OpinionRecord>(`SELECT ${OPINION_COLUMNS} FROM opinions o WHERE o.case_id = $1 ORDER BY o.ordinal`, [caseId]);
}

export async function getOpinion(sql: Sql, id: string): Promise<OpinionRecord | null> {
  return (await sql.get<OpinionRecord>(`SELECT ${OPINION_COLUMNS} FROM opinions o WHERE o.id = $1`, [id])) ?? null;
}

type EdgeRow = LinkRow & { citing_case_id: string } & Partial<CaseRow>;

/** Outgoing links: the case's opinions → cited cases (LEFT JOIN keeps the unresolved ones). */
export function cites(sql: Sql, caseId: string, req: PageRequest = {}): Promise<Page<CitationEdge>> {
  return edges(sql, 'cites', req, `FROM opinions o JOIN citation_links l ON l.citing_opinion_id = o.id
    LEFT JOIN cases c ON c.id = l.cited_case_id WHERE o.case_id = $1`, caseId);
}

/** Incoming links: opinions of other cases → this case, with the citing case. */
export function citedBy(sql: Sql, caseId: string, req: PageRequest = {}): Promise<Page<CitationEdge>> {
  return edges(sql, 'cited_by', req, `FROM citation_links l JOIN opinions o ON o.id = l.citing_opinion_id
    JOIN cases c ON c.id = o.case_id WHERE l.cited_case_id = $1`, caseId);
}

async function edges(sql: Sql, kind: string, req: PageRequest, from: string, caseId: string): Promise<Page<CitationEdge>> {
  const limit = pageLimit(req.limit);
  const after = seqAfter(kind, req.cursor);
  const rows = await sql.all<EdgeRow>(`SELECT ${LINK_COLUMNS}, o.case_id AS citing_case_id, ${CASE_COLUMNS} ${from}
    AND l.seq > $2 ORDER BY l.seq LIMIT $3`, [caseId, after, limit + 1]);
  return pageOf(rows, limit, kind, (r) => r.link_seq, (r): CitationEdge => ({
    link: toLink(r),
    citing_case_id: r.citing_case_id,
    case: r.id ? toCase(r as CaseRow) : null,
  }));
}

