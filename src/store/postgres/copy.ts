/**
 * Bulk loading through `COPY … FROM STDIN` (text format), the fastest way into PostgreSQL: no per-row
 * statement, no parameter limit, rows streamed in ~1 MB chunks so memory stays flat. CourtListener's bulk files
 * are COPY output, so a future importer can stream them into a staging table through `copyRows` as well.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type CopyValue = string | number | boolean | null;

const SPECIAL = /[\\\t\n\r]/;

/** COPY text format: `\N` is NULL; backslash, tab, newline and carriage return are escaped. */
export function copyField(v: CopyValue): string {
  if (v === null) return '\\N';
  const s = String(v);
  if (!SPECIAL.test(s)) return s;
  // One native pass per character kind: opinion texts hold thousands of newlines, and a callback per match
  // cost more than the rest of the encoding.
  return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

function* encode(rows: Iterable<CopyValue[]>): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    chunk += row.map(copyField).join('\t') + '\n';
    if (chunk.length >= 1 << 20) { yield chunk; chunk = ''; }
  }
  if (chunk) yield chunk;
}

/** Streams rows into `table (columns)` on the transaction's client. Identifiers are ours, never user input. */
export async function copyRows(client: pg.PoolClient, table: string, columns: string[], rows: Iterable<CopyValue[]>): Promise<void> {
  const sink = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(encode(rows)), sink);
}
