/**
 * `GET /v1/qi/vocabulary`: the QI outcome codes (doctrine.md §1.6) and the fact-factor taxonomy, straight from
 * data/qi/, for the search filters (outcome select, factor checkboxes). Each row's source stays in the data file.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { allFactors, allOutcomeCodes } from '../../qi/rules/index.js';
import type { Api } from '../deps.js';

const Vocabulary = z.object({
  outcomes: z.array(z.object({ code: z.string(), meaning: z.string(), qi: z.string() })),
  factors: z.array(z.object({ id: z.string(), label: z.string(), group: z.string() })),
}).openapi('QiVocabulary');

const route = createRoute({
  method: 'get', path: '/v1/qi/vocabulary', tags: ['search'], summary: 'QI outcome codes and fact factors, for the search filters',
  responses: { 200: { description: 'Outcome codes and factors', content: { 'application/json': { schema: Vocabulary } } } },
});

export function registerQi(app: Api): void {
  const body = {
    outcomes: allOutcomeCodes().map((o) => ({ code: o.code, meaning: o.meaning, qi: o.qi })),
    factors: allFactors().map((f) => ({ id: f.id, label: f.label, group: f.group })),
  };
  app.openapi(route, (c) => c.json(body, 200));
}
