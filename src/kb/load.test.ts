import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
import { KB_CHECKPOINT, ensureKnowledgeBase, kbCaseId, knowledgeBase, loadKnowledgeBase } from './index.js';

const N = knowledgeBase().length;
let store: Store;

beforeEach(async () => {
  store = await openStore({ db: ':memory:' });
});
afterEach(async () => {
  await store.close();
});

describe('loadKnowledgeBase', () => {
  it('writes one case, one summary opinion and one human coding per decision', async () => {
    const r = await loadKnowledgeBase(store);
    expect(r).toMatchObject({ loaded: true, decisions: N, inserted: N, codings_written: N, kept_user_codings: [] });
    const stats = await store.stats();
    expect(stats).toMatchObject({ cases: N, opinions: N, qi_codings: { machine: 0, human: N }, unresolved_links: 0 });
  });

  it('changes nothing when run twice', async () => {
    await loadKnowledgeBase(store);
    const before = await store.stats();
    const codingBefore = await store.getQiCoding(kbCaseId('campbell-v-springboro-2012'));
    const again = await loadKnowledgeBase(store);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: N, codings_written: 0 });
    expect(await store.stats()).toEqual(before);
    expect(await store.getQiCoding(kbCaseId('campbell-v-springboro-2012'))).toEqual(codingBefore);
  });

  it('repairs a knowledge-base case that was changed in the store', async () => {
    await loadKnowledgeBase(store);
    await store.upsertCases({ cases: [{ source: 'kb', source_id: 'kelsay-v-ernst-2019', case_name: 'Somebody v. Else', opinions: [] }] });
    const r = await loadKnowledgeBase(store);
    expect(r).toMatchObject({ updated: 1, unchanged: N - 1 });
    expect((await store.getCase(kbCaseId('kelsay-v-ernst-2019')))?.case_name).toBe('Kelsay v. Ernst');
  });

  it('keeps a user\'s correction of a knowledge-base coding', async () => {
    await loadKnowledgeBase(store);
    const id = kbCaseId('baxter-v-bracey-2018');
    const mine = { decides_qi: true, outcome: 'REVERSE_DENIAL', prong1: 'not_reached', prong2: 'not_clearly_established', posture: 'interlocutory_appeal',
      right: 'fourth_amendment_excessive_force', factors: [], precedents: [], coded_by: { coder: 'human', method: 'review', who: 'a lawyer' } };
    await store.putQiCoding({ case_id: id, coder: 'human', coding: mine });
    const r = await loadKnowledgeBase(store);
    expect(r.kept_user_codings).toEqual(['baxter-v-bracey-2018']);
    expect((await store.getQiCoding(id))?.coding).toMatchObject({ coded_by: { method: 'review' }, posture: 'interlocutory_appeal' });
  });
});

describe('knowledge-base cases in the store', () => {
  beforeEach(async () => {
    await loadKnowledgeBase(store);
  });

  it('are found by any of their citations, spacing ignored', async () => {
    expect((await store.findCasesByCitation('751', "F. App'x", '869')).map((c) => c.case_name)).toEqual(['Baxter v. Bracey']);
    expect((await store.findCasesByCitation('700', 'F.3d', '779')).map((c) => c.case_name)).toEqual(['Campbell v. City of Springboro']);
    expect((await store.findCasesByCitation('142', 'S.Ct.', '4')).map((c) => c.case_name)).toEqual(['Rivas-Villegas v. Cortesluna']);
  });

  it('are found by full-text search over the summary', async () => {
    const hits = await store.search({ text: '"police dog"', limit: 10 });
    expect(hits.items.map((h) => h.case.source_id)).toEqual(expect.arrayContaining(['baxter-v-bracey-2018', 'campbell-v-springboro-2012', 'priester-v-riviera-beach-2000']));
    const byName = await store.search({ text: 'Zadeh' });
    expect(byName.items.map((h) => h.case.source_id)).toEqual(expect.arrayContaining(['zadeh-v-robinson-2018', 'zadeh-v-robinson-2019']));
  });

  it('carry court, circuit, precedential status, date and history', async () => {
    const baxter = await store.getCase(kbCaseId('baxter-v-bracey-2018'));
    expect(baxter).toMatchObject({ court_id: 'ca6', circuit: '6', precedential_status: 'unpublished', decision_date: '2018-11-08', docket_number: '18-5102' });
    expect(baxter?.subsequent_history).toBe('cert. denied, No. 18-1287 (2020-06-15)');
    expect(await store.getCase(kbCaseId('hunter-v-cole-2016'))).toMatchObject({ court_id: 'scotus', circuit: null, decision_date: null });
    expect((await store.getCase(kbCaseId('zadeh-v-robinson-2018')))?.subsequent_history).toContain('withdrawn and replaced by Zadeh v. Robinson, 928 F.3d 457');
  });

  it('link each decision to the decisions it relied on or distinguished', async () => {
    const cited = await store.citedBy(kbCaseId('campbell-v-springboro-2012'));
    expect(cited.items).toContainEqual(expect.objectContaining({
      citing_case_id: kbCaseId('baxter-v-bracey-2018'),
      link: expect.objectContaining({ treatment: ['distinguished'], text: '700 F.3d 779' }),
    }));
  });
});

describe('ensureKnowledgeBase', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'clearly-kb-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads once per store and is a no-op afterwards, also for a reopened database', async () => {
    const db = join(dir, 'clearly.db');
    const first = await openStore({ db });
    expect((await ensureKnowledgeBase(first)).loaded).toBe(true);
    expect((await ensureKnowledgeBase(first)).loaded).toBe(false);
    await first.close();
    const reopened = await openStore({ db });
    const r = await ensureKnowledgeBase(reopened);
    expect(r).toMatchObject({ loaded: false, decisions: N });
    expect((await reopened.getCheckpoint(KB_CHECKPOINT)) as object).toMatchObject({ hash: r.hash, decisions: N });
    await reopened.close();
  });

  it('reloads when the stored checkpoint is for another knowledge-base version', async () => {
    await store.setCheckpoint(KB_CHECKPOINT, { hash: 'an older knowledge base' });
    expect((await ensureKnowledgeBase(store)).loaded).toBe(true);
  });
});
