/**
 * Security headers on every response, errors included. The web UI loads only its own bundled script and style
 * (no inline script or style), so the policy can be strict: an opinion or brief that smuggled markup past the
 * renderer still could not run script, load a remote resource or frame the page.
 */
import type { MiddlewareHandler } from 'hono';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    let res = c.res;
    // Responses built elsewhere (streams, static files) may carry immutable headers: copy once if so.
    try {
      for (const [k, v] of Object.entries(HEADERS)) res.headers.set(k, v);
    } catch {
      res = new Response(res.body, res);
      for (const [k, v] of Object.entries(HEADERS)) res.headers.set(k, v);
      c.res = res;
    }
  };
}
