/**
 * Ranking with word postings (postings.ts): the matches of a query made of words and quoted phrases (no prefixes),
 * each phrase of several tokens merged from its tokens' doclists (phrase-postings.ts), scored as FTS5's bm25()
 * scores them — the same formula, inputs and order of floating-point operations, so the same doubles (checked
 * against bm25() in postings.test.ts) — and the best `window` of them returned, as the ranking query
 * `… ORDER BY bm25(…) LIMIT window` would return them.
 *
 * FTS5's bm25(), for each row: for every phrase i of the query (in the order they appear), aFreq[i] is the sum of
 * the column weights over the phrase's instances in the row and IDF[i] = ln((N − n_i + 0.5) / (n_i + 0.5)) (or
 * 1e-6 when that is not positive), N the index's rows and n_i the rows holding the phrase; D is the row's tokens
 * over all columns and avgdl the index's tokens over N; then score += IDF[i] · (aFreq[i]·(k1 + 1)) /
 * (aFreq[i] + k1·(1 − b + b·D/avgdl)) and the result is −1 × score.
 */
import type { QueryNode } from '../search-query.js';
import type { Statements } from './connection.js';
import { currentPostings, hasStoredPostings, indexTotals, readWordPostings, wordPostings, type Postings } from './postings.js';
import { MAX_PHRASE_PAGES, phrasePages, phrasePostings, type SegmentOf } from './phrase-postings.js';
import { currentDelta, withChanges, wordWithDelta, type Delta } from './postings-delta.js';
import { queryTokens } from './query-tokens.js';
import { BM25_WEIGHTS } from './bm25.js';

const K1 = 1.2;
const B = 0.75;

export interface PostingsRanking { seqs: Int32Array; ranks: Float64Array }

/** Whether searches may rank with postings (CLEARLY_POSTINGS=0 turns them off, to compare). */
const enabled = (): boolean => process.env.CLEARLY_POSTINGS !== '0';

/**
 * The best `window` matches of `tree` with their bm25() ranks, best first, or undefined when postings cannot
 * answer: none stored for the index as it is, a prefix term in the query, phrases whose doclists are too large to
 * read (MAX_PHRASE_PAGES), or no word of the query common enough to have postings (FTS5 ranks such queries
 * quickly anyway).
 */
export function rankWithPostings(sql: Statements, tree: QueryNode, window: number, keep?: Keep): PostingsRanking | undefined {
  if (!enabled()) return undefined;
  // One read transaction, so that the postings, the index's pages and its totals come from one state of the store
  // (a writer committing between two of the reads could otherwise pair postings with pages they do not describe).
  const run = (): PostingsRanking | undefined => rank(sql, tree, window, keep);
  return sql.db.inTransaction ? run() : sql.db.transaction(run)();
}

/**
 * A case filter, asked which of a batch of opinions (seqs, best first) it keeps. With one, the ranking is the best
 * `window` matches the filter keeps, or undefined when too many matches would have to be asked about (FTS5's
 * filtered ranking, which looks each match's filter row up as it goes, is then cheaper).
 */
export type Keep = (seqs: Int32Array) => Set<number>;

function rank(sql: Statements, tree: QueryNode, window: number, keep: Keep | undefined): PostingsRanking | undefined {
  const leaves: Leaf[] = [];
  collect(tree, leaves);
  if (leaves.some((l) => l.kind === 'term' && l.prefix)) return undefined;
  const state = currentPostings(sql);
  if (!state) return undefined;
  const delta = currentDelta(sql, state);
  if (delta === undefined) return undefined;
  const tokens = queryTokens(sql, leaves.map((l) => l.text));
  if (tokens.some((t) => t.length === 0)) return undefined;
  const built: SegmentOf = { table: 'opinion_fts', seg: state.segment };
  const phrases = tokens.filter((t) => t.length > 1);
  if (phrases.reduce((n, t) => n + phrasePages(sql, built, t), 0) > MAX_PHRASE_PAGES) return undefined;
  // A leaf is common when it is a word with stored postings or a phrase holding one; at least one must be.
  const stored = tokens.map((t) => (t.length === 1 ? wordPostings(sql, state, t[0]!) : null));
  const common = tokens.some((t, i) => (t.length === 1 ? stored[i] !== null : t.some((w) => hasStoredPostings(sql, w))));
  if (!common) return undefined;
  const lists: Postings[] = [];
  for (const [i, t] of tokens.entries()) {
    const list = t.length === 1 ? storedWord(sql, delta, t[0]!, stored[i] ?? null) : phrase(sql, built, delta, t);
    if (!list) return undefined;
    lists.push(list);
  }
  const byLeaf = new Map(leaves.map((l, i) => [l, lists[i]!]));
  const matches = evaluate(tree, byLeaf);
  const { rows, tokens: total } = indexTotals(sql);
  return best(matches, lists, delta?.lengths ?? state.lengths, rows, total, window, keep);
}

/** A word's postings now: stored (with the changes since), or read from the index (a rare word, null stored). */
function storedWord(sql: Statements, delta: Delta | null, word: string, stored: Postings | null): Postings {
  if (!stored) return readWordPostings(sql, word);
  return delta ? wordWithDelta(sql, delta, word, stored) : stored;
}

/** A phrase's postings now: from the built segment, with the changed opinions' taken from the scratch index. */
function phrase(sql: Statements, built: SegmentOf, delta: Delta | null, tokens: string[]): Postings | null {
  const fromBuilt = phrasePostings(sql, built, tokens);
  if (!fromBuilt || !delta) return fromBuilt;
  const now = delta.at ? phrasePostings(sql, delta.at, tokens) : NONE;
  return now && withChanges(fromBuilt, delta.changed, now);
}

