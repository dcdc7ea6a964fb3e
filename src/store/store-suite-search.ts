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

  it('reports malformed queries, cursors and filters as usage errors', async () => {
    for (const text of ['"excessive force', 'force AND', '(force', 'force)', 'NOT force', 'force OR OR taser', '', '   ', '§ --', 'ta*ser']) {
      await expectClearlyError(store().search({ text }), 'usage');
    }
    await expectClearlyError(store().search({ text: 'force', cursor: 'garbage' }), 'usage');
    await expectClearlyError(store().search({ text: 'force', after: '3/2/2019' }), 'usage');
    await expectClearlyError(store().search({ text: 'force', limit: 0 }), 'usage');
  });
}
