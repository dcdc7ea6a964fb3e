/** Maps PostgreSQL and driver failures onto the error catalog, naming the server only by its redacted URL. */
import { ClearlyError } from '../../errors/index.js';
import { scrub } from './redact.js';

/** Set on errors that mean "could not reach the server", so the replica router can fall back to the primary. */
export const UNREACHABLE = Symbol('clearly.pg.unreachable');

export function isUnreachable(err: unknown): boolean {
  return err instanceof ClearlyError && (err as unknown as Record<symbol, unknown>)[UNREACHABLE] === true;
}

const NET_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

function netCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; errors?: unknown[] } | undefined;
  if (typeof e?.code === 'string' && NET_CODES.has(e.code)) return e.code;
  const inner = e?.errors?.[0] as { code?: unknown } | undefined; // AggregateError from dual-stack connects
  if (typeof inner?.code === 'string' && NET_CODES.has(inner.code)) return inner.code;
  return undefined;
}

/**
 * `server` is the redacted URL; `secrets` are scrubbed from every message we pass on, as a second guard in case
 * a driver message ever quotes the connection string.
 */
export function pgError(err: unknown, server: string, secrets: readonly string[]): unknown {
  if (err instanceof ClearlyError) return err;
  if (!(err instanceof Error)) return err;
  const msg = scrub(err.message, secrets);
  const code = (err as { code?: unknown }).code;
  const loc = { location: { file: server }, cause: err };
  const net = netCode(err);
  if (net || /Connection terminated|timeout expired|connect ETIMEDOUT|server closed the connection/i.test(msg)) {
    const e = new ClearlyError('cannot_write', `cannot connect to PostgreSQL at ${server}: ${net ?? msg}`, {
      ...loc, hint: 'Check the server is running and the host, port and database in --database-url / CLEARLY_DATABASE_URL.',
    });
    (e as unknown as Record<symbol, unknown>)[UNREACHABLE] = true;
    return e;
  }
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return new ClearlyError('internal', msg, { cause: err });
  const cls = code.slice(0, 2);
  if (cls === '28') {
    return new ClearlyError('cannot_write', `PostgreSQL at ${server} refused the login: ${msg}`, {
      ...loc, hint: 'Check the user and password in the database URL (or PGPASSWORD / ~/.pgpass).',
    });
  }
  if (code === '3D000') {
    return new ClearlyError('cannot_write', `PostgreSQL at ${server}: ${msg}`, { ...loc, hint: 'Create it first: createdb NAME.' });
  }
  if (code === '3F000') {
    return new ClearlyError('cannot_write', `PostgreSQL at ${server}: the schema on the search_path does not exist (${msg})`, {
      ...loc, hint: 'Create the schema, or remove options=-c search_path=… from the URL.',
    });
  }
  if (code === '25006') {
    return new ClearlyError('cannot_write', `PostgreSQL at ${server} is read-only (a replica?): ${msg}`, {
      ...loc, hint: 'Writes go to the primary: pass it as --database-url, replicas as --read-database-url.',
    });
  }
  if (cls === '23' || cls === '22' || code === '54000') {
    return new ClearlyError('bad_data', `record rejected by the database: ${msg}`, loc);
  }
  if (cls === '53' || code === '42501' || cls === '57' || cls === '08' || cls === '40') {
    const e = new ClearlyError('cannot_write', `PostgreSQL at ${server}: ${msg} (SQLSTATE ${code})`, {
      ...loc, hint: cls === '40' ? 'A concurrent transaction conflicted; run the command again.' : undefined,
    });
    if (cls === '08' || code === '57P01' || code === '57P03') (e as unknown as Record<symbol, unknown>)[UNREACHABLE] = true;
    return e;
  }
  return new ClearlyError('internal', `PostgreSQL at ${server}: ${msg} (SQLSTATE ${code})`, { cause: err });
}
