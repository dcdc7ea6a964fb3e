/** Request helpers for the socket-free API tests (`app.request()`). */
import { expect } from 'vitest';

export type App = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

export async function getJson(app: App, path: string): Promise<{ status: number; body: any; res: Response }> {
  const res = await app.request(path);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, res };
}

export async function post(app: App, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; res: Response }> {
  const res = await app.request(path, {
    method: 'POST', headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try { parsed = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, body: parsed, res };
}

/** A 4xx answered with an RFC 9457 body carrying the given catalog code. */
export function expectProblem(r: { status: number; body: any; res: Response }, status: number, code?: string): void {
  expect(r.status).toBe(status);
  expect(r.res.headers.get('content-type')).toBe('application/problem+json');
  expect(r.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String), hint: expect.any(String) });
  if (code) expect(r.body.code).toBe(code);
}
