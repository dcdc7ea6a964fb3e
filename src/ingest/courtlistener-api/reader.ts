/**
 * `courtlistener-api`: the live CourtListener REST API v4. Pages through `/api/rest/v4/search/?type=o` by its
 * cursor links, fetches each hit's opinions (and its cluster only when the hit does not list them), and emits one
 * case per hit. Resume state is the URL of the search page being read and how many of its hits were emitted;
 * cursor URLs are stable, so a re-run fetches that page again and skips what was done.
 */
import { createHash } from 'node:crypto';
import { ClearlyError } from '../../errors/index.js';
import type { JsonValue, OpinionInput } from '../../store/index.js';
import { caseSourceId } from '../courtlistener-bulk/map.js';
import type { ReadOptions, SourceItem, SourceReader, SuppliedLink } from '../types.js';
import { ApiClient, DEFAULT_BASE_URL } from './client.js';
import { opinionIdsOf, toCaseInput, toOpinionInput, type ClusterObject, type OpinionObject, type Page, type SearchHit } from './map.js';
import { DEFAULT_REQUESTS_PER_MINUTE, RateLimiter, realClock, type Clock } from './rate-limit.js';

export const FORMAT = 'courtlistener-api';

export interface ApiQuery {
  /** Full-text query in CourtListener's search syntax. */
  query?: string;
  /** CourtListener court ids (`ca1`, `scotus`). */
  courts?: string[];
  /** ISO dates, inclusive as CourtListener applies them. */
  filedAfter?: string;
  filedBefore?: string;
}

export interface ApiReaderOptions extends ApiQuery {
  token?: string;
  baseUrl?: string;
  requestsPerMinute?: number;
  /** Stop after this many cases (a sample, or a test). */
  maxCases?: number;
  clock?: Clock;
  fetch?: typeof fetch;
}

interface Resume {
  format: typeof FORMAT;
  query: string;
  page: string | null;
  done: number;
}

/** Options from the environment, flags winning: `COURTLISTENER_TOKEN`, `COURTLISTENER_BASE_URL`. */
export function apiOptionsFromEnv(opts: ApiReaderOptions, env: NodeJS.ProcessEnv = process.env): ApiReaderOptions {
  const token = opts.token ?? (env.COURTLISTENER_TOKEN || undefined);
  const baseUrl = opts.baseUrl ?? (env.COURTLISTENER_BASE_URL || undefined);
  return { ...opts, ...(token ? { token } : {}), ...(baseUrl ? { baseUrl } : {}) };
}

export function courtListenerApiReader(opts: ApiReaderOptions): SourceReader {
  for (const [flag, v] of [['--filed-after', opts.filedAfter], ['--filed-before', opts.filedBefore]] as const) {
    if (v !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new ClearlyError('usage', `${flag} "${v}" is not a date (YYYY-MM-DD)`);
  }
  if (!opts.query && !opts.courts?.length && !opts.filedAfter && !opts.filedBefore) {
    throw new ClearlyError('usage', 'a CourtListener import needs at least one of --query, --court, --filed-after, --filed-before', {
      hint: 'An unfiltered search would page through every opinion CourtListener holds.',
    });
  }
  return { format: FORMAT, read: (_inputs, options) => read(opts, options ?? {}) };
}

/** Identifies the search (not the token), so resume state is never applied to a different query. */
function queryKey(o: ApiReaderOptions): string {
  const parts = [o.baseUrl ?? DEFAULT_BASE_URL, o.query ?? '', [...(o.courts ?? [])].sort().join(' '), o.filedAfter ?? '', o.filedBefore ?? ''];
  return createHash('sha1').update(parts.join('\0')).digest('hex').slice(0, 16);
}

async function* read(opts: ApiReaderOptions, options: ReadOptions): AsyncGenerator<SourceItem> {
  const clock = opts.clock ?? realClock;
  const client = new ApiClient({
    baseUrl: opts.baseUrl ?? DEFAULT_BASE_URL,
    limiter: new RateLimiter(opts.requestsPerMinute ?? DEFAULT_REQUESTS_PER_MINUTE, clock),
    clock,
    ...(opts.token ? { token: opts.token } : {}),
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const key = queryKey(opts);
  const prior = options.resumeFrom as Partial<Resume> | null | undefined;
  const resumed = prior && prior.format === FORMAT && prior.query === key && Number.isInteger(prior.done);
  const first = client.url('api/rest/v4/search/', {
    type: 'o', q: opts.query, court: opts.courts?.join(' '), filed_after: opts.filedAfter, filed_before: opts.filedBefore,
  });
  let pageUrl: string | null = resumed ? (prior.page ?? first) : first;
  let skip = resumed ? prior.done! : 0;
  let emitted = 0;
  try {
    while (pageUrl) {
      const page: Page<SearchHit> | null = await client.get<Page<SearchHit>>(pageUrl);
      if (!page || !Array.isArray(page.results)) throw new ClearlyError('bad_data', `CourtListener search page ${pageUrl} has no results list`, { location: { file: pageUrl } });
      const here: string = pageUrl;
      for (let i = skip; i < page.results.length; i++) {
        const before: JsonValue = { format: FORMAT, query: key, page: here, done: i };
        const after: JsonValue = { format: FORMAT, query: key, page: here, done: i + 1 };
        yield* hitItems(client, page.results[i]!, here, before, after);
        if (opts.maxCases !== undefined && ++emitted >= opts.maxCases) return;
      }
      skip = 0;
      pageUrl = page.next ?? null;
    }
  } catch (err) {
    if (options.signal?.aborted) throw new ClearlyError('interrupted', 'CourtListener import interrupted; run the same command again to resume');
    throw err;
  }
}

/** One search hit → its case (plus a reject for each opinion that could not be fetched). */
async function* hitItems(client: ApiClient, hit: SearchHit, pageUrl: string, before: JsonValue, resume: JsonValue): AsyncGenerator<SourceItem> {
  const clusterId = hit.cluster_id;
  if (!Number.isInteger(clusterId)) {
    yield { kind: 'reject', location: { file: pageUrl }, reason: 'search result without a cluster_id', excerpt: JSON.stringify(hit).slice(0, 200), resume };
    return;
  }
  const id = clusterId!;
  const cluster = hit.opinions?.length ? null : await client.get<ClusterObject>(client.url(`api/rest/v4/clusters/${id}/`));
  const opinions: OpinionInput[] = [];
  const links: SuppliedLink[] = [];
  const missing: SourceItem[] = [];
  for (const oid of opinionIdsOf(hit, cluster)) {
    const url = client.url(`api/rest/v4/opinions/${oid}/`);
    const o = await client.get<OpinionObject>(url);
    if (!o) {
      missing.push({ kind: 'reject', location: { file: url, id: `opinion:${oid}` }, reason: `opinion ${oid} of cluster ${id} was not found (HTTP 404)`,
        resume: before }); // committed before its case: a resume must not skip that case
      continue;
    }
    const m = toOpinionInput(o, oid);
    opinions.push(m.opinion);
    links.push(...m.links);
  }
  yield* missing;
  yield {
    kind: 'case', case: toCaseInput(hit, cluster, id, opinions, client.origin), ...(links.length ? { supplied_links: links } : {}),
    location: { file: pageUrl, id: caseSourceId(id) }, resume,
  };
}
