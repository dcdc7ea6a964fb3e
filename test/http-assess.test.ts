/** The assessment endpoints: vocabulary, factors read from facts, the assessment and its memo downloads. */
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureApp } from './http-fixtures.js';
import { expectProblem, getJson, post, type App } from './http-helpers.js';

let app: App;
beforeAll(async () => ({ app } = await fixtureApp()));

const INCIDENT = {
  date: '2019-03-02', state: 'Ohio',
  facts: 'The officer released a police dog on a man who was sitting on the ground with his hands raised.',
};

describe('assessment API', () => {
  it('serves the form vocabulary', async () => {
    const r = await getJson(app, '/v1/assess/vocabulary');
    expect(r.status).toBe(200);
    expect(r.body.factors.map((f: any) => f.id)).toContain('force.k9_bite');
    expect(r.body.rights.map((x: any) => x.id)).toContain('fourth_amendment_excessive_force');
  });

  it('reads factors from plain words, with the words each came from', async () => {
    const r = await post(app, '/v1/assess/read-facts', { facts: INCIDENT.facts });
    expect(r.status).toBe(200);
    const k9 = r.body.factors.find((f: any) => f.id === 'force.k9_bite');
    expect(k9.evidence).toMatch(/dog/i);
  });

  it('assesses an incident and says it is not legal advice', async () => {
    const r = await post(app, '/v1/assess', INCIDENT);
    expect(r.status).toBe(200);
    expect(r.body.not_legal_advice).toMatch(/^Not legal advice/);
    expect(r.body.incident).toMatchObject({ date: '2019-03-02', circuit: '6' });
    expect(r.body.factor_readings.map((f: any) => f.id)).toContain('force.k9_bite');
    expect(Array.isArray(r.body.precedents)).toBe(true);
    expect(r.body.corpus.cases_examined).toBeGreaterThan(0);
  });

  it('downloads the memo as Markdown and DOCX', async () => {
    const md = await app.request('/v1/assess/memo?format=md', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(INCIDENT) });
    expect(md.status).toBe(200);
    expect(md.headers.get('content-disposition')).toMatch(/clearly-assessment-2019-03-02\.md/);
    expect(await md.text()).toMatch(/not legal advice/i);
    const docx = await app.request('/v1/assess/memo?format=docx', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(INCIDENT) });
    expect(docx.status).toBe(200);
    const bytes = new Uint8Array(await docx.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]); // a ZIP container
  });

  it('answers bad incidents with 4xx problems naming the field', async () => {
    expectProblem(await post(app, '/v1/assess', { ...INCIDENT, date: '2019-13-45' }), 422, 'bad_data');
    expectProblem(await post(app, '/v1/assess', { ...INCIDENT, date: 20190302 }), 400, 'usage');
    expectProblem(await post(app, '/v1/assess', { ...INCIDENT, factors: ['force.nonsense'] }), 422, 'bad_data');
    expectProblem(await post(app, '/v1/assess', { ...INCIDENT, state: 'Atlantis' }), 422, 'bad_data');
    expectProblem(await post(app, '/v1/assess', { date: '2019-03-02', state: 'Ohio' }), 422, 'bad_data');
    expectProblem(await post(app, '/v1/assess', { ...INCIDENT, surprise: 1 }), 400, 'usage');
    expectProblem(await post(app, '/v1/assess', { ...INCIDENT, facts: 'x'.repeat(20_001) }), 400, 'usage');
    expectProblem(await post(app, '/v1/assess/memo?format=exe', INCIDENT), 400, 'usage');
    expectProblem(await post(app, '/v1/assess/read-facts', { facts: null }), 400, 'usage');
  });
});
