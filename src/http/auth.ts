/**
 * Writes (imports, QI coding corrections) are off unless an API token is configured; then each write must carry
 * it as a Bearer token (RFC 6750). Tokens are compared as SHA-256 digests with timingSafeEqual, so neither the
 * length nor a prefix of the token leaks through response timing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { MiddlewareHandler } from 'hono';
import { ClearlyError } from '../errors/index.js';
import { httpProblem } from './problem.js';

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** The token from `--token-file` (first line) or CLEARLY_API_TOKEN; null when neither is set. */
export function resolveToken(opts: { tokenFile?: string; env?: NodeJS.ProcessEnv }): string | null {
  if (opts.tokenFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(opts.tokenFile, 'utf8');
    } catch (err) {
      throw new ClearlyError('missing_input', `cannot read token file ${opts.tokenFile}: ${(err as NodeJS.ErrnoException).code}`, {
        location: { file: opts.tokenFile }, cause: err,
      });
    }
    const token = text.split(/\r?\n/)[0]?.trim() ?? '';
    if (token.length < 16) {
      throw new ClearlyError('usage', `the token in ${opts.tokenFile} is shorter than 16 characters`, {
        hint: 'Generate one with: openssl rand -hex 32 > token.txt', location: { file: opts.tokenFile },
      });
    }
    return token;
  }
  const env = (opts.env ?? process.env).CLEARLY_API_TOKEN?.trim();
  if (env !== undefined && env !== '' && env.length < 16) {
    throw new ClearlyError('usage', 'CLEARLY_API_TOKEN is shorter than 16 characters', { hint: 'Generate one with: openssl rand -hex 32' });
  }
  return env ? env : null;
}

/** Guards one write route. */
export function requireToken(token: string | null): MiddlewareHandler {
  const want = token === null ? null : digest(token);
  return async (c, next) => {
    if (want === null) return httpProblem(c, 'writes_disabled', 'this server was started without an API token, so it accepts no writes');
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m || !timingSafeEqual(digest(m[1]!), want)) {
      return httpProblem(c, 'unauthorized', header ? 'the Bearer token is not the one this server was started with' : 'this write needs an Authorization: Bearer token', {
        'www-authenticate': 'Bearer realm="clearly"',
      });
    }
    await next();
  };
}
