/** `/healthz`: answers as long as the process serves and the store can be read. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Api, Deps } from '../deps.js';
import { problems } from '../schemas.js';

const route = createRoute({
  method: 'get', path: '/healthz', tags: ['meta'], summary: 'Liveness and store check',
  responses: {
    200: { description: 'Serving', content: { 'application/json': { schema: z.object({ status: z.literal('ok'), store: z.string() }) } } },
    ...problems(500),
  },
});

export function registerHealth(app: Api, deps: Deps): void {
  app.openapi(route, async (c) => {
    // A primary-key read: proves the store answers without counting tables (cheap enough for frequent probes).
    await deps.store.getCase('healthz-probe');
    return c.json({ status: 'ok' as const, store: deps.store.kind }, 200);
  });
}
