/**
 * The store's behavioural suite (Hono's common.case.test.ts / Kysely's per-dialect loop): every Store
 * implementation runs exactly these tests, so "works on SQLite" and "works on PostgreSQL" mean the same thing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseIdFor, opinionIdFor } from './records.js';
import type { Store } from './store.js';
import { caseInput, expectClearlyError, link } from './store-suite-fixtures.js';
import { importsSuite } from './store-suite-imports.js';
import { payoutsSuite } from './store-suite-payouts.js';
import { searchSuite } from './store-suite-search.js';
import { waitingSuite } from './store-suite-waiting.js';
import { NOT_IN_CORPUS } from './types.js';

export type StoreGetter = () => Store;

/** Gives each test a fresh store and closes it afterwards. */
export function useStore(makeStore: () => Promise<Store>): StoreGetter {
  let store: Store | undefined;
  beforeEach(async () => { store = await makeStore(); });
  afterEach(async () => { await store?.close(); store = undefined; });
  return () => store!;
}

export function runStoreSuite(name: string, makeStore: () => Promise<Store>): void {
  describe(`Store: ${name}`, () => {
    const store = useStore(makeStore);
    describe('migrations', () => migrationsSuite(store));
    describe('cases and opinions', () => corpusSuite(store));
    describe('citation graph', () => graphSuite(store));
    describe('supplied links waiting for the record they name', () => waitingSuite(store));
    describe('search', () => searchSuite(store));
    describe('QI codings, checkpoints, rejects', () => importsSuite(store));
    describe('payouts ledger and coded cases', () => payoutsSuite(store));
  });
}

function migrationsSuite(store: StoreGetter): void {
  it('has a generation that moves with each write through it, and only then', async () => {
    const g0 = await store().generation();
    expect(g0).not.toBeNull();
    expect(await store().generation()).toBe(g0);
    await store().search({ text: 'anything' });
    expect(await store().generation()).toBe(g0);
    await store().upsertCases({ cases: [caseInput('1')] });
    const g1 = await store().generation();
    expect(g1).not.toBe(g0);
    await store().putQiCoding({ case_id: caseIdFor('test', 'cluster:1'), coder: 'human', coding: { outcome: 'denied' } });
    expect(await store().generation()).not.toBe(g1);
  });

  it('is idempotent', async () => {
    const first = await store().migrate();
    const second = await store().migrate();
    expect(second).toEqual({ from: first.to, to: first.to });
    expect((await store().stats()).schema_version).toBe(first.to);
  });
}

