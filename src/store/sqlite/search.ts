/** Full-text search over opinion_fts: BM25 ranking, one hit per case, keyset pages, snippets. */
import Database from 'better-sqlite3';
import { ClearlyError } from '../../errors/index.js';
import { decodeCursor, encodeCursor, pageLimit } from '../cursor.js';
import { parseSearchQuery, type QueryNode } from '../search-query.js';
import type { Page, SearchHit, SearchQuery } from '../types.js';
import type { Statements } from './connection.js';
import { BM25, rankedSlot } from './rankings.js';
import { CASE_COLUMNS, caseFilterSql, toCase, type CaseRow } from './rows.js';
import { memoSnippets } from './snippet-memo.js';

// bm25() column weights (case_name, text), in rankings.ts: a word in the case name says what the case is about far
// more than one occurrence in 30 pages of text, so the name counts ten times as much; FTS5's k1=1.2, b=0.75 stand.
const SNIPPET_TOKENS = 32;
/** The tokenizer of opinion_fts (migration 1): the page index for snippets must tokenize exactly alike. */
const TOKENIZE = 'porter unicode61 remove_diacritics 2';

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

/**
 * `generation` identifies the store's content (SqliteStore.generation): rankings and snippets computed for earlier
 * searches are reused only while it is unchanged (see rankings.ts, snippet-memo.ts).
 */
let calls = 0;

export function search(sql: Statements, query: SearchQuery, generation: string | null = null): Page<SearchHit> {
  const tree = parseSearchQuery(query.text);
  const match = toFtsMatch(tree);
  const limit = pageLimit(query.limit);
  const after = decodeCursor('search', query.cursor);
  const filter = caseFilterSql(query);
  const open = query.highlight?.open ?? '<mark>';
  const close = query.highlight?.close ?? '</mark>';

  // Stage 1 ranks matches and keeps each case's best opinion. Most pages are answered from a window of the
  // best-ranked matches (SQLite's sorter keeps a top-N heap, far cheaper than grouping every match of a common
  // word); the window is exact when it holds every match, or when enough cases rank strictly better than its
  // worst row (any case outside the window ranks no better than that row). Otherwise it widens — by the share of
  // the window that passed the filter, so a selective filter (one circuit) does not climb through every size —
  // and finally falls back to grouping every match.
  const params = { ...filter.params, match, after_r: after?.[0] ?? null, after_id: after?.[1] ?? null, limit: limit + 1 };
  const request = JSON.stringify([filter.sql, filter.params, limit, query.cursor ?? null]);
  const call = ++calls;
  let ranked: Ranked[] | undefined;
  // Each round ranks every match again (bm25 over the whole match set is most of a round's cost), so a filter
  // that keeps a small share of the corpus (a court, a circuit, QI facets) starts at the window a second round
  // would reach; date and published filters usually keep most cases and start small.
  let window = (limit + 1) * (selectiveFilter(query) ? 64 : 8);
  for (let round = 0; round < 3 && window <= MAX_WINDOW; round++) {
    const slot = rankedSlot(sql, match, window, generation, request, call);
    const rows = windowBest(sql, filter.sql, { ...params, window, slot });
    const head = rows[0]!;
    const complete = head.n < window;
    const better = rows.filter((row) => row.case_id !== null && (complete || row.r! < head.worst!)) as Ranked[];
    if (complete || better.length >= limit + 1) {
      ranked = better.slice(0, limit + 1);
      break;
    }
    // Matches needed ≈ window × (cases wanted / cases the filter kept), doubled for margin; at least ×8.
    const kept = Math.max(better.length, 1);
    window = Math.max(window * 8, Math.ceil((window * (limit + 1) * 2) / kept));
  }
  // min(r) makes the bare column `seq` come from the best row (documented SQLite behaviour). Rank ties break on
  // case id, which is also the keyset the cursor carries. MATERIALIZED: bm25() may only run in the FTS query.
  ranked ??= sql.all<Ranked>(`
    WITH m AS MATERIALIZED (SELECT rowid AS seq, ${BM25} AS r FROM opinion_fts WHERE opinion_fts MATCH @match)
    SELECT o.case_id AS case_id, m.seq AS seq, min(m.r) AS r
    FROM m JOIN opinions o ON o.seq = m.seq JOIN cases c ON c.id = o.case_id
    WHERE ${filter.sql}
    GROUP BY o.case_id
    HAVING @after_r IS NULL OR min(m.r) > @after_r OR (min(m.r) = @after_r AND o.case_id > @after_id)
    ORDER BY r, case_id
    LIMIT @limit`,
  params);

  // Stage 2, for the page only: cases and opinion ids in one query, then the snippets (see pageSnippets).
  const page = ranked.slice(0, limit);
  const seqs = page.map((h) => h.seq);
  const rows = new Map(sql.all<CaseRow & { o_seq: number; o_id: string }>(
    `SELECT ${CASE_COLUMNS}, o.seq AS o_seq, o.id AS o_id FROM opinions o JOIN cases c ON c.id = o.case_id
     WHERE o.seq IN (SELECT value FROM json_each(?))`, JSON.stringify(seqs)).map((r) => [r.o_seq, r]));
  const snippets = memoSnippets(sql, generation, [match, open, close], seqs,
    (missing) => pageSnippets(sql, tree, match, missing, open, close));
  const items = page.map((hit): SearchHit => {
    const { o_seq: _seq, o_id, ...row } = rows.get(hit.seq)!;
    return { case: toCase(row), opinion_id: o_id, score: -hit.r, snippet: snippets.get(hit.seq) ?? '' };
  });
  const last = page[page.length - 1];
  const more = ranked.length > limit && last !== undefined;
  return { items, next_cursor: more ? encodeCursor('search', [last.r, last.case_id]) : null };
}

