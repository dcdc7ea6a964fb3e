/**
 * Browser tests drive Debian's Chromium (/usr/bin/chromium, installed by .ci/run) through playwright-core —
 * never a downloaded browser — against the real server on a loopback port, with the bundle built fresh.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { startServer, type RunningServer } from '../src/http/index.js';
import { buildWeb } from '../src/web/build.js';
import { fixtureStore, type Fixture } from './http-fixtures.js';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = new URL('../test-artifacts/', import.meta.url).pathname;
export const hasChromium = existsSync(CHROMIUM);

export interface Session {
  server: RunningServer;
  context: BrowserContext;
  fx: Fixture;
  close(): Promise<void>;
}

export async function openSession(): Promise<Session> {
  const webDir = await buildWeb(mkdtempSync(join(tmpdir(), 'clearly-bundle-')));
  const fx = await fixtureStore();
  const server = await startServer({ store: fx.store, port: 0, host: '127.0.0.1', token: null, webDir });
  const profile = mkdtempSync(join(tmpdir(), 'clearly-chromium-'));
  // A fresh profile directory per run (Playwright's persistent context is how a user-data dir is given).
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 900 }, acceptDownloads: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    server, context, fx,
    async close() {
      await context.close();
      await server.close();
      await fx.store.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
