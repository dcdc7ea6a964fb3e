/** Import bookkeeping: resume checkpoints and the rejects log. */
import { createHash } from 'node:crypto';
import { stableStringify } from '../records.js';
import type { JsonValue, RejectInput, RejectRecord } from '../types.js';
import type { Statements } from './connection.js';

export function writeCheckpoint(sql: Statements, importKey: string, state: JsonValue | null): void {
  if (state === null) {
    sql.run('DELETE FROM import_checkpoints WHERE import_key = ?', importKey);
    return;
  }
  sql.run(`INSERT INTO import_checkpoints (import_key, state, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (import_key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
  importKey, JSON.stringify(state), new Date().toISOString());
}

export function readCheckpoint(sql: Statements, importKey: string): JsonValue | null {
  const row = sql.get<{ state: string }>('SELECT state FROM import_checkpoints WHERE import_key = ?', importKey);
  return row ? (JSON.parse(row.state) as JsonValue) : null;
}

export function writeRejects(sql: Statements, rejects: RejectInput[]): void {
  const now = new Date().toISOString();
  for (const r of rejects) {
    const rec = {
      import_key: r.import_key, file: r.file ?? null, line: r.line ?? null, record_id: r.record_id ?? null,
      reason: r.reason, excerpt: r.excerpt ?? null,
    };
    // The excerpt is left out of the identity: the same record failing for the same reason is one reject.
    const key = createHash('sha1').update(stableStringify([rec.import_key, rec.file, rec.line, rec.record_id, rec.reason])).digest('hex');
    sql.run(`INSERT OR IGNORE INTO rejects (import_key, reject_key, file, line, record_id, reason, excerpt, created_at)
      VALUES (@import_key, @key, @file, @line, @record_id, @reason, @excerpt, @now)`, { ...rec, key, now });
  }
}

export function readRejects(sql: Statements, importKey: string, limit: number, offset: number): RejectRecord[] {
  return sql.all<RejectRecord>(`SELECT import_key, file, line, record_id, reason, excerpt, created_at FROM rejects
    WHERE import_key = ? ORDER BY seq LIMIT ? OFFSET ?`, importKey, limit, offset);
}
