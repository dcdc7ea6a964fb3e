/**
 * A first bulk load into an empty opinions table is cheaper without the two GIN search indexes (`opinions_search`,
 * `opinions_search_key`): maintaining them row batch by row batch costs more server CPU than building them once at
 * the end. The first large import batch into an empty table drops them inside its own transaction and records
 * their definitions in `deferred_indexes` (migration 7) in the same transaction, so the drop and its record
 * commit together or not at all. They are built again by `optimizeSearchIndex` (the importer's last step) or, if
 * the import was interrupted, by the next open of the store (`PostgresStore.migrate`). Searches in between are
 * correct, only slower (no index to consult).
 */
import type { Sql } from './pool.js';

/** The indexes a first load defers; both are rebuilt from their recorded definitions. */
const DEFERRABLE = ['opinions_search', 'opinions_search_key'] as const;

/** Drops the GIN indexes when the opinions table is empty; call inside the write transaction (write lock held). */
export async function deferSearchIndexes(sql: Sql): Promise<boolean> {
  if (await sql.get('SELECT 1 FROM deferred_indexes LIMIT 1')) return false;   // already deferred
  if (await sql.get('SELECT 1 FROM opinions LIMIT 1')) return false;           // not a first load
  const defs = await sql.all<{ name: string; definition: string }>(`SELECT c.relname AS name, pg_get_indexdef(c.oid) AS definition
    FROM pg_class c WHERE c.oid IN (SELECT to_regclass(n) FROM unnest($1::text[]) AS n)`, [[...DEFERRABLE]]);
  if (defs.length === 0) return false;
  const now = new Date().toISOString();
  for (const d of defs) {
    await sql.run('INSERT INTO deferred_indexes (name, definition, deferred_at) VALUES ($1, $2, $3)', [d.name, d.definition, now]);
    await sql.run(`DROP INDEX ${d.name}`);   // names from DEFERRABLE, never user input
  }
  return true;
}

/** Whether any index is waiting to be rebuilt (a cheap read, no lock). */
export async function hasDeferredIndexes(sql: Sql): Promise<boolean> {
  return !!(await sql.get('SELECT 1 FROM deferred_indexes LIMIT 1'));
}

/** Rebuilds every deferred index and clears its record, in the caller's write transaction. Returns how many. */
export async function rebuildDeferredIndexes(sql: Sql): Promise<number> {
  const rows = await sql.all<{ name: string; definition: string }>('SELECT name, definition FROM deferred_indexes ORDER BY name FOR UPDATE');
  for (const r of rows) {
    const present = await sql.get<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [r.name]);
    if (!present?.t) await sql.run(r.definition);
    await sql.run('DELETE FROM deferred_indexes WHERE name = $1', [r.name]);
  }
  return rows.length;
}
