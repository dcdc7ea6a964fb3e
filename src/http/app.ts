/**
 * The HTTP application: JSON API under /v1, /openapi.json generated from the zod schemas that validate the
 * requests, /healthz, and the web UI. A thin layer over the library — every route calls the same functions the
 * CLI does. Tests drive it with `app.request()`; `server.ts` puts it on a socket.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ClearlyError } from '../errors/index.js';
import type { Store } from '../store/index.js';
import { cacheBytesFromEnv, ResponseCache } from './cache.js';
import type { Deps } from './deps.js';
import { httpProblem, problem } from './problem.js';
import { registerCases } from './routes/cases.js';
import { registerCitations } from './routes/citations.js';
import { registerAssess } from './routes/assess.js';
import { registerBriefs } from './routes/briefs.js';
import { registerCourts } from './routes/courts.js';
import { registerExport } from './routes/export.js';
import { registerHealth } from './routes/health.js';
import { registerQi } from './routes/qi.js';
import { registerSearch } from './routes/search.js';
import { registerStats } from './routes/stats.js';
import { registerWrites } from './routes/writes.js';
import { securityHeaders } from './security.js';
import { defaultWebDir, registerStatic } from './static.js';

export const VERSION = '0.1.0';

/** Request body caps: JSON requests, texts to cite or check, and uploaded briefs (PDF/DOCX). */
export const LIMITS = { json: 1 << 20, text: 8 << 20, upload: 25 << 20 };

export interface AppOptions {
  store: Store;
  /** API token for writes; null or absent = writes off. */
  token?: string | null;
  /** Directory of the built web bundle; defaults to dist/web/static of this package. */
  webDir?: string;
  /** Response cache budget in bytes (0 = off); default CLEARLY_HTTP_CACHE_MB, else 64 MiB. See cache.ts. */
  cacheBytes?: number;
}

/** Zod issues → one readable sentence naming each offending field. */
function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.slice(0, 5).map((i) => `${i.path.length ? i.path.map(String).join('.') : 'body'}: ${i.message}`).join('; ');
}

function limit(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: (c: Context) => problem(c, new ClearlyError('input_too_large', `request body exceeds ${maxSize} bytes`, {
      hint: 'Send a smaller body; large corpora are imported with the clearly import command.',
    })),
  });
}

export function createApp(opts: AppOptions): OpenAPIHono {
  const deps: Deps = { store: opts.store, token: opts.token ?? null, cache: new ResponseCache(opts.store, opts.cacheBytes ?? cacheBytesFromEnv()) };
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) {
        return problem(c, new ClearlyError('usage', `invalid request: ${describeIssues(result.error.issues)}`, {
          hint: 'See /openapi.json for the parameters this endpoint accepts.',
        }));
      }
      return undefined;
    },
  });

  app.use('*', securityHeaders());
  const json = limit(LIMITS.json);
  const text = limit(LIMITS.text);
  const upload = limit(LIMITS.upload);
  app.use('/v1/*', async (c, next) => {
    const p = c.req.path;
    const cap = p.startsWith('/v1/briefs') ? upload : p === '/v1/citations' || p === '/v1/citation-lookup' || p.startsWith('/v1/imports') ? text : json;
    return cap(c, next);
  });
  app.use('/v1/*', async (c, next) => {
    // A JSON API: refuse bodies declared as something else before a validator silently reads them as empty.
    const type = c.req.header('content-type') ?? '';
    if (['POST', 'PUT', 'PATCH'].includes(c.req.method) && !c.req.path.startsWith('/v1/briefs') && !/^application\/json\b/i.test(type)) {
      return httpProblem(c, 'unsupported_media_type', `expected Content-Type: application/json, got ${JSON.stringify(type.slice(0, 100))}`);
    }
    return next();
  });

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  registerHealth(app, deps);
  registerSearch(app, deps);
  registerQi(app);
  registerExport(app, deps);
  registerCases(app, deps);
  registerCitations(app, deps);
  registerCourts(app);
  registerBriefs(app, deps);
  registerAssess(app, deps);
  registerWrites(app, deps);
  registerStats(app, deps);

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'clearly', version: VERSION,
      description: 'Open research engine for qualified immunity. Not legal advice: research assistance traceable to its sources.',
      license: { name: 'AGPL-3.0-or-later' },
    },
  });
  registerStatic(app, opts.webDir ?? defaultWebDir());

  app.notFound((c) => problem(c, new ClearlyError('not_found', `no such resource: ${c.req.method} ${c.req.path.slice(0, 200)}`, {
    hint: 'See /openapi.json for the API, or open / for the web interface.',
  })));
  app.onError((err, c) => problem(c, err));
  return app;
}
