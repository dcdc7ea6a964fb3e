/**
 * Snippets already made, per connection: the same words bring the same opinions to the first pages of many
 * searches (another circuit, another date, published only), and a snippet depends only on the words, the opinion,
 * the highlight marks and the store's content. Kept while the store generation is unchanged, at most MAX entries
 * (least recently used dropped). CLEARLY_RANKING_REUSE=0 turns it off, like the rankings' reuse (rankings.ts).
 */
import type { Statements } from './connection.js';
import { reuseAcrossRequests } from './rankings.js';

const MAX = 20_000;

interface Memo { generation: string; entries: Map<string, string> }
const memos = new WeakMap<Statements, Memo>();

/**
 * The snippet of each opinion `seq` for the words and marks in `key`, making those not kept with `make` (called
 * once, with the missing seqs only, and not at all when every one is kept). `ids` gives each seq's opinion id: a
 * row number freed by a delete may be reused by another opinion before the generation is read again (another
 * process's write, within the refresh interval), and its snippet must not be the old opinion's.
 */
export function memoSnippets(
  sql: Statements, generation: string | null, key: readonly string[], seqs: number[], ids: ReadonlyMap<number, string>,
  make: (missing: number[]) => Map<number, string>,
): Map<number, string> {
  if (seqs.length === 0) return new Map();
  if (!reuseAcrossRequests() || generation === null) return make(seqs);
  let memo = memos.get(sql);
  if (!memo || memo.generation !== generation) {
    memo = { generation, entries: new Map() };
    memos.set(sql, memo);
  }
  const prefix = JSON.stringify(key);
  const out = new Map<number, string>();
  const missing: number[] = [];
  const keyOf = (seq: number): string => `${prefix}${seq}:${ids.get(seq) ?? ''}`;
  for (const seq of seqs) {
    const k = keyOf(seq);
    const kept = memo.entries.get(k);
    if (kept === undefined) {
      missing.push(seq);
      continue;
    }
    memo.entries.delete(k); // most recently used last
    memo.entries.set(k, kept);
    out.set(seq, kept);
  }
  if (missing.length === 0) return out;
  const made = make(missing);
  for (const seq of missing) {
    const snippet = made.get(seq) ?? '';
    out.set(seq, snippet);
    memo.entries.set(keyOf(seq), snippet);
  }
  for (const k of memo.entries.keys()) {
    if (memo.entries.size <= MAX) break;
    memo.entries.delete(k);
  }
  return out;
}
