/** Import bookkeeping: resume checkpoints and the rejects log. Same identities as the SQLite store's. */
import { createHash } from 'node:crypto';
import { stableStringify } from '../records.js';
import type { JsonValue, RejectInput, RejectRecord } from '../types.js';
import type { Sql } from './pool.js';

export async function writeCheckpoint(sql: Sql, importKey: string, state: JsonValue | null): Promise<void> {
  if (state === null) {
    await sql.run('DELETE FROM import_checkpoints WHERE import_key = $1', [importKey]);
    return;
  }
  await sql.run(`INSERT INTO import_checkpoints (import_key, state, updated_at) VALUES ($1, $2::jsonb, $3)
    ON CONFLICT (import_key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
  [importKey, JSON.stringify(state), new Date().toISOString()]);
}

export async function readCheckpoint(sql: Sql, importKey: string): Promise<JsonValue | null> {
  const row = await sql.get<{ state: JsonValue }>('SELECT state FROM import_checkpoints WHERE import_key = $1', [importKey]);
  return row ? row.state : null;
}

const FIELDS = ['import_key', 'reject_key', 'file', 'line', 'record_id', 'reason', 'excerpt', 'created_at'] as const;

export async function writeRejects(sql: Sql, rejects: RejectInput[]): Promise<void> {
  if (rejects.length === 0) return;
  const now = new Date().toISOString();
  const rows = rejects.map((r) => {
    const rec = [r.import_key, r.file ?? null, r.line ?? null, r.record_id ?? null, r.reason] as const;
    // The excerpt is left out of the identity: the same record failing for the same reason is one reject.
    const key = createHash('sha1').update(stableStringify(rec)).digest('hex');
    return [r.import_key, key, rec[1], rec[2] === null ? null : String(rec[2]), rec[3], r.reason, r.excerpt ?? null, now];
  });
  await sql.run(`INSERT INTO rejects (${FIELDS.join(', ')})
    SELECT import_key, reject_key, file, line::integer, record_id, reason, excerpt, created_at
    FROM unnest(${FIELDS.map((_, i) => `$${i + 1}::text[]`).join(', ')}) WITH ORDINALITY AS r(${FIELDS.join(', ')}, ord)
    ORDER BY ord ON CONFLICT (reject_key) DO NOTHING`, FIELDS.map((_, i) => rows.map((r) => r[i])));
}

export async function readRejects(sql: Sql, importKey: string, limit: number | null, offset: number): Promise<RejectRecord[]> {
  return sql.all<RejectRecord>(`SELECT import_key, file, line, record_id, reason, excerpt, created_at FROM rejects
    WHERE import_key = $1 ORDER BY seq LIMIT $2 OFFSET $3`, [importKey, limit, offset]);
}
