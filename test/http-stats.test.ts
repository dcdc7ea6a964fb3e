/** Analytics and payouts endpoints: the same reports as `clearly stats` and `clearly payouts`. */
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureApp } from './http-fixtures.js';
import { expectProblem, getJson, type App } from './http-helpers.js';

let app: App;
beforeAll(async () => ({ app } = await fixtureApp()));

describe('analytics and payouts', () => {
  it('reports grant rates over the coded cases, with the notice', async () => {
    const r = await getJson(app, '/v1/stats/grant-rate?by=circuit');
    expect(r.status).toBe(200);
    expect(r.body.by).toBe('circuit');
    expect(r.body.overall.decisions).toBe(1); // the one coded fixture case
    expect(r.body.notice).toMatch(/not legal advice/i);
  });

  it('summarises an empty payouts ledger and lists no payouts', async () => {
    expect((await getJson(app, '/v1/payouts/summary')).body).toMatchObject({ count: 0, total_cents: 0 });
    expect((await getJson(app, '/v1/payouts?limit=5')).body).toEqual({ items: [], next_cursor: null });
  });

  it('answers bad parameters with problems', async () => {
    expectProblem(await getJson(app, '/v1/stats/grant-rate?by=planet'), 400, 'usage');
    expectProblem(await getJson(app, '/v1/stats/grant-rate?from=abc'), 400, 'usage');
    expectProblem(await getJson(app, '/v1/payouts?limit=-3'), 400, 'usage');
  });
});
