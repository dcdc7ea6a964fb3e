/**
 * GET requests to the CourtListener REST API: rate limited, retried on 429 and 5xx, token sent as
 * `Authorization: Token …` and never written anywhere else (not in errors, not in resume state). Requests go
 * only to the configured origin: a `next` link pointing elsewhere is refused rather than handed the token.
 */
import { ClearlyError } from '../../errors/index.js';
import { realClock, retryAfterMs, type Clock, type RateLimiter } from './rate-limit.js';

export const DEFAULT_BASE_URL = 'https://www.courtlistener.com';

export interface ClientOptions {
  baseUrl: string;
  token?: string;
  limiter: RateLimiter;
  clock?: Clock;
  fetch?: typeof fetch;
  /** Attempts per request on 429, 5xx and network errors before giving up. */
  maxAttempts?: number;
  signal?: AbortSignal;
}

/** Wait when a 429 carries no Retry-After. */
const DEFAULT_429_WAIT_MS = 60_000;

export class ApiClient {
  readonly origin: string;
  private readonly root: URL;
  private readonly clock: Clock;
  private readonly fetch: typeof fetch;
  requests = 0;

  constructor(private readonly opts: ClientOptions) {
    try {
      this.root = new URL(opts.baseUrl.endsWith('/') ? opts.baseUrl : `${opts.baseUrl}/`);
    } catch {
      throw new ClearlyError('usage', `--base-url "${opts.baseUrl}" is not a URL`, { hint: 'Give a URL such as https://www.courtlistener.com' });
    }
    this.origin = this.root.origin;
    this.clock = opts.clock ?? realClock;
    this.fetch = opts.fetch ?? fetch;
  }

  /** `api/rest/v4/search/` → an absolute URL under the base URL. */
  url(path: string, params?: Record<string, string | undefined>): string {
    const u = new URL(path.replace(/^\//, ''), this.root);
    for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined && v !== '') u.searchParams.set(k, v);
    return u.href;
  }

  /** The JSON body, or null on 404. */
  async get<T>(url: string): Promise<T | null> {
    if (new URL(url).origin !== this.origin) {
      throw new ClearlyError('bad_data', `CourtListener returned a link to another site (${new URL(url).origin}); not following it with your token`, {
        hint: 'Check --base-url / COURTLISTENER_BASE_URL.', location: { file: url },
      });
    }
    const max = this.opts.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      await this.opts.limiter.take(this.opts.signal);
      this.requests++;
      let res: Response;
      try {
        res = await this.fetch(url, { headers: this.headers(), ...(this.opts.signal ? { signal: this.opts.signal } : {}) });
      } catch (err) {
        if (this.opts.signal?.aborted) throw new ClearlyError('interrupted', 'CourtListener import interrupted');
        if (attempt >= max) throw new ClearlyError('missing_input', `cannot reach ${this.origin}: ${(err as Error).message}`, { location: { file: url }, cause: err });
        await this.backoff(attempt);
        continue;
      }
      if (res.ok) {
        try {
          return (await res.json()) as T;
        } catch (err) {
          throw new ClearlyError('bad_data', `CourtListener answered ${url} with something that is not JSON`, { location: { file: url }, cause: err });
        }
      }
      await res.body?.cancel();
      if (res.status === 404) return null;
      if (res.status === 401 || res.status === 403) {
        throw new ClearlyError('usage', `CourtListener refused the request (HTTP ${res.status}): ${this.opts.token ? 'the API token was not accepted' : 'an API token is required'}`, {
          hint: 'Set COURTLISTENER_TOKEN (or --token) to the token shown in your CourtListener profile.', location: { file: url },
        });
      }
      const retryable = res.status === 429 || res.status >= 500;
      if (!retryable || attempt >= max) {
        throw new ClearlyError(retryable ? 'missing_input' : 'bad_data', `CourtListener answered HTTP ${res.status} for ${url}${retryable ? ` after ${attempt} attempts` : ''}`, {
          location: { file: url }, hint: retryable ? 'The service is busy or down; run the same command later: the import resumes where it stopped.' : 'Check the query options.',
        });
      }
      if (res.status === 429) {
        const wait = retryAfterMs(res.headers.get('retry-after'), this.clock.now()) ?? DEFAULT_429_WAIT_MS;
        this.opts.limiter.holdUntil(this.clock.now() + wait);
      } else {
        await this.backoff(attempt);
      }
    }
  }

  private headers(): Record<string, string> {
    const h: Record<string, string> = { Accept: 'application/json', 'User-Agent': 'clearly (open-source research engine)' };
    if (this.opts.token) h.Authorization = `Token ${this.opts.token}`;
    return h;
  }

  private backoff(attempt: number): Promise<void> {
    return this.clock.sleep(Math.min(60_000, 1000 * 2 ** (attempt - 1)), this.opts.signal);
  }
}
