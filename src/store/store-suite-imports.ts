import { expect, it } from 'vitest';
import { caseIdFor } from './records.js';
import type { StoreGetter } from './store-suite.js';
import { caseInput, expectClearlyError, link } from './store-suite-fixtures.js';
import type { RejectInput } from './types.js';

const reject = (over: Partial<RejectInput> = {}): RejectInput =>
  ({ import_key: 'cl-bulk', file: 'opinions.csv', line: 7, record_id: null, reason: 'bad date', excerpt: 'x,y', ...over });

export function importsSuite(store: StoreGetter): void {
  it('keeps a human QI coding when the machine re-codes the case', async () => {
    const { ids: [a, b] } = await store().upsertCases({ cases: [caseInput('a'), caseInput('b')] });
    await store().putQiCoding({ case_id: a!, coder: 'machine', coding: { outcome: 'granted' } });
    await store().putQiCoding({ case_id: a!, coder: 'human', coding: { outcome: 'denied' } });
    await store().putQiCoding({ case_id: a!, coder: 'machine', coding: { outcome: 'granted', prong: 2 } });
    await store().putQiCoding({ case_id: b!, coder: 'machine', coding: { outcome: 'granted' } });
    expect((await store().getQiCoding(a!))).toMatchObject({ coder: 'human', coding: { outcome: 'denied' } });
    expect((await store().listQiCodings(a!)).map((c) => [c.coder, c.coding])).toEqual([
      ['human', { outcome: 'denied' }], ['machine', { outcome: 'granted', prong: 2 }]]);
    const bulk = await store().getQiCodings([a!, b!, 'c_none']);
    expect([...bulk.keys()].sort()).toEqual([a!, b!].sort());
    expect(bulk.get(a!)?.coder).toBe('human');
    expect(await store().getQiCoding('c_none')).toBeNull();
    await expectClearlyError(store().putQiCoding({ case_id: 'c_none', coder: 'machine', coding: {} }), 'not_found');
  });

  it('keeps an identical machine re-coding as it was', async () => {
    const { ids: [a] } = await store().upsertCases({ cases: [caseInput('a')] });
    await store().putQiCoding({ case_id: a!, coder: 'machine', coding: { outcome: 'granted' }, created_at: '2020-01-01T00:00:00Z' });
    await store().putQiCoding({ case_id: a!, coder: 'machine', coding: { outcome: 'granted' } });
    expect((await store().getQiCoding(a!))?.created_at).toBe('2020-01-01T00:00:00Z');
  });

  it('commits a checkpoint with its batch', async () => {
    await store().upsertCases({ cases: [caseInput('a')], rejects: [reject()], checkpoint: { import_key: 'cl-bulk', state: { offset: 100 } } });
    expect(await store().getCheckpoint('cl-bulk')).toEqual({ offset: 100 });
    await store().setCheckpoint('cl-bulk', { offset: 200, file: 'b.csv' });
    expect(await store().getCheckpoint('cl-bulk')).toEqual({ offset: 200, file: 'b.csv' });
    await store().setCheckpoint('cl-bulk', null);
    expect(await store().getCheckpoint('cl-bulk')).toBeNull();
  });

  it('leaves neither rows nor checkpoint when a batch fails mid-way', async () => {
    await store().setCheckpoint('cl-bulk', { offset: 1 });
    const failing = store().upsertCases({
      cases: [caseInput('a'), caseInput('b')],
      links: [{ opinion_id: 'o_not_written', links: [link('1 U.S. 1', { unresolved_reason: 'x' })] }],
      rejects: [reject()],
      checkpoint: { import_key: 'cl-bulk', state: { offset: 2 } },
    });
    await expectClearlyError(failing, 'not_found');
    expect(await store().getCase(caseIdFor('test', 'cluster:a'))).toBeNull();
    expect(await store().getCheckpoint('cl-bulk')).toEqual({ offset: 1 });
    expect(await store().listRejects('cl-bulk')).toEqual([]);
    expect((await store().stats())).toMatchObject({ cases: 0, opinions: 0, rejects: 0 });
    expect((await store().search({ text: 'affirmed' })).items).toEqual([]);
  });

  it('lists rejects per import, once each', async () => {
    await store().addRejects([reject(), reject({ line: 9, reason: 'broken JSON' }), reject({ import_key: 'other' })]);
    await store().addRejects([reject()]);
    const listed = await store().listRejects('cl-bulk');
    expect(listed.map((r) => [r.file, r.line, r.reason])).toEqual([['opinions.csv', 7, 'bad date'], ['opinions.csv', 9, 'broken JSON']]);
    expect(listed[0]?.created_at).toMatch(/^\d{4}-/);
    expect(await store().listRejects('cl-bulk', { limit: 1, offset: 1 })).toHaveLength(1);
    expect((await store().stats()).rejects).toBe(3);
  });
}