const NONE: Postings = { seqs: new Int32Array(0), inName: new Uint32Array(0), inText: new Uint32Array(0) };

type Leaf = Extract<QueryNode, { kind: 'term' | 'phrase' }>;

/** The query's words and phrases in the order FTS5 numbers its phrases (the order of the MATCH text). */
function collect(node: QueryNode, out: Leaf[]): void {
  switch (node.kind) {
    case 'term': case 'phrase': out.push(node); return;
    case 'and': case 'or': for (const n of node.items) collect(n, out); return;
    case 'not': collect(node.left, out); collect(node.right, out);
  }
}

/** The seqs matching `node`, ascending. */
function evaluate(node: QueryNode, lists: Map<Leaf, Postings>): Int32Array {
  switch (node.kind) {
    case 'term': case 'phrase': return lists.get(node)!.seqs;
    case 'and': return node.items.map((n) => evaluate(n, lists)).reduce(intersect);
    case 'or': return node.items.map((n) => evaluate(n, lists)).reduce(union);
    case 'not': return minus(evaluate(node.left, lists), evaluate(node.right, lists));
  }
}

function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(a.length, b.length));
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else { out[n++] = a[i]!; i++; j++; }
  }
  return out.subarray(0, n);
}

function union(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) out[n++] = a[i++]!;
    else if (a[i]! > b[j]!) out[n++] = b[j++]!;
    else { out[n++] = a[i++]!; j++; }
  }
  while (i < a.length) out[n++] = a[i++]!;
  while (j < b.length) out[n++] = b[j++]!;
  return out.subarray(0, n);
}

function minus(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length);
  let n = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    while (j < b.length && b[j]! < a[i]!) j++;
    if (j < b.length && b[j] === a[i]) continue;
    out[n++] = a[i]!;
  }
  return out.subarray(0, n);
}

/**
 * bm25() of every match, then the `window` best that `keep` keeps (lowest rank; ties in any order, as FTS5's LIMIT
 * leaves them).
 */
function best(
  matches: Int32Array, lists: Postings[], lengths: Uint32Array, rows: number, tokens: number, window: number, keep: Keep | undefined,
): PostingsRanking | undefined {
  const avgdl = tokens / rows;
  const idf = lists.map((p) => {
    const v = Math.log((rows - p.seqs.length + 0.5) / (p.seqs.length + 0.5));
    return v <= 0.0 ? 1e-6 : v;
  });
  const [wName, wText] = BM25_WEIGHTS;
  const at = new Int32Array(lists.length); // each list's cursor: matches ascend, so each list is walked once
  const ranks = new Float64Array(matches.length);
  for (let m = 0; m < matches.length; m++) {
    const seq = matches[m]!;
    const d = lengths[seq] ?? 0;
    let score = 0.0;
    for (let i = 0; i < lists.length; i++) {
      const p = lists[i]!;
      let k = at[i]!;
      while (k < p.seqs.length && p.seqs[k]! < seq) k++;
      at[i] = k;
      // FTS5 adds the weight once per instance: a sum of whole numbers, exact in a double.
      const f = k < p.seqs.length && p.seqs[k] === seq ? p.inName[k]! * wName + p.inText[k]! * wText : 0.0;
      score += idf[i]! * ((f * (K1 + 1.0)) / (f + K1 * (1 - B + B * d / avgdl)));
    }
    ranks[m] = -1.0 * score;
  }
  const kept = keep && ((indexes: number[]): Set<number> => {
    const seqs = keep(Int32Array.from(indexes, (i) => matches[i]!));
    return new Set(indexes.filter((i) => seqs.has(matches[i]!)));
  });
  // Asking about a batch costs ~0.75 µs a match (1M opinions): past a tenth of the index's rows, FTS5's pass wins.
  const order = bestIndexes(ranks, window, kept, rows / 10);
  return order ? { seqs: Int32Array.from(order, (i) => matches[i]!), ranks: Float64Array.from(order, (i) => ranks[i]!) } : undefined;
}

/** How much larger than the rows still wanted a filtered batch is made, over the share kept so far. */
const MARGIN = 1.25;

/**
 * Indexes of the `n` lowest values that `keep` keeps (every one, without it), lowest first (ties by index). The
 * values are taken in order a batch at a time — every value up to a cut — and each batch is offered to `keep` at
 * once: the first is 4n (n without a filter), each next one sized by the share kept so far. Null when more than
 * `most` values would have been offered.
 */
function bestIndexes(values: Float64Array, n: number, keep?: (indexes: number[]) => Set<number>, most = Infinity): number[] | null {
  const all = values.length;
  const sorted = Float64Array.from(values).sort();
  const out: number[] = [];
  let cut = Number.NEGATIVE_INFINITY;
  let offered = 0;
  let size = keep ? 4 * n : n;
  while (out.length < n && offered < all) {
    if (keep && offered + Math.min(size, all - offered) > most) return null;
    const top = sorted[Math.min(all, offered + size) - 1]!;
    const batch: number[] = [];
    for (let i = 0; i < all; i++) if (values[i]! > cut && values[i]! <= top) batch.push(i);
    if (batch.length === 0) break; // only values that compare with nothing (NaN) are left: never loop on them
    batch.sort((a, b) => values[a]! - values[b]! || a - b);
    const kept = keep?.(batch);
    for (const i of batch) {
      if (kept && !kept.has(i)) continue;
      out.push(i);
      if (out.length === n) break;
    }
    offered += batch.length;
    cut = top;
    size = Math.ceil(((n - out.length) * offered * MARGIN) / Math.max(out.length, 1));
  }
  return out;
}
