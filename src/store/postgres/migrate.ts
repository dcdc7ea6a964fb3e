import { ClearlyError } from '../../errors/index.js';
import type { MigrationResult } from '../store.js';
import { MIGRATIONS } from './migrations.js';
import type { Db, Sql } from './pool.js';

export const SCHEMA_VERSION = MIGRATIONS.length;

/** The schema's version, 0 when clearly has never run here. */
export async function schemaVersion(sql: Sql): Promise<number> {
  const exists = await sql.get<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
  if (!exists?.t) return 0;
  return (await sql.get<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations'))?.v ?? 0;
}

function tooNew(db: Db, from: number): ClearlyError {
  return new ClearlyError('bad_data', `database ${db.name} has schema version ${from}; this clearly understands up to ${SCHEMA_VERSION}`, {
    hint: 'The database was written by a newer clearly. Upgrade clearly, or point --database-url at another database.',
    location: { file: db.name },
  });
}

/**
 * Applies pending migrations in one transaction (PostgreSQL DDL is transactional: a failure leaves the old
 * version intact). An advisory lock per schema serialises two processes starting at once; the second finds
 * nothing left to do. `target` exists for tests that build an older schema.
 */
export async function migrate(db: Db, target = SCHEMA_VERSION): Promise<MigrationResult> {
  return db.tx(async (sql) => {
    await sql.run("SELECT pg_advisory_xact_lock(hashtext('clearly.migrate.' || coalesce(current_schema(), '')))");
    await sql.run('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at text NOT NULL)');
    const from = await schemaVersion(sql);
    if (from > SCHEMA_VERSION) throw tooNew(db, from);
    for (let v = from + 1; v <= target; v++) {
      await sql.run(MIGRATIONS[v - 1]!);
      await sql.run('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [v, new Date().toISOString()]);
    }
    return { from, to: Math.max(from, target) };
  });
}

/** For read replicas, which cannot be migrated: the schema must be the one this clearly writes. */
export async function checkSchema(db: Db): Promise<void> {
  const v = await schemaVersion(db.sql);
  if (v > SCHEMA_VERSION) throw tooNew(db, v);
  if (v < SCHEMA_VERSION) {
    throw new ClearlyError('bad_data', `read replica ${db.name} has schema version ${v}, expected ${SCHEMA_VERSION}`, {
      hint: 'Migrate the primary (any clearly command with --database-url does) and let the replica catch up.',
      location: { file: db.name },
    });
  }
}
