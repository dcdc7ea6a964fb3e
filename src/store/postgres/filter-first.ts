/**
 * Ranking among a selective filter's own cases. Level by level over the whole corpus (search.ts), a search whose
 * filter keeps few cases reads every opinion of the corpus at each level it descends through before the filter
 * drops most of them — and a phrase's position check reads each one's whole vector (~11 KB, TOASTed): at 1M
 * opinions `seiz*` in one circuit took 4.8 s and an assessment's phrase list in its circuit up to 15 s, with no hit
 * at all. Here the filter comes first:
 *
 *   1. the filter's case ids, read through the case indexes (court, circuit, date), passed on as one array so the
 *      planner knows how many there are;
 *   2. the opinions of those cases at level 1 or above, from search_key (small, stored inline), each with its
 *      level; only if level 0 is reached, those holding the query's words at all, by the positive query
 *      (tsquery.ts: no phrase, so no position check) — grouped by level, no opinion vector read. Best plan: a bitmap of `opinions_case` ANDed with the GIN bitmap (`summary judgment`
 *      in the 5th Circuit: 5,300 heap rows read instead of 245,000). The planner takes it only when its estimate
 *      of the words' matches is high enough: for a word outside the column's most common ones (`seiz*`, `shot`)
 *      it assumes 0.5% of the opinions and reads every match's row instead, still no vector;
 *   3. from the highest level down (or the cursor's), skipping levels that hold fewer cases than a page needs:
 *      the same ranking as search.ts's at that level, over just those opinions, the phrase and NOT check included.
 *
 * Step 3 at level N ranks exactly the opinions search.ts ranks at level N (its filter, its level, its query), and
 * a skipped level is one search.ts would have left for the next, so both give the same pages: the plan changes,
 * never the answer. Whether a filter is selective enough is the planner's estimate of its cases (estimateShare);
 * a wrong guess costs time only.
 */
import type { QueryNode } from '../search-query.js';
import type { SearchQuery } from '../types.js';
import type { Sql } from './pool.js';
import { bestCasesSql, levelOf, levelQuery, type Ranked, TOP_LEVEL } from './levels.js';
import { caseFilterSql, Params } from './rows.js';
import { positiveTsquery, toTsquery } from './tsquery.js';

/** Filters that keep at most this share of the store's cases are ranked among their own cases. */
export const SELECTIVE_SHARE = 0.1;

/**
 * The planner's estimate of the share of cases the filter keeps, and of the number of cases (null: no filter).
 * An EXPLAIN, so it reads only statistics (the table's size and the columns' histograms), a millisecond or so.
 * A table never analyzed counts as one case, so its filters are never taken as selective.
 */
export async function estimateShare(sql: Sql, query: SearchQuery): Promise<{ share: number; cases: number } | null> {
  const p = new Params();
  const where = caseFilterSql(query, p);
  if (where === 'true') return null;
  const plan = await sql.get<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
    `EXPLAIN (FORMAT JSON) SELECT 1 FROM cases c WHERE ${where}`, p.values);
  const total = await sql.get<{ n: number }>("SELECT greatest(reltuples, 1)::float8 AS n FROM pg_class WHERE oid = 'cases'::regclass");
  const cases = total?.n ?? 1;
  const rows = plan?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0;
  return { share: Math.min(1, rows / cases), cases };
}

/**
 * Whether every opinion matching the query also matches its positive query, which step 2 selects by. It does
 * unless a NOT's left side is only stop words (`the NOT deadly`): PostgreSQL drops the empty side, leaving a bare
 * negation that matches opinions without any of the positive words. Such a query is ranked level by level.
 */
export async function positiveCoversMatches(sql: Sql, tree: QueryNode): Promise<boolean> {
  const lefts: QueryNode[] = [];
  const walk = (n: QueryNode): void => {
    if (n.kind === 'and' || n.kind === 'or') n.items.forEach(walk);
    else if (n.kind === 'not') { lefts.push(n.left); walk(n.left); walk(n.right); }
  };
  walk(tree);
  if (lefts.length === 0) return true;
  const p = new Params();
  const row = await sql.get<{ ok: boolean }>(
    `SELECT ${lefts.map((l) => `numnode(${toTsquery(l, p)}) > 0`).join(' AND ')} AS ok`, p.values);
  return row?.ok === true;
}

