/** Full-text search over opinion_fts: BM25 ranking, one hit per case, keyset pages, snippets. */
import Database from 'better-sqlite3';
import { ClearlyError } from '../../errors/index.js';
import { decodeSearchCursor, encodeCursor, pageLimit } from '../cursor.js';
import { parseSearchQuery, type QueryNode } from '../search-query.js';
import type { Page, SearchHit, SearchQuery } from '../types.js';
import type { Statements } from './connection.js';
import { filterShare } from './filter-share.js';
import { BM25, hasRanking, MIN_RANKED, rankedSlot, type RankedSlot } from './rankings.js';
import { CASE_COLUMNS, caseFilterSql, toCase, type CaseRow } from './rows.js';
import { memoSnippets } from './snippet-memo.js';
import { TOKENIZE } from './query-tokens.js';

// bm25() and its column weights: rankings.ts (BM25).
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

/** Calls of search(), numbered: a call's own widening rounds may always reuse its ranking (rankings.ts). */
let calls = 0;

/**
 * `generation` identifies the store's content (SqliteStore.generation): rankings and snippets computed for earlier
 * searches are reused only while it is unchanged (see rankings.ts, snippet-memo.ts).
 */
export function search(sql: Statements, query: SearchQuery, generation: string | null = null): Page<SearchHit> {
  const tree = parseSearchQuery(query.text);
  const match = toFtsMatch(tree);
  const limit = pageLimit(query.limit);
  const after = decodeSearchCursor(query.cursor);
  const filter = caseFilterSql(query);
  const open = query.highlight?.open ?? '<mark>';
  const close = query.highlight?.close ?? '</mark>';

  // Stage 1 ranks matches and keeps each case's best opinion. Most pages are answered from a ranking of the best
  // matches kept in temp.ranked (rankings.ts; SQLite's sorter keeps a top-N heap, far cheaper than grouping every
  // match of a common word), read in rank order until the page is full (see bestCases). When the ranking runs out
  // first it widens — by the share of the rows read that passed the filter, so a selective filter does not climb
  // through every size — and finally the page is taken from a grouping of every match.
  const params = { ...filter.params, match, after_r: after?.[0] ?? null, after_id: after?.[1] ?? null, limit: limit + 1 };
  const request = JSON.stringify([filter.sql, filter.params, limit, query.cursor ?? null]);
  const call = ++calls;
  let ranked: Ranked[] | undefined;
  let kept = false;
  let window = MIN_RANKED;
  // The first ranking is of the words alone, shared by every filter, when one is kept or the filter keeps enough
  // of the store that the best MIN_RANKED matches likely settle the page; when it runs out before a filtered page
  // is settled, the words are ranked again among the cases the filter keeps, in one pass (rankings.ts). A filter
  // that keeps less is ranked that way from the start: ranking the words alone would cost a full pass of bm25()
  // for nothing (at 1M opinions, "summary judgment" in the 5th Circuit: 0.64 s with it, 0.15–0.25 s without).
  // filterShare only chooses the plan: both give the same page.
  let shareKept: number | undefined;
  const share = (): number => (shareKept ??= filterShare(sql, filter));
  let filtered = filter.sql !== '1' && !hasRanking(sql, match, generation) && share() * MIN_RANKED < SETTLES * (limit + 1);
  for (let round = 0; round < 3 && window <= MAX_WINDOW; round++) {
    const slot = filtered
      ? rankedSlot(sql, match, window, generation, request, call, filter, tree, share())
      : rankedSlot(sql, match, window, generation, request, call, undefined, tree);
    kept ||= slot.kept === true;
    const best = bestCases(sql, filter.sql, filter.params, slot, after, limit + 1);
    if (best.exact) {
      ranked = best.cases;
      break;
    }
    if (!filtered && filter.sql !== '1') {
      filtered = true;
      window = MIN_RANKED;
      continue;
    }
    // Rows needed ≈ rows read × (cases wanted / cases the filter kept), doubled for margin; at least ×8.
    const passed = Math.max(best.cases.length, 1);
    window = Math.max(slot.window * 8, Math.ceil((slot.rows * (limit + 1) * 2) / passed));
  }
  // min(r) makes the bare column `seq` come from the best row (documented SQLite behaviour). Rank ties break on
  // case id, which is also the keyset the cursor carries. MATERIALIZED: bm25() may only run in the FTS query.
  ranked ??= sql.all<Ranked>(`
    WITH m AS MATERIALIZED (SELECT rowid AS seq, ${BM25} AS r FROM opinion_fts WHERE opinion_fts MATCH @match)
    SELECT c.id AS case_id, m.seq AS seq, min(m.r) AS r
    FROM m JOIN opinion_facets c ON c.seq = m.seq
    WHERE ${filter.sql}
    GROUP BY c.id
    HAVING @after_r IS NULL OR min(m.r) > @after_r OR (min(m.r) = @after_r AND c.id > @after_id)
    ORDER BY r, case_id
    LIMIT @limit`,
  params);

  // Stage 2, for the page only: cases and opinion ids in one query, then the snippets (see pageSnippets).
  const page = ranked.slice(0, limit);
  const seqs = page.map((h) => h.seq);
  const rows = new Map(sql.all<CaseRow & { o_seq: number; o_id: string }>(
    `SELECT ${CASE_COLUMNS}, o.seq AS o_seq, o.id AS o_id FROM opinions o JOIN cases c ON c.id = o.case_id
     WHERE o.seq IN (SELECT value FROM json_each(?))`, JSON.stringify(seqs)).map((r) => [r.o_seq, r]));
  const opinionIds = new Map([...rows].map(([seq, r]) => [seq, r.o_id]));
  const snippets = memoSnippets(sql, generation, [match, open, close], seqs, opinionIds,
    (missing) => pageSnippets(sql, tree, match, missing, open, close));
  // Every matching opinion has a snippet. None means the row number now holds an opinion that does not match: a
  // kept ranking from before another process's delete and insert (within the store's refresh interval). Then the
  // kept state is not trusted for this search, which runs again from scratch (generation null keeps nothing).
  if (kept && page.some((h) => !snippets.get(h.seq))) return search(sql, query, null);
  const items = page.map((hit): SearchHit => {
    const { o_seq: _seq, o_id, ...row } = rows.get(hit.seq)!;
    return { case: toCase(row), opinion_id: o_id, score: -hit.r, snippet: snippets.get(hit.seq) ?? '' };
  });
  const last = page[page.length - 1];
  const more = ranked.length > limit && last !== undefined;
  return { items, next_cursor: more ? encodeCursor('search', [last.r, last.case_id]) : null };
}

