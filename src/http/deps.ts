/** What the routes need: the store, the write token (null = writes off) and the response cache. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Store } from '../store/index.js';
import type { ResponseCache } from './cache.js';

export interface Deps {
  store: Store;
  token: string | null;
  cache: ResponseCache;
}

/**
 * A 200 JSON response from the cache when it holds `key` for the store's current generation, else from
 * `compute()`. `X-Cache: hit|miss` says which (absent when the cache is off), so clients and the benchmark can
 * count hits; the body is byte for byte what `c.json()` would send.
 */
export async function cachedJson(c: Context, deps: Deps, key: string, compute: () => Promise<unknown>): Promise<Response> {
  const { body, hit } = await deps.cache.json(key, compute);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (deps.cache.enabled) headers['x-cache'] = hit ? 'hit' : 'miss';
  return c.body(body as Uint8Array<ArrayBuffer>, 200, headers);
}

export type Api = OpenAPIHono;
