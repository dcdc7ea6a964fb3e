/** GET /v1/search and /v1/search/export: filters, snippets as text + offsets, cursor pages, streaming exports. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureApp } from './http-fixtures.js';
import { expectProblem, getJson, type App } from './http-helpers.js';
import type { Store } from '../src/store/index.js';

let app: App;
let ids: Record<string, string>;
let store: Store;
beforeAll(async () => {
  ({ app, ids, store } = await fixtureApp());
  // Besides Doe v. Roe (AFFIRM_DENIAL, force.k9_bite): a coded grant reversed and a coded case deciding no QI.
  await store.putQiCoding({ case_id: ids.poe!, coder: 'machine', coding: {
    decides_qi: true, outcome: 'REVERSE_GRANT', factors: [{ id: 'force.k9_bite', evidence: 'A police dog was released on a man who had surrendered.' },
      { id: 'subject.surrendered_hands_up', evidence: 'A police dog was released on a man who had surrendered.' }],
  } });
  await store.putQiCoding({ case_id: ids['twin-a']!, coder: 'machine', coding: { decides_qi: false, outcome: null, factors: [] } });
});

const found = async (path: string): Promise<string[]> => {
  const r = await getJson(app, path);
  expect(r.status, path).toBe(200);
  return r.body.items.map((h: any) => h.case.id).sort();
};

describe('GET /v1/search', () => {
  it('finds cases by words, with plain-text snippets and highlight offsets', async () => {
    const r = await getJson(app, '/v1/search?q=police%20dog');
    expect(r.status).toBe(200);
    const names = r.body.items.map((h: any) => h.case.case_name);
    expect(names).toEqual(expect.arrayContaining(['Doe v. Roe', 'Poe v. Moe']));
    for (const h of r.body.items) {
      expect(h.snippet).not.toMatch(/<mark>|\uE000/);
      expect(h.highlights.length).toBeGreaterThan(0);
      for (const [s, e] of h.highlights) expect(h.snippet.slice(s, e).toLowerCase()).toMatch(/police|dog/);
    }
  });

  it('applies court, circuit, date and published filters', async () => {
    expect((await getJson(app, '/v1/search?q=police&before=2013-01-01')).body.items.map((h: any) => h.case.id)).toEqual([ids.poe]);
    expect((await getJson(app, '/v1/search?q=opinion&circuit=5&published=true')).body.items.map((h: any) => h.case.id)).toEqual([ids['twin-a']]);
    expect((await getJson(app, '/v1/search?q=police&court=ca5')).body.items).toEqual([]);
  });

  it('lists cases by filter when there is no query, and pages with the cursor', async () => {
    const first = await getJson(app, '/v1/search?circuit=6&limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0].score).toBeNull();
    const second = await getJson(app, `/v1/search?circuit=6&limit=2&cursor=${encodeURIComponent(first.body.next_cursor)}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.next_cursor).toBeNull();
    const all = [...first.body.items, ...second.body.items].map((h: any) => h.case.id);
    expect(new Set(all).size).toBe(3);
  });

  it('answers bad parameters with 400 problem bodies', async () => {
    expectProblem(await getJson(app, '/v1/search?q=dog&after=3/2/2019'), 400, 'usage');
    expectProblem(await getJson(app, '/v1/search?q=dog&limit=abc'), 400, 'usage');
    expectProblem(await getJson(app, '/v1/search?q=dog&limit=0'), 400, 'usage');
    expectProblem(await getJson(app, '/v1/search?q=dog&circuit=99'), 400, 'usage');
    expectProblem(await getJson(app, '/v1/search?q=a&q=b'), 400, 'usage');
    expectProblem(await getJson(app, `/v1/search?q=${'x'.repeat(2001)}`), 400, 'usage');
    expectProblem(await getJson(app, '/v1/search?q=dog&cursor=not-a-cursor'), 400, 'usage');
  });

  it('never fails on hostile query strings', async () => {
    for (const q of ['"', '((', 'NOT', 'OR OR', 'dog*"*', 'NEAR(a b)', 'col:dog', '\u0000', '%', '<script>', "'; DROP TABLE cases; --", '\uE000\uE001']) {
      const r = await getJson(app, `/v1/search?q=${encodeURIComponent(q)}`);
      expect(r.status, q).toBeLessThan(500);
      if (r.status !== 200) expectProblem(r, r.status);
    }
  });
});

describe('GET /v1/search: QI filters', () => {
  it('keeps cases whose coding decides qualified immunity', async () => {
    expect(await found('/v1/search?decides_qi=true')).toEqual([ids.doe, ids.poe].sort());
    expect(await found('/v1/search?q=police&decides_qi=true&before=2013-01-01')).toEqual([ids.poe]);
    const not = await found('/v1/search?decides_qi=false');
    expect(not).toContain(ids['twin-a']);
    expect(not).not.toContain(ids.doe);
    expect(not).not.toContain(ids.poe);
  });

  it('matches any of several outcome codes', async () => {
    expect(await found('/v1/search?qi_outcome=AFFIRM_DENIAL')).toEqual([ids.doe]);
    expect(await found('/v1/search?q=police&qi_outcome=REVERSE_GRANT')).toEqual([ids.poe]);
    expect(await found('/v1/search?q=police&qi_outcome=AFFIRM_DENIAL&qi_outcome=REVERSE_GRANT')).toEqual([ids.doe, ids.poe].sort());
    expect(await found('/v1/search?qi_outcome=GVR')).toEqual([]);
  });

  it('requires every factor given', async () => {
    expect(await found('/v1/search?factor=force.k9_bite')).toEqual([ids.doe, ids.poe].sort());
    expect(await found('/v1/search?q=dog&factor=force.k9_bite&factor=subject.surrendered_hands_up')).toEqual([ids.poe]);
    expect(await found('/v1/search?factor=force.k9_bite&qi_outcome=AFFIRM_DENIAL&circuit=6')).toEqual([ids.doe]);
    expect(await found('/v1/search?factor=force.taser_probe')).toEqual([]);
  });

  it('applies the same filters to exports', async () => {
    const res = await app.request('/v1/search/export?format=ndjson&factor=subject.surrendered_hands_up');
    expect((await res.text()).trim().split('\n').map((l) => JSON.parse(l).case.id)).toEqual([ids.poe]);
  });

  it('refuses unknown codes, factors and values with 400 problems', async () => {
    expectProblem(await getJson(app, '/v1/search?qi_outcome=denied'), 400, 'usage');
    expectProblem(await getJson(app, '/v1/search?qi_outcome=AFFIRM_DENIAL&qi_outcome=nope'), 400, 'usage');
    expectProblem(await getJson(app, '/v1/search?factor=force.nope'), 400, 'usage');
    expectProblem(await getJson(app, '/v1/search?decides_qi=yes'), 400, 'usage');
    const many = Array.from({ length: 51 }, () => 'factor=force.k9_bite').join('&');
    expectProblem(await getJson(app, `/v1/search?${many}`), 400, 'usage');
    const r = await getJson(app, '/v1/search?factor=%3Cscript%3E');
    expectProblem(r, 400, 'usage');
    expect(r.body.detail).toMatch(/factor/);
  });

  it('serves the outcome codes and factors from data/qi for the filter controls', async () => {
    const r = await getJson(app, '/v1/qi/vocabulary');
    expect(r.status).toBe(200);
    const codes = JSON.parse(readFileSync(new URL('../data/qi/outcomes.json', import.meta.url), 'utf8')).outcomes.map((o: any) => o.code);
    expect(r.body.outcomes.map((o: any) => o.code)).toEqual(codes);
    expect(r.body.outcomes.every((o: any) => o.meaning.length > 0)).toBe(true);
    expect(r.body.factors.find((f: any) => f.id === 'force.k9_bite')).toMatchObject({ group: 'force', label: expect.any(String) });
  });
});

describe('GET /v1/search/export', () => {
  it('streams NDJSON, one hit per line', async () => {
    const res = await app.request('/v1/search/export?q=police&format=ndjson');
    expect(res.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.case.case_name).sort()).toEqual(['Doe v. Roe', 'Poe v. Moe']);
  });

  it('streams CSV with a header, across pages, capped by max', async () => {
    const res = await app.request('/v1/search/export?format=csv&circuit=6');
    const rows = (await res.text()).trim().split('\r\n');
    expect(rows[0]).toBe('id,case_name,court_id,circuit,decision_date,docket_number,precedential_status,citations,score,snippet');
    expect(rows).toHaveLength(4);
    const capped = (await (await app.request('/v1/search/export?format=csv&max=1')).text()).trim().split('\r\n');
    expect(capped).toHaveLength(2);
  });

  it('refuses a bad format before streaming', async () => {
    expectProblem(await getJson(app, '/v1/search/export?format=xml'), 400, 'usage');
  });
});
