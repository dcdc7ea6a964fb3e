/**
 * The rankings a connection has computed recently, kept for reuse. Ranking is most of a search's cost — bm25() runs
 * for every match of the words, whatever the page — while what users send repeats the words far more often than
 * the whole request: the same words with another circuit, another date, the next page, or an assessment's second
 * search. Each ranking (the best `window` matches, rowid and bm25 as FTS5 returned them) sits in temp.ranked under a
 * slot number; a later search for the same MATCH string at the same store generation reads its window from there.
 *
 * Exactness: the rows of a slot are the first `window` rows of the full ranking, stored as computed (REAL ranks
 * unchanged), so any narrower window read from it is the same rows a fresh ranking would give (up to ties at the
 * edge, which the caller never counts as better than the edge). A slot holding fewer rows than its window holds
 * every match. A change of generation empties every slot: at once for this connection's own writes, and for other
 * connections' commits when the store next reads the generation (at most its refresh interval later; see
 * SqliteStore.open). Until then a kept ranking is the one computed before that commit — the answers lag, as the
 * refresh interval allows — while the page's cases and opinions are always read as they are now.
 *
 * CLEARLY_RANKING_REUSE=0 keeps only the reuse an assessment's pair of searches needs (one slot, used only by a
 * different request), so that latency benchmarks that repeat a search measure it cold.
 */
import type { QueryNode } from '../search-query.js';
import type { Statements } from './connection.js';
import { rankWithPostings, type Keep, type PostingsRanking } from './postings-rank.js';
import type { CaseFilterSql } from './rows.js';
import { BM25 } from './bm25.js';

export { BM25 };


/**
 * A filter keeping at least this share of the opinions (`share`, filter-share.ts) is ranked with word postings when
 * there are some; one keeping less with FTS5, which reads each match's filter row first and scores only those kept
 * (at 1M opinions, "qualified immunity" in the 2nd Circuit, 3% of the store: 31 ms that way, 69 ms with postings).
 */
const POSTINGS_FILTER_SHARE = 0.25;

/** The smallest window ranked: a window of 1,344 rows costs about what 168 does (heap inserts are cheap against bm25). */
export const MIN_RANKED = 1344;
/** At most this many slots and rows per connection (rows are ~30 bytes in the in-memory temp store). */
const MAX_SLOTS = 256;
const MAX_ROWS = 600_000;

/** A kept ranking: `rows` rows stored under `slot`; fewer rows than `window` means every match is there. */
export interface RankedSlot { slot: number; window: number; rows: number; /** computed by an earlier call */ kept?: boolean }
interface Slot extends RankedSlot { request: string; call: number }
interface Held { generation: string | null; slots: Map<string, Slot>; rows: number; next: number }

const held = new WeakMap<Statements, Held>();

/** Whether searches may reuse another request's ranking (read at each search, so a benchmark can set it late). */
export const reuseAcrossRequests = (): boolean => process.env.CLEARLY_RANKING_REUSE !== '0';

/**
 * The slot of temp.ranked that holds at least the best `window` matches of `match` at `generation`, ranking now
 * if none does. `request` identifies the whole search (words, filters, page), `call` one call of search() (its
 * rounds may widen the window); `share`, about what share of the opinions `filter` keeps, chooses the plan.
 */
