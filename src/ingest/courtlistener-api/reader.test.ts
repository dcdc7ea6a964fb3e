/**
 * The API reader against a local fake CourtListener (node:http on 127.0.0.1, port 0) serving v4-shaped responses
 * written here: `{count, next, previous, results}` pages linked by cursor URLs, opinion and cluster objects.
 * A virtual clock records every wait, so rate limiting is checked without waiting.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JsonValue } from '../../store/index.js';
import type { SourceItem } from '../types.js';
import type { Clock } from './rate-limit.js';
import { retryAfterMs } from './rate-limit.js';
import { apiOptionsFromEnv, courtListenerApiReader, type ApiReaderOptions } from './reader.js';

const TOKEN = 'secret-token-123';
let server: Server;
let base: string;
let seen: { path: string; auth: string | undefined }[] = [];
let throttleOnce: Set<string>;
let status: number | null = null;

const hit = (id: number, extra: Record<string, unknown> = {}) => ({
  cluster_id: id, caseName: `Doe ${id} v. Roe`, court_id: 'ca1', dateFiled: '2010-01-0' + (id % 9 + 1), docketNumber: `10-${id}`,
  citation: [`${id} F.3d ${id * 10}`], status: 'Published', absolute_url: `/opinion/${id}/doe-${id}-v-roe/`,
  opinions: [{ id: id * 100, snippet: '…' }], ...extra,
});

function route(req: IncomingMessage): { code: number; body?: unknown; headers?: Record<string, string> } {
  const u = new URL(req.url!, base);
  if (status !== null) return { code: status, body: { detail: 'nope' } };
  if (throttleOnce.delete(u.pathname)) return { code: 429, headers: { 'Retry-After': '7' }, body: { detail: 'throttled' } };
  if (u.pathname === '/api/rest/v4/search/') {
    const cursor = u.searchParams.get('cursor');
    const next = (c: string): string => { const n = new URL(u); n.searchParams.set('cursor', c); return n.href; };
    if (!cursor) return { code: 200, body: { count: 3, next: next('p2'), previous: null, results: [hit(1), hit(2)] } };
    if (cursor === 'p2') return { code: 200, body: { count: 3, next: null, previous: base, results: [hit(3, { opinions: [] })] } };
    if (cursor === 'evil') return { code: 200, body: { count: 1, next: 'http://203.0.113.9/api/rest/v4/search/?cursor=x', results: [] } };
  }
  const op = /^\/api\/rest\/v4\/opinions\/(\d+)\/$/.exec(u.pathname);
  if (op) {
    const id = Number(op[1]);
    if (id === 200) return { code: 404, body: { detail: 'Not found.' } };
    return { code: 200, body: { id, type: '020lead', author_str: 'Judge Beta', per_curiam: false, plain_text: `Opinion ${id} text.`,
      html_with_citations: '', opinions_cited: [`${base}/api/rest/v4/opinions/42/`] } };
  }
  const cl = /^\/api\/rest\/v4\/clusters\/(\d+)\/$/.exec(u.pathname);
  if (cl) {
    return { code: 200, body: { id: Number(cl[1]), case_name_short: 'Doe', date_filed_is_approximate: false, disposition: 'Reversed',
      citations: [{ volume: 3, reporter: 'F.3d', page: '30' }], sub_opinions: [`${base}/api/rest/v4/opinions/301/`, `${base}/api/rest/v4/opinions/302/`] } };
  }
  return { code: 404, body: { detail: 'Not found.' } };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ path: req.url!, auth: req.headers.authorization });
    const r = route(req);
    res.writeHead(r.code, { 'Content-Type': 'application/json', ...r.headers });
    res.end(JSON.stringify(r.body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = [];
  throttleOnce = new Set();
  status = null;
});

/** A clock that only moves when someone sleeps: waits are recorded, never spent. */
function virtualClock(): Clock & { waits: number[]; t: number } {
  const c = { t: 1_000_000, waits: [] as number[], now: () => c.t, sleep: async (ms: number) => { c.waits.push(ms); c.t += ms; } };
  return c;
}

