/**
 * Security headers on every response, no path traversal to files, and a server that answers malformed input
 * with 4xx problems — never a 5xx or a crash.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureApp } from './http-fixtures.js';
import type { App } from './http-helpers.js';

let app: App;
let ids: Record<string, string>;
beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'clearly-web-'));
  const web = join(root, 'static');
  mkdirSync(web);
  writeFileSync(join(web, 'app.js'), 'console.log(1)');
  writeFileSync(join(web, 'app.css'), 'body{}');
  writeFileSync(join(root, 'secret.txt'), 'SECRET');
  ({ app, ids } = await fixtureApp({ webDir: web }));
});

describe('security headers', () => {
  it('are on API responses, HTML pages, static files and errors', async () => {
    for (const path of ['/healthz', '/search', '/assets/app.js', '/v1/nope', '/v1/cases/c_none']) {
      const res = await app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('the page shell has no inline script or style', async () => {
    const page = await (await app.request('/case/anything')).text();
    expect(page).toMatch(/<script type="module" src="\/assets\/app\.js/);
    expect(page).not.toMatch(/<script>|<script [^>]*>[^<]|<style|style=/);
  });
});

describe('static files', () => {
  it('serves only the bundle files, by exact name', async () => {
    expect((await app.request('/assets/app.js')).status).toBe(200);
    for (const p of ['/assets/..%2fsecret.txt', '/assets/%2e%2e%2fsecret.txt', '/assets/../secret.txt', '/../secret.txt',
      '/assets/..\\secret.txt', '/assets/%2e%2e/secret.txt', '/assets//etc/passwd', '/assets/app.js%00.css', '/static/app.js']) {
      const res = await app.request(p);
      expect(res.status, p).toBe(404);
      expect(await res.text()).not.toContain('SECRET');
    }
  });

  it('answers conditional requests with 304', async () => {
    const first = await app.request('/assets/app.css');
    const etag = first.headers.get('etag')!;
    expect((await app.request('/assets/app.css', { headers: { 'if-none-match': etag } })).status).toBe(304);
  });
});

describe('malformed requests', () => {
  // A deterministic generator, so a failure reproduces.
  let seed = 42;
  const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
  const pick = <T>(xs: readonly T[]): T => xs[rand(xs.length)]!;
  const junk = (): string => Array.from({ length: rand(60) }, () => String.fromCharCode(rand(0x3000))).join('');
  const PATHS = ['/v1/search', '/v1/citations', '/v1/citation-lookup', '/v1/assess', '/v1/assess/read-facts', '/v1/assess/memo',
    '/v1/cases/X', '/v1/cases/X/cites', '/v1/briefs/check', '/v1/search/export', '/v1/imports/cases', '/v1/cases/X/qi-coding', '/v1/courts'];
  const BODIES = ['{', '[]', 'null', '"str"', '{"text":{"$gt":""}}', '{"date":[]}', '{"text":"\\ud800"}', '{"__proto__":{"x":1}}',
    '{"constructor":{"prototype":{"polluted":1}}}', '{"facts":"<script>alert(1)</script>","date":"2019-01-01"}', '1e999999', ''];

  it('get 4xx problem bodies, never a 5xx, over 400 random requests', async () => {
    for (let i = 0; i < 400; i++) {
      const method = pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const);
      const path = pick(PATHS).replace('X', encodeURIComponent(junk()) || 'x');
      const qs = `?${pick(['q', 'limit', 'cursor', 'after', 'format', 'date', 'max'])}=${encodeURIComponent(junk())}`;
      const type = pick(['application/json', 'text/plain', 'application/pdf', 'multipart/form-data', '', 'application/json; charset=utf-16']);
      const body = method === 'GET' ? undefined : rand(2) ? pick(BODIES) : junk();
      const res = await app.request(path + qs, { method, headers: type ? { 'content-type': type } : {}, ...(body !== undefined ? { body } : {}) });
      expect(res.status, `${method} ${path}${qs} ${type} ${body}`).toBeLessThan(500);
      if (res.status >= 400) expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await app.request(`/v1/cases/${ids.doe}`)).status).toBe(200);
  });
});