export function rankedSlot(
  sql: Statements, match: string, window: number, generation: string | null, request: string, call: number,
  filter?: CaseFilterSql, tree?: QueryNode, share = 1,
): RankedSlot {
  const h = connectionRankings(sql, generation);
  const key = filter ? `${match}\u0000${filter.sql}\u0000${JSON.stringify(filter.params)}` : match;
  const found = h.slots.get(key);
  if (found) {
    const enough = found.window >= window || found.rows < found.window;
    const mayReuse = generation !== null && (reuseAcrossRequests() || found.request !== request || found.call === call);
    if (enough && mayReuse) {
      h.slots.delete(key); // most recently used last
      h.slots.set(key, found);
      return { ...found, kept: found.call !== call };
    }
    drop(sql, h, key, found);
  }
  const wanted = Math.max(window, MIN_RANKED);
  const slot = h.next++;
  // With postings (postings-rank.ts), every match is scored and the filter asked about the best ones, a batch at a
  // time, until `wanted` pass — for a filter that keeps at least POSTINGS_FILTER_SHARE. Otherwise each match is
  // joined to its facets row first (opinion_facets, migration 4: the case's filter columns) and bm25() runs only
  // for those the filter keeps (CROSS JOIN keeps the FTS5 cursor outermost, so bm25() sees its row): one pass,
  // however few cases pass.
  const byPostings = tree && (!filter || share >= POSTINGS_FILTER_SHARE)
    ? rankWithPostings(sql, tree, wanted, filter && keepOf(sql, filter)) : undefined;
  const { changes } = byPostings
    ? insertRanking(sql, slot, byPostings)
    : filter
    ? sql.run(`INSERT INTO temp.ranked (slot, r, seq)
      SELECT @slot, ${BM25} AS r, opinion_fts.rowid FROM opinion_fts
        CROSS JOIN opinion_facets c ON c.seq = opinion_fts.rowid
      WHERE opinion_fts MATCH @match AND ${filter.sql} ORDER BY r LIMIT @window`,
    { ...filter.params, slot, match, window: wanted })
    : sql.run(`INSERT INTO temp.ranked (slot, r, seq)
      SELECT @slot, ${BM25} AS r, rowid FROM opinion_fts WHERE opinion_fts MATCH @match ORDER BY r LIMIT @window`,
    { slot, match, window: wanted });
  const made = { slot, window: wanted, rows: changes, request, call };
  h.slots.set(key, made);
  h.rows += changes;
  const keepSlots = reuseAcrossRequests() && generation !== null ? MAX_SLOTS : 1;
  for (const [m, s] of h.slots) {
    if (h.slots.size <= keepSlots && h.rows <= MAX_ROWS) break;
    if (s.slot !== slot) drop(sql, h, m, s);
  }
  return made;
}

/** The filter as postings-rank.ts asks it: which of a batch of opinions (seqs) it keeps, read from opinion_facets. */
function keepOf(sql: Statements, filter: CaseFilterSql): Keep {
  const query = `SELECT c.seq AS seq FROM opinion_facets c
    WHERE c.seq IN (SELECT value FROM json_each(@f_seqs)) AND (${filter.sql})`;
  return (seqs) => new Set(sql.all<{ seq: number }>(query, { ...filter.params, f_seqs: JSON.stringify(Array.from(seqs)) }).map((r) => r.seq));
}

/** A ranking made with word postings (postings-rank.ts) into the slot: the same rows FTS5's ranking query inserts. */
function insertRanking(sql: Statements, slot: number, r: PostingsRanking): { changes: number } {
  const params: number[] = [];
  const flush = (): void => {
    const rows = params.length / 3;
    sql.run(`INSERT INTO temp.ranked (slot, r, seq) VALUES ${'(?, ?, ?), '.repeat(rows - 1)}(?, ?, ?)`, params);
    params.length = 0;
  };
  for (let i = 0; i < r.seqs.length; i++) {
    params.push(slot, r.ranks[i]!, r.seqs[i]!);
    if (params.length === 3 * INSERT_ROWS) flush();
  }
  if (params.length) flush();
  return { changes: r.seqs.length };
}
/** Rows per INSERT statement (a statement call costs more than a row). */
const INSERT_ROWS = 128;

/** Whether a ranking of the words alone (no filter) is kept for `match` at `generation`, for a search to read first. */
export function hasRanking(sql: Statements, match: string, generation: string | null): boolean {
  const h = held.get(sql);
  return generation !== null && reuseAcrossRequests() && h?.generation === generation && h.slots.has(match);
}

function connectionRankings(sql: Statements, generation: string | null): Held {
  let h = held.get(sql);
  if (!h) {
    sql.db.exec(`CREATE TEMP TABLE IF NOT EXISTS ranked (slot INTEGER NOT NULL, r REAL NOT NULL, seq INTEGER NOT NULL,
      PRIMARY KEY (slot, r, seq)) WITHOUT ROWID`);
    sql.run('DELETE FROM temp.ranked');
    h = { generation, slots: new Map(), rows: 0, next: 1 };
    held.set(sql, h);
  }
  if (h.generation !== generation || generation === null) {
    if (h.rows > 0 || h.slots.size > 0) sql.run('DELETE FROM temp.ranked');
    h.slots.clear();
    h.rows = 0;
    h.generation = generation;
  }
  return h;
}

function drop(sql: Statements, h: Held, key: string, s: Slot): void {
  sql.run('DELETE FROM temp.ranked WHERE slot = ?', s.slot);
  h.slots.delete(key);
  h.rows -= s.rows;
}

/** How many slots and rows this connection holds (tests). */
export function heldRankings(sql: Statements): { slots: number; rows: number } {
  const h = held.get(sql);
  return { slots: h?.slots.size ?? 0, rows: h?.rows ?? 0 };
}
