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

/** The cursor's keyset over the ranked rows (`best`): scores below it, or equal with a later case id. */
export function keysetSql(after: readonly [number, string] | null, add: (v: unknown) => string): string {
  return after
    ? `WHERE r < ${add(after[0])}::float8 OR (r = ${add(after[0])}::float8 AND case_id > ${add(after[1])})`
    : '';
}
