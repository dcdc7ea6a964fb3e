/**
 * Full-text search: GIN-indexed tsvector match, ranking over a bounded candidate set, one hit per case, keyset
 * pages, ts_headline snippets over a window of each returned opinion (src/store/postgres/snippets.ts).
 */
import { decodeSearchCursor, encodeCursor, pageLimit } from '../cursor.js';
import { parseSearchQuery } from '../search-query.js';
import type { Page, SearchHit, SearchQuery } from '../types.js';
import type { Sql } from './pool.js';
import { CASE_COLUMNS, Params, caseFilterSql, toCase, type CaseRow } from './rows.js';
import { mark, pageSnippets } from './snippets.js';
import { positiveTsquery, toTsquery } from './tsquery.js';

/** search_key's highest level (migration 6): every query word 48+ times in the opinion, or in the case name. */
const TOP_LEVEL = 5;

/**
 * The score is `level + rank`. `level` (0–5) is the lowest term-frequency level the opinion reaches for the
 * query's words (search_key, migration 6: occurrences normalised by the opinion's length as BM25 does, 3+ → 1,
 * 6+ → 2, 12+ → 3, 24+ → 4, 48+ or in the case name → 5); `rank` is ts_rank_cd (cover density: how close
 * together the matched terms are) with the default weights {D 0.1, C 0.2, B 0.4, A 1.0} — a match in the case
 * name counts ten times one in the text, as the SQLite store's bm25 weights do — normalised by 1 + log(length)
 * so long opinions do not win on length alone, then mapped into [0, 1) (flag 32), so it orders opinions within a
 * level. Cast to float8 so the score round-trips through the JSON cursor exactly.
 *
 * Why levels: ts_rank_cd reads each matching opinion's whole vector (~11 KB, TOASTed), so ranking every match of
 * a common word costs seconds on a large corpus. Opinions at level N or more are found by an exact GIN lookup
 * on search_key; the best cases all come from the highest levels, so search ranks level 5's matches, and only
 * when fewer than a page of cases (after filters and cursor) reach it, level 4's and so on — the last step,
 * level 0, is every match. Each step is exact: a case outside the step's set scores below the step's level.
 */
const RANK = (q: string): string => `ts_rank_cd(o.search, ${q}, 1 | 32)::float8`;

/** `'qualifi' & 'immun'` → `('4|qualifi' | '5|qualifi') & ('4|immun' | '5|immun')`: level 4 or more, over search_key. */
function levelQuery(positive: string, level: number): string {
  const any = Array.from({ length: TOP_LEVEL - level + 1 }, (_, i) => `''${level + i}|\\1''\\2`).join(' | ');
  return `regexp_replace((${positive})::text, '''((?:[^'']|'''')*)''(:\\*)?', '(${any})', 'g')::tsquery`;
}

export async function search(sql: Sql, query: SearchQuery): Promise<Page<SearchHit>> {
  const tree = parseSearchQuery(query.text);
  const limit = pageLimit(query.limit);
  const after = decodeSearchCursor(query.cursor);
  const open = query.highlight?.open ?? '<mark>';
  const close = query.highlight?.close ?? '</mark>';

  // Scores after the cursor are below it, so levels above the cursor's hold nothing for this page. (Jumping
  // straight to level 0 after an empty level was tried: most queries have nothing at level 5 and plenty at 4.)
  let level = after ? Math.max(0, Math.min(TOP_LEVEL, Math.floor(after[0]))) : TOP_LEVEL;
  let ranked: Ranked[] = [];
  for (;;) {
    ranked = await rankLevel(sql, query, level, limit + 1, after);
    if (ranked.length > limit || level === 0) break;
    level--;
  }

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

interface Ranked { case_id: string; opinion_id: string; r: number }

/**
 * The best `n` cases after the cursor among opinions at `level` or above (level 0: every match), each case with
 * its best opinion (DISTINCT ON keeps the first row of each case in score order), in score order with case id
 * breaking ties: the same key the cursor carries. The search_key condition comes first so a phrase's position
 * check (a heap recheck of the whole vector) runs only on the bounded set.
 */
async function rankLevel(sql: Sql, query: SearchQuery, level: number, n: number, after: readonly [number, string] | null): Promise<Ranked[]> {
  const tree = parseSearchQuery(query.text);
  const p = new Params();
  const q = toTsquery(tree, p);
  const positive = positiveTsquery(tree, p);
  const where = caseFilterSql(query, p);
  const levels: string[] = [];
  for (let l = TOP_LEVEL; l > level; l--) levels.push(`WHEN o.search_key @@ ${levelQuery(positive, l)} THEN ${l}`);
  const levelOf = levels.length > 0 ? `CASE ${levels.join(' ')} ELSE ${level} END` : String(level);
  const keyset = after
    ? `WHERE r < ${p.add(after[0])}::float8 OR (r = ${p.add(after[0])}::float8 AND case_id > ${p.add(after[1])})`
    : '';
  return sql.all<Ranked>(`
    SELECT case_id, opinion_id, r FROM (
      SELECT DISTINCT ON (o.case_id) o.case_id, o.id AS opinion_id, (${levelOf} + ${RANK(q)}) AS r
      FROM opinions o JOIN cases c ON c.id = o.case_id
      WHERE ${level > 0 ? `o.search_key @@ ${levelQuery(positive, level)} AND ` : ''}o.search @@ ${q} AND ${where}
      ORDER BY o.case_id, r DESC, o.seq
    ) best ${keyset}
    ORDER BY r DESC, case_id
    LIMIT ${p.add(n)}`, p.values);
}
