/** `GET /v1/courts`: the court table (data/courts.json), for filters and labels. */
import { createRoute, z } from '@hono/zod-openapi';
import { allCourts } from '../../courts/index.js';
import type { Api } from '../deps.js';

const Court = z.object({
  id: z.string(), name: z.string(), short_name: z.string(), citation: z.string(), level: z.string(),
  jurisdiction: z.string(), state: z.string().nullable(), circuit: z.string().nullable(),
}).openapi('Court');

const route = createRoute({
  method: 'get', path: '/v1/courts', tags: ['courts'], summary: 'Courts with CourtListener ids, levels and circuits',
  responses: { 200: { description: 'All courts', content: { 'application/json': { schema: z.array(Court) } } } },
});

export function registerCourts(app: Api): void {
  const courts = allCourts().map((c) => ({
    id: c.id, name: c.name, short_name: c.short_name, citation: c.citation, level: c.level,
    jurisdiction: c.jurisdiction, state: c.state, circuit: c.circuit,
  }));
  app.openapi(route, (c) => {
    c.header('cache-control', 'public, max-age=3600');
    return c.json(courts, 200);
  });
}
