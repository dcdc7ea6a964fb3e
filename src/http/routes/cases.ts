/**
 * `GET /v1/cases/{id}`: metadata, opinions with located and linked citations, the QI coding with its evidence
 * located, and the first page of cited and citing cases; `/cites` and `/cited-by` page through the graph.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { cachedJson, type Api, type Deps } from '../deps.js';
import { opinionViews } from '../case-view.js';
import { notFound } from '../problem.js';
import { Case, CaseSummary, Cursor, JsonObject, Limit, problems } from '../schemas.js';

const Id = z.object({ id: z.string().min(1).max(200).openapi({ description: 'Case id (c_…)' }) });

const RESULT = ['found', 'ambiguous', 'not_found', 'unknown_reporter', 'too_many'] as const;

const CiteView = z.object({
  index: z.number().int(), type: z.string(), text: z.string(),
  start: z.number().int().openapi({ description: 'Offset in the opinion text (UTF-16 code units)' }), end: z.number().int(),
  pin_cite: z.string().nullable(), year: z.number().nullable(), court: z.string().nullable(), case_name: z.string().nullable(),
  resolves_to: z.number().int().nullable(), result: z.enum(RESULT).nullable(), target: CaseSummary.nullable(), candidates: z.number().int(),
}).openapi('OpinionCitation');

const Opinion = z.object({
  id: z.string(), type: z.string(), author: z.string().nullable(), text: z.string(),
  citations: z.array(CiteView),
  highlights: z.array(z.object({ start: z.number().int(), end: z.number().int(), supports: z.string() })),
}).openapi('OpinionView');

const QiCodingRecord = z.object({
  case_id: z.string(), coder: z.enum(['machine', 'human']), coding: JsonObject, created_at: z.string(),
}).openapi('QiCodingRecord');

const Link = z.object({
  citing_opinion_id: z.string(), cited_case_id: z.string().nullable(), text: z.string(),
  volume: z.string().nullable(), reporter: z.string().nullable(), page: z.string().nullable(), pin_cite: z.string().nullable(),
  parenthetical: z.string().nullable(), signal: z.string().nullable(), span: z.tuple([z.number(), z.number()]).nullable(),
  treatment: z.array(z.string()), depth: z.number(), unresolved_reason: z.string().nullable(), origin: z.string(),
  cited_ref: z.string().optional().openapi({
    description: 'Only on an unresolved source-supplied link waiting for the record it names: that opinion\'s or case\'s id.',
  }),
}).openapi('CitationLink');

const Edge = z.object({ link: Link, citing_case_id: z.string(), case: Case.nullable() }).openapi('CitationEdge');
const EdgePage = z.object({ items: z.array(Edge), next_cursor: z.string().nullable() }).openapi('CitationEdgePage');

const CaseView = z.object({
  case: Case, opinions: z.array(Opinion), qi_coding: QiCodingRecord.nullable(), cites: EdgePage, cited_by: EdgePage,
}).openapi('CaseView');

const caseRoute = createRoute({
  method: 'get', path: '/v1/cases/{id}', tags: ['cases'], summary: 'A case with linked citations and its QI coding',
  request: { params: Id },
  responses: { 200: { description: 'The case', content: { 'application/json': { schema: CaseView } } }, ...problems(400, 404) },
});

const edgeRoute = (path: '/v1/cases/{id}/cites' | '/v1/cases/{id}/cited-by', summary: string) => createRoute({
  method: 'get', path, tags: ['cases'], summary,
  request: { params: Id, query: z.object({ limit: Limit, cursor: Cursor }) },
  responses: { 200: { description: 'One page of edges', content: { 'application/json': { schema: EdgePage } } }, ...problems(400, 404) },
});

export function registerCases(app: Api, deps: Deps): void {
  const { store } = deps;
  app.openapi(caseRoute, async (c) => {
    const { id } = c.req.valid('param');
    return cachedJson(c, deps, `case ${id}`, async () => {
      const record = await store.getCase(id);
      if (!record) notFound('case', id); // thrown, so a 404 is never cached
      const [opinions, coding, cites, citedBy] = await Promise.all([
        store.getOpinions(id), store.getQiCoding(id), store.cites(id, { limit: 100 }), store.citedBy(id, { limit: 100 }),
      ]);
      const views = await opinionViews(store, opinions, coding);
      return { case: record, opinions: views, qi_coding: coding, cites, cited_by: citedBy };
    }) as never;
  });
  for (const [path, summary, fn] of [
    ['/v1/cases/{id}/cites', 'Cases this case cites', store.cites.bind(store)],
    ['/v1/cases/{id}/cited-by', 'Cases citing this case', store.citedBy.bind(store)],
  ] as const) {
    app.openapi(edgeRoute(path, summary), async (c) => {
      const { id } = c.req.valid('param');
      const { limit, cursor } = c.req.valid('query');
      if (!(await store.getCase(id))) notFound('case', id);
      const page = await fn(id, { ...(limit ? { limit } : {}), ...(cursor ? { cursor } : {}) });
      return c.json(page, 200);
    });
  }
}