function corpusSuite(store: StoreGetter): void {
  it('counts inserted, updated and unchanged cases', async () => {
    const a = caseInput('1');
    const b = caseInput('2');
    expect(await store().upsertCases({ cases: [a, b] })).toMatchObject({ inserted: 2, updated: 0, unchanged: 0 });
    const again = await store().upsertCases({ cases: [a, { ...b, disposition: 'Reversed' }] });
    expect(again).toEqual({ inserted: 0, updated: 1, unchanged: 1, ids: [caseIdFor('test', 'cluster:1'), caseIdFor('test', 'cluster:2')] });
    expect((await store().getCase(again.ids[1]!))?.disposition).toBe('Reversed');
  });

  it('round-trips a case and its opinions', async () => {
    const input = caseInput('1', {
      case_name_short: 'Plaintiff1', docket_number: '18-1234', inferred: { court_id: { method: 'download_host', confidence: 0.9 } },
      opinions: [
        { source_id: 'op:a', type: 'majority', author: 'Sutton', text: 'Majority.', html: '<p>Majority.</p>' },
        { source_id: 'op:b', type: 'dissent', text: 'Dissent.' },
      ],
    });
    const { ids } = await store().upsertCases({ cases: [input] });
    const got = await store().getCase(ids[0]!);
    expect(got).toMatchObject({ case_name: input.case_name, court_id: 'ca6', circuit: '6', decision_date: '2010-06-01', docket_number: '18-1234' });
    expect(got?.inferred).toEqual(input.inferred);
    expect(await store().getCaseBySource('test', 'cluster:1')).toEqual(got);
    const ops = await store().getOpinions(ids[0]!);
    expect(ops.map((o) => [o.id, o.type, o.author, o.html])).toEqual([
      [opinionIdFor('test', 'op:a'), 'majority', 'Sutton', '<p>Majority.</p>'],
      [opinionIdFor('test', 'op:b'), 'dissent', null, null],
    ]);
    expect(ops[0]!.sha1).toMatch(/^[0-9a-f]{40}$/);
    expect(await store().getOpinion(ops[1]!.id)).toEqual(ops[1]);
    expect(await store().getCase('nope')).toBeNull();
  });

  it('replaces a case’s opinions on update and keeps the index in step', async () => {
    await store().upsertCases({ cases: [caseInput('1', { opinions: [{ source_id: 'x', type: 'majority', text: 'zebra crossing' }, { source_id: 'y', type: 'dissent', text: 'yak' }] })] });
    await store().upsertCases({ cases: [caseInput('1', { case_name: 'Renamed v. Wombat', opinions: [{ source_id: 'x', type: 'majority', text: 'giraffe' }] })] });
    const id = caseIdFor('test', 'cluster:1');
    expect((await store().getOpinions(id)).map((o) => o.text)).toEqual(['giraffe']);
    expect((await store().search({ text: 'zebra OR yak' })).items).toEqual([]);
    expect((await store().search({ text: 'giraffe' })).items.map((h) => h.case.id)).toEqual([id]);
    expect((await store().search({ text: 'wombat' })).items.map((h) => h.case.id)).toEqual([id]);
  });

  it('changes nothing when identical data is imported again', async () => {
    const batch = {
      cases: [caseInput('1', { citations: [{ volume: '1', reporter: 'F.4th', page: '1' }] }), caseInput('2')],
      links: [{ opinion_id: opinionIdFor('test', 'opinion:2'), links: [link('1 F.4th 1', { cited_case_id: caseIdFor('test', 'cluster:1') })] }],
    };
    await store().upsertCases(batch);
    const before = { stats: await store().stats(), edges: await store().citedBy(caseIdFor('test', 'cluster:1')) };
    expect(await store().upsertCases(batch)).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    expect({ stats: await store().stats(), edges: await store().citedBy(caseIdFor('test', 'cluster:1')) }).toEqual(before);
  });

  it('rejects invalid records as bad_data', async () => {
    await expectClearlyError(store().upsertCases({ cases: [caseInput('1', { decision_date: '03/02/2019' })] }), 'bad_data');
    await expectClearlyError(store().upsertCases({ cases: [{ ...caseInput('1'), source_id: '' }] }), 'bad_data');
    expect((await store().stats()).cases).toBe(0);
  });

  it('finds a case by each of its parallel citations', async () => {
    await store().upsertCases({ cases: [caseInput('graham', { citations: [
      { volume: '490', reporter: 'U.S.', page: '386', cite: '490 U.S. 386' },
      { volume: '109', reporter: 'S. Ct.', page: '1865' },
      { volume: '104', reporter: 'L. Ed. 2d', page: '443' },
    ] })] });
    const id = caseIdFor('test', 'cluster:graham');
    for (const [v, r, p] of [['490', 'U.S.', '386'], ['109', 'S. Ct.', '1865'], ['104', 'L. Ed. 2d', '443'], ['109', 'S.Ct.', '1865']] as const) {
      expect((await store().findCasesByCitation(v, r, p)).map((c) => c.id)).toEqual([id]);
    }
    expect(await store().findCasesByCitation('490', 'U.S.', '387')).toEqual([]);
    expect((await store().getCase(id))?.citations.map((c) => c.cite)).toEqual(['490 U.S. 386', '109 S. Ct. 1865', '104 L. Ed. 2d 443']);
  });

  it('lists cases by court, circuit, date and publication, page by page', async () => {
    await store().upsertCases({ cases: [
      caseInput('1', { court_id: 'ca6', decision_date: '2001-01-01' }),
      caseInput('2', { court_id: 'ca6', decision_date: '2015-01-01', precedential_status: 'unpublished' }),
      caseInput('3', { court_id: 'ca1', circuit: '1', decision_date: '2012-01-01' }),
      caseInput('4', { court_id: 'ohsd', decision_date: '2018-01-01' }),
    ] });
    const names = async (f: Parameters<Store['listCases']>[0]) => (await store().listCases(f)).items.map((c) => c.source_id);
    expect(await names({ courts: ['ca6'] })).toEqual(['cluster:1', 'cluster:2']);
    expect(await names({ circuit: '6', before: '2018-01-01' })).toEqual(['cluster:1', 'cluster:2']);
    expect(await names({ after: '2001-01-01', published: true })).toEqual(['cluster:3', 'cluster:4']);
    const p1 = await store().listCases({ limit: 3 });
    const p2 = await store().listCases({ limit: 3, cursor: p1.next_cursor! });
    expect([...p1.items, ...p2.items].map((c) => c.source_id)).toEqual(['cluster:1', 'cluster:2', 'cluster:3', 'cluster:4']);
    expect(p2.next_cursor).toBeNull();
  });
}

