/** Puts the app on a socket (loopback unless told otherwise) and shuts down cleanly on SIGINT/SIGTERM. */
import { serve, type ServerType } from '@hono/node-server';
import type { Store } from '../store/index.js';
import { createApp } from './app.js';

export interface ServeOptions {
  store: Store;
  port: number;
  host: string;
  token: string | null;
  webDir?: string;
}

export interface RunningServer {
  url: string;
  server: ServerType;
  close(): Promise<void>;
}

export function startServer(opts: ServeOptions): Promise<RunningServer> {
  const app = createApp({ store: opts.store, token: opts.token, ...(opts.webDir ? { webDir: opts.webDir } : {}) });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, (info) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        server,
        close: () => new Promise<void>((done) => {
          server.close(() => done());
          // Keep-alive connections would hold close() open; end them.
          (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        }),
      });
    });
    server.once('error', reject);
    // Slow-client limits: a request's headers must arrive within 10 s and a whole request within 60 s.
    (server as { headersTimeout?: number }).headersTimeout = 10_000;
    (server as { requestTimeout?: number }).requestTimeout = 60_000;
  });
}
