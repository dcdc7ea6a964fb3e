import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { ClearlyError } from '../errors/index.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

export interface OpenStoreOptions {
  /** SQLite file path (`--db`), or `:memory:` for tests. */
  db?: string;
  /** Server URL (`--database-url`); `postgres://` selects the PostgreSQL store (issue 7). */
  database_url?: string;
  /** Environment to read defaults from; tests pass their own. */
  env?: NodeJS.ProcessEnv;
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

/**
 * Opens the store the user asked for and brings its schema up to date. Only `CLEARLY_DATABASE_URL` is read
 * from the environment, not the generic `DATABASE_URL`: a developer's unrelated DATABASE_URL must not take
 * clearly off its embedded store while PostgreSQL support does not exist yet.
 */
export async function openStore(opts: OpenStoreOptions = {}): Promise<Store> {
  const env = opts.env ?? process.env;
  const url = opts.database_url ?? (env.CLEARLY_DATABASE_URL || undefined);
  if (url !== undefined) {
    if (/^postgres(ql)?:\/\//i.test(url)) {
      throw new ClearlyError('usage', 'PostgreSQL store not available yet; use the embedded SQLite store (--db PATH).', {
        hint: 'Unset --database-url / CLEARLY_DATABASE_URL; PostgreSQL support is tracked in issue 7.',
      });
    }
    // Never echo the URL: it may carry a password.
    throw new ClearlyError('usage', 'database URL must start with postgres:// or postgresql://', {
      hint: 'For the embedded store pass a file path with --db instead.',
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
  const store = SqliteStore.open(path);
  try {
    await store.migrate();
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}
