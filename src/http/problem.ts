/**
 * RFC 9457 problem details. Library failures carry a catalog code (`src/errors`), which fixes the status and the
 * body; a few conditions exist only over HTTP (no token, wrong method, wrong media type) and have no CLI exit
 * code, so they are kept here rather than in the catalog.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ClearlyError, problemBody, toClearlyError } from '../errors/index.js';

export const PROBLEM_TYPE = 'application/problem+json';

/** HTTP-only problems: status, title and the hint a client needs to fix the request. */
const HTTP_ONLY = {
  unauthorized: { status: 401, title: 'Unauthorized', hint: 'Send the API token as "Authorization: Bearer <token>".' },
  writes_disabled: {
    status: 403, title: 'Writes are off',
    hint: 'Start the server with CLEARLY_API_TOKEN set (or --token-file) to allow imports and coding corrections.',
  },
  method_not_allowed: { status: 405, title: 'Method not allowed', hint: 'See /openapi.json for the methods each path accepts.' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type', hint: 'Send the body as application/json.' },
} as const;

export type HttpOnlyCode = keyof typeof HTTP_ONLY;

function respond(body: Record<string, unknown>, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': PROBLEM_TYPE, ...headers } });
}

export function httpProblem(c: Context, code: HttpOnlyCode, detail: string, headers: Record<string, string> = {}): Response {
  const spec = HTTP_ONLY[code];
  return respond({
    type: `https://clearly.dev/problems/${code}`, title: spec.title, status: spec.status, detail, code, hint: spec.hint,
    instance: c.req.path,
  }, spec.status, headers);
}

/** Maps a framework exception (malformed JSON, body too large) onto the catalog. */
function fromHttpException(err: HTTPException): ClearlyError {
  if (err.status === 413) return new ClearlyError('input_too_large', err.message || 'request body too large');
  if (err.status === 404) return new ClearlyError('not_found', err.message || 'not found');
  if (err.status >= 400 && err.status < 500) {
    return new ClearlyError('usage', err.message || `bad request (${err.status})`, { hint: 'Send a well-formed request; /openapi.json describes each endpoint.' });
  }
  return new ClearlyError('internal', err.message, { cause: err });
}

/** Any thrown value → problem response. Internal errors are logged, and their message is not shown to clients. */
export function problem(c: Context, err: unknown): Response {
  const e = err instanceof HTTPException ? fromHttpException(err) : toClearlyError(err);
  const body = problemBody(e, c.req.path);
  if (e.code === 'internal' || e.status >= 500) {
    const cause = e.cause instanceof Error ? e.cause.stack : e.message;
    process.stderr.write(`clearly serve: ${c.req.method} ${c.req.path}: ${cause}\n`);
    body.detail = e.code === 'internal' ? 'The server hit an unexpected error; it has been logged.' : body.detail;
  }
  return respond(body, e.status);
}

/** Throws the catalog's `not_found` for a missing record named by id. */
export function notFound(what: string, id: string): never {
  throw new ClearlyError('not_found', `no ${what} with id ${JSON.stringify(id.slice(0, 200))}`, { location: { id: id.slice(0, 200) } });
}
