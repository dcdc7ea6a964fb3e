import type Database from 'better-sqlite3';
import { ClearlyError } from '../../errors/index.js';
import type { MigrationResult } from '../store.js';
import { MIGRATIONS } from './migrations.js';

export const SCHEMA_VERSION = MIGRATIONS.length;

export function schemaVersion(db: Database.Database): number {
  const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Applies pending migrations in one IMMEDIATE transaction: two processes opening an old file at once serialise
 * on the write lock, and the second finds nothing left to do. A crash mid-way leaves the old version intact.
 */
export function migrate(db: Database.Database, name: string): MigrationResult {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const run = db.transaction((): MigrationResult => {
    const from = schemaVersion(db);
    if (from > SCHEMA_VERSION) {
      throw new ClearlyError('bad_data', `database ${name} has schema version ${from}; this clearly understands up to ${SCHEMA_VERSION}`, {
        hint: 'The file was written by a newer clearly. Upgrade clearly, or point --db / CLEARLY_DB at another file.',
        location: { file: name },
      });
    }
    const record = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
    for (let v = from + 1; v <= SCHEMA_VERSION; v++) {
      db.exec(MIGRATIONS[v - 1]!);
      record.run(v, new Date().toISOString());
    }
    return { from, to: Math.max(from, SCHEMA_VERSION) };
  });
  return run.immediate();
}
