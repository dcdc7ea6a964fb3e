/** GET /v1/cases/{id}: linked citations, QI evidence located in the text, the citation graph. */
import { beforeAll, describe, expect, it } from 'vitest';
import { DOE_TEXT, fixtureApp } from './http-fixtures.js';
import { expectProblem, getJson, type App } from './http-helpers.js';

let app: App;
let ids: Record<string, string>;
beforeAll(async () => ({ app, ids } = await fixtureApp()));

describe('GET /v1/cases/{id}', () => {
  it('links each citation to the case the store holds, with offsets into the opinion text', async () => {
    const r = await getJson(app, `/v1/cases/${ids.doe}`);
    expect(r.status).toBe(200);
    expect(r.body.case.case_name).toBe('Doe v. Roe');
    const op = r.body.opinions[0];
    expect(op.text).toBe(DOE_TEXT);
    const byText = Object.fromEntries(op.citations.map((c: any) => [c.text, c]));
    const poe = byText['700 F.3d 50'];
    expect(op.text.slice(poe.start, poe.end)).toBe('700 F.3d 50');
    expect(poe).toMatchObject({ result: 'found', target: { id: ids.poe, case_name: 'Poe v. Moe' } });
    expect(byText['999 F.3d 999']).toMatchObject({ result: 'not_found', target: null });
    expect(byText['12 Xyz. Rptr. 34']).toMatchObject({ result: 'unknown_reporter' });
    const id = op.citations.find((c: any) => c.type === 'id');
    expect(id).toMatchObject({ resolves_to: poe.index, result: 'found' });
  });

  it('returns the QI coding and locates its evidence sentences', async () => {
    const { body } = await getJson(app, `/v1/cases/${ids.doe}`);
    expect(body.qi_coding).toMatchObject({ coder: 'machine', coding: { outcome: 'AFFIRM_DENIAL' } });
    const hl = body.opinions[0].highlights;
    expect(hl.map((h: any) => h.supports).sort()).toEqual(['force.k9_bite', 'outcome']);
    for (const h of hl) expect(body.opinions[0].text.slice(h.start, h.end)).toMatch(/police dog|qualified immunity is denied/);
  });

  it('lists cited and citing cases', async () => {
    const { body } = await getJson(app, `/v1/cases/${ids.doe}`);
    expect(body.cites.items.map((e: any) => e.case?.id ?? null)).toEqual(expect.arrayContaining([ids.poe, null]));
    const citedBy = await getJson(app, `/v1/cases/${ids.poe}/cited-by`);
    expect(citedBy.body.items.map((e: any) => e.citing_case_id)).toEqual([ids.doe]);
    const cites = await getJson(app, `/v1/cases/${ids.doe}/cites?limit=1`);
    expect(cites.body.items).toHaveLength(1);
    expect(cites.body.next_cursor).toEqual(expect.any(String));
  });

  it('answers a missing or malformed id with a problem body', async () => {
    expectProblem(await getJson(app, '/v1/cases/c_nope'), 404, 'not_found');
    expectProblem(await getJson(app, '/v1/cases/c_nope/cites'), 404, 'not_found');
    expectProblem(await getJson(app, `/v1/cases/${'x'.repeat(300)}`), 400, 'usage');
    expectProblem(await getJson(app, `/v1/cases/${ids.doe}/cites?cursor=%%%`), 400);
    expectProblem(await getJson(app, '/v1/cases/..%2F..%2Fetc%2Fpasswd'), 404, 'not_found');
  });

  it('keeps an opinion with script payloads as text', async () => {
    const { body } = await getJson(app, `/v1/cases/${ids.hostile}`);
    expect(body.opinions[0].text).toContain('<script>');
    expect(body.opinions[0].citations[0]).toMatchObject({ text: '800 F.3d 100', target: { id: ids.doe } });
  });
});