interface Ranked { case_id: string; seq: number; r: number }

function selectiveFilter(f: SearchQuery): boolean {
  return (f.courts?.length ?? 0) > 0 || f.circuit !== undefined || f.decides_qi !== undefined || (f.qi_outcomes?.length ?? 0) > 0 || (f.factors?.length ?? 0) > 0;
}

/** Beyond this many ranked rows a window costs about what grouping every match does; the fallback takes over. */
const MAX_WINDOW = 200_000;

/**
 * The best `@window` matches, grouped to each case's best opinion, filtered and keyset-paged, in one statement,
 * reading the ranked matches from temp.ranked's slot `@slot` (filled by rankedSlot). Every row carries the window's size
 * `n` and its worst rank `worst`; a LEFT JOIN keeps one row (case_id null) when no case passes the filter. CROSS
 * JOIN fixes the join order: left free, the planner walks every opinion in case order to save the GROUP BY sort
 * (measured 110 ms at 144k opinions instead of ~1 ms).
 */
function windowBest(
  sql: Statements, filterSql: string, params: Record<string, unknown>,
): ({ case_id: string | null; seq: number | null; r: number | null; n: number; worst: number | null })[] {
  return sql.all(`
    WITH m AS MATERIALIZED (SELECT seq, r FROM temp.ranked WHERE slot = @slot ORDER BY r LIMIT @window),
    w AS (SELECT count(*) AS n, max(r) AS worst FROM m),
    g AS (
      SELECT o.case_id AS case_id, m.seq AS seq, min(m.r) AS r
      FROM m CROSS JOIN opinions o ON o.seq = m.seq CROSS JOIN cases c ON c.id = o.case_id
      WHERE ${filterSql}
      GROUP BY o.case_id
      HAVING @after_r IS NULL OR min(m.r) > @after_r OR (min(m.r) = @after_r AND o.case_id > @after_id)
      ORDER BY r, case_id
      LIMIT @limit)
    SELECT w.n AS n, w.worst AS worst, g.case_id AS case_id, g.seq AS seq, g.r AS r FROM w LEFT JOIN g ON 1
    ORDER BY g.r, g.case_id`,
  Object.fromEntries(Object.entries(params).filter(([k]) => k !== 'match')));
}

