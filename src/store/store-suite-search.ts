import { beforeEach, expect, it } from 'vitest';
import { caseIdFor } from './records.js';
import type { StoreGetter } from './store-suite.js';
import { caseInput, expectClearlyError, FILLER } from './store-suite-fixtures.js';
import type { SearchQuery } from './types.js';

const id = (n: string): string => caseIdFor('test', `cluster:${n}`);
const op = (n: string, text: string) => [{ source_id: `opinion:${n}`, type: 'majority', text }];

export function searchSuite(store: StoreGetter): void {
  const ids = async (q: Partial<SearchQuery> & { text: string }) => (await store().search(q)).items.map((h) => h.case.id);

  beforeEach(async () => {
    await store().upsertCases({ cases: [
      caseInput('name', { case_name: 'Excessive Force Claimants v. City of Akron', opinions: op('name', `${FILLER} The officers moved for summary judgment.`) }),
      caseInput('body', { case_name: 'Jones v. Town of Milford', opinions: op('body', `${FILLER} The plaintiff alleged excessive force during the arrest. ${FILLER}`) }),
      caseInput('terms', { case_name: 'Brown v. County', court_id: 'ca1', circuit: '1', decision_date: '2005-03-01', precedential_status: 'unpublished',
        opinions: op('terms', 'The force used was not excessive given the threat the suspect posed.') }),
      caseInput('taser', { case_name: 'Smith v. Doe', court_id: 'ca5', circuit: '5', decision_date: '2019-07-04',
        opinions: op('taser', 'The officer deployed a taser; such force against a compliant man is unreasonable.') }),
    ] });
  });

  it('ranks a phrase in the case name above the same phrase once in the body', async () => {
    expect(await ids({ text: '"excessive force"' })).toEqual([id('name'), id('body')]);
  });

  it('treats a phrase as adjacent words and separate terms as all required anywhere', async () => {
    expect(await ids({ text: '"force excessive"' })).toEqual([]);
    expect((await ids({ text: 'excessive force' })).sort()).toEqual([id('name'), id('body'), id('terms')].sort());
  });

  it('supports AND, OR, NOT, parentheses and prefixes', async () => {
    expect(await ids({ text: 'taser OR threat' })).toHaveLength(2);
    expect((await ids({ text: 'force NOT (taser OR threat)' })).sort()).toEqual([id('name'), id('body')].sort());
    expect(await ids({ text: 'force AND compliant' })).toEqual([id('taser')]);
    expect(await ids({ text: 'tase*' })).toEqual([id('taser')]);
    expect(await ids({ text: 'U.S.C. § taser' })).toEqual([]); // punctuation is searched as words, never as syntax
  });

  it('filters by court, circuit, dates and publication', async () => {
    expect(await ids({ text: 'force', courts: ['ca1', 'ca5'] })).toHaveLength(2);
    expect(await ids({ text: 'force', circuit: '1' })).toEqual([id('terms')]);
    expect(await ids({ text: 'force', after: '2010-06-01' })).toEqual([id('taser')]);
    expect(await ids({ text: 'force', before: '2010-06-01' })).toEqual([id('terms')]);
    expect(await ids({ text: 'force', published: true })).not.toContain(id('terms'));
  });

  it('returns snippets with the matched terms highlighted', async () => {
    const hits = (await store().search({ text: '"excessive force"', courts: ['ca6'], circuit: '6', before: '2011-01-01' })).items;
    expect(hits.map((h) => h.case.id)).toEqual([id('name'), id('body')]);
    const hit = hits.find((h) => h.case.id === id('body'));
    expect(hit?.snippet).toContain('<mark>excessive force</mark>');
    expect(hit?.opinion_id).toBeTruthy();
    const [t] = (await store().search({ text: 'taser', highlight: { open: '[', close: ']' } })).items;
    expect(t?.snippet).toContain('[taser]');
    expect(t?.score).toBeGreaterThan(0);
  });

  it('pages through every hit exactly once', async () => {
    const many = Array.from({ length: 23 }, (_, i) => caseInput(`p${i}`, {
      opinions: op(`p${i}`, i % 2 ? 'pagination pagination test' : `pagination test ${'word '.repeat(i)}`),
    }));
    await store().upsertCases({ cases: many });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store().search({ text: 'pagination', limit: 5, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(5);
      seen.push(...page.items.map((h) => h.case.id));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
  });

  it('filters by the QI coding that counts (human over machine): decides_qi, any outcome, all factors', async () => {
    const hit = (f: string) => ({ id: f, evidence: 'Fictional evidence sentence.', confidence: 0.9 });
    const coding = (decides: boolean, outcome: string | null, factors: string[]) =>
      ({ decides_qi: decides, outcome, factors: factors.map(hit), precedents: [] });
    // name: machine says AFFIRM_GRANT with a taser; a human corrected it to AFFIRM_DENIAL with a dog bite too.
    await store().putQiCoding({ case_id: id('name'), coder: 'machine', coding: coding(true, 'AFFIRM_GRANT', ['force.taser_probe']) });
    await store().putQiCoding({ case_id: id('name'), coder: 'human', coding: coding(true, 'AFFIRM_DENIAL', ['force.taser_probe', 'force.k9_bite']) });
    await store().putQiCoding({ case_id: id('body'), coder: 'machine', coding: coding(true, 'REVERSE_DENIAL', ['force.taser_probe']) });
    await store().putQiCoding({ case_id: id('terms'), coder: 'machine', coding: coding(false, null, []) });
    // taser: no coding at all, so no QI filter keeps it.

    const sorted = async (q: Partial<SearchQuery>) => (await ids({ text: 'force', ...q })).sort();
    expect(await sorted({ decides_qi: true })).toEqual([id('name'), id('body')].sort());
    expect(await sorted({ decides_qi: false })).toEqual([id('terms')]);
    expect(await sorted({ qi_outcomes: ['AFFIRM_DENIAL'] })).toEqual([id('name')]);
    expect(await sorted({ qi_outcomes: ['AFFIRM_GRANT'] })).toEqual([]); // the machine's outcome no longer counts
    expect(await sorted({ qi_outcomes: ['AFFIRM_DENIAL', 'REVERSE_DENIAL'] })).toEqual([id('name'), id('body')].sort());
    expect(await sorted({ factors: ['force.taser_probe'] })).toEqual([id('name'), id('body')].sort());
    expect(await sorted({ factors: ['force.taser_probe', 'force.k9_bite'] })).toEqual([id('name')]);
    expect(await sorted({ factors: ['force.k9_bite', 'force.k9_bite', 'force.taser_probe'] })).toEqual([id('name')]);
    expect(await sorted({ factors: ['force.k9_bite', 'subject.fictional_factor'] })).toEqual([]);
    expect(await sorted({ decides_qi: true, qi_outcomes: ['REVERSE_DENIAL'], circuit: '6' })).toEqual([id('body')]);

    // A later machine re-coding changes nothing while the human row stands; a human correction applies at once.
    await store().putQiCoding({ case_id: id('name'), coder: 'machine', coding: coding(false, 'GVR', []) });
    expect(await sorted({ qi_outcomes: ['AFFIRM_DENIAL'] })).toEqual([id('name')]);
    await store().putQiCoding({ case_id: id('body'), coder: 'human', coding: coding(true, 'REVERSE_DENIAL', ['force.k9_bite']) });
    expect(await sorted({ factors: ['force.taser_probe'] })).toEqual([id('name')]);
    expect(await sorted({ factors: ['force.k9_bite'] })).toEqual([id('name'), id('body')].sort());

    // listCases applies the same filters.
    const listed = (await store().listCases({ factors: ['force.k9_bite'], qi_outcomes: ['AFFIRM_DENIAL'] })).items.map((c) => c.id);
    expect(listed).toEqual([id('name')]);
  });

  it('pages a selective filter over many better-ranked matches in rank order, each hit once', async () => {
    // 60 matches; the 4 in circuit 7 rank last (one occurrence in a long text), so small pages must look past
    // far more than a page's worth of better matches outside the filter.
    await store().upsertCases({ cases: Array.from({ length: 60 }, (_, i) => caseInput(`w${i}`, {
      circuit: i % 15 === 14 ? '7' : '6',
      opinions: op(`w${i}`, i % 15 === 14 ? `${FILLER} widening ${FILLER}` : `widening widening ${'word '.repeat(i % 7)}`),
    })) });
    const seen: string[] = [];
    const scores: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await store().search({ text: 'widening', circuit: '7', limit: 1, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((h) => h.case.id));
      scores.push(...page.items.map((h) => h.score));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual([14, 29, 44, 59].map((i) => id(`w${i}`)).sort());
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect((await ids({ text: 'widening', circuit: '7', limit: 3 })).length).toBe(3);
  });

  it('answers the same after optimizeSearchIndex (the importer calls it after a bulk import)', async () => {
    const queries = ['force', '"excessive force"', 'taser OR threat', 'force NOT deadly'];
    const before = await Promise.all(queries.map((text) => store().search({ text })));
    await store().optimizeSearchIndex();
    await store().optimizeSearchIndex();
    expect(await Promise.all(queries.map((text) => store().search({ text })))).toEqual(before);
    await store().upsertCases({ cases: [caseInput('late', { opinions: op('late', 'A later taser case.') })] });
    expect(await ids({ text: 'taser' })).toContain(id('late'));
  });

  it('reports malformed queries, cursors and filters as usage errors', async () => {
    for (const text of ['"excessive force', 'force AND', '(force', 'force)', 'NOT force', 'force OR OR taser', '', '   ', '§ --', 'ta*ser']) {
      await expectClearlyError(store().search({ text }), 'usage');
    }
    await expectClearlyError(store().search({ text: 'force', cursor: 'garbage' }), 'usage');
    // Well-formed cursors of the wrong shape: another listing's, a short key, a key with the wrong types.
    const cursorOf = (k: string, v: unknown[]): string => Buffer.from(JSON.stringify({ k, v })).toString('base64url');
    for (const cursor of [cursorOf('cases', [1.5, 'x']), cursorOf('search', [1.5]), cursorOf('search', ['1.5', 'x']),
      cursorOf('search', [1.5, 7]), cursorOf('search', [1.5, 'x', 'y'])]) {
      await expectClearlyError(store().search({ text: 'force', cursor }), 'usage');
    }
    await expectClearlyError(store().search({ text: 'force', after: '3/2/2019' }), 'usage');
    await expectClearlyError(store().search({ text: 'force', limit: 0 }), 'usage');
    await expectClearlyError(store().search({ text: 'force', decides_qi: 'yes' as unknown as boolean }), 'usage');
    await expectClearlyError(store().search({ text: 'force', factors: 'force.k9_bite' as unknown as string[] }), 'usage');
    await expectClearlyError(store().search({ text: 'force', qi_outcomes: Array.from({ length: 51 }, (_, i) => `X${i}`) }), 'usage');
  });
}
