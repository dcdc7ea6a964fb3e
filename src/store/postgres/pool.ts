/**
 * The connection pool and the small query surface the store's modules use. One `pg.Pool` per server: a
 * `clearly serve` answering many users holds a few connections and reuses them, instead of one per request.
 */
import pg from 'pg';
import { pgError } from './errors.js';
import { redactUrl, urlSecrets } from './redact.js';

/** What the store's modules run queries through: the pool (autocommit reads) or one transaction's client. */
export interface Sql {
  all<T>(text: string, params?: unknown[]): Promise<T[]>;
  get<T>(text: string, params?: unknown[]): Promise<T | undefined>;
  run(text: string, params?: unknown[]): Promise<number>;
  /** Only inside a transaction: the dedicated client, for COPY streams. */
  readonly client?: pg.PoolClient;
}

// bigint (int8) counts and identities come back as JS numbers: they stay far below 2^53 for any real corpus.
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

function wrap(q: (text: string, params?: unknown[]) => Promise<pg.QueryResult>, client?: pg.PoolClient): Sql {
  return {
    all: async <T>(text: string, params?: unknown[]) => (await q(text, params)).rows as T[],
    get: async <T>(text: string, params?: unknown[]) => (await q(text, params)).rows[0] as T | undefined,
    run: async (text: string, params?: unknown[]) => (await q(text, params)).rowCount ?? 0,
    ...(client ? { client } : {}),
  };
}

export class Db {
  readonly pool: pg.Pool;
  /** The server as it may be shown to users: password replaced by ***. */
  readonly name: string;
  private readonly secrets: string[];

  constructor(url: string, opts: { max?: number } = {}) {
    this.name = redactUrl(url);
    this.secrets = urlSecrets(url);
    this.pool = new pg.Pool({
      connectionString: url,
      max: opts.max ?? 10,
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: 15_000,
      application_name: 'clearly',
      types: TYPES,
    });
    // An idle connection dropped by the server must not crash the process; the next query reports it.
    this.pool.on('error', () => {});
  }

  /** Maps a failure onto the error catalog with the redacted server name. */
  error(err: unknown): unknown {
    return pgError(err, this.name, this.secrets);
  }

  private guarded(q: (text: string, params?: unknown[]) => Promise<pg.QueryResult>) {
    return async (text: string, params?: unknown[]) => {
      try {
        return await q(text, params);
      } catch (err) {
        throw this.error(err);
      }
    };
  }

  /** Autocommit queries on any pooled connection (reads). */
  get sql(): Sql {
    return wrap(this.guarded((t, p) => this.pool.query(t, p)));
  }

  /** Runs `fn` in one transaction on one connection; any failure rolls everything back. */
  async tx<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    return this.onClient(async (client, sql) => {
      await client.query('BEGIN');
      const result = await fn(sql);
      await client.query('COMMIT');
      return result;
    }, async (client) => client.query('ROLLBACK').then(() => false, () => true));
  }

  /**
   * Runs `fn` on one connection in autocommit mode (each statement its own transaction): for work that needs a
   * dedicated client (COPY) outside the writer's transaction, such as staging (staging.ts).
   */
  async session<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    // A COPY cut short leaves the connection in an unknown state: on failure it is not reused.
    return this.onClient((_, sql) => fn(sql), async () => true);
  }

  /** `fn` on one pooled connection; on failure `recover` says whether the connection is broken (not to be reused). */
  private async onClient<T>(fn: (client: pg.PoolClient, sql: Sql) => Promise<T>,
    recover: (client: pg.PoolClient) => Promise<boolean>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      throw this.error(err);
    }
    let broken = false;
    try {
      return await fn(client, wrap(this.guarded((t, p) => client.query(t, p)), client));
    } catch (err) {
      broken = await recover(client);
      throw this.error(err);
    } finally {
      client.release(broken);
    }
  }

  async end(): Promise<void> {
    await this.pool.end();
  }
}