/**
 * Snippets for one page. snippet() over the corpus index must first seek every phrase of the query to the row;
 * for single words that is cheap (~0.1 ms a row at 144k opinions), but a phrase of common words ("lying on the
 * ground") costs milliseconds per row in a large index (45 ms for a page of assess's nine-phrase query), and so
 * does a prefix (see hasPrefix). For queries with either, the page's rows — case name and text from
 * opinion_search, exactly what the corpus index holds — are indexed in a scratch FTS5 table in this connection's
 * temp schema with the same tokenizer, and snippet() runs there: same query, same text, same function, hence the
 * same snippet, for the price of tokenizing the page once more. (bench/search-latency.ts --check-snippets compares the two.)
 */
function pageSnippets(sql: Statements, node: QueryNode, match: string, seqs: number[], open: string, close: string): Map<number, string> {
  const snip = `snippet(opinion_fts, 1, @open, @close, '…', ${SNIPPET_TOKENS})`;
  if (!hasPhrase(node) && !hasPrefix(node)) {
    // The CAST matters: better-sqlite3 binds JS numbers as REAL, and FTS5 silently ignores a REAL rowid
    // constraint (SQLite 3.53), returning every match instead of the one row.
    return new Map(seqs.map((seq) => [seq, sql.get<{ s: string }>(`SELECT ${snip} AS s FROM opinion_fts
      WHERE opinion_fts MATCH @match AND rowid = CAST(@seq AS INTEGER)`, { match, seq, open, close })?.s ?? '']));
  }
  if (!sql.get("SELECT 1 FROM temp.sqlite_master WHERE name = 'page_fts'")) {
    sql.db.exec(`CREATE TABLE temp.page_text (seq INTEGER PRIMARY KEY, case_name TEXT, text TEXT);
      CREATE VIRTUAL TABLE temp.page_fts USING fts5 (case_name, text, content = 'page_text', content_rowid = 'seq',
        tokenize = '${TOKENIZE}');`);
  }
  // External content, so clearing is 'delete-all' (no re-tokenizing of the old rows).
  sql.run("INSERT INTO temp.page_fts (page_fts) VALUES ('delete-all')");
  sql.run('DELETE FROM temp.page_text');
  sql.run(`INSERT INTO temp.page_text (seq, case_name, text) SELECT seq, case_name, text FROM opinion_search
    WHERE seq IN (SELECT value FROM json_each(?))`, JSON.stringify(seqs));
  sql.run('INSERT INTO temp.page_fts (rowid, case_name, text) SELECT seq, case_name, text FROM temp.page_text');
  const rows = sql.all<{ seq: number; s: string }>(
    `SELECT rowid AS seq, ${snip.replace('opinion_fts', 'page_fts')} AS s FROM temp.page_fts WHERE page_fts MATCH @match`,
    { match, open, close });
  return new Map(rows.map((r) => [r.seq, r.s]));
}

/**
 * Whether the query holds a prefix (`seiz*`): snippet() over the corpus index must then seek every expanded term
 * to the row, which costs more than indexing the page (measured 8.9 ms against 3.9 ms for a page of `seiz*`).
 */
function hasPrefix(node: QueryNode): boolean {
  return someLeaf(node, (leaf) => leaf.kind === 'term' && leaf.prefix === true);
}

/** Whether the query holds a phrase of more than one word (a quoted phrase, or a word like `U.S.C.`). */
function hasPhrase(node: QueryNode): boolean {
  return someLeaf(node, (leaf) => (leaf.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) > 1);
}

type Leaf = Extract<QueryNode, { kind: 'term' | 'phrase' }>;

/** Whether any word or phrase of the query, on either side of a NOT too, satisfies `test`. */
function someLeaf(node: QueryNode, test: (leaf: Leaf) => boolean): boolean {
  switch (node.kind) {
    case 'term': case 'phrase': return test(node);
    case 'and': case 'or': return node.items.some((n) => someLeaf(n, test));
    case 'not': return someLeaf(node.left, test) || someLeaf(node.right, test);
  }
}

/** The parser should make this unreachable; it is the safety net that keeps FTS5 errors out of users' faces. */
export function searchError(err: unknown, text: string): unknown {
  if (err instanceof Database.SqliteError && /fts5|syntax|unterminated|no such column/i.test(err.message)) {
    return new ClearlyError('usage', `search query ${JSON.stringify(text)} could not be understood (${err.message})`, { cause: err });
  }
  return err;
}