interface Ranked { case_id: string; seq: number; r: number }

/** A ranking is expected to settle a filtered page when the filter keeps this many rows per case wanted. */
const SETTLES = 4;

/** Beyond this many ranked rows a ranking costs about what grouping every match does; the fallback takes over. */
const MAX_WINDOW = 200_000;

/**
 * The first `want` cases, in (rank, case id) order, that pass the filter and come after the cursor, each with its
 * best-ranked opinion, read from a kept ranking in rank order and stopped as soon as the page is settled. A case's
 * first row in rank order is its best; a case whose best row lies before the cursor is skipped however often it
 * appears later. Rank ties break on case id (the cursor's keyset), so reading goes on through the rows tied with
 * the last case taken. `exact` is false when the ranking ran out before the page was settled and does not hold
 * every match (a row beyond it ranks no better than its last row, but may tie or belong to a case still wanted).
 * CROSS JOIN keeps SQLite reading temp.ranked in its key order (slot, r, seq), so no sort is needed. The filter
 * and the case id are read from opinion_facets (migration 4), a small row per opinion, never from opinions or cases.
 */
function bestCases(
  sql: Statements, filterSql: string, filterParams: Record<string, unknown>, slot: RankedSlot,
  after: readonly [number, string] | undefined | null, want: number,
): { cases: Ranked[]; exact: boolean } {
  const rows = sql.stmt(`
    SELECT m.seq AS seq, m.r AS r, c.id AS case_id
    FROM temp.ranked m CROSS JOIN opinion_facets c ON c.seq = m.seq
    WHERE m.slot = @slot AND ${filterSql}
    ORDER BY m.slot, m.r, m.seq`).iterate({ ...filterParams, slot: slot.slot }) as IterableIterator<Ranked>;
  const seen = new Set<string>();
  const cases: Ranked[] = [];
  let settled = false;
  for (const row of rows) {
    if (cases.length >= want && row.r > cases[want - 1]!.r) {
      settled = true;
      break;
    }
    if (seen.has(row.case_id)) continue;
    seen.add(row.case_id);
    if (after && (row.r < after[0] || (row.r === after[0] && row.case_id <= after[1]))) continue;
    cases.push(row);
  }
  // The iterator is closed by the break (or ran out); ties were read through, so sorting settles their order.
  cases.sort((x, y) => x.r - y.r || (x.case_id < y.case_id ? -1 : x.case_id > y.case_id ? 1 : 0));
  return { cases: cases.slice(0, want), exact: settled || slot.rows < slot.window };
}

/**
 * Snippets for one page. snippet() over the corpus index must first seek every phrase of the query to the row;
 * for single words that is cheap (~0.1 ms a row at 144k opinions), and for one or two phrases still cheaper than
 * the alternative ("clearly established" at 1M opinions: 8–12 ms a page against 20–30 ms), but many phrases of
 * common words cost milliseconds per row in a large index (45 ms for a page of assess's nine-phrase query), and so
 * does a prefix (see hasPrefix). For queries with either, the page's rows — case name and text from
 * opinion_search, exactly what the corpus index holds — are indexed in a scratch FTS5 table in this connection's
 * temp schema with the same tokenizer, and snippet() runs there: same query, same text, same function, hence the
 * same snippet, for the price of tokenizing the page once more. (bench/search-latency.ts --check-snippets compares the two.)
 */
function pageSnippets(sql: Statements, node: QueryNode, match: string, seqs: number[], open: string, close: string): Map<number, string> {
  const snip = `snippet(opinion_fts, 1, @open, @close, '…', ${SNIPPET_TOKENS})`;
  if (phrases(node) <= CORPUS_SNIPPET_PHRASES && !hasPrefix(node)) {
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

/** Queries with at most this many phrases of several words take their snippets from the corpus index. */
const CORPUS_SNIPPET_PHRASES = 2;

/** How many phrases of more than one word the query holds (quoted phrases, or words like `U.S.C.`). */
function phrases(node: QueryNode): number {
  switch (node.kind) {
    case 'term': case 'phrase': return (node.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) > 1 ? 1 : 0;
    case 'and': case 'or': return node.items.reduce((n, item) => n + phrases(item), 0);
    case 'not': return phrases(node.left) + phrases(node.right);
  }
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