function graphSuite(store: StoreGetter): void {
  const A = caseIdFor('test', 'cluster:a');
  const B = caseIdFor('test', 'cluster:b');
  const opA = opinionIdFor('test', 'opinion:a');
  beforeEach(async () => {
    await store().upsertCases({ cases: [caseInput('a'), caseInput('b', { citations: [{ volume: '10', reporter: 'F.3d', page: '20' }] })] });
    await store().replaceCitationLinks(opA, [
      link('10 F.3d 20', { cited_case_id: B, pin_cite: '25', parenthetical: 'holding that force was excessive', signal: 'see', span: [5, 15], treatment: ['followed'], depth: 2 }),
      link('999 F.3d 1', { unresolved_reason: NOT_IN_CORPUS }),
    ]);
  });

  it('follows links both ways and keeps unresolved ones with their reason', async () => {
    const out = (await store().cites(A)).items;
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ citing_case_id: A, case: { id: B }, link: { cited_case_id: B, pin_cite: '25', signal: 'see', span: [5, 15], treatment: ['followed'], depth: 2, origin: 'engine' } });
    expect(out[1]).toMatchObject({ case: null, link: { cited_case_id: null, text: '999 F.3d 1', unresolved_reason: NOT_IN_CORPUS } });
    const incoming = (await store().citedBy(B)).items;
    expect(incoming.map((e) => [e.citing_case_id, e.case?.id, e.link.citing_opinion_id])).toEqual([[A, A, opA]]);
    expect((await store().stats()).unresolved_links).toBe(1);
  });

  it('binds a waiting link when the cited case arrives later', async () => {
    const { ids } = await store().upsertCases({ cases: [caseInput('late', { citations: [{ volume: '999', reporter: 'F.3d', page: '1' }] })] });
    expect((await store().citedBy(ids[0]!)).items.map((e) => e.citing_case_id)).toEqual([A]);
    expect((await store().stats()).unresolved_links).toBe(0);
  });

  it('replaces an opinion’s links and refuses links from unknown opinions or to unknown cases', async () => {
    await store().replaceCitationLinks(opA, [link('1 U.S. 1', { unresolved_reason: 'ambiguous' })]);
    expect((await store().cites(A)).items.map((e) => e.link.unresolved_reason)).toEqual(['ambiguous']);
    expect((await store().citedBy(B)).items).toEqual([]);
    await expectClearlyError(store().replaceCitationLinks('o_missing', []), 'not_found');
    await expectClearlyError(store().replaceCitationLinks(opA, [link('1 U.S. 1', { cited_case_id: 'c_missing' })]), 'not_found');
  });
}
