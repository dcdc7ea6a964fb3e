/**
 * The response cache of `clearly serve`: finished JSON bodies of the read endpoints that cost the most (search
 * pages, case pages, assessments), keyed on the normalized request and valid for one store generation only.
 *
 * Correctness rests on `Store.generation()`, which changes whenever the store may have changed (a write through
 * this process at once; a commit by any other connection or process — an import beside the server, another server
 * worker — within the store's refresh interval, `clearly serve --refresh-ms`). Every lookup reads the generation
 * first and empties the cache when it moved, so no answer outlives the data it was computed from by more than that
 * interval; an answer is kept only when the generation was the same before and after computing it (a write in
 * between could have made it a mix of both). Stores that return null (PostgreSQL behind read replicas) are never
 * cached.
 * Bounded: least recently used entries are dropped past `maxBytes` of bodies or `maxEntries` entries, and a body
 * larger than an eighth of the budget is not kept at all. Each server process has its own cache.
 */
import type { Store } from '../store/index.js';

/** Default budget per server process; `CLEARLY_HTTP_CACHE_MB` (0 = off) or `AppOptions.cacheBytes` change it. */
export const DEFAULT_CACHE_BYTES = 64 << 20;

export function cacheBytesFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CLEARLY_HTTP_CACHE_MB;
  if (raw === undefined || raw.trim() === '') return DEFAULT_CACHE_BYTES;
  const mb = Number(raw);
  return Number.isFinite(mb) && mb >= 0 ? Math.floor(mb * (1 << 20)) : DEFAULT_CACHE_BYTES;
}

export interface CacheStats { hits: number; misses: number; entries: number; bytes: number; clears: number }

export class ResponseCache {
  /** Map iteration order is insertion order: re-inserting on a hit makes the first key the least recently used. */
  private readonly entries = new Map<string, Uint8Array>();
  private bytes = 0;
  private generation: string | null = null;
  private readonly stats = { hits: 0, misses: 0, clears: 0 };

  constructor(private readonly store: Store, readonly maxBytes: number, readonly maxEntries = 20_000) {}

  get enabled(): boolean { return this.maxBytes > 0; }

  /**
   * The cached body for `key`, else `compute()`'s value serialized as JSON (and kept when the store did not change
   * meanwhile). `hit` says which.
   */
  async json(key: string, compute: () => Promise<unknown>): Promise<{ body: Uint8Array; hit: boolean }> {
    const before = this.enabled ? await this.store.generation() : null;
    if (before !== null) {
      if (before !== this.generation) this.clear(before);
      const found = this.entries.get(key);
      if (found) {
        this.entries.delete(key);
        this.entries.set(key, found);
        this.stats.hits++;
        return { body: found, hit: true };
      }
      this.stats.misses++;
    }
    const body = Buffer.from(JSON.stringify(await compute()));
    if (before !== null && body.length <= this.maxBytes / 8 && (await this.store.generation()) === before && this.generation === before) {
      this.put(key, body);
    }
    return { body, hit: false };
  }

  snapshot(): CacheStats {
    return { ...this.stats, entries: this.entries.size, bytes: this.bytes };
  }

  private put(key: string, body: Uint8Array): void {
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.length;
      this.entries.delete(key);
    }
    this.entries.set(key, body);
    this.bytes += body.length;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes && this.entries.size <= this.maxEntries) break;
      this.entries.delete(k);
      this.bytes -= v.length;
    }
  }

  private clear(generation: string): void {
    if (this.entries.size > 0) this.stats.clears++;
    this.entries.clear();
    this.bytes = 0;
    this.generation = generation;
  }
}

/** A stable key for a JSON-like value: object keys sorted, so `{a, b}` and `{b, a}` are the same request. */
export function canonicalKey(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : v));
}
