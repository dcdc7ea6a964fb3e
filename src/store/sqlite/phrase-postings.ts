/**
 * A phrase's postings — every opinion holding the phrase and how often, in the case name and in the text — computed
 * from its tokens' doclists (fts5-doclist.ts) in one merge, so that postings-rank.ts can rank a phrase of common
 * words as bm25() does without FTS5's two passes over every row holding all the words (one to match, one more to
 * count the phrase's rows for its IDF): "clearly established" at 1M opinions is 377,300 and 524,260 rows, 275,782
 * holding both, 34,094 the phrase.
 *
 * As FTS5 matches a phrase: token j of the phrase at position p + j of the same column, for every j; each such p
 * is one instance (instances may overlap, as in "a a" within "a a a").
 */
import type { Statements } from './connection.js';
import { doclistPages, NotOptimized, readDoclist, type DoclistCursor } from './fts5-doclist.js';
import type { Segment } from './fts5-segment.js';
import type { Postings } from './postings.js';

/**
 * Queries whose phrases' doclists span more leaf pages than this together (~4 KB each; at 1M opinions "clearly" and
 * "established" span 764 and 1,349) are left to FTS5.
 */
export const MAX_PHRASE_PAGES = 8192;

/**
 * A phrase whose tokens' doclists differ more than this in size is left to FTS5, which walks the shortest and
 * skips through the others (with each doclist's index), where reading them whole would cost more: "police dog"
 * (618 and 46 pages at 1M) 16 ms that way, 20 this way; anything with "the" (50,000 pages) far more.
 */
export const MAX_PHRASE_SPREAD = 8;

/** Column c, position p as one number that orders like (c, p). */
const COLUMN = 2 ** 31;

/**
 * How many leaf pages this module would read for the phrase made of `tokens`, or Infinity when FTS5 ranks it
 * better (MAX_PHRASE_SPREAD; a token absent from the index, which FTS5 answers at once).
 */
export function phrasePages(sql: Statements, at: SegmentOf, tokens: string[]): number {
  const spans = [...new Set(tokens)].map((t) => {
    const span = doclistPages(sql, at.table, at.seg, t);
    return span ? span.last - span.first + 1 : 0;
  });
  const least = Math.min(...spans);
  const most = Math.max(...spans);
  return least === 0 || most > MAX_PHRASE_SPREAD * least ? Infinity : spans.reduce((a, b) => a + b, 0);
}

/** Where phrases are read: an FTS5 table and one of its segments, the product of an optimize. */
export interface SegmentOf { table: string; seg: Segment }

/**
 * The postings of the phrase made of `tokens` (index tokens, two or more) in segment `at`, or null when a delete
 * marker shows the segment is not what an optimize leaves.
 */
export function phrasePostings(sql: Statements, at: SegmentOf, tokens: string[]): Postings | null {
  const distinct = [...new Set(tokens)];
  const cursors: DoclistCursor[] = [];
  let most = Infinity; // the phrase is in no more rows than its rarest token
  for (const t of distinct) {
    cursors.push(readDoclist(sql, at.table, at.seg, t));
    most = Math.min(most, sql.get<{ n: number }>('SELECT opinions AS n FROM word_postings WHERE word = ?', t)?.n ?? Infinity);
  }
  try {
    return merge(tokens.map((t) => cursors[distinct.indexOf(t)]!), cursors, Number.isFinite(most) ? most : 1024);
  } catch (err) {
    if (err instanceof NotOptimized) return null;
    throw err;
  }
}

