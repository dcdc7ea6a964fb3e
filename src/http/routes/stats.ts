/**
 * Analytics and the payouts ledger over HTTP, the same functions as `clearly stats` and `clearly payouts`:
 * QI grant rates (with Wilson intervals) by circuit, year, posture, right or force, and who paid how much.
 * Research statistics, not legal advice; the reports carry their own definitions, notes and caveats.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { summarizeLedger } from '../../payouts/ledger.js';
import { GRANT_DIMENSIONS, grantRates, loadCorpus } from '../../stats/index.js';
import type { Api, Deps } from '../deps.js';
import { Cursor, JsonObject, Limit, problems } from '../schemas.js';

const Year = z.coerce.number().int().min(1800).max(2200).optional();

const grantRoute = createRoute({
  method: 'get', path: '/v1/stats/grant-rate', tags: ['analytics'], summary: 'QI grant rates by circuit, year, posture, right or force',
  request: { query: z.object({ by: z.enum(GRANT_DIMENSIONS).default('circuit'), from: Year, to: Year, period: z.coerce.number().int().min(1).max(50).optional() }) },
  responses: { 200: { description: 'The grant-rate report', content: { 'application/json': { schema: JsonObject.openapi('GrantRateReport') } } }, ...problems(400) },
});

const PayoutFilter = z.object({
  city: z.string().max(200).optional(), state: z.string().max(100).optional(), payer_type: z.string().max(100).optional(),
  source_file: z.string().max(500).optional(), case_id: z.string().max(200).optional(),
});

const summaryRoute = createRoute({
  method: 'get', path: '/v1/payouts/summary', tags: ['payouts'], summary: 'Who paid: totals by payer type, payer, agency, year, allegation',
  request: { query: PayoutFilter },
  responses: { 200: { description: 'The ledger summary', content: { 'application/json': { schema: JsonObject.openapi('PayoutSummary') } } }, ...problems(400) },
});

const listRoute = createRoute({
  method: 'get', path: '/v1/payouts', tags: ['payouts'], summary: 'Payout records, in ledger order',
  request: { query: PayoutFilter.extend({ limit: Limit, cursor: Cursor }) },
  responses: {
    200: { description: 'One page of payouts', content: { 'application/json': { schema: z.object({ items: z.array(JsonObject), next_cursor: z.string().nullable() }) } } },
    ...problems(400),
  },
});

export function registerStats(app: Api, deps: Deps): void {
  app.openapi(grantRoute, async (c) => {
    const { by, from, to, period } = c.req.valid('query');
    const corpus = await loadCorpus(deps.store);
    const report = grantRates(corpus.decisions, by, { ...(from ? { from } : {}), ...(to ? { to } : {}), ...(period ? { period } : {}) });
    return c.json({ ...report, not_qi: corpus.not_qi } as unknown as Record<string, unknown>, 200);
  });
  app.openapi(summaryRoute, async (c) => c.json((await summarizeLedger(deps.store, c.req.valid('query'))) as unknown as Record<string, unknown>, 200));
  app.openapi(listRoute, async (c) => {
    const { limit, cursor, ...filter } = c.req.valid('query');
    const page = await deps.store.listPayouts({ ...filter, ...(limit ? { limit } : {}), ...(cursor ? { cursor } : {}) });
    return c.json(page as unknown as { items: Record<string, unknown>[]; next_cursor: string | null }, 200);
  });
}
