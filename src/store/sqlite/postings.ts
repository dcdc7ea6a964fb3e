/**
 * Word postings: for each word that at least POSTINGS_SHARE of the opinions hold, every opinion holding it and how
 * often (in the case name and in the text), read out of opinion_fts once after an import (`buildPostings`). A
 * search whose words are all single index tokens then ranks with them (postings-rank.ts) instead of FTS5's bm25()
 * pass over every match (1–1.6 µs a match: "summary judgment" took 292 ms at 1M opinions, 50 ms this way), with the
 * same scores to the last bit: bm25 needs only each word's count per opinion, the opinion's length in tokens and
 * the index totals.
 *
 * The postings describe the index as it was when built. Any write that changes what the index holds deletes their
 * state row (triggers of migration 6), and `opinion_fts_data`'s structure record (id 10), rewritten whenever FTS5
 * writes or merges a segment, must still be the one stored beside them: until the next build searches rank with
 * FTS5 as before; the postings never answer for an index they do not describe.
 */
import { randomUUID } from 'node:crypto';
import type { Statements } from './connection.js';
import { readSegment, segments, singleSegment, STRUCTURE_ID, varint, VarintWriter, type Segment } from './fts5-segment.js';

/** A word is given postings when at least this share of the opinions holds it (rarer words rank fast in FTS5). */
export const POSTINGS_SHARE = 0.01;
/** Stores smaller than this get no postings (CLEARLY_POSTINGS_MIN_STORE overrides): FTS5 ranks them fast. */
export const POSTINGS_MIN_STORE = 50_000;

/** FTS5 keeps the index's totals (rows, tokens per column) in record 1 (its structure in STRUCTURE_ID). */
const AVERAGES_ID = 1;

export interface BuildResult { words: number; postings: number; bytes: number; ms: number }

/** Varints (SQLite's, big-endian groups of 7 bits) from `b` until its end. */
export function readVarints(b: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < b.length;) {
    const [v, next] = varint(b, i);
    out.push(v);
    i = next;
  }
  return out;
}

/** An opinion's length in tokens, over every column, from its `opinion_fts_docsize` row. */
export const docTokens = (sz: Uint8Array): number => readVarints(sz).reduce((a, b) => a + b, 0);

/** The index's totals as bm25() reads them: rows, and tokens over every column. */
export function indexTotals(sql: Statements): { rows: number; tokens: number } {
  const row = sql.get<{ block: Buffer }>('SELECT block FROM opinion_fts_data WHERE id = ?', AVERAGES_ID);
  if (!row) return { rows: 0, tokens: 0 };
  const [rows = 0, ...columns] = readVarints(row.block);
  return { rows, tokens: columns.reduce((a, b) => a + b, 0) };
}

/** The index's structure record: equal bytes, same index. */
export function indexStructure(sql: Statements): Buffer | null {
  return sql.get<{ block: Buffer }>('SELECT block FROM opinion_fts_data WHERE id = ?', STRUCTURE_ID)?.block ?? null;
}


/**
 * One word's postings, as stored: for each opinion holding it, in seq order, the seq's distance from the
 * previous one, then the word's count in the case name and in the text (little-endian varints).
 */
export function encodePostings(rows: Iterable<[seq: number, inName: number, inText: number]>, into = new VarintWriter()): { blob: Buffer; count: number } {
  let last = 0;
  let count = 0;
  for (const [seq, inName, inText] of rows) {
    into.push(seq - last);
    into.push(inName);
    into.push(inText);
    last = seq;
    count++;
  }
  return { blob: into.take(), count };
}

export interface Postings { seqs: Int32Array; inName: Uint32Array; inText: Uint32Array }

export function decodePostings(b: Uint8Array, count: number): Postings {
  const seqs = new Int32Array(count);
  const inName = new Uint32Array(count);
  const inText = new Uint32Array(count);
  let i = 0;
  let seq = 0;
  const next = (): number => {
    let v = 0;
    let scale = 1;
    let c: number;
    do {
      c = b[i++]!;
      v += (c & 0x7f) * scale;
      scale *= 128;
    } while (c & 0x80);
    return v;
  };
  for (let k = 0; k < count; k++) {
    seq += next();
    seqs[k] = seq;
    inName[k] = next();
    inText[k] = next();
  }
  return { seqs, inName, inText };
}

/**
 * Reads every frequent word's postings out of opinion_fts's pages (fts5-segment.ts) and stores them with the index's
 * structure record and each opinion's length in tokens; null (and nothing stored) when the index is not optimized
 * into one segment. Runs inside the caller's write transaction, after 'optimize'.
 */
