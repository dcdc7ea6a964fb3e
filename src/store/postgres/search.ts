/**
 * Full-text search: GIN-indexed tsvector match, ranking over a bounded candidate set, one hit per case, keyset
 * pages, ts_headline snippets over a window of each returned opinion (src/store/postgres/snippets.ts).
 */
import { decodeSearchCursor, encodeCursor, pageLimit } from '../cursor.js';
import { parseSearchQuery, type QueryNode } from '../search-query.js';
import type { Page, SearchHit, SearchQuery } from '../types.js';
import { estimateShare, filterCaseIds, positiveCoversMatches, rankAmongCases, SELECTIVE_SHARE } from './filter-first.js';
import { bestCasesSql, levelQuery, type Ranked, TOP_LEVEL } from './levels.js';
import type { Db, Sql } from './pool.js';
import { CASE_COLUMNS, Params, caseFilterSql, toCase, type CaseRow } from './rows.js';
import { mark, pageSnippets } from './snippets.js';
import { toTsquery, positiveTsquery } from './tsquery.js';

/**
 * Memory for one ranking's bitmaps and sorts. At the server's default (4 MB) the bitmap of a common word's matches
 * in a 1M-opinion store (~75,000 heap pages) turns lossy, and every opinion on a lossy page is re-checked by
 * reading its whole vector: `seiz*` in one circuit took 6 s instead of 1.4 s. 32 MB keeps a bitmap exact up to
 * ~500,000 heap pages (~2M opinions of this corpus); set for the ranking's transaction only.
 */
const WORK_MEM = '32MB';

/**
 * How the best cases are found (scores and order are the same either way; see filter-first.ts). `auto`: among the
 * filter's own cases when the filter keeps at most SELECTIVE_SHARE of them, else level by level over the corpus.
 */
export type SearchPlan = 'auto' | 'levels' | 'filter-first';

/**
 * Why levels: ts_rank_cd reads each matching opinion's whole vector (~11 KB, TOASTed), so ranking every match of
 * a common word costs seconds on a large corpus. Opinions at level N or more (levels.ts) are found by an exact
 * GIN lookup on search_key; the best cases all come from the highest levels, so search ranks level 5's matches,
 * and only when fewer than a page of cases (after filters and cursor) reach it, level 4's and so on — the last
 * step, level 0, is every match. Each step is exact: a case outside the step's set scores below the step's level.
 */
