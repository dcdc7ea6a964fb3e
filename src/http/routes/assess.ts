/**
 * Assessment over HTTP, the same functions as `clearly assess`: the vocabulary for the form (factor taxonomy,
 * rights), factors read from the facts as the user types (to pre-fill the checkboxes), the assessment as JSON,
 * and the memo as a Markdown, HTML, DOCX or PDF download. Not legal advice — the assessment carries the notice.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { ACTORS, assess, POSTURES, rawFromFlags, renderMemo, toIncident, type MemoFormat } from '../../assess/index.js';
import { defaultRules, type Rules } from '../../precedent/index.js';
import { withKnowledgeBase, type KnowledgeStore } from '../../precedent/knowledge.js';
import { canonicalKey } from '../cache.js';
import { cachedJson, type Api, type Deps } from '../deps.js';
import { ISO_DATE, JsonObject, problems } from '../schemas.js';

export const IncidentBody = z.object({
  date: ISO_DATE.openapi({ description: 'Date of the conduct; only law decided before it counts' }),
  state: z.string().max(100).optional(),
  district: z.string().max(100).optional().openapi({ description: 'Federal district court id (ohsd) or name' }),
  circuit: z.string().max(40).optional(),
  actor: z.enum(ACTORS as unknown as [string, ...string[]]).optional(),
  right: z.string().max(100).optional(),
  facts: z.string().max(20_000).optional().openapi({ description: 'What happened, in plain words' }),
  factors: z.array(z.string().max(100)).max(100).optional().openapi({ description: 'Factor ids; -id removes one read from the facts' }),
  posture: z.enum(POSTURES as unknown as [string, ...string[]]).optional(),
  limit: z.number().int().min(1).max(100).optional().openapi({ description: 'Eligible precedents to list (default 10)' }),
}).strict().openapi('Incident');

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

const vocabularyRoute = createRoute({
  method: 'get', path: '/v1/assess/vocabulary', tags: ['assess'], summary: 'Factor taxonomy, rights, postures and actors for the incident form',
  responses: {
    200: {
      description: 'The vocabulary',
      content: json(z.object({
        factors: z.array(z.object({ id: z.string(), label: z.string(), bears_on: z.array(z.string()) })),
        rights: z.array(z.object({ id: z.string(), label: z.string() })),
        postures: z.array(z.string()), actors: z.array(z.string()),
      })),
    },
  },
});

const readRoute = createRoute({
  method: 'post', path: '/v1/assess/read-facts', tags: ['assess'], summary: 'Factors read from a plain-words account of the facts',
  request: { body: { required: true, content: json(z.object({ facts: z.string().max(20_000) }).strict()) } },
  responses: {
    200: {
      description: 'Factors with the words each was read from',
      content: json(z.object({ factors: z.array(z.object({ id: z.string(), label: z.string(), evidence: z.string(), confidence: z.number() })) })),
    },
    ...problems(400, 413),
  },
});

const assessRoute = createRoute({
  method: 'post', path: '/v1/assess', tags: ['assess'], summary: 'Assess an incident: ranked precedents and the two-prong analysis (not legal advice)',
  request: { body: { required: true, content: json(IncidentBody) } },
  responses: {
    200: { description: 'The assessment, as clearly assess --json prints it', content: json(JsonObject.openapi('Assessment')) },
    ...problems(400, 413, 422),
  },
});

const MEMO_TYPES: Record<Exclude<MemoFormat, 'json'>, string> = {
  md: 'text/markdown; charset=utf-8', html: 'text/html; charset=utf-8', pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const memoRoute = createRoute({
  method: 'post', path: '/v1/assess/memo', tags: ['assess'], summary: 'The assessment memo as a download',
  request: { query: z.object({ format: z.enum(['md', 'html', 'docx', 'pdf']).default('md') }), body: { required: true, content: json(IncidentBody) } },
  responses: {
    200: { description: 'The memo file', content: Object.fromEntries(Object.values(MEMO_TYPES).map((t) => [t.split(';')[0]!, { schema: z.string().openapi({ format: 'binary' }) }])) },
    ...problems(400, 413, 422),
  },
});

export function registerAssess(app: Api, deps: Deps): void {
  const rules: Rules = defaultRules();
  // The knowledge base is loaded into the store once, on the first assessment (as `clearly assess` does).
  let kb: Promise<KnowledgeStore> | null = null;
  const knowledge = (): Promise<KnowledgeStore> => (kb ??= withKnowledgeBase(deps.store).catch((err: unknown) => {
    kb = null;
    throw err;
  }));

  const run = async (body: z.infer<typeof IncidentBody>, today = new Date().toISOString().slice(0, 10)) => {
    const { limit, ...fields } = body;
    const incident = toIncident(rawFromFlags(fields as Record<string, unknown>), rules, { today });
    const ks = await knowledge();
    return assess(deps.store, incident, rules, { seedIds: ks.seedIds, kbOnly: ks.kbOnly, today, ...(limit ? { limit } : {}) });
  };

  app.openapi(vocabularyRoute, (c) => {
    const factors = rules.factorIds().map((id) => {
      const f = rules.factor(id);
      return { id, label: f?.label ?? id, bears_on: f?.bears_on ?? [] };
    });
    const rights = rules.rightIds().map((id) => ({ id, label: rules.right(id)?.label ?? id }));
    return c.json({ factors, rights, postures: [...POSTURES], actors: [...ACTORS] }, 200);
  });

  app.openapi(readRoute, (c) => {
    const hits = rules.factorsFromText(c.req.valid('json').facts);
    const seen = new Set<string>();
    const factors = hits.filter((h) => !seen.has(h.id) && seen.add(h.id))
      .map((h) => ({ id: h.id, label: rules.factor(h.id)?.label ?? h.id, evidence: h.evidence, confidence: h.confidence }));
    return c.json({ factors }, 200);
  });

  app.openapi(assessRoute, async (c) => {
    const body = c.req.valid('json');
    // The assessment is dated (generated.date), so the day is part of the key.
    const today = new Date().toISOString().slice(0, 10);
    return cachedJson(c, deps, `assess ${today} ${canonicalKey(body)}`, () => run(body, today)) as never;
  });

  app.openapi(memoRoute, async (c) => {
    const { format } = c.req.valid('query');
    const a = await run(c.req.valid('json'));
    const memo = await renderMemo(a, format);
    const body = typeof memo === 'string' ? memo : new Uint8Array(memo);
    return new Response(body, {
      status: 200,
      headers: { 'content-type': MEMO_TYPES[format], 'content-disposition': `attachment; filename="clearly-assessment-${a.incident.date}.${format}"` },
    }) as never;
  });
}