export function buildPostings(sql: Statements, opts: { share?: number; minOpinions?: number } = {}): BuildResult | null {
  const t0 = performance.now();
  const { rows } = indexTotals(sql);
  const min = Math.max(opts.minOpinions ?? 1, Math.ceil(rows * (opts.share ?? POSTINGS_SHARE)));
  sql.run('DELETE FROM word_postings');
  sql.run('DELETE FROM word_postings_state');
  sql.run('DELETE FROM word_postings_changed');
  const insert = sql.stmt('INSERT INTO word_postings (word, opinions, postings) VALUES (?, ?, ?)');
  let words = 0;
  let postings = 0;
  let size = 0;
  const read = readSegment(sql, 'opinion_fts', (t) => {
    if (t.rows < min) return;
    insert.run(t.term, t.rows, t.encoded);
    words++;
    postings += t.rows;
    size += t.encoded.length;
  });
  if (!read) {
    sql.run('DELETE FROM word_postings');
    return null;
  }
  const table = new Uint32Array((sql.get<{ n: number | null }>('SELECT max(id) AS n FROM opinion_fts_docsize')!.n ?? 0) + 1);
  for (const [id, sz] of sql.db.prepare('SELECT id, sz FROM opinion_fts_docsize').raw().iterate() as Iterable<[number, Buffer]>) {
    table[id] = docTokens(sz);
  }
  sql.run('INSERT INTO word_postings_state (id, built, structure, lengths) VALUES (1, ?, ?, ?)', randomUUID(),
    indexStructure(sql), Buffer.from(table.buffer, table.byteOffset, table.byteLength));
  return { words, postings, bytes: size + table.byteLength, ms: performance.now() - t0 };
}

/** What a connection has read of one build of the postings. */
export interface PostingsState {
  built: string;
  /** The segment of opinion_fts the postings describe (the only one when they were built). */
  segment: Segment;
  /** Tokens per opinion when built, by seq. */
  lengths: Uint32Array;
  /** Decoded postings by word; null: the word has none stored (rare, or absent from the index). */
  words: Map<string, Postings | null>;
  wordBytes: number;
}

const states = new WeakMap<Statements, PostingsState>();
/** Decoded postings a connection keeps (bytes); the least recently read words go first. */
const MAX_KEPT_BYTES = 256 << 20;

/**
 * The stored postings while the segment they describe is still in the index, else undefined. Writes after the
 * build go to other segments, and the opinions they change are listed by migration 7's triggers (see
 * postings-delta.ts); a merge of that segment with others (an optimize) ends the postings' use. (A merge writes
 * its output under a new segment id while its inputs still hold theirs, so a segment with the built one's id and
 * pages is that segment.)
 */
export function currentPostings(sql: Statements): PostingsState | undefined {
  const row = sql.get<{ built: string; structure: Buffer }>('SELECT built, structure FROM word_postings_state WHERE id = 1');
  if (!row) return undefined;
  const structure = indexStructure(sql);
  const built = singleSegment(row.structure);
  const now = structure ? segments(structure) : null;
  if (!built || !now?.some((g) => g.id === built.id && g.first === built.first && g.last === built.last)) return undefined;
  const held = states.get(sql);
  if (held?.built === row.built) return held;
  const lengths = sql.get<{ lengths: Buffer }>('SELECT lengths FROM word_postings_state WHERE id = 1')!.lengths;
  const copy = Buffer.from(lengths); // aligned for the Uint32Array view
  const state: PostingsState = {
    built: row.built, segment: built, lengths: new Uint32Array(copy.buffer, copy.byteOffset, copy.byteLength / 4),
    words: new Map(), wordBytes: 0,
  };
  states.set(sql, state);
  return state;
}

/** A word's stored postings (decoded once per connection and index), or null when it has none. */
export function wordPostings(sql: Statements, state: PostingsState, word: string): Postings | null {
  const held = state.words.get(word);
  if (held !== undefined) {
    state.words.delete(word); // most recently read last
    state.words.set(word, held);
    return held;
  }
  const row = sql.get<{ opinions: number; postings: Buffer }>('SELECT opinions, postings FROM word_postings WHERE word = ?', word);
  const decoded = row ? decodePostings(row.postings, row.opinions) : null;
  state.words.set(word, decoded);
  state.wordBytes += decoded ? decoded.seqs.length * 12 : 0;
  for (const [w, p] of state.words) {
    if (state.wordBytes <= MAX_KEPT_BYTES) break;
    if (w === word) continue;
    state.words.delete(w);
    state.wordBytes -= p ? p.seqs.length * 12 : 0;
  }
  return decoded;
}

/** Whether `word` has stored postings (a common word), without reading them. */
export function hasStoredPostings(sql: Statements, word: string): boolean {
  return sql.get('SELECT 1 FROM word_postings WHERE word = ?', word) !== undefined;
}

/** Postings of a word with none stored, read from the index now (a rare word: cost in proportion to its opinions). */
export function readWordPostings(sql: Statements, word: string): Postings {
  sql.db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.opinion_word_instances USING fts5vocab(main, opinion_fts, instance)');
  const list = sql.stmt(`SELECT doc, sum(col = 'case_name') AS in_name, sum(col <> 'case_name') AS in_text
    FROM temp.opinion_word_instances WHERE term = ? GROUP BY doc ORDER BY doc`).raw().all(word) as [number, number, number][];
  return {
    seqs: Int32Array.from(list, (r) => r[0]), inName: Uint32Array.from(list, (r) => r[1]), inText: Uint32Array.from(list, (r) => r[2]),
  };
}
