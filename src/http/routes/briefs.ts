/**
 * `POST /v1/briefs/check`: a brief or complaint uploaded as the raw request body (PDF, DOCX, HTML or text, told
 * apart by content), every case citation verified against the store (src/verify), with the qualified-immunity
 * warnings when the incident date or circuit is given. The text comes back with each citation's offsets, so the
 * page can show the status inline; it is rendered as text, never as markup.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { cleanHtml, cleanText } from '../../cite/index.js';
import { ClearlyError } from '../../errors/index.js';
import { documentFromBytes, verifyText } from '../../verify/index.js';
import type { Api, Deps } from '../deps.js';
import { ISO_DATE, problems } from '../schemas.js';

const Warning = z.object({ code: z.string(), message: z.string() });
const Checked = z.object({
  text: z.string(), case_name: z.string().nullable(), volume: z.string(), reporter: z.string(), page: z.string(),
  pin_cite: z.string().nullable(), year: z.number().nullable(), court: z.string().nullable(),
  start: z.number().int().openapi({ description: 'Offset in the returned text' }), end: z.number().int(),
  status: z.enum(['found', 'ambiguous', 'not_found', 'unknown_reporter']),
  matches: z.array(z.object({ case_id: z.string(), case_name: z.string(), court_id: z.string().nullable(), decision_date: z.string().nullable(), precedential_status: z.string() })),
  warnings: z.array(Warning),
}).openapi('CheckedCitation');

const Report = z.object({
  name: z.string(), kind: z.enum(['pdf', 'docx', 'html', 'text']),
  text: z.string().openapi({ description: 'The document text the offsets refer to (HTML reduced to its text)' }),
  citations: z.array(Checked),
  counts: z.object({ found: z.number(), ambiguous: z.number(), not_found: z.number(), unknown_reporter: z.number(), short_forms: z.number(), warnings: z.number() }),
  not_legal_advice: z.string(),
}).openapi('BriefCheck');

const NOTICE = 'Not legal advice. A citation marked not found may be real but missing from this store; read every authority before relying on it.';

const binary = { schema: z.string().openapi({ format: 'binary' }) };
const route = createRoute({
  method: 'post', path: '/v1/briefs/check', tags: ['citations'], summary: 'Check the citations of an uploaded brief (PDF, DOCX, HTML, text)',
  request: {
    query: z.object({
      name: z.string().max(255).optional().openapi({ description: 'File name, for messages' }),
      date: ISO_DATE.optional().openapi({ description: 'Incident date: warns about decisions not before it' }),
      circuit: z.string().regex(/^(?:[1-9]|1[01]|dc)$/, 'expected a circuit: 1…11 or dc').optional(),
    }),
    body: {
      required: true,
      content: { 'application/pdf': binary, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': binary, 'text/plain': binary, 'text/html': binary, 'application/octet-stream': binary },
    },
  },
  responses: { 200: { description: 'Each citation with its status', content: { 'application/json': { schema: Report } } }, ...problems(400, 413, 422) },
});

/** Spans in the cleaned text → offsets in the text shown; HTML is shown as its cleaned text. */
function displayMapping(text: string, html: boolean): { shown: string; map: (i: number) => number } {
  if (html) return { shown: cleanHtml(text).text, map: (i) => i };
  const clean = cleanText(text);
  return { shown: text, map: (i) => (i >= clean.text.length ? text.length : clean.toSource(i)) };
}

export function registerBriefs(app: Api, deps: Deps): void {
  app.openapi(route, async (c) => {
    const q = c.req.valid('query');
    const bytes = Buffer.from(await c.req.arrayBuffer());
    const name = (q.name ?? 'upload').replace(/[\u0000-\u001f]/g, '');
    if (bytes.length === 0) throw new ClearlyError('usage', 'the request body is empty: send the brief as the body', { hint: 'curl --data-binary @brief.pdf …' });
    const doc = await documentFromBytes(bytes, name);
    const report = await verifyText(deps.store, doc.text, { html: doc.html, ...(q.date ? { date: q.date } : {}), ...(q.circuit ? { circuit: q.circuit } : {}) });
    const { shown, map } = displayMapping(doc.text, doc.html);
    const citations = report.citations.map((v) => ({
      text: v.text, case_name: v.case_name, volume: v.volume, reporter: v.reporter, page: v.page, pin_cite: v.pin_cite,
      year: v.year, court: v.court, start: map(v.span[0]), end: v.span[1] > 0 ? map(v.span[1] - 1) + 1 : 0,
      status: v.status, matches: v.matches, warnings: v.warnings,
    }));
    return c.json({ name, kind: doc.kind, text: shown, citations, counts: report.counts, not_legal_advice: NOTICE }, 200);
  });
}
