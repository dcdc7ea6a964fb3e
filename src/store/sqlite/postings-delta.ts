/**
 * Word postings kept in use after small changes to the store. The postings describe the one segment an import's
 * optimize left (postings.ts); later writes put new and changed rows in other segments and leave that segment's
 * pages as they were. Migration 7's triggers note every opinion whose indexed text changed since the build
 * (`word_postings_changed`: inserted, updated, deleted, or its case renamed). A search then takes each word's
 * stored postings without those opinions, and adds what those opinions hold now, read from a small scratch FTS5
 * index of their current text in this connection's temp schema (same tokenizer, so the same tokens and counts);
 * their lengths come from the index's own docsize rows. Up to maxChanged() opinions (500): past that the next
 * import's end optimizes the index and builds the postings again, and searches rank with FTS5 until then.
 */
import type { Statements } from './connection.js';
import { onlySegment } from './fts5-doclist.js';
import type { PostingsState, Postings } from './postings.js';
import { docTokens, indexStructure } from './postings.js';
import type { SegmentOf } from './phrase-postings.js';
import { TOKENIZE } from './query-tokens.js';

/** Opinions changed since the build that searches still answer from postings (CLEARLY_POSTINGS_MAX_CHANGED). */
export const maxChanged = (): number => Number(process.env.CLEARLY_POSTINGS_MAX_CHANGED ?? 500);

export interface Delta {
  /** The build and the index's structure record it was made for. */
  key: string;
  /** Opinions changed since the build, ascending: their stored postings no longer count. */
  changed: Int32Array;
  /** Tokens per opinion now, by seq. */
  lengths: Uint32Array;
  /** The scratch index of the changed opinions' current text, or null when none of them exists any more. */
  at: SegmentOf | null;
  /** Postings with the changes, by word. */
  words: Map<string, Postings>;
}

const held = new WeakMap<Statements, Delta>();

/** How many opinions changed since the postings were built. */
export function changedCount(sql: Statements): number {
  return sql.get<{ n: number }>('SELECT count(*) AS n FROM word_postings_changed')!.n;
}

/**
 * The changes since the build: null when there are none, undefined when there are more than maxChanged() (the
 * postings are then not used).
 */
export function currentDelta(sql: Statements, state: PostingsState): Delta | null | undefined {
  const n = changedCount(sql);
  if (n === 0) return null;
  if (n > maxChanged()) return undefined;
  const key = `${state.built}:${indexStructure(sql)?.toString('hex')}`;
  const kept = held.get(sql);
  if (kept?.key === key) return kept;
  const changed = Int32Array.from(sql.all<{ seq: number }>('SELECT seq FROM word_postings_changed ORDER BY seq'), (r) => r.seq);
  if (!sql.get("SELECT 1 FROM temp.sqlite_master WHERE name = 'postings_delta_text'")) {
    sql.db.exec(`CREATE TABLE temp.postings_delta_text (seq INTEGER PRIMARY KEY, case_name TEXT, text TEXT);
      CREATE VIRTUAL TABLE temp.postings_delta USING fts5 (case_name, text, content = 'postings_delta_text',
        content_rowid = 'seq', tokenize = '${TOKENIZE}');
      CREATE VIRTUAL TABLE temp.postings_delta_words USING fts5vocab(temp, postings_delta, instance);`);
  }
  sql.run("INSERT INTO temp.postings_delta (postings_delta) VALUES ('delete-all')");
  sql.run('DELETE FROM temp.postings_delta_text');
  sql.run(`INSERT INTO temp.postings_delta_text (seq, case_name, text) SELECT seq, case_name, text FROM opinion_search
    WHERE seq IN (SELECT seq FROM word_postings_changed)`);
  sql.run('INSERT INTO temp.postings_delta (rowid, case_name, text) SELECT seq, case_name, text FROM temp.postings_delta_text');
  sql.run("INSERT INTO temp.postings_delta (postings_delta) VALUES ('optimize')");
  const seg = onlySegment(sql, 'postings_delta');

  const lengths = new Uint32Array(Math.max(state.lengths.length, changed[changed.length - 1]! + 1));
  lengths.set(state.lengths);
  const size = sql.stmt('SELECT sz FROM opinion_fts_docsize WHERE id = ?');
  for (const seq of changed) {
    const row = size.get(seq) as { sz: Buffer } | undefined;
    lengths[seq] = row ? docTokens(row.sz) : 0;
  }
  const delta: Delta = { key, changed, lengths, at: seg && { table: 'postings_delta', seg }, words: new Map() };
  held.set(sql, delta);
  return delta;
}

/** A stored word's postings with the changes: without the changed opinions, with what they hold now. */
export function wordWithDelta(sql: Statements, delta: Delta, word: string, stored: Postings): Postings {
  const kept = delta.words.get(word);
  if (kept) return kept;
  const rows = sql.stmt(`SELECT doc, sum(col = 'case_name') AS in_name, sum(col <> 'case_name') AS in_text
    FROM temp.postings_delta_words WHERE term = ? GROUP BY doc ORDER BY doc`).raw(true).all(word) as [number, number, number][];
  const now: Postings = {
    seqs: Int32Array.from(rows, (r) => r[0]), inName: Uint32Array.from(rows, (r) => r[1]), inText: Uint32Array.from(rows, (r) => r[2]),
  };
  const merged = withChanges(stored, delta.changed, now);
  delta.words.set(word, merged);
  return merged;
}

/** `stored` without the opinions in `changed` (ascending), merged with `now` (which holds only changed ones). */
export function withChanges(stored: Postings, changed: Int32Array, now: Postings): Postings {
  const size = stored.seqs.length + now.seqs.length;
  const out: Postings = { seqs: new Int32Array(size), inName: new Uint32Array(size), inText: new Uint32Array(size) };
  let n = 0;
  let c = 0;
  let j = 0;
  const take = (p: Postings, k: number): void => {
    out.seqs[n] = p.seqs[k]!;
    out.inName[n] = p.inName[k]!;
    out.inText[n] = p.inText[k]!;
    n++;
  };
  for (let i = 0; i < stored.seqs.length; i++) {
    const seq = stored.seqs[i]!;
    while (j < now.seqs.length && now.seqs[j]! < seq) take(now, j++);
    while (c < changed.length && changed[c]! < seq) c++;
    if (c < changed.length && changed[c] === seq) continue;
    take(stored, i);
  }
  while (j < now.seqs.length) take(now, j++);
  return { seqs: out.seqs.slice(0, n), inName: out.inName.slice(0, n), inText: out.inText.slice(0, n) };
}
