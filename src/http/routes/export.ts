/**
 * `GET /v1/search/export`: every result of a search (or listing) as CSV (RFC 4180) or NDJSON, streamed page by
 * page with the store's cursor, so memory stays flat however long the list. The first page is read before the
 * response starts, so a bad query still gets a 400 problem body rather than a broken download.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Api, Deps } from '../deps.js';
import { problems } from '../schemas.js';
import { SearchParams, searchPage, type HitT } from './search.js';

const PAGE = 500;
export const MAX_EXPORT = 100_000;

const COLUMNS = ['id', 'case_name', 'court_id', 'circuit', 'decision_date', 'docket_number', 'precedential_status', 'citations', 'score', 'snippet'] as const;

/** RFC 4180 quoting; a leading =+-@ is prefixed with ' so a spreadsheet does not run it as a formula (CSV injection). */
export function csvField(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvRow(h: HitT): string {
  const c = h.case;
  const cites = c.citations.map((x) => x.cite ?? `${x.volume} ${x.reporter} ${x.page}`).join('; ');
  return [c.id, c.case_name, c.court_id, c.circuit, c.decision_date, c.docket_number, c.precedential_status, cites, h.score, h.snippet]
    .map(csvField).join(',') + '\r\n';
}

const route = createRoute({
  method: 'get', path: '/v1/search/export', tags: ['search'], summary: 'Stream all results as CSV or NDJSON',
  request: {
    query: SearchParams.extend({
      format: z.enum(['csv', 'ndjson']).default('ndjson'),
      max: z.coerce.number().int().min(1).max(MAX_EXPORT).optional().openapi({ description: `Stop after this many rows (default and cap ${MAX_EXPORT})` }),
    }),
  },
  responses: {
    200: {
      description: 'The results, streamed',
      content: { 'text/csv': { schema: z.string() }, 'application/x-ndjson': { schema: z.string() } },
    },
    ...problems(400),
  },
});

export function registerExport(app: Api, deps: Deps): void {
  app.openapi(route, async (c) => {
    const { format, max, ...params } = c.req.valid('query');
    const cap = max ?? MAX_EXPORT;
    const first = await searchPage(deps.store, params, { limit: Math.min(PAGE, cap) });
    const enc = new TextEncoder();
    const line = format === 'csv' ? csvRow : (h: HitT): string => `${JSON.stringify(h)}\n`;
    let page = first;
    let sent = 0;
    let headerSent = false;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          let chunk = '';
          if (!headerSent && format === 'csv') chunk += COLUMNS.join(',') + '\r\n';
          headerSent = true;
          for (const h of page.items) {
            if (sent >= cap) break;
            chunk += line(h);
            sent++;
          }
          if (chunk) controller.enqueue(enc.encode(chunk));
          if (sent >= cap || page.next_cursor === null) return controller.close();
          page = await searchPage(deps.store, params, { limit: Math.min(PAGE, cap - sent), cursor: page.next_cursor });
        } catch (err) {
          controller.error(err);
        }
      },
    });
    const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8';
    return new Response(body, {
      status: 200,
      headers: { 'content-type': type, 'content-disposition': `attachment; filename="clearly-search.${format}"` },
    }) as never;
  });
}
