/**
 * The score of a search hit and the term-frequency levels it is built on (search_key, migration 6), shared by
 * both ways of ranking (search.ts: level by level over the corpus; filter-first.ts: among a filter's cases).
 *
 * The score is `level + rank`. `level` (0–5) is the lowest term-frequency level the opinion reaches for the
 * query's words (search_key, migration 6: occurrences normalised by the opinion's length as BM25 does, 3+ → 1,
 * 6+ → 2, 12+ → 3, 24+ → 4, 48+ or in the case name → 5); `rank` is ts_rank_cd (cover density: how close
 * together the matched terms are) with the default weights {D 0.1, C 0.2, B 0.4, A 1.0} — a match in the case
 * name counts ten times one in the text, as the SQLite store's bm25 weights do — normalised by 1 + log(length)
 * so long opinions do not win on length alone, then mapped into [0, 1) (flag 32), so it orders opinions within a
 * level. Cast to float8 so the score round-trips through the JSON cursor exactly.
 */

/** search_key's highest level (migration 6): every query word 48+ times in the opinion, or in the case name. */
export const TOP_LEVEL = 5;

export const RANK = (q: string): string => `ts_rank_cd(o.search, ${q}, 1 | 32)::float8`;

/**
 * `'qualifi' & 'immun'` → `('4|qualifi' | '5|qualifi') & ('4|immun' | '5|immun')`: level 4 or more, over
 * search_key. The positive query (tsquery.ts) holds no negation, so an opinion at level N also matches every
 * level below N.
 */
export function levelQuery(positive: string, level: number): string {
  const any = Array.from({ length: TOP_LEVEL - level + 1 }, (_, i) => `''${level + i}|\\1''\\2`).join(' | ');
  return `regexp_replace((${positive})::text, '''((?:[^'']|'''')*)''(:\\*)?', '(${any})', 'g')::tsquery`;
}

/** The level of opinion `o`, known to be at `floor` or above: the highest level above `floor` it reaches, else `floor`. */
export function levelOf(positive: string, floor: number): string {
  const levels: string[] = [];
  for (let l = TOP_LEVEL; l > floor; l--) levels.push(`WHEN o.search_key @@ ${levelQuery(positive, l)} THEN ${l}`);
  return levels.length > 0 ? `CASE ${levels.join(' ')} ELSE ${floor} END` : String(floor);
}

/** A search hit before its case and snippet are read: the case's best opinion and its score. */
export interface Ranked { case_id: string; opinion_id: string; r: number }

/**
 * The best `n` cases after the cursor among the opinions `from` and `where` select (all at `level` or above), each
 * case with its best opinion (DISTINCT ON keeps the first row of each case in score order), in score order with
 * case id breaking ties: the key the cursor carries. `q` and `positive` are the query and its positive part,
 * already added to the statement's parameters by `add`.
 */
export function bestCasesSql(
  q: string, positive: string, level: number, from: string, where: string, after: readonly [number, string] | null,
  n: number, add: (v: unknown) => string,
): string {
  return `
    SELECT case_id, opinion_id, r FROM (
      SELECT DISTINCT ON (o.case_id) o.case_id, o.id AS opinion_id, (${levelOf(positive, level)} + ${RANK(q)}) AS r
      FROM ${from}
      WHERE ${where}
      ORDER BY o.case_id, r DESC, o.seq
    ) best ${keysetSql(after, add)}
    ORDER BY r DESC, case_id
    LIMIT ${add(n)}`;
}

/** The cursor's keyset over the ranked rows (`best`): scores below it, or equal with a later case id. */
function keysetSql(after: readonly [number, string] | null, add: (v: unknown) => string): string {
  return after
    ? `WHERE r < ${add(after[0])}::float8 OR (r = ${add(after[0])}::float8 AND case_id > ${add(after[1])})`
    : '';
}
