/**
 * `POST /v1/citations`: the findCitations contract over HTTP (the same objects `clearly cite --json` prints).
 * `POST /v1/citation-lookup`: verification with CourtListener citation-lookup semantics — per full citation,
 * found / ambiguous / not found / unknown reporter, with [start, end) offsets in the posted text.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { findCitations } from '../../cite/index.js';
import type { Api, Deps } from '../deps.js';
import { isLookedUp, lookupAll, lookupMessage, LOOKUP_STATUS, normalized } from '../linking.js';
import { CaseSummary, problems } from '../schemas.js';

export const MAX_TEXT = 5_000_000;

const Span = z.tuple([z.number().int(), z.number().int()]);

const Citation = z.object({
  type: z.string(), text: z.string(),
  volume: z.string().optional(), reporter: z.string().optional(), reporter_found: z.string().optional(),
  reporter_id: z.string().optional(), reporter_candidates: z.array(z.string()).optional(),
  page: z.string().optional(), pin_cite: z.string().optional(), year: z.number().optional(), date: z.string().optional(),
  court: z.string().optional(), court_found: z.string().optional(), plaintiff: z.string().optional(), defendant: z.string().optional(),
  parenthetical: z.string().optional(), signal: z.string().optional(),
  span: Span, source_span: Span, full_span: Span, group: z.string().optional(), antecedent: z.string().optional(),
  resolves_to: z.number().int().optional(), unresolved_reason: z.string().optional(),
  history: z.array(z.object({ relation: z.string(), relation_found: z.string(), target: z.number().int().optional(), source: z.number().int().optional() })).optional(),
  title: z.string().optional(), code: z.string().optional(), section: z.string().optional(), number: z.string().optional(),
}).openapi('Citation', { description: 'One citation, as clearly cite --json prints it' });

const CitationsBody = z.object({
  text: z.string().max(MAX_TEXT).openapi({ description: 'Plain text or HTML' }),
  html: z.boolean().optional().openapi({ description: 'Treat text as HTML: offsets in source_span then index the HTML' }),
}).strict().openapi('CitationsRequest');

const citationsRoute = createRoute({
  method: 'post', path: '/v1/citations', tags: ['citations'], summary: 'Find, parse and resolve the citations in a text',
  request: { body: { required: true, content: { 'application/json': { schema: CitationsBody } } } },
  responses: {
    200: { description: 'Citations in text order', content: { 'application/json': { schema: z.array(Citation) } } },
    ...problems(400, 413),
  },
});

export const LookupItem = z.object({
  citation: z.string().openapi({ description: 'The citation as found' }),
  normalized_citations: z.array(z.string()),
  start_index: z.number().int().openapi({ description: 'Offset of the citation in the posted text' }),
  end_index: z.number().int(),
  status: z.number().int().openapi({ description: '200 found, 300 ambiguous, 404 not found, 400 unknown reporter, 429 over the lookup limit' }),
  result: z.enum(['found', 'ambiguous', 'not_found', 'unknown_reporter', 'too_many']),
  error_message: z.string(),
  cases: z.array(CaseSummary),
}).openapi('CitationLookup');

const lookupRoute = createRoute({
  method: 'post', path: '/v1/citation-lookup', tags: ['citations'],
  summary: 'Verify the case citations in a text against the store (CourtListener citation-lookup semantics)',
  request: { body: { required: true, content: { 'application/json': { schema: z.object({ text: z.string().max(MAX_TEXT) }).strict() } } } },
  responses: {
    200: { description: 'One entry per full case citation, in text order', content: { 'application/json': { schema: z.array(LookupItem) } } },
    ...problems(400, 413),
  },
});

export type LookupItemT = z.infer<typeof LookupItem>;

/** The lookup as data, shared with the brief check. */
export async function lookupText(deps: Deps, text: string): Promise<LookupItemT[]> {
  const cites = findCitations(text);
  const looked = await lookupAll(deps.store, cites);
  const out: LookupItemT[] = [];
  cites.forEach((c, i) => {
    const l = looked[i];
    if (!isLookedUp(c) || !l) return;
    out.push({
      citation: c.text, normalized_citations: [normalized(c)], start_index: c.source_span[0], end_index: c.source_span[1],
      status: LOOKUP_STATUS[l.result], result: l.result, error_message: lookupMessage(c, l.result), cases: l.cases,
    });
  });
  return out;
}

export function registerCitations(app: Api, deps: Deps): void {
  app.openapi(citationsRoute, (c) => {
    const { text, html } = c.req.valid('json');
    return c.json(findCitations(text, { html: html ?? false }), 200);
  });
  app.openapi(lookupRoute, async (c) => c.json(await lookupText(deps, c.req.valid('json').text), 200));
}
