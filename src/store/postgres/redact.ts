/**
 * Database URLs carry passwords (`postgres://user:secret@host/db`, or `?password=secret`). Every message, log
 * line and error the PostgreSQL store produces names the server through `redactUrl`, never the raw URL.
 */

/** The URL with any password replaced by `***`; an unparseable URL is not echoed at all. */
export function redactUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return '<database URL that could not be parsed>';
  }
  if (u.password) u.password = '***';
  for (const key of [...u.searchParams.keys()]) {
    if (/pass|secret|token|sslkey/i.test(key)) u.searchParams.set(key, '***');
  }
  return u.toString().replace(/%2A%2A%2A/g, '***');
}

/** The secrets in a URL (password, password-like parameters), for scrubbing messages that may quote them. */
export function urlSecrets(url: string): string[] {
  try {
    const u = new URL(url);
    const out = [u.password, decodeURIComponent(u.password)];
    for (const [k, v] of u.searchParams) if (/pass|secret|token/i.test(k)) out.push(v);
    return out.filter((s) => s.length >= 3);
  } catch {
    return [];
  }
}

/** Removes each secret from a message (a driver error may quote the connection string it was given). */
export function scrub(message: string, secrets: readonly string[]): string {
  let out = message;
  for (const s of secrets) out = out.split(s).join('***');
  return out;
}
