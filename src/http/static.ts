/**
 * The web UI's files. The bundle directory is read once at start into a map from exact name to bytes, and only
 * those names are ever answered: a request path is looked up, never joined onto a directory, so `..`, encoded
 * slashes or symlinks cannot reach any other file.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenAPIHono } from '@hono/zod-openapi';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8',
};

/** Client-side routes of the single-page app: each answers with the same shell. */
export const PAGES = ['/', '/search', '/case/:id', '/assess', '/check', '/analytics', '/payouts'];

interface Asset { body: Uint8Array; type: string; etag: string }

/** `<package>/dist/web/static`, whether this module runs from src/ (tests) or dist/. */
export function defaultWebDir(): string {
  return fileURLToPath(new URL('../../dist/web/static', import.meta.url));
}

export function loadAssets(dir: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  if (!existsSync(dir)) return assets;
  for (const name of readdirSync(dir)) {
    const ext = name.slice(name.lastIndexOf('.'));
    const path = join(dir, name);
    if (!TYPES[ext] || !statSync(path).isFile()) continue;
    const body = readFileSync(path);
    assets.set(name, { body, type: TYPES[ext]!, etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"` });
  }
  return assets;
}

function shell(assets: Map<string, Asset>): string {
  const v = (name: string): string => encodeURIComponent(assets.get(name)?.etag.replace(/"/g, '') ?? '0');
  const built = assets.has('app.js');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>clearly — qualified immunity research</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/app.css?v=${v('app.css')}">
<script type="module" src="/assets/app.js?v=${v('app.js')}"></script>
</head>
<body>
<div id="app"><noscript>clearly's web interface needs JavaScript; the JSON API at /v1 and /openapi.json works without it.</noscript>${
  built ? '' : '<p>The web interface is not built. Run <code>npm run build</code> and restart <code>clearly serve</code>.</p>'}</div>
</body>
</html>
`;
}

export function registerStatic(app: OpenAPIHono, webDir: string): void {
  const assets = loadAssets(webDir);
  const page = shell(assets);
  app.get('/assets/:name', (c) => {
    const a = assets.get(c.req.param('name'));
    if (!a) return c.notFound();
    if (c.req.header('if-none-match') === a.etag) return c.body(null, 304, { etag: a.etag });
    return c.body(a.body as Uint8Array<ArrayBuffer>, 200, { 'content-type': a.type, etag: a.etag, 'cache-control': 'public, max-age=300' });
  });
  for (const p of PAGES) {
    app.get(p, (c) => c.html(page, 200, { 'cache-control': 'no-cache' }));
  }
}
