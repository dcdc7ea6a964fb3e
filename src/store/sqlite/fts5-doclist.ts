/**
 * One term's doclist, positions included, read straight from the leaf pages of an optimized FTS5 index (the layout
 * is described in fts5-segment.ts), for ranking phrases in JavaScript (phrase-postings.ts). The term's first page
 * is found in the `%_idx` table, which holds, for each leaf page that starts a term, a prefix of that term: the
 * term starts on the last page whose key is not greater than it, and its doclist runs at most to the next keyed
 * page, where a later term starts.
 *
 * The pages' data (without their 4-byte headers and trailing term indexes) are laid end to end in one buffer, so
 * a position list that continues on the next page is contiguous there and no row's bytes are copied one by one.
 */
import type { Statements } from './connection.js';
import { PAGE_BITS, singleSegment, STRUCTURE_ID, varint, type Segment } from './fts5-segment.js';

/**
 * Walks one term's doclist row by row: `rowid` and the row's position list `bytes[start, end)`. Made by readDoclist
 * and positioned before the first row (rowid −∞); nothing is copied per row.
 */
export class DoclistCursor {
  rowid = Number.NEGATIVE_INFINITY;
  start = 0;
  end: number;
  private first = true;
  private f = 0;
  constructor(readonly bytes: Uint8Array, private readonly fullRowids: Int32Array, from: number, private readonly stop: number) {
    this.end = from;
  }

  /** Moves to the next row; false when there is none. */
  next(): boolean {
    const data = this.bytes;
    let i = this.end;
    if (i >= this.stop) return false;
    const full = this.fullRowids;
    let f = this.f;
    while (f < full.length && full[f]! < i) f++;
    this.f = f;
    const absolute = this.first || (f < full.length && full[f] === i);
    this.first = false;
    let v = 0;
    let c: number;
    do { c = data[i++]!; v = v * 128 + (c & 0x7f); } while (c & 0x80);
    this.rowid = absolute ? v : this.rowid + v;
    let header = 0;
    do { c = data[i++]!; header = header * 128 + (c & 0x7f); } while (c & 0x80);
    if (header & 1) throw new NotOptimized(); // a delete marker
    this.start = i;
    this.end = i + (header >> 1);
    return true;
  }
}

/** A delete marker met in a doclist: the segment is not the product of an optimize after all. */
export class NotOptimized extends Error {}

/** The single segment of `table`'s index as it is now, or null when it has several (not optimized) or none. */
export function onlySegment(sql: Statements, table: string): Segment | null {
  const structure = sql.get<{ block: Buffer }>(`SELECT block FROM "${table}_data" WHERE id = ?`, STRUCTURE_ID)?.block;
  return structure ? singleSegment(structure) : null;
}

/** The leaf pages of segment `seg` that the doclist of `term` may span (the reader reads them all), or null. */
export function doclistPages(sql: Statements, table: string, seg: Segment, term: string): { first: number; last: number } | null {
  const key = Buffer.from(`0${term}`);
  const first = sql.get<{ pgno: number }>(`SELECT pgno FROM "${table}_idx" WHERE segid = ? AND term <= ? ORDER BY term DESC LIMIT 1`, seg.id, key);
  if (!first) return null;
  const after = sql.get<{ pgno: number }>(`SELECT pgno FROM "${table}_idx" WHERE segid = ? AND term > ? ORDER BY term LIMIT 1`, seg.id, key);
  // Bit 0 of pgno says whether a doclist index follows; the page number is the rest.
  return { first: first.pgno >> 1, last: after ? after.pgno >> 1 : seg.last };
}

/**
 * A cursor over the doclist of `term` (an index token, without FTS5's leading '0') in segment `seg`, which must be
 * the product of an optimize (no delete markers). A term absent from the segment gives a cursor with no rows. A
 * delete marker met while walking throws NotOptimized.
 */
export function readDoclist(sql: Statements, table: string, seg: Segment, term: string): DoclistCursor {
  const span = doclistPages(sql, table, seg, term);
  if (!span) return empty();
  const base = BigInt(seg.id) << BigInt(PAGE_BITS);
  const pages = sql.stmt(`SELECT block FROM "${table}_data" WHERE id BETWEEN ? AND ? ORDER BY id`).raw(true)
    .all(base + BigInt(span.first), base + BigInt(span.last)) as [Buffer][];

  // Lay the pages' data end to end, noting where each page's first full rowid and each term start.
  let size = 0;
  for (const [page] of pages) size += page.readUInt16BE(2) - 4;
  const data = new Uint8Array(size);
  const fullRowids = new Int32Array(pages.length); // ascending
  let fulls = 0;
  const terms: { at: number; whole: boolean }[] = [];
  let at = 0;
  for (const [page] of pages) {
    const rowidAt = page.readUInt16BE(0);
    const end = page.readUInt16BE(2);
    data.set(page.subarray(4, end), at);
    if (rowidAt) fullRowids[fulls++] = at + rowidAt - 4;
    for (let i = end, t = 0, first = true; i < page.length; first = false) {
      const [v, n] = varint(page, i);
      i = n;
      t += v;
      terms.push({ at: at + t - 4, whole: first });
    }
    at += end - 4;
  }

  // Find the term among the terms starting on these pages.
  const want = Buffer.from(`0${term}`);
  let current = Buffer.alloc(0);
  let k = 0;
  let i = 0;
  for (; k < terms.length; k++) {
    i = terms[k]!.at;
    let shared = 0;
    let length: number;
    [length, i] = varint(data, i);
    if (!terms[k]!.whole) {
      shared = length;
      [length, i] = varint(data, i);
    }
    current = Buffer.concat([current.subarray(0, shared), data.subarray(i, i + length)]);
    i += length;
    const order = Buffer.compare(current, want);
    if (order === 0) break;
    if (order > 0) return empty();
  }
  if (k === terms.length) return empty();
  const stop = k + 1 < terms.length ? terms[k + 1]!.at : size;
  return new DoclistCursor(data, fullRowids.subarray(0, fulls), i, stop);
}

const empty = (): DoclistCursor => new DoclistCursor(new Uint8Array(0), new Int32Array(0), 0, 0);