async function readAll(opts: Partial<ApiReaderOptions> = {}, resumeFrom?: JsonValue, stopAfter?: number): Promise<SourceItem[]> {
  const reader = courtListenerApiReader({ query: 'excessive force', courts: ['ca1'], filedAfter: '2010-01-01', token: TOKEN, baseUrl: base, clock: virtualClock(), ...opts });
  const items: SourceItem[] = [];
  for await (const item of reader.read([], resumeFrom === undefined ? {} : { resumeFrom })) {
    items.push(item);
    if (stopAfter !== undefined && items.length >= stopAfter) break;
  }
  return items;
}

const caseIds = (items: SourceItem[]): string[] => items.flatMap((i) => (i.kind === 'case' ? [i.case.source_id] : []));

describe('courtlistener-api reader', () => {
  it('pages through search results by cursor and builds each case from the hit and its opinions', async () => {
    const items = await readAll();
    expect(caseIds(items)).toEqual(['cluster:1', 'cluster:2', 'cluster:3']);
    const first = items.find((i) => i.kind === 'case')!;
    expect(first.kind === 'case' && first.case).toMatchObject({
      source: 'courtlistener', case_name: 'Doe 1 v. Roe', court_id: 'ca1', circuit: '1', decision_date: '2010-01-02', docket_number: '10-1',
      precedential_status: 'published', citations: [{ volume: '1', reporter: 'F.3d', page: '10' }],
      source_url: `${base}/opinion/1/doe-1-v-roe/`, opinions: [{ source_id: 'opinion:100', type: 'majority', author: 'Judge Beta', text: 'Opinion 100 text.' }],
    });
    expect(first.kind === 'case' && first.supplied_links).toEqual([{ citing_opinion_source_id: 'opinion:100', cited: { source: 'courtlistener', source_id: 'opinion:42', kind: 'opinion' } }]);
    const search = new URL(seen[0]!.path, base);
    expect(Object.fromEntries(search.searchParams)).toEqual({ type: 'o', q: 'excessive force', court: 'ca1', filed_after: '2010-01-01' });
    expect(seen.some((s) => s.path.includes('cursor=p2'))).toBe(true);
  });

  it('fetches the cluster when a hit lists no opinions', async () => {
    const items = await readAll();
    const c3 = items.find((i) => i.kind === 'case' && i.case.source_id === 'cluster:3');
    expect(c3?.kind === 'case' && c3.case).toMatchObject({ case_name_short: 'Doe', disposition: 'Reversed', citations: [{ volume: '3', reporter: 'F.3d', page: '30' }] });
    expect(c3?.kind === 'case' && c3.case.opinions.map((o) => o.source_id)).toEqual(['opinion:301', 'opinion:302']);
  });

  it('rejects an opinion the API does not have, and keeps its case', async () => {
    const items = await readAll();
    const reject = items.find((i) => i.kind === 'reject');
    expect(reject).toMatchObject({ kind: 'reject', location: { id: 'opinion:200' }, reason: 'opinion 200 of cluster 2 was not found (HTTP 404)' });
    expect(caseIds(items)).toContain('cluster:2');
  });

  it('sends the token as "Authorization: Token …" on every request and never puts it in the output', async () => {
    const items = await readAll();
    expect(seen.length).toBeGreaterThan(4);
    expect(seen.every((s) => s.auth === `Token ${TOKEN}`)).toBe(true);
    expect(JSON.stringify(items)).not.toContain(TOKEN);
    expect(seen.every((s) => !s.path.includes(TOKEN))).toBe(true);
  });

  it('spaces requests at the configured rate (default 5 a minute)', async () => {
    const clock = virtualClock();
    await readAll({ clock });
    expect(clock.waits.length).toBe(seen.length - 1); // every request after the first waited its turn
    expect(clock.waits.every((w) => w === 12_000)).toBe(true);
    const fast = virtualClock();
    await readAll({ clock: fast, requestsPerMinute: 600 });
    expect(fast.waits.every((w) => w === 100)).toBe(true);
  });

  it('backs off on HTTP 429 for as long as Retry-After says, then retries', async () => {
    throttleOnce.add('/api/rest/v4/opinions/100/');
    const clock = virtualClock();
    const items = await readAll({ clock, requestsPerMinute: 6000 });
    expect(caseIds(items)).toEqual(['cluster:1', 'cluster:2', 'cluster:3']);
    expect(seen.filter((s) => s.path === '/api/rest/v4/opinions/100/')).toHaveLength(2);
    expect(Math.max(...clock.waits)).toBeGreaterThanOrEqual(7000);
  });

  it('resumes after an interruption from the saved page and position', async () => {
    const all = await readAll();
    const cases = all.filter((i) => i.kind === 'case');
    for (let k = 0; k < cases.length; k++) {
      seen = [];
      const rest = await readAll({}, cases[k]!.resume!);
      expect(caseIds(rest)).toEqual(caseIds(cases.slice(k + 1)));
    }
    // The interrupted run: stop after the first case; resuming fetches page 2 by its cursor, not page 1 again.
    const partial = await readAll({}, undefined, 1);
    seen = [];
    const rest = await readAll({}, partial.at(-1)!.resume!);
    expect(caseIds(rest)).toEqual(['cluster:2', 'cluster:3']);
    expect(seen.filter((s) => s.path.startsWith('/api/rest/v4/search/')).length).toBe(2);
    // Resume state of another query is ignored.
    expect(caseIds(await readAll({ query: 'different' }, partial.at(-1)!.resume!))).toEqual(['cluster:1', 'cluster:2', 'cluster:3']);
  });

  it('says the token was refused without printing it', async () => {
    status = 401;
    const err = await readAll().then(() => null, (e: unknown) => e as Error & { code?: string });
    expect(err?.code).toBe('usage');
    expect(err?.message).toMatch(/HTTP 401.*token was not accepted/);
    expect(JSON.stringify({ m: err?.message, h: (err as { hint?: string }).hint })).not.toContain(TOKEN);
  });

  it('gives up on a failing server after a bounded number of attempts', async () => {
    status = 503;
    const clock = virtualClock();
    await expect(readAll({ clock, requestsPerMinute: 6000 })).rejects.toThrow(/HTTP 503 .* after 5 attempts/);
    expect(seen).toHaveLength(5);
  });

  it('refuses to follow a next link to another site with the token', async () => {
    const [first] = await readAll({}, undefined, 1);
    const resume = { ...(first!.resume as Record<string, JsonValue>), page: `${base}/api/rest/v4/search/?cursor=evil`, done: 0 };
    await expect(readAll({}, resume)).rejects.toThrow(/link to another site/);
    expect(seen.every((s) => s.path.startsWith('/'))).toBe(true);
  });

  it('checks its options', () => {
    expect(() => courtListenerApiReader({})).toThrow(/needs at least one of --query/);
    expect(() => courtListenerApiReader({ query: 'x', filedAfter: '01/02/2010' })).toThrow(/--filed-after "01\/02\/2010" is not a date/);
    expect(apiOptionsFromEnv({ query: 'x' }, { COURTLISTENER_TOKEN: 't', COURTLISTENER_BASE_URL: 'http://127.0.0.1:1' })).toMatchObject({ token: 't', baseUrl: 'http://127.0.0.1:1' });
    expect(apiOptionsFromEnv({ query: 'x', token: 'flag' }, { COURTLISTENER_TOKEN: 'env' }).token).toBe('flag');
    expect(retryAfterMs('120', 0)).toBe(120_000);
    expect(retryAfterMs(new Date(60_000).toUTCString(), 0)).toBe(60_000);
    expect(retryAfterMs('soon', 0)).toBeNull();
  });
});
