/**
 * The store flags every command that opens the corpus shares, and opening the store they name. Flags win over the
 * environment; openStore (src/store/open.ts) reads CLEARLY_DB, CLEARLY_DATABASE_URL, DATABASE_URL and
 * CLEARLY_READ_DATABASE_URLS for whatever no flag says.
 */
import type { Command } from 'commander';
import { withKnowledgeBase, type KnowledgeStore } from '../precedent/knowledge.js';
import { openStore, type OpenStoreOptions, type Store } from '../store/index.js';

/** The parsed flags (commander's camelCase names). */
export interface StoreFlags {
  db?: string;
  databaseUrl?: string;
  readDatabaseUrl?: string[];
}

/** The flags openStore understands, by their names on the command line. */
export const STORE_FLAGS = ['--db', '--database-url', '--read-database-url'] as const;

export function addStoreOptions(cmd: Command): Command {
  return cmd
    .option('--db <path>', 'SQLite store file (default: CLEARLY_DB, then clearly/clearly.db in $XDG_DATA_HOME or ~/.local/share)')
    .option('--database-url <url>', 'PostgreSQL server, postgres://… (default: CLEARLY_DATABASE_URL, then DATABASE_URL if it is a postgres:// URL)')
    .option('--read-database-url <url>', 'a read replica of that server for reads (repeatable; default: CLEARLY_READ_DATABASE_URLS, comma-separated)',
      (v: string, prev: string[] = []) => [...prev, v]);
}

export function storeOptions(o: StoreFlags): OpenStoreOptions {
  return {
    ...(o.db !== undefined ? { db: o.db } : {}),
    ...(o.databaseUrl !== undefined ? { database_url: o.databaseUrl } : {}),
    ...(o.readDatabaseUrl !== undefined ? { read_database_urls: o.readDatabaseUrl } : {}),
  };
}

/** Opens the store the flags name, runs `fn`, and closes the store whatever happens. */
export async function withStore<T>(flags: StoreFlags, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(storeOptions(flags));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Like withStore, with the built-in knowledge base loaded into the store first. */
export function withKnowledgeStore<T>(flags: StoreFlags, fn: (ks: KnowledgeStore) => Promise<T>): Promise<T> {
  return withStore(flags, async (store) => fn(await withKnowledgeBase(store)));
}
