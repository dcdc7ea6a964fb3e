/**
 * About what share of the store's opinions a case filter keeps, from a fixed sample of opinion_facets rows
 * (migration 4): SAMPLE row numbers spread evenly over the table, each looked up by its key (~1.5 ms at 1M
 * opinions). Only a search's choice of plan depends on it (search.ts), never its answer.
 */
import type { Statements } from './connection.js';
import type { CaseFilterSql } from './rows.js';

const SAMPLE = 1024;

export function filterShare(sql: Statements, filter: CaseFilterSql): number {
  if (filter.sql === '1') return 1;
  // Row numbers lo + k·(hi − lo)/(SAMPLE − 1): integer arithmetic, so each is a key look-up; gaps left by deleted
  // opinions are simply not counted. The filter is 1, 0 or NULL per row (NULL: a compared column is NULL).
  const row = sql.get<{ sampled: number; kept: number }>(`
    WITH RECURSIVE s (k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM s WHERE k < ${SAMPLE - 1}),
      -- Two subqueries: SQLite answers min() and max() from the key only when each stands alone.
      b (lo, hi) AS MATERIALIZED (SELECT (SELECT min(seq) FROM opinion_facets), (SELECT max(seq) FROM opinion_facets))
    SELECT count(*) AS sampled, coalesce(sum(${filter.sql}), 0) AS kept
    FROM b CROSS JOIN s CROSS JOIN opinion_facets c ON c.seq = b.lo + (s.k * (b.hi - b.lo)) / ${SAMPLE - 1}`,
  filter.params);
  return row && row.sampled > 0 ? row.kept / row.sampled : 1;
}
