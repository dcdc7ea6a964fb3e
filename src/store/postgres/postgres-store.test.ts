/** The store's behavioural suite against a real PostgreSQL server (see test-server.ts for where it comes from). */
import { afterAll, describe, it } from 'vitest';
import { openStore } from '../open.js';
import { runStoreSuite } from '../store-suite.js';
import { schemas, startTestServer } from './test-server.js';

const server = startTestServer();

if ('skip' in server) {
  describe.skip('Store: postgres', () => it(server.skip, () => {}));
} else {
  const db = schemas(server.url);
  afterAll(async () => { await db.drop(); server.stop(); });
  runStoreSuite('postgres (real server)', async () => openStore({ database_url: await db.fresh(), env: {} }));
}