/** The rows where every token's cursor stops on the same row and the phrase occurs there, with its counts. */
function merge(byToken: DoclistCursor[], cursors: DoclistCursor[], rows: number): Postings {
  const last = byToken.length - 1;
  const positions: Float64Array[] = [];
  for (let j = 0; j < byToken.length; j++) positions.push(new Float64Array(4096));
  const counts = new Int32Array(byToken.length);
  const at = new Int32Array(byToken.length);
  let seqs = new Int32Array(rows);
  let inName = new Uint32Array(rows);
  let inText = new Uint32Array(rows);
  let n = 0;
  const head = cursors[0]!;
  rows: while (head.next()) {
    // Leapfrog: every cursor to the first row at or after the candidate; any beyond it makes a new candidate.
    let rowid = head.rowid;
    for (let j = 1; j < cursors.length; j++) {
      const c = cursors[j]!;
      while (c.rowid < rowid) if (!c.next()) break rows;
      if (c.rowid > rowid) {
        while (head.rowid < c.rowid) if (!head.next()) break rows;
        rowid = head.rowid;
        j = 0; // start over with the new candidate
      }
    }
    // The first token's positions whole, the others' as far as they can still extend one of them.
    let limit = Infinity;
    for (let j = 0; j <= last; j++) {
      const c = byToken[j]!;
      const need = c.end - c.start; // a position takes at least one byte
      if (positions[j]!.length < need) positions[j] = new Float64Array(need * 2);
      counts[j] = decode(c.bytes, c.start, c.end, positions[j]!, limit + j);
      if (j === 0) limit = positions[0]![counts[0]! - 1]!;
    }
    const both = instances(positions, counts, at);
    if (both === 0) continue;
    if (n === seqs.length) {
      seqs = grow(seqs, new Int32Array(n * 2));
      inName = grow(inName, new Uint32Array(n * 2));
      inText = grow(inText, new Uint32Array(n * 2));
    }
    seqs[n] = rowid;
    inName[n] = both % COLUMN;
    inText[n] = Math.floor(both / COLUMN);
    n++;
  }
  return { seqs: seqs.slice(0, n), inName: inName.slice(0, n), inText: inText.slice(0, n) };
}

function grow<T extends Int32Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * Decodes an FTS5 position list into `out` (column · 2^31 + offset, ascending), stopping after the first position
 * beyond `limit`; returns how many it wrote. The list is varints: 1 then a column number switches column (offsets
 * restart from 0), any other value v is the next offset in the column, v − 2 after the previous one.
 */
function decode(b: Uint8Array, from: number, to: number, out: Float64Array, limit: number): number {
  let n = 0;
  let column = 0;
  let offset = 0;
  for (let i = from; i < to;) {
    let v = 0;
    let c: number;
    do { c = b[i++]!; v = v * 128 + (c & 0x7f); } while (c & 0x80);
    if (v === 1) {
      let col = 0;
      do { c = b[i++]!; col = col * 128 + (c & 0x7f); } while (c & 0x80);
      column = col * COLUMN;
      offset = 0;
      continue;
    }
    offset += v - 2;
    out[n++] = column + offset;
    if (column + offset > limit) break;
  }
  return n;
}

/**
 * Instances of the phrase in one row: each position q of the last token (number `last`) where token j is at
 * q − last + j for every earlier j (positions decoded in `positions`, `counts` of each). Returns those in column 0
 * plus COLUMN × those in the others (one number, so that nothing is allocated per row); `at` is scratch space.
 */
function instances(positions: Float64Array[], counts: Int32Array, at: Int32Array): number {
  const last = positions.length - 1;
  for (let j = 0; j < last; j++) at[j] = 0; // (TypedArray fill() is a runtime call: slower for a few items)
  const ends = positions[last]!;
  let name = 0;
  let text = 0;
  ends: for (let e = 0; e < counts[last]!; e++) {
    const p = ends[e]! - last;
    for (let j = 0; j < last; j++) {
      const list = positions[j]!;
      const want = p + j;
      let k = at[j]!;
      while (k < counts[j]! && list[k]! < want) k++;
      at[j] = k;
      if (k === counts[j]) break ends; // later positions of the last token cannot match either
      if (list[k] !== want) continue ends;
    }
    if (p < COLUMN) name++;
    else text++;
  }
  return name + text * COLUMN;
}
