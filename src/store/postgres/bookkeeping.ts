/**
 * Reading the tables the Store interface has no "list everything" method for — import checkpoints, rejects and
 * payout officer-roster rows — straight from either kind of database, for `clearly migrate-store`. Read-only;
 * the copies are written through the Store interface so the target's rules (identities, hashes) apply.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import type { OfficerLink } from '../../payouts/types.js';
import type { Checkpoint, JsonValue, RejectInput } from '../types.js';

export interface Bookkeeping {
  checkpoints: Checkpoint[];
  rejects: RejectInput[];
  officer_rows: OfficerLink[];
}

interface OfficerRow { source_file: string; source_line: number; jurisdiction: string; docket_number: string | null; officer_names: string }

const SQL = {
  checkpoints: 'SELECT import_key, state FROM import_checkpoints ORDER BY import_key',
  rejects: 'SELECT import_key, file, line, record_id, reason, excerpt FROM rejects ORDER BY seq',
  officers: 'SELECT source_file, source_line, jurisdiction, docket_number, officer_names FROM payout_officer_rows ORDER BY seq',
};

const officer = (r: OfficerRow): OfficerLink => ({
  source_file: r.source_file, source_line: Number(r.source_line), jurisdiction: r.jurisdiction,
  ...(r.docket_number !== null ? { docket_number: r.docket_number } : {}), officer_names: JSON.parse(r.officer_names) as string[],
});

/** `skip` names a checkpoint not to copy (migrate-store's own progress marker). */
export async function readBookkeeping(where: { url: string } | { path: string }, skip: (key: string) => boolean): Promise<Bookkeeping> {
  if ('path' in where) {
    const db = new Database(where.path, { readonly: true, fileMustExist: true });
    try {
      const has = (t: string): boolean => !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(t);
      return {
        checkpoints: (db.prepare(SQL.checkpoints).all() as { import_key: string; state: string }[])
          .filter((c) => !skip(c.import_key)).map((c) => ({ import_key: c.import_key, state: JSON.parse(c.state) as JsonValue })),
        rejects: db.prepare(SQL.rejects).all() as RejectInput[],
        officer_rows: has('payout_officer_rows') ? (db.prepare(SQL.officers).all() as OfficerRow[]).map(officer) : [],
      };
    } finally {
      db.close();
    }
  }
  const c = new pg.Client({ connectionString: where.url });
  await c.connect();
  try {
    const has = async (t: string): Promise<boolean> => !!(await c.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [t])).rows[0]?.t;
    return {
      checkpoints: (await c.query<Checkpoint>(SQL.checkpoints)).rows.filter((r) => !skip(r.import_key)),
      rejects: (await c.query<RejectInput>(SQL.rejects)).rows,
      officer_rows: (await has('payout_officer_rows')) ? (await c.query<OfficerRow>(SQL.officers)).rows.map(officer) : [],
    };
  } finally {
    await c.end();
  }
}
