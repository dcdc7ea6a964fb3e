/** POST /v1/citations (the findCitations contract), /v1/citation-lookup (CourtListener semantics), /v1/briefs/check. */
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureApp } from './http-fixtures.js';
import { expectProblem, post, type App } from './http-helpers.js';

let app: App;
let ids: Record<string, string>;
beforeAll(async () => ({ app, ids } = await fixtureApp()));

const TEXT = 'See Doe v. Roe, 800 F.3d 100, 104 (6th Cir. 2015); Twin v. State, 400 F.3d 10 (5th Cir. 2005); ' +
  'Made Up v. Case, 123 F.4th 456 (9th Cir. 2022); Odd v. Cite, 12 Xyz. Rptr. 34 (2001). Id. at 105. 42 U.S.C. § 1983.';

describe('POST /v1/citations', () => {
  it('returns the same citation objects as clearly cite --json', async () => {
    const r = await post(app, '/v1/citations', { text: 'See Graham v. Connor, 490 U.S. 386, 396 (1989). Id. at 397.' });
    expect(r.status).toBe(200);
    expect(r.body).toHaveLength(2);
    expect(r.body[0]).toMatchObject({ type: 'case', volume: '490', reporter: 'U.S.', page: '386', pin_cite: '396', year: 1989, plaintiff: 'Graham' });
    expect(r.body[1]).toMatchObject({ type: 'id', resolves_to: 0 });
  });

  it('reads HTML when asked, with offsets into the HTML', async () => {
    const html = '<p>See <i>Graham v. Connor</i>, 490 U.S. 386 (1989).</p>';
    const r = await post(app, '/v1/citations', { text: html, html: true });
    const [s, e] = r.body[0].source_span;
    expect(html.slice(s, e)).toBe('490 U.S. 386');
  });

  it('answers malformed bodies with 4xx problems', async () => {
    expectProblem(await post(app, '/v1/citations', '{"text": '), 400, 'usage');
    expectProblem(await post(app, '/v1/citations', { text: 42 }), 400, 'usage');
    expectProblem(await post(app, '/v1/citations', { text: 'x', extra: true }), 400, 'usage');
    expectProblem(await post(app, '/v1/citations', []), 400, 'usage');
    expectProblem(await post(app, '/v1/citations', 'null'), 400, 'usage');
    expectProblem(await post(app, '/v1/citations', { text: 'x' }, { 'content-type': 'text/plain' }), 415);
    expectProblem(await post(app, '/v1/citations', { text: 'a'.repeat(9 << 20) }), 413, 'input_too_large');
  });
});

describe('POST /v1/citation-lookup', () => {
  it('says found / ambiguous / not found / unknown reporter per citation, with offsets in the text', async () => {
    const r = await post(app, '/v1/citation-lookup', { text: TEXT });
    expect(r.status).toBe(200);
    const by = Object.fromEntries(r.body.map((x: any) => [x.citation, x]));
    expect(by['800 F.3d 100']).toMatchObject({ status: 200, result: 'found', cases: [{ id: ids.doe }] });
    expect(by['400 F.3d 10']).toMatchObject({ status: 300, result: 'ambiguous' });
    expect(by['400 F.3d 10'].cases).toHaveLength(2);
    expect(by['123 F.4th 456']).toMatchObject({ status: 404, result: 'not_found', cases: [] });
    expect(by['123 F.4th 456'].error_message).toMatch(/not found/);
    expect(by['12 Xyz. Rptr. 34']).toMatchObject({ status: 400, result: 'unknown_reporter' });
    for (const x of r.body) expect(TEXT.slice(x.start_index, x.end_index)).toBe(x.citation);
    expect(r.body).toHaveLength(4); // id. and the statute are not case citations to look up
  });

  it('looks up at most 250 distinct citations and marks the rest 429, as CourtListener does', async () => {
    const text = Array.from({ length: 260 }, (_, i) => `${i + 1} F.3d ${i + 1}`).join('; ');
    const r = await post(app, '/v1/citation-lookup', { text });
    expect(r.body).toHaveLength(260);
    expect(r.body.filter((x: any) => x.status === 429)).toHaveLength(10);
  });

  it('answers malformed bodies with 4xx problems', async () => {
    expectProblem(await post(app, '/v1/citation-lookup', '{'), 400);
    expectProblem(await post(app, '/v1/citation-lookup', { txt: 'x' }), 400);
  });
});

describe('POST /v1/briefs/check', () => {
  const upload = (body: string | Uint8Array, type: string, qs = '') =>
    app.request(`/v1/briefs/check?name=brief.txt${qs}`, { method: 'POST', headers: { 'content-type': type }, body });

  it('checks a text brief and returns offsets into the text shown', async () => {
    const res = await upload(TEXT, 'text/plain');
    expect(res.status).toBe(200);
    const r = await res.json() as any;
    expect(r.kind).toBe('text');
    expect(r.counts).toMatchObject({ found: 1, ambiguous: 1, not_found: 1 });
    for (const c of r.citations) expect(r.text.slice(c.start, c.end)).toContain(c.volume);
    expect(r.not_legal_advice).toMatch(/Not legal advice/);
  });

  it('warns about decisions after the incident date', async () => {
    const r = await (await upload(TEXT, 'text/plain', '&date=2010-01-01&circuit=6')).json() as any;
    const doe = r.citations.find((c: any) => c.volume === '800');
    expect(doe.warnings.map((w: any) => w.code)).toContain('after_incident');
  });

  it('refuses empty, broken and oversized uploads with problems', async () => {
    expect((await upload('', 'text/plain')).status).toBe(400);
    const broken = await upload('%PDF-1.7 this is not really a pdf', 'application/pdf');
    expect(broken.status).toBe(422);
    expect(broken.headers.get('content-type')).toBe('application/problem+json');
    expect((await upload(new Uint8Array(26 << 20), 'application/pdf')).status).toBe(413);
    expect((await upload(TEXT, 'text/plain', '&date=yesterday')).status).toBe(400);
  });
});
