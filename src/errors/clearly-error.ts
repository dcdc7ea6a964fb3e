import { CATALOG, type ErrorCode } from './catalog.js';

/** Where in the input a problem was found, so the user can go and look. */
export interface ErrorLocation {
  file?: string;
  line?: number;
  id?: string;
}

/** The program's one error type: a catalog code, a specific message, and an optional hint and location. */
export class ClearlyError extends Error {
  readonly code: ErrorCode;
  readonly hint: string;
  readonly location: ErrorLocation | undefined;

  constructor(code: ErrorCode, message: string, opts: { hint?: string; location?: ErrorLocation; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'ClearlyError';
    this.code = code;
    this.hint = opts.hint ?? CATALOG[code].hint;
    this.location = opts.location;
  }

  get exitCode(): number {
    return CATALOG[this.code].exit;
  }

  get status(): number {
    return CATALOG[this.code].status;
  }
}

/** Normalises anything thrown into a ClearlyError (unknown errors become `internal`). */
export function toClearlyError(err: unknown): ClearlyError {
  if (err instanceof ClearlyError) return err;
  const e = err as NodeJS.ErrnoException | undefined;
  if (e && typeof e === 'object' && typeof e.code === 'string') {
    if (e.code === 'ENOENT' || e.code === 'EISDIR' || e.code === 'EACCES') {
      const path = (e as { path?: string }).path;
      return new ClearlyError('missing_input', `cannot read ${path ?? 'input'}: ${e.code}`, { cause: err });
    }
  }
  const message = err instanceof Error ? err.message : String(err);
  return new ClearlyError('internal', message, { cause: err });
}

/** RFC 9457 problem details body for the HTTP layer. */
export function problemBody(err: ClearlyError, instance?: string): Record<string, unknown> {
  const spec = CATALOG[err.code];
  return {
    type: `https://clearly.dev/problems/${err.code}`,
    title: spec.title,
    status: spec.status,
    detail: err.message,
    code: err.code,
    hint: err.hint,
    ...(err.location ? { location: err.location } : {}),
    ...(instance ? { instance } : {}),
  };
}
