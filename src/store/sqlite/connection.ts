import Database from 'better-sqlite3';
import { ClearlyError } from '../../errors/index.js';

/** How long a writer waits for another process's write lock before giving up (imports hold it per batch). */
export const BUSY_TIMEOUT_MS = 10_000;

/**
 * Opens the file with the settings the store relies on. WAL lets searches read while an import writes;
 * synchronous=NORMAL is durable across application crashes in WAL mode (a power cut may lose the last
 * transactions but never corrupts), and imports are resumable anyway; foreign keys keep the graph consistent.
 */
export function openDatabase(path: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(path);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // FTS5 segment merges touch many pages per batch; a 64 MB page cache (default 2 MB) keeps them in memory.
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    return db;
  } catch (err) {
    db?.close();
    throw sqliteError(err, path);
  }
}

/** Prepared statements are compiled once per SQL text and reused; variable lists are passed as JSON arrays. */
export class Statements {
  private readonly cache = new Map<string, Database.Statement>();
  constructor(readonly db: Database.Database) {}

  stmt(sql: string): Database.Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }
  get<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.stmt(sql).get(...params) as T | undefined;
  }
  all<T>(sql: string, ...params: unknown[]): T[] {
    return this.stmt(sql).all(...params) as T[];
  }
  run(sql: string, ...params: unknown[]): Database.RunResult {
    return this.stmt(sql).run(...params);
  }
}

/** Maps SQLite's failures onto the error catalog so the CLI and API can tell the user what to do. */
export function sqliteError(err: unknown, name: string): unknown {
  if (err instanceof ClearlyError || !(err instanceof Database.SqliteError)) return err;
  const code = err.code;
  const opts = { cause: err, location: { file: name } };
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_')) {
    return new ClearlyError('cannot_write', `database ${name} is locked by another process (waited ${BUSY_TIMEOUT_MS} ms)`, {
      ...opts, hint: 'Another clearly process is writing; wait for it to finish or stop it, then retry.',
    });
  }
  if (/^SQLITE_(READONLY|FULL|IOERR|CANTOPEN|PERM)/.test(code)) {
    return new ClearlyError('cannot_write', `cannot write database ${name}: ${err.message}`, opts);
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new ClearlyError('bad_data', `${name} is not a usable clearly database: ${err.message}`, {
      ...opts, hint: 'Point --db / CLEARLY_DB at a clearly database, or at a new path to create one.',
    });
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new ClearlyError('bad_data', `record rejected by the database: ${err.message}`, opts);
  }
  return err;
}
