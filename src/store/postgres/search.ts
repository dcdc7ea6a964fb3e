/** Full-text search: GIN-indexed tsvector match, ts_rank_cd ranking, one hit per case, keyset pages, ts_headline snippets. */
import { ClearlyError } from '../../errors/index.js';
import { decodeCursor, encodeCursor, pageLimit } from '../cursor.js';
import { parseSearchQuery } from '../search-query.js';
import type { Page, SearchHit, SearchQuery } from '../types.js';
import type { Sql } from './pool.js';
import { CASE_COLUMNS, Params, caseFilterSql, toCase, type CaseRow } from './rows.js';
import { toTsquery } from './tsquery.js';

/**
 * ts_rank_cd (cover density: how close together the matched terms are) with the default weights
 * {D 0.1, C 0.2, B 0.4, A 1.0}: a match in the case name (A) counts ten times one in the text (D), as the
 * SQLite store's bm25 weights do. Normalisation 1 divides by 1 + log(length) so long opinions do not win on
 * length alone. Cast to float8 so the score round-trips through the JSON cursor exactly.
 */
const RANK = (q: string): string => `ts_rank_cd(o.search, ${q}, 1)::float8`;

// ts_headline options; the markers are control characters no opinion text contains, swapped for the caller's
// markers afterwards so any marker string (quotes, commas) is safe and adjacent matches merge into one span.
const START = '\u0002';
const STOP = '\u0003';
const HEADLINE = `StartSel=${START}, StopSel=${STOP}, MaxWords=32, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

export async function search(sql: Sql, query: SearchQuery): Promise<Page<SearchHit>> {
  const tree = parseSearchQuery(query.text);
  const limit = pageLimit(query.limit);
  const after = decodeCursor('search', query.cursor);
  if (after && (typeof after[0] !== 'number' || typeof after[1] !== 'string')) {
    throw new ClearlyError('usage', 'invalid search cursor', { hint: 'Pass next_cursor unchanged, with the same query.' });
  }
  const open = query.highlight?.open ?? '<mark>';
  const close = query.highlight?.close ?? '</mark>';
  const p = new Params();
  const q = toTsquery(tree, p);
  const where = caseFilterSql(query, p);
  const keyset = after
    ? `WHERE r < ${p.add(after[0])}::float8 OR (r = ${p.add(after[0])}::float8 AND case_id > ${p.add(after[1])})`
    : '';

  // Best opinion per case (DISTINCT ON keeps the first row of each case in rank order), then the page in rank
  // order with case id breaking ties: the same key the cursor carries.
  const ranked = await sql.all<{ case_id: string; opinion_id: string; r: number }>(`
    SELECT case_id, opinion_id, r FROM (
      SELECT DISTINCT ON (o.case_id) o.case_id, o.id AS opinion_id, ${RANK(q)} AS r
      FROM opinions o JOIN cases c ON c.id = o.case_id
      WHERE o.search @@ ${q} AND ${where}
      ORDER BY o.case_id, r DESC, o.seq
    ) best ${keyset}
    ORDER BY r DESC, case_id
    LIMIT ${p.add(limit + 1)}`, p.values);

  const page = ranked.slice(0, limit);
  if (page.length === 0) return { items: [], next_cursor: null };
  // Snippets only for the page: ts_headline re-parses each opinion's whole text.
  const hp = new Params();
  const hq = toTsquery(tree, hp);
  const [cases, snippets] = await Promise.all([
    sql.all<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases c WHERE c.id = ANY($1::text[])`, [page.map((h) => h.case_id)]),
    sql.all<{ id: string; s: string }>(`SELECT o.id, ts_headline('english'::regconfig, o.text, ${hq}, ${hp.add(HEADLINE)}) AS s
      FROM opinions o WHERE o.id = ANY(${hp.add(page.map((h) => h.opinion_id))}::text[])`, hp.values),
  ]);
  const caseById = new Map(cases.map((c) => [c.id, c]));
  const snipById = new Map(snippets.map((s) => [s.id, s.s]));
  const items = page.map((hit): SearchHit => ({
    case: toCase(caseById.get(hit.case_id)!),
    opinion_id: hit.opinion_id,
    score: hit.r,
    snippet: mark(snipById.get(hit.opinion_id) ?? '', open, close),
  }));
  const last = page[page.length - 1]!;
  return { items, next_cursor: ranked.length > limit ? encodeCursor('search', [last.r, last.case_id]) : null };
}

/** `⟨excessive⟩ ⟨force⟩` → `<mark>excessive force</mark>`: a matched phrase reads as one highlight, as on SQLite. */
export function mark(headline: string, open: string, close: string): string {
  return headline.replace(/\u0003(\s+)\u0002/g, '$1').split(START).join(open).split(STOP).join(close);
}
