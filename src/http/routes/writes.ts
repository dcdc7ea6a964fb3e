/**
 * Writes: a human correction of a case's QI coding, and importing cases as JSON. Both are off unless the server
 * has an API token, and then need it (auth.ts). A correction is stored as the `human` row, which from then on is
 * the coding that counts; the machine row is kept for review.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { CaseInput, JsonObject as StoreJson } from '../../store/index.js';
import { requireToken } from '../auth.js';
import type { Api, Deps } from '../deps.js';
import { notFound } from '../problem.js';
import { CaseCitation, ISO_DATE, PRECEDENTIAL, problems } from '../schemas.js';

const Factor = z.object({
  id: z.string().min(1).max(100), evidence: z.string().max(5000), confidence: z.number().min(0).max(1),
  span: z.tuple([z.number().int().min(0), z.number().int().min(0)]).optional(),
});

/** The QiCoding shape of src/qi/types.ts; unknown extra fields are refused so a typo is not silently stored. */
const Coding = z.object({
  decides_qi: z.boolean(),
  outcome: z.string().max(100).nullable(),
  prong1: z.enum(['violation', 'no_violation', 'not_reached']).nullable(),
  prong2: z.enum(['clearly_established', 'not_clearly_established', 'not_reached']).nullable(),
  posture: z.enum(['motion_to_dismiss', 'summary_judgment', 'interlocutory_appeal', 'post_trial', 'other']).nullable(),
  right: z.string().max(100).nullable(),
  factors: z.array(Factor).max(200),
  precedents: z.array(z.object({
    citation: z.string().max(500), case_name: z.string().max(500).nullable(),
    relation: z.enum(['relied_on', 'distinguished', 'general_standard']), evidence: z.string().max(5000).optional(),
  })).max(500),
  officer_claims: z.array(z.object({ id: z.string().max(100), evidence: z.string().max(5000) })).max(100).optional(),
  evidence: z.array(z.object({ field: z.string().max(100), sentence: z.string().max(5000) })).max(200).optional(),
  who: z.string().min(1).max(200).openapi({ description: 'Who made the correction (recorded in coded_by)' }),
}).strict().openapi('QiCodingCorrection');

const codingRoute = createRoute({
  method: 'put', path: '/v1/cases/{id}/qi-coding', tags: ['writes'], summary: 'Correct a case\'s QI coding (stored as the human coding)',
  security: [{ bearer: [] }],
  request: { params: z.object({ id: z.string().min(1).max(200) }), body: { required: true, content: { 'application/json': { schema: Coding } } } },
  responses: {
    200: { description: 'Stored', content: { 'application/json': { schema: z.object({ case_id: z.string(), coder: z.literal('human') }) } } },
    ...problems(400, 401, 403, 404, 413),
  },
});

const Opinion = z.object({
  source_id: z.string().min(1).max(200), type: z.string().max(40), text: z.string().max(8_000_000),
  author: z.string().max(200).nullable().optional(),
});

const CaseIn = z.object({
  source: z.string().min(1).max(100), source_id: z.string().min(1).max(200), case_name: z.string().min(1).max(2000),
  case_name_short: z.string().max(500).nullable().optional(), court_id: z.string().max(40).nullable().optional(),
  circuit: z.string().max(10).nullable().optional(), decision_date: ISO_DATE.nullable().optional(),
  docket_number: z.string().max(200).nullable().optional(), precedential_status: z.enum(PRECEDENTIAL).optional(),
  citations: z.array(CaseCitation).max(50).optional(), disposition: z.string().max(2000).nullable().optional(),
  subsequent_history: z.string().max(2000).nullable().optional(), source_url: z.string().max(2000).nullable().optional(),
  opinions: z.array(Opinion).min(1).max(20),
}).strict();

const importRoute = createRoute({
  method: 'post', path: '/v1/imports/cases', tags: ['writes'], summary: 'Import (upsert) up to 100 cases with their opinions',
  security: [{ bearer: [] }],
  request: { body: { required: true, content: { 'application/json': { schema: z.object({ cases: z.array(CaseIn).min(1).max(100) }).strict() } } } },
  responses: {
    200: {
      description: 'Counts and the id of each case',
      content: { 'application/json': { schema: z.object({ inserted: z.number(), updated: z.number(), unchanged: z.number(), ids: z.array(z.string()) }) } },
    },
    ...problems(400, 401, 403, 413, 422),
  },
});

export function registerWrites(app: Api, deps: Deps): void {
  const guard = requireToken(deps.token);
  app.use('/v1/cases/:id/qi-coding', async (c, next) => (c.req.method === 'GET' ? next() : guard(c, next)));
  app.use('/v1/imports/*', guard);

  app.openapi(codingRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { who, ...coding } = c.req.valid('json');
    if (!(await deps.store.getCase(id))) notFound('case', id);
    const stored = { ...coding, coded_by: { coder: 'human', method: 'web correction', who } };
    await deps.store.putQiCoding({ case_id: id, coder: 'human', coding: stored as unknown as StoreJson });
    return c.json({ case_id: id, coder: 'human' as const }, 200);
  });

  app.openapi(importRoute, async (c) => {
    const { cases } = c.req.valid('json');
    const r = await deps.store.upsertCases({ cases: cases as CaseInput[] });
    return c.json({ inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, ids: r.ids }, 200);
  });
}