export async function search(db: Db, query: SearchQuery, plan: SearchPlan = 'auto'): Promise<Page<SearchHit>> {
  const sql = db.sql;
  const tree = parseSearchQuery(query.text);
  const limit = pageLimit(query.limit);
  const after = decodeSearchCursor(query.cursor);
  const open = query.highlight?.open ?? '<mark>';
  const close = query.highlight?.close ?? '</mark>';

  // Scores after the cursor are below it, so levels above the cursor's hold nothing for this page. (Jumping
  // straight to level 0 after an empty level was tried: most queries have nothing at level 5 and plenty at 4.)
  const from = after ? Math.max(0, Math.min(TOP_LEVEL, Math.floor(after[0]))) : TOP_LEVEL;
  // One snapshot for every step of the ranking, so the filter's cases and their opinions are read as of one moment.
  const ranked = await db.tx(async (tx) => {
    await tx.run('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    // SET LOCAL, in one round trip. No JIT: compiling these short queries costs more than it saves. The rest is
    // for bounded sets (every level above 0, and filter-first.ts): the planner has no statistics for search_key's
    // entries and assumes thousands of matches per level, so it started two parallel workers for each level even
    // when the level held nothing (`taser`: 60 → 120 ms over six levels), and joined a level's 1,500 opinions to
    // their cases by reading all 830,000 cases (`handcuffed` before 2017: 90 → 420 ms). Each opinion is joined
    // to its case by key instead.
    await tx.run(`SELECT set_config('work_mem', '${WORK_MEM}', true), set_config('jit', 'off', true),
      set_config('max_parallel_workers_per_gather', '0', true), set_config('enable_hashjoin', 'off', true),
      set_config('enable_mergejoin', 'off', true)`);
    const caseIds = await filterFirst(tx, query, tree, plan);
    if (caseIds) return rankAmongCases(tx, tree, caseIds, from, limit + 1, after);
    for (let level = from; ; level--) {
      // Level 0 reads every match in the corpus: the server's own settings again.
      if (level === 0) {
        await tx.run(`SET LOCAL max_parallel_workers_per_gather TO DEFAULT; SET LOCAL enable_hashjoin TO DEFAULT;
          SET LOCAL enable_mergejoin TO DEFAULT`);
      }
      const rows = await rankLevel(tx, query, level, limit + 1, after);
      if (rows.length > limit || level === 0) return rows;
    }
  });

  const page = ranked.slice(0, limit);
  if (page.length === 0) return { items: [], next_cursor: null };
  const [cases, snippets] = await Promise.all([
    sql.all<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases c WHERE c.id = ANY($1::text[])`, [page.map((h) => h.case_id)]),
    pageSnippets(sql, tree, page.map((h) => h.opinion_id)),
  ]);
  const caseById = new Map(cases.map((c) => [c.id, c]));
  const items = page.map((hit): SearchHit => ({
    case: toCase(caseById.get(hit.case_id)!),
    opinion_id: hit.opinion_id,
    score: hit.r,
    snippet: mark(snippets.get(hit.opinion_id) ?? '', open, close),
  }));
  const last = page[page.length - 1]!;
  return { items, next_cursor: ranked.length > limit ? encodeCursor('search', [last.r, last.case_id]) : null };
}

/** The filter's case ids when the search is to be ranked among them (filter-first.ts), else null. */
async function filterFirst(sql: Sql, query: SearchQuery, tree: QueryNode, plan: SearchPlan): Promise<string[] | null> {
  if (plan === 'levels' || !(await positiveCoversMatches(sql, tree))) return null;
  if (plan === 'filter-first') return filterCaseIds(sql, query);
  const estimate = await estimateShare(sql, query);
  if (estimate === null || estimate.share > SELECTIVE_SHARE) return null;
  // An estimate far off (a correlated filter) is found out after twice the cases it allowed.
  return filterCaseIds(sql, query, Math.ceil(2 * SELECTIVE_SHARE * estimate.cases));
}

const hasNot = (n: QueryNode): boolean =>
  n.kind === 'not' || ((n.kind === 'and' || n.kind === 'or') && n.items.some(hasNot));

/**
 * The best `n` cases after the cursor among opinions at `level` or above (level 0: every match), each case with
 * its best opinion (DISTINCT ON keeps the first row of each case in score order), in score order with case id
 * breaking ties: the same key the cursor carries. Above level 0 only search_key's index selects the opinions: the
 * match is written as ts_match_vq (the function behind @@), which the planner cannot take to opinions_search, so it
 * is checked on the bounded set alone. Given as an index condition, the planner ANDed the bitmap of every
 * opinion holding the query's words into each level's scan: for a list of phrases over common words at 1M
 * opinions, a 138,000-entry bitmap built at each level (~0.1 s a level) to intersect with a few hundred rows.
 * Except with a NOT: there that bitmap leaves out the excluded word's opinions before any is read
 * (`arrest NOT warrant`: 280 ms with it, 360 ms without).
 */
async function rankLevel(sql: Sql, query: SearchQuery, level: number, n: number, after: readonly [number, string] | null): Promise<Ranked[]> {
  const tree = parseSearchQuery(query.text);
  const p = new Params();
  const q = toTsquery(tree, p);
  const positive = positiveTsquery(tree, p);
  const where = caseFilterSql(query, p);
  const match = level === 0 || hasNot(tree) ? `o.search @@ ${q}` : `ts_match_vq(o.search, ${q})`;
  return sql.all<Ranked>(bestCasesSql(q, positive, level, 'opinions o JOIN cases c ON c.id = o.case_id',
    `${level > 0 ? `o.search_key @@ ${levelQuery(positive, level)} AND ` : ''}${match} AND ${where}`, after, n, (v) => p.add(v)), p.values);
}
