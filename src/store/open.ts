import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { ClearlyError } from '../errors/index.js';
import { PostgresStore } from './postgres/postgres-store.js';
import { redactUrl } from './postgres/redact.js';
import { withReadReplicas } from './postgres/replicas.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

export interface OpenStoreOptions {
  /** SQLite file path (`--db`), or `:memory:` for tests. */
  db?: string;
  /** Server URL (`--database-url`); `postgres://` / `postgresql://` selects the PostgreSQL store. */
  database_url?: string;
  /** Read replicas of that server (`--read-database-url`, repeatable): reads go to them, writes to the primary. */
  read_database_urls?: string[];
  /** Environment to read defaults from; tests pass their own. */
  env?: NodeJS.ProcessEnv;
  /**
   * How long (ms) another process's commits may go unnoticed by what is kept for reuse — served answers,
   * search rankings, snippets — like a search engine's refresh interval (default 0: noticed at the next read).
   * Reads themselves always see every commit; writes through this store are noticed at once.
   */
  refresh_ms?: number;
}

/** `$XDG_DATA_HOME/clearly/clearly.db`, falling back to `~/.local/share` as the XDG base-directory spec says. */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/') ? env.XDG_DATA_HOME : join(homedir(), '.local', 'share');
  return join(base, 'clearly', 'clearly.db');
}

/** Where `openStore` would put the SQLite file: flag, then CLEARLY_DB, then the default. */
export function resolveDbPath(opts: OpenStoreOptions = {}): string {
  const env = opts.env ?? process.env;
  return opts.db ?? (env.CLEARLY_DB || undefined) ?? defaultDbPath(env);
}

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//i.test(url);

/**
 * Which server, if any, the user asked for. Explicit flags first (`--database-url`, then `--db` meaning "the
 * embedded store"), then clearly's own variables (CLEARLY_DATABASE_URL, CLEARLY_DB), then the generic
 * DATABASE_URL — which is honoured only when it is a PostgreSQL URL, since it may belong to another program.
 */
export function resolveDatabaseUrl(opts: OpenStoreOptions = {}): string | undefined {
  const env = opts.env ?? process.env;
  if (opts.database_url !== undefined) return opts.database_url;
  if (opts.db !== undefined) return undefined;
  if (env.CLEARLY_DATABASE_URL) return env.CLEARLY_DATABASE_URL;
  if (env.CLEARLY_DB) return undefined;
  return env.DATABASE_URL && isPostgresUrl(env.DATABASE_URL) ? env.DATABASE_URL : undefined;
}

/** `--read-database-url` values, else CLEARLY_READ_DATABASE_URLS (comma-separated). */
export function resolveReadUrls(opts: OpenStoreOptions = {}): string[] {
  const env = opts.env ?? process.env;
  const given = opts.read_database_urls ?? (env.CLEARLY_READ_DATABASE_URLS ?? '').split(',');
  return given.map((u) => u.trim()).filter((u) => u !== '');
}

function checkUrl(url: string, what: string): void {
  // Never echo the URL: it may carry a password.
  if (!isPostgresUrl(url)) {
    throw new ClearlyError('usage', `${what} must start with postgres:// or postgresql://`, {
      hint: 'For the embedded store pass a file path with --db instead.',
    });
  }
}

/** Opens the store the user asked for and brings its schema up to date (replicas are checked, not migrated). */
export async function openStore(opts: OpenStoreOptions = {}): Promise<Store> {
  const url = resolveDatabaseUrl(opts);
  const readUrls = resolveReadUrls(opts);
  if (url !== undefined) return openPostgres(url, readUrls, opts.refresh_ms ?? 0);
  if (readUrls.length > 0) {
    throw new ClearlyError('usage', 'read replicas (--read-database-url / CLEARLY_READ_DATABASE_URLS) need a PostgreSQL primary', {
      hint: 'Pass the primary with --database-url postgres://…, or drop the replica URLs to use the embedded store.',
    });
  }
  const path = resolveDbPath(opts);
  if (path !== ':memory:') {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (err) {
      throw new ClearlyError('cannot_write', `cannot create the directory for database ${path}: ${(err as Error).message}`, {
        cause: err, location: { file: path },
      });
    }
  }
  const store = SqliteStore.open(path, { refreshMs: opts.refresh_ms ?? 0 });
  try {
    await store.migrate();
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

async function openPostgres(url: string, readUrls: string[], refreshMs: number): Promise<Store> {
  checkUrl(url, 'the database URL');
  readUrls.forEach((u) => checkUrl(u, `read database URL ${redactUrl(u)}`));
  const primary = PostgresStore.open(url, { refreshMs });
  const replicas = readUrls.map((u) => PostgresStore.open(u));
  try {
    await primary.migrate();
    // A replica that is down now may be back later; only a replica with the wrong schema is refused up front.
    await Promise.all(replicas.map((r) => r.checkSchema().catch((err: unknown) => {
      if ((err as { code?: string }).code !== 'cannot_write') throw err;
    })));
  } catch (err) {
    await Promise.all([primary.close(), ...replicas.map((r) => r.close())]);
    throw err;
  }
  return withReadReplicas(primary, replicas);
}
