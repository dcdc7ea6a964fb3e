/**
 * Opaque page cursors. A cursor carries the sort key of the last item returned (keyset pagination), not an
 * offset, so a page stays correct while an import adds rows and deep pages cost no more than the first.
 * The `k` tag stops a search cursor from being replayed against a case listing.
 */
import { ClearlyError } from '../errors/index.js';
import type { JsonValue, Page } from './types.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 1000;

export function encodeCursor(kind: string, key: JsonValue[]): string {
  return Buffer.from(JSON.stringify({ k: kind, v: key }), 'utf8').toString('base64url');
}

/** The key of `cursor` if it is a `kind` cursor whose key passes `valid` (its expected shape), else a usage error. */
export function decodeCursor(
  kind: string, cursor: string | undefined, valid: (key: JsonValue[]) => boolean = () => true,
): JsonValue[] | null {
  if (cursor === undefined || cursor === '') return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k?: unknown; v?: unknown };
    if (parsed.k === kind && Array.isArray(parsed.v) && valid(parsed.v as JsonValue[])) return parsed.v as JsonValue[];
  } catch {
    // fall through to the usage error: a damaged cursor is the caller's input, not our bug
  }
  throw new ClearlyError('usage', `invalid ${kind} cursor ${JSON.stringify(cursor.slice(0, 40))}`, {
    hint: 'Pass the next_cursor value from the previous page unchanged, with the same query.',
  });
}

/** A search cursor carries the last hit's rank and case id; anything else is a damaged or foreign cursor. */
export function decodeSearchCursor(cursor: string | undefined): readonly [number, string] | null {
  const v = decodeCursor('search', cursor, (k) => k.length === 2 && typeof k[0] === 'number' && typeof k[1] === 'string');
  return v === null ? null : [v[0] as number, v[1] as string];
}

export function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new ClearlyError('usage', `limit must be a positive integer, got ${String(limit)}`);
  }
  return Math.min(limit, MAX_LIMIT);
}

/** A page from `limit + 1` fetched rows: the extra row only tells whether another page exists (no COUNT). */
export function pageOf<R, T>(rows: R[], limit: number, kind: string, key: (r: R) => number, map: (r: R) => T): Page<T> {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(map),
    next_cursor: rows.length > limit && last !== undefined ? encodeCursor(kind, [key(last)]) : null,
  };
}
