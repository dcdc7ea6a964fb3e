/**
 * A PostgreSQL server for tests. Uses CLEARLY_TEST_DATABASE_URL when set (CI starts one server for the whole
 * run with scripts/pg-test-server.sh); otherwise starts a throwaway cluster with that script for this test file.
 * Without PostgreSQL binaries the tests skip with the reason printed — except under CI, where that is a failure:
 * CI must really run the PostgreSQL suite.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const SCRIPT = new URL('../../../scripts/pg-test-server.sh', import.meta.url).pathname;

export type TestServer = { url: string; stop(): void } | { skip: string };

function hasServerBinaries(): boolean {
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'initdb'));
  try {
    return readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
  } catch {
    return spawnSync('sh', ['-c', 'command -v initdb']).status === 0;
  }
}

export function startTestServer(): TestServer {
  const given = process.env.CLEARLY_TEST_DATABASE_URL;
  if (given) return { url: given, stop: () => {} };
  if (!hasServerBinaries()) {
    const reason = 'PostgreSQL tests skipped: no CLEARLY_TEST_DATABASE_URL and no PostgreSQL server binaries (apt-get install postgresql)';
    if (process.env.CI) throw new Error(`${reason}; CI must run them (.ci/run starts a server)`);
    process.stderr.write(`${reason}\n`);
    return { skip: reason };
  }
  const dir = join(tmpdir(), `clearly-pg-test-${process.pid}-${Date.now()}`);
  const r = spawnSync('bash', [SCRIPT, 'start', dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`could not start a test PostgreSQL server: ${r.stderr}`);
  return { url: r.stdout.trim(), stop: () => { spawnSync('bash', [SCRIPT, 'stop', dir]); } };
}

let n = 0;

/** Schemas for isolated stores on one server; `drop()` removes every schema this process made. */
export function schemas(baseUrl: string) {
  const made: string[] = [];
  const admin = async <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => {
    const c = new pg.Client({ connectionString: baseUrl });
    await c.connect();
    try { return await fn(c); } finally { await c.end(); }
  };
  return {
    /** A new empty schema and a URL whose connections use it (`options=-c search_path=…`). */
    async fresh(): Promise<string> {
      const name = `clearly_t_${process.pid}_${++n}_${Math.random().toString(36).slice(2, 8)}`;
      await admin((c) => c.query(`CREATE SCHEMA ${name}`));
      made.push(name);
      return withSearchPath(baseUrl, name);
    },
    async drop(): Promise<void> {
      if (made.length === 0) return;
      await admin((c) => c.query(`DROP SCHEMA IF EXISTS ${made.splice(0).join(', ')} CASCADE`));
    },
  };
}

export function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/** Rows of one query on a connection of its own (tests reading or writing behind the store's back). */
export async function raw<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try { return (await c.query<T>(sql, params)).rows; } finally { await c.end(); }
}
