/**
 * /openapi.json is generated from the zod schemas that validate requests; this test fails when it differs from
 * the committed openapi.snapshot.json. After an intended API change, update the snapshot with:
 *   UPDATE_OPENAPI_SNAPSHOT=1 npx vitest run test/http-openapi.test.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixtureApp } from './http-fixtures.js';

const SNAPSHOT = new URL('../openapi.snapshot.json', import.meta.url);

describe('/openapi.json', () => {
  it('is an OpenAPI 3.1 document covering every endpoint', async () => {
    const { app } = await fixtureApp();
    const doc = await (await app.request('/openapi.json')).json() as any;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([
      '/healthz', '/v1/search', '/v1/search/export', '/v1/cases/{id}', '/v1/citations', '/v1/citation-lookup', '/v1/briefs/check',
      '/v1/assess', '/v1/assess/memo', '/v1/cases/{id}/qi-coding', '/v1/imports/cases', '/v1/stats/grant-rate', '/v1/payouts/summary', '/v1/qi/vocabulary',
    ]));
    expect(doc.components.schemas.Problem).toBeDefined();
  });

  it('matches the committed snapshot', async () => {
    const { app } = await fixtureApp();
    const text = `${JSON.stringify(await (await app.request('/openapi.json')).json(), null, 2)}\n`;
    if (process.env.UPDATE_OPENAPI_SNAPSHOT || !existsSync(SNAPSHOT)) {
      if (process.env.CI && !process.env.UPDATE_OPENAPI_SNAPSHOT) throw new Error('openapi.snapshot.json is missing: run UPDATE_OPENAPI_SNAPSHOT=1 npx vitest run test/http-openapi.test.ts');
      writeFileSync(SNAPSHOT, text);
    }
    const committed = readFileSync(SNAPSHOT, 'utf8');
    expect(text === committed, 'The API changed: if intended, run UPDATE_OPENAPI_SNAPSHOT=1 npx vitest run test/http-openapi.test.ts and commit openapi.snapshot.json').toBe(true);
  });
});
