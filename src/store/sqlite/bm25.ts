/** The ranking function of SQLite search: FTS5's bm25() over opinion_fts, and what postings-rank.ts needs to redo it. */

/**
 * bm25() column weights (case_name, text). A word in the case name says what the case is about far more than one
 * occurrence in 30 pages of text, so the name counts ten times as much; FTS5's default k1=1.2, b=0.75 stand.
 */
export const BM25_WEIGHTS = [10.0, 1.0] as const;
export const BM25 = `bm25(opinion_fts, ${BM25_WEIGHTS.map((w) => w.toFixed(1)).join(', ')})`;
