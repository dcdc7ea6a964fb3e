/** Full-text search over opinion_fts: BM25 ranking, one hit per case, keyset pages, snippets. */
import Database from 'better-sqlite3';
import { ClearlyError } from '../../errors/index.js';
import { decodeCursor, encodeCursor, pageLimit } from '../cursor.js';
import { parseSearchQuery, type QueryNode } from '../search-query.js';
import type { Page, SearchHit, SearchQuery } from '../types.js';
import type { Statements } from './connection.js';
import { CASE_COLUMNS, caseFilterSql, toCase, type CaseRow } from './rows.js';

/**
 * bm25() column weights (case_name, text). A word in the case name says what the case is about far more than
 * one occurrence in 30 pages of text, so the name counts ten times as much; FTS5's default k1=1.2, b=0.75 stand.
 */
const BM25 = 'bm25(opinion_fts, 10.0, 1.0)';
const SNIPPET_TOKENS = 32;

/** Every word and phrase is quoted, so nothing the user typed can be read as FTS5 syntax or a column filter. */
export function toFtsMatch(node: QueryNode): string {
  switch (node.kind) {
    case 'term': return `"${node.text.replace(/"/g, '""')}"${node.prefix ? '*' : ''}`;
    case 'phrase': return `"${node.text.replace(/"/g, '""')}"`;
    case 'and': return '(' + node.items.map(toFtsMatch).join(' AND ') + ')';
    case 'or': return '(' + node.items.map(toFtsMatch).join(' OR ') + ')';
    case 'not': return `(${toFtsMatch(node.left)} NOT ${toFtsMatch(node.right)})`;
  }
}

export function search(sql: Statements, query: SearchQuery): Page<SearchHit> {
  const match = toFtsMatch(parseSearchQuery(query.text));
  const limit = pageLimit(query.limit);
  const after = decodeCursor('search', query.cursor);
  const filter = caseFilterSql(query);
  const open = query.highlight?.open ?? '<mark>';
  const close = query.highlight?.close ?? '</mark>';

  // Stage 1 ranks matches and keeps each case's best opinion. Most pages are answered from a window of the
  // best-ranked matches (FTS5 keeps a top-N heap in C, far cheaper than joining and grouping every match of a
  // common word); the window is exact when it holds every match, or when enough cases rank strictly better than
  // its worst row (any case outside the window ranks no better than that row). Otherwise it widens, and finally
  // falls back to grouping every match.
  const params = { ...filter.params, after_r: after?.[0] ?? null, after_id: after?.[1] ?? null, limit: limit + 1 };
  let ranked: { case_id: string; seq: number; r: number }[] | undefined;
  for (const window of [(limit + 1) * 8, (limit + 1) * 64, (limit + 1) * 512]) {
    const top = sql.all<{ seq: number; r: number }>(
      `SELECT rowid AS seq, ${BM25} AS r FROM opinion_fts WHERE opinion_fts MATCH @match ORDER BY r LIMIT @window`,
      { match, window });
    const complete = top.length < window;
    const worst = top.length ? top[top.length - 1]!.r : 0;
    const rows = groupBest(sql, filter.sql, JSON.stringify(top.map((t) => [t.seq, t.r])), params)
      .filter((row) => complete || row.r < worst);
    if (complete || rows.length >= limit + 1) {
      ranked = rows.slice(0, limit + 1);
      break;
    }
  }
  // min(r) makes the bare column `seq` come from the best row (documented SQLite behaviour). Rank ties break on
  // case id, which is also the keyset the cursor carries. MATERIALIZED: bm25() may only run in the FTS query.
  ranked ??= sql.all<{ case_id: string; seq: number; r: number }>(`
    WITH m AS MATERIALIZED (SELECT rowid AS seq, ${BM25} AS r FROM opinion_fts WHERE opinion_fts MATCH @match)
    SELECT o.case_id AS case_id, m.seq AS seq, min(m.r) AS r
    FROM m JOIN opinions o ON o.seq = m.seq JOIN cases c ON c.id = o.case_id
    WHERE ${filter.sql}
    GROUP BY o.case_id
    HAVING @after_r IS NULL OR min(m.r) > @after_r OR (min(m.r) = @after_r AND o.case_id > @after_id)
    ORDER BY r, case_id
    LIMIT @limit`,
  { ...params, match });

  // Stage 2: snippets only for the page, since snippet() re-reads and re-tokenises each opinion's text.
  // The CAST matters: better-sqlite3 binds JS numbers as REAL, and FTS5 silently ignores a REAL rowid
  // constraint (SQLite 3.53), returning every match instead of the one row.
  const page = ranked.slice(0, limit);
  const items = page.map((hit): SearchHit => {
    const row = sql.get<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases c WHERE c.id = ?`, hit.case_id)!;
    const snip = sql.get<{ s: string }>(
      `SELECT snippet(opinion_fts, 1, @open, @close, '…', ${SNIPPET_TOKENS}) AS s FROM opinion_fts
       WHERE opinion_fts MATCH @match AND rowid = CAST(@seq AS INTEGER)`, { match, seq: hit.seq, open, close });
    const opinion = sql.get<{ id: string }>('SELECT id FROM opinions WHERE seq = ?', hit.seq)!;
    return { case: toCase(row), opinion_id: opinion.id, score: -hit.r, snippet: snip?.s ?? '' };
  });
  const last = page[page.length - 1];
  const more = ranked.length > limit && last !== undefined;
  return { items, next_cursor: more ? encodeCursor('search', [last.r, last.case_id]) : null };
}

/** Groups a window of ranked matches (JSON `[[seq, r], …]`) to each case's best opinion, filtered and paged. */
function groupBest(
  sql: Statements, filterSql: string, window: string, params: Record<string, unknown>,
): { case_id: string; seq: number; r: number }[] {
  return sql.all<{ case_id: string; seq: number; r: number }>(`
    WITH m AS MATERIALIZED (SELECT json_extract(value, '$[0]') AS seq, json_extract(value, '$[1]') AS r FROM json_each(@window))
    SELECT o.case_id AS case_id, m.seq AS seq, min(m.r) AS r
    FROM m JOIN opinions o ON o.seq = m.seq JOIN cases c ON c.id = o.case_id
    WHERE ${filterSql}
    GROUP BY o.case_id
    HAVING @after_r IS NULL OR min(m.r) > @after_r OR (min(m.r) = @after_r AND o.case_id > @after_id)
    ORDER BY r, case_id`,
  { ...params, window });
}

/** The parser should make this unreachable; it is the safety net that keeps FTS5 errors out of users' faces. */
export function searchError(err: unknown, text: string): unknown {
  if (err instanceof Database.SqliteError && /fts5|syntax|unterminated|no such column/i.test(err.message)) {
    return new ClearlyError('usage', `search query ${JSON.stringify(text)} could not be understood (${err.message})`, { cause: err });
  }
  return err;
}
