/**
 * `GET /v1/search`: full-text search with filters, one hit per case, cursor pages. Without `q` it lists the
 * cases matching the filters (browsing a court or a period). Snippets come back as plain text plus highlight
 * offsets, never as markup, so no client has to trust HTML made from an opinion.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { CaseFilter, Page, SearchHit, Store } from '../../store/index.js';
import { canonicalKey } from '../cache.js';
import { cachedJson, type Api, type Deps } from '../deps.js';
import { Case, Cursor, FactorId, ISO_DATE, Limit, OutcomeCode, problems } from '../schemas.js';

// Private-use characters as highlight markers: they cannot be confused with markup and are stripped below.
const OPEN = '\uE000';
const CLOSE = '\uE001';

/**
 * A query parameter that may be repeated (`factor=a&factor=b`): the validator hands over a string for one value
 * and an array for several; both are accepted, at most 50 values.
 */
function repeated<T extends z.ZodType<string>>(item: T, what: string) {
  return z.union([item, z.array(item).min(1).max(50)], { error: `expected ${what} (at most 50); see GET /v1/qi/vocabulary` }).optional();
}

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : [...new Set([v].flat())]);

export const SearchParams = z.object({
  q: z.string().max(2000).optional().openapi({ description: 'Words (all required), "exact phrases", AND, OR, NOT, parentheses, prefix*' }),
  court: z.string().max(2000).optional().openapi({ description: 'Court ids, comma-separated (ca6,ohsd)' }),
  circuit: z.string().regex(/^(?:[1-9]|1[01]|dc|fed)$/, 'expected a circuit: 1…11, dc or fed').optional(),
  after: ISO_DATE.optional().openapi({ description: 'Decided strictly after this date' }),
  before: ISO_DATE.optional().openapi({ description: 'Decided strictly before this date' }),
  published: z.enum(['true', 'false']).optional().openapi({ description: 'true: published (precedential) opinions only' }),
  decides_qi: z.enum(['true', 'false']).optional().openapi({ description: 'true: cases whose QI coding says they decide qualified immunity; false: coded cases that do not' }),
  qi_outcome: repeated(OutcomeCode, 'an outcome code such as AFFIRM_DENIAL').openapi({ description: 'QI outcome code (doctrine.md §1.6, data/qi/outcomes.json); repeat for any of several' }),
  factor: repeated(FactorId, 'a factor id such as force.k9_bite').openapi({ description: 'Fact factor id (data/qi/factors.json); repeat to require all of several' }),
});

export const Hit = z.object({
  case: Case,
  opinion_id: z.string().nullable(),
  score: z.number().nullable(),
  snippet: z.string(),
  highlights: z.array(z.tuple([z.number().int(), z.number().int()])).openapi({ description: '[start, end) of matched terms in snippet' }),
}).openapi('SearchHit');

export const SearchPage = z.object({ items: z.array(Hit), next_cursor: z.string().nullable() }).openapi('SearchPage');

export type SearchParamsT = z.infer<typeof SearchParams>;
export type HitT = z.infer<typeof Hit>;

/** Query parameters → the store's filter (QI filters: `qi_outcomes` any of, `factors` all of). */
export function toFilter(p: SearchParamsT): CaseFilter {
  const courts = p.court?.split(',').map((s) => s.trim()).filter(Boolean);
  const outcomes = list(p.qi_outcome);
  const factors = list(p.factor);
  return {
    ...(courts?.length ? { courts } : {}),
    ...(p.circuit ? { circuit: p.circuit } : {}),
    ...(p.after ? { after: p.after } : {}),
    ...(p.before ? { before: p.before } : {}),
    ...(p.published === 'true' ? { published: true } : {}),
    ...(p.decides_qi ? { decides_qi: p.decides_qi === 'true' } : {}),
    ...(outcomes.length ? { qi_outcomes: outcomes } : {}),
    ...(factors.length ? { factors } : {}),
  };
}

/** Splits the marked snippet into plain text and the offsets of its highlights. */
export function unmark(marked: string): { snippet: string; highlights: [number, number][] } {
  let snippet = '';
  const highlights: [number, number][] = [];
  let start = -1;
  for (const ch of marked) {
    if (ch === OPEN) start = snippet.length;
    else if (ch === CLOSE) {
      if (start >= 0) highlights.push([start, snippet.length]);
      start = -1;
    } else snippet += ch;
  }
  return { snippet, highlights };
}

/** One page of results, by text search when there is a query, else by listing. */
export async function searchPage(store: Store, p: SearchParamsT, page: { limit?: number; cursor?: string }): Promise<Page<HitT>> {
  const filter = toFilter(p);
  const text = p.q?.trim() ?? '';
  if (text === '') {
    const listed = await store.listCases({ ...filter, ...page });
    return { items: listed.items.map((c) => ({ case: c, opinion_id: null, score: null, snippet: '', highlights: [] })), next_cursor: listed.next_cursor };
  }
  const found: Page<SearchHit> = await store.search({ ...filter, ...page, text, highlight: { open: OPEN, close: CLOSE } });
  return {
    items: found.items.map((h) => ({ case: h.case, opinion_id: h.opinion_id, score: h.score, ...unmark(h.snippet) })),
    next_cursor: found.next_cursor,
  };
}

const route = createRoute({
  method: 'get', path: '/v1/search', tags: ['search'], summary: 'Search opinions (or list cases by filter when q is absent)',
  request: { query: SearchParams.extend({ limit: Limit, cursor: Cursor }) },
  responses: {
    200: { description: 'One page of hits, best first', content: { 'application/json': { schema: SearchPage } } },
    ...problems(400),
  },
});

export function registerSearch(app: Api, deps: Deps): void {
  app.openapi(route, async (c) => {
    const { limit, cursor, ...p } = c.req.valid('query');
    const page = { ...(limit ? { limit } : {}), ...(cursor ? { cursor } : {}) };
    // The key is what the answer depends on, normalized: the store filter, the trimmed query, the page.
    const key = `search ${canonicalKey({ filter: toFilter(p), q: p.q?.trim() ?? '', ...page })}`;
    return cachedJson(c, deps, key, () => searchPage(deps.store, p, page)) as never;
  });
}