/** The ids of the cases the query's filter keeps; null when there are more than `max` (the estimate was wrong). */
export async function filterCaseIds(sql: Sql, query: SearchQuery, max = Infinity): Promise<string[] | null> {
  const p = new Params();
  const rows = await sql.all<{ id: string }>(`SELECT c.id FROM cases c WHERE ${caseFilterSql(query, p)}
    ${Number.isFinite(max) ? `LIMIT ${p.add(max + 1)}` : ''}`, p.values);
  return rows.length > max ? null : rows.map((r) => r.id);
}

/**
 * The best `n` cases after the cursor among `caseIds` (steps 2 and 3 above), starting at level `from`: what
 * search.ts's level loop returns for the same query, filter, cursor and `from`.
 */
export async function rankAmongCases(
  sql: Sql, tree: QueryNode, caseIds: string[], from: number, n: number, after: readonly [number, string] | null,
): Promise<Ranked[]> {
  if (caseIds.length === 0) return [];
  // Levels 1 and up first, from search_key alone; every match (the words' GIN bitmap) only when level 0 is reached.
  let found = from > 0 ? await candidates(sql, tree, caseIds, 1) : [];
  for (let level = Math.min(from, TOP_LEVEL); ; level--) {
    if (level === 0) found = await candidates(sql, tree, caseIds, 0);
    const at = found.filter((f) => f.lvl >= level);
    // Fewer cases than the page needs at this level: the level loop would find too few here and go on down.
    if (level > 0 && new Set(at.flatMap((f) => f.cases)).size < n) continue;
    const ids = at.flatMap((f) => f.ids);
    if (ids.length === 0) return [];
    const ranked = await rankOpinions(sql, tree, ids, level, n, after);
    if (ranked.length >= n || level === 0) return ranked;
  }
}

/**
 * Step 2: the opinions of the filter's cases at level `floor` or above, by level. Level 1 and up is read from
 * search_key alone (an opinion there holds the positive query's words), level 0 from the words' GIN bitmap.
 */
async function candidates(
  sql: Sql, tree: QueryNode, caseIds: string[], floor: 0 | 1,
): Promise<{ lvl: number; ids: string[]; cases: string[] }[]> {
  const p = new Params();
  const positive = positiveTsquery(tree, p);
  return sql.all<{ lvl: number; ids: string[]; cases: string[] }>(`
    SELECT lvl, array_agg(id) AS ids, array_agg(case_id) AS cases FROM (
      SELECT o.id, o.case_id, ${levelOf(positive, floor)} AS lvl FROM opinions o
      WHERE o.case_id = ANY(${p.add(caseIds)}::text[])
        AND ${floor > 0 ? `o.search_key @@ ${levelQuery(positive, floor)}` : `o.search @@ ${positive}`}
    ) m GROUP BY lvl`, p.values);
}

/**
 * search.ts's ranking at `level` over the given opinions, all at that level or above and in the filter's cases.
 * The match is written as ts_match_vq (the function behind @@) so the planner reads these opinions by id and
 * checks each, rather than taking the GIN index's bitmap of the whole corpus and position-checking all of it.
 */
async function rankOpinions(
  sql: Sql, tree: QueryNode, ids: string[], level: number, n: number, after: readonly [number, string] | null,
): Promise<Ranked[]> {
  const p = new Params();
  const q = toTsquery(tree, p);
  // At the top level the level is a constant: the positive query's parameters would go unused (and untyped).
  const positive = level < TOP_LEVEL ? positiveTsquery(tree, p) : '';
  const where = `o.id = ANY(${p.add(ids)}::text[]) AND ts_match_vq(o.search, ${q})`;
  return sql.all<Ranked>(bestCasesSql(q, positive, level, 'opinions o', where, after, n, (v) => p.add(v)), p.values);
}
