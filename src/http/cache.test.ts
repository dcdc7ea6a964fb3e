/** The response cache: hits for repeated requests, and never an answer from before a write (ours or another process's). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type CaseInput, type Store } from '../store/index.js';
import { canonicalKey, cacheBytesFromEnv, ResponseCache } from './cache.js';
import { createApp } from './app.js';

// Fictional cases (test data only).
const kase = (n: string, text: string): CaseInput => ({
  source: 'test', source_id: n, case_name: `Alpha ${n} v. Beta`, court_id: 'ca6', circuit: '6', decision_date: '2010-01-01',
  precedential_status: 'published', citations: [], opinions: [{ source_id: `o-${n}`, type: 'majority', text }],
});

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function fileStore(): Promise<{ store: Store; path: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'clearly-cache-'));
  dirs.push(dir);
  const path = join(dir, 'c.db');
  const store = await openStore({ db: path });
  stores.push(store);
  await store.upsertCases({ cases: [kase('one', 'The officer released a dog on the plaintiff.')] });
  return { store, path };
}

const get = async (app: ReturnType<typeof createApp>, path: string) => {
  const res = await app.request(path);
  return { status: res.status, cache: res.headers.get('x-cache'), type: res.headers.get('content-type'), body: await res.json() as any };
};

describe('response cache', () => {
  it('answers a repeated search from the cache with the same body', async () => {
    const { store } = await fileStore();
    const app = createApp({ store, cacheBytes: 1 << 20 });
    const first = await get(app, '/v1/search?q=dog');
    const again = await get(app, '/v1/search?q=dog');
    expect([first.cache, again.cache]).toEqual(['miss', 'hit']);
    expect(again.body).toEqual(first.body);
    expect(again.type).toBe('application/json');
    // Same request spelled differently (parameter order, spaces around q): same entry.
    const cases = (await store.search({ text: 'dog' })).items.length;
    expect((await get(app, '/v1/search?limit=20&q=%20dog%20')).body.items).toHaveLength(cases);
  });

  it('drops cached answers when this process writes', async () => {
    const { store } = await fileStore();
    const app = createApp({ store, cacheBytes: 1 << 20 });
    expect((await get(app, '/v1/search?q=dog')).body.items).toHaveLength(1);
    await get(app, '/v1/search?q=dog');
    await store.upsertCases({ cases: [kase('two', 'A second dog case.')] });
    const after = await get(app, '/v1/search?q=dog');
    expect(after.cache).toBe('miss');
    expect(after.body.items).toHaveLength(2);
  });

  it('drops cached answers when another connection writes the same file (an import beside the server)', async () => {
    const { store, path } = await fileStore();
    const app = createApp({ store, cacheBytes: 1 << 20 });
    const id = (await store.search({ text: 'dog' })).items[0]!.case.id;
    expect((await get(app, `/v1/cases/${id}`)).body.qi_coding).toBeNull();
    expect((await get(app, `/v1/cases/${id}`)).cache).toBe('hit');
    const other = await openStore({ db: path });
    stores.push(other);
    await other.putQiCoding({ case_id: id, coder: 'human', coding: { decides_qi: false, factors: [] } });
    const after = await get(app, `/v1/cases/${id}`);
    expect(after.cache).toBe('miss');
    expect(after.body.qi_coding).toMatchObject({ coder: 'human' });
  });

  it('does not cache errors, and is off with a zero budget', async () => {
    const { store } = await fileStore();
    const app = createApp({ store, cacheBytes: 1 << 20 });
    expect((await get(app, '/v1/cases/c_missing')).status).toBe(404);
    const later = await store.upsertCases({ cases: [kase('three', 'x')] });
    expect((await get(app, `/v1/cases/${later.ids[0]}`)).status).toBe(200);
    const off = createApp({ store, cacheBytes: 0 });
    const r = await get(off, '/v1/search?q=dog');
    expect(r.status).toBe(200);
    expect(r.cache).toBeNull();
  });
});

describe('ResponseCache', () => {
  const fixedStore = (gen: { v: string | null }) => ({ generation: async () => gen.v }) as unknown as Store;

  it('keeps at most its byte budget, dropping the least recently used entry', async () => {
    const cache = new ResponseCache(fixedStore({ v: '1' }), 800);
    const value = (n: number) => async () => 'x'.repeat(n);
    await cache.json('a', value(90));
    await cache.json('b', value(90));
    expect((await cache.json('a', value(90))).hit).toBe(true); // a is now the most recent
    for (const k of ['c', 'd', 'e', 'f', 'g', 'h', 'i']) await cache.json(k, value(90));
    expect(cache.snapshot().bytes).toBeLessThanOrEqual(800);
    expect((await cache.json('b', value(90))).hit).toBe(false);
    expect((await cache.json('i', value(90))).hit).toBe(true);
    expect((await cache.json('big', value(200))).hit).toBe(false); // over an eighth of the budget: not kept
    expect((await cache.json('big', value(200))).hit).toBe(false);
  });

  it('keeps nothing computed across a change, and nothing when the store has no generation', async () => {
    const gen = { v: '1' as string | null };
    const cache = new ResponseCache(fixedStore(gen), 1 << 20);
    await cache.json('k', async () => { gen.v = '2'; return 1; });
    expect((await cache.json('k', async () => 2)).hit).toBe(false);
    expect(Buffer.from((await cache.json('k', async () => 3)).body).toString()).toBe('2');
    gen.v = null;
    await cache.json('n', async () => 1);
    expect((await cache.json('n', async () => 1)).hit).toBe(false);
  });

  it('reads its budget from CLEARLY_HTTP_CACHE_MB and keys objects regardless of key order', () => {
    expect(cacheBytesFromEnv({ CLEARLY_HTTP_CACHE_MB: '0' })).toBe(0);
    expect(cacheBytesFromEnv({ CLEARLY_HTTP_CACHE_MB: '2' })).toBe(2 << 20);
    expect(cacheBytesFromEnv({})).toBeGreaterThan(0);
    expect(canonicalKey({ b: 1, a: [2, { d: 1, c: 2 }] })).toBe(canonicalKey({ a: [2, { c: 2, d: 1 }], b: 1 }));
    expect(canonicalKey({ a: 1 })).not.toBe(canonicalKey({ a: '1' }));
  });
});
