/** Writes are off without a token, and need the right Bearer token when one is configured. */
import { describe, expect, it } from 'vitest';
import { DOE_CODING, fixtureApp, TOKEN } from './http-fixtures.js';
import { expectProblem, getJson, type App } from './http-helpers.js';

const put = (app: App, path: string, body: unknown, auth?: string) => app.request(path, {
  method: 'PUT', headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) }, body: JSON.stringify(body),
});
const send = async (p: Response | Promise<Response>) => {
  const res = await p;
  return { status: res.status, body: await res.json() as any, res };
};

const { coded_by: _ignored, ...CORRECTION } = { ...DOE_CODING, outcome: 'granted', who: 'Reviewer A' };

describe('writes', () => {
  it('are refused with 403 when the server has no token', async () => {
    const { app, ids } = await fixtureApp();
    expectProblem(await send(put(app, `/v1/cases/${ids.doe}/qi-coding`, CORRECTION)), 403, 'writes_disabled');
    expectProblem(await send(app.request('/v1/imports/cases', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })), 403);
  });

  it('need the configured Bearer token', async () => {
    const { app, ids } = await fixtureApp({ token: TOKEN });
    const none = await send(put(app, `/v1/cases/${ids.doe}/qi-coding`, CORRECTION));
    expectProblem(none, 401, 'unauthorized');
    expect(none.res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expectProblem(await send(put(app, `/v1/cases/${ids.doe}/qi-coding`, CORRECTION, 'Bearer wrong-token-wrong-token')), 401);
    expectProblem(await send(put(app, `/v1/cases/${ids.doe}/qi-coding`, CORRECTION, `Basic ${TOKEN}`)), 401);
  });

  it('store a human correction that then counts, keeping the machine row', async () => {
    const { app, ids, store } = await fixtureApp({ token: TOKEN });
    const r = await send(put(app, `/v1/cases/${ids.doe}/qi-coding`, CORRECTION, `Bearer ${TOKEN}`));
    expect(r.status).toBe(200);
    const view = await getJson(app, `/v1/cases/${ids.doe}`);
    expect(view.body.qi_coding).toMatchObject({ coder: 'human', coding: { outcome: 'granted', coded_by: { coder: 'human', who: 'Reviewer A' } } });
    expect((await store.listQiCodings(ids.doe!)).map((c) => c.coder).sort()).toEqual(['human', 'machine']);
  });

  it('validate corrections and refuse unknown cases', async () => {
    const { app, ids } = await fixtureApp({ token: TOKEN });
    const auth = `Bearer ${TOKEN}`;
    expectProblem(await send(put(app, `/v1/cases/${ids.doe}/qi-coding`, { ...CORRECTION, prong1: 'maybe' }, auth)), 400, 'usage');
    expectProblem(await send(put(app, `/v1/cases/${ids.doe}/qi-coding`, { ...CORRECTION, typo_field: 1 }, auth)), 400, 'usage');
    expectProblem(await send(put(app, '/v1/cases/c_missing/qi-coding', CORRECTION, auth)), 404, 'not_found');
  });

  it('import cases, reporting bad records as 4xx without storing them', async () => {
    const { app, store } = await fixtureApp({ token: TOKEN });
    const before = (await store.stats()).cases;
    const body = { cases: [{ source: 'api', source_id: 'n1', case_name: 'New v. Case', court_id: 'ca6', decision_date: '2020-01-01', opinions: [{ source_id: 'o1', type: 'majority', text: 'A new opinion about a police dog.' }] }] };
    const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    const ok = await send(app.request('/v1/imports/cases', { method: 'POST', headers: auth, body: JSON.stringify(body) }));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ inserted: 1, ids: [expect.any(String)] });
    const again = await send(app.request('/v1/imports/cases', { method: 'POST', headers: auth, body: JSON.stringify(body) }));
    expect(again.body).toMatchObject({ inserted: 0, unchanged: 1 });
    const bad = { cases: [{ ...body.cases[0], decision_date: 'last year' }] };
    expectProblem(await send(app.request('/v1/imports/cases', { method: 'POST', headers: auth, body: JSON.stringify(bad) })), 400);
    expect((await store.stats()).cases).toBe(before + 1);
  });
});
