import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { caseIdFor, opinionIdFor, openStore, type CaseBatch, type CaseInput, type JsonValue, type Store } from '../store/index.js';
import { CourtListenerJsonReader } from './courtlistener-json/reader.js';
import { importKeyFor, runImport } from './pipeline.js';
import { ca1Caption, jsonl, tempDir, twoOpinions, v3Opinion, v4Cluster, write } from './test-fixtures.js';

const stores: Store[] = [];
async function store(db = ':memory:'): Promise<Store> {
  const s = await openStore({ db });
  stores.push(s);
  return s;
}
afterEach(async () => { for (const s of stores.splice(0)) await s.close(); });

const reader = new CourtListenerJsonReader();

/** N fictional opinions, each citing the one before by CourtListener id. */
function many(n: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => v3Opinion({
    id: 100 + i, slug: `doe-${i}-v-roe`, docket: `10-${1000 + i}`, cites: i ? [99 + i] : [],
    text: ca1Caption({ no: `10-${1000 + i}`, first: `JOHN DOE${i}`, second: 'RICHARD ROE', date: 'May 5, 2010' }) + `Opinion ${i} on excessive force.`,
  }));
}

/** The store with its optimizeSearchIndex replaced by `optimize`. */
function withOptimize(s: Store, optimize: () => Promise<void>): Store {
  return new Proxy(s, {
    get(target, prop, receiver) {
      if (prop === 'optimizeSearchIndex') return optimize;
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

describe('runImport', () => {
  it('finishes a run stopped while the search index was being optimized: the next run optimizes again', async () => {
    const dir = tempDir();
    const file = write(dir, 'all.jsonl', jsonl(many(3)));
    const s = await store();
    let optimized = 0;
    const stopping = withOptimize(s, async () => { optimized++; throw new Error('killed while optimizing'); });
    await expect(runImport({ store: stopping, reader, inputs: [file], batch_size: 2 })).rejects.toThrow('killed while optimizing');
    expect(optimized).toBe(1);
    const key = importKeyFor(reader.format, [file]);
    expect(await s.getCheckpoint(key)).not.toBeNull(); // every case committed, the last step not done

    let again = 0;
    const counting = withOptimize(s, async () => { again++; await s.optimizeSearchIndex(); });
    const told: boolean[] = [];
    const resumed = await runImport({ store: counting, reader, inputs: [file], batch_size: 2, onProgress: (p) => told.push(p.finishing === true) });
    expect(resumed).toMatchObject({ imported: 0, resumed: true });
    expect(again).toBe(1);
    expect(told.at(-1)).toBe(true); // the progress display is told before the merge starts
    expect(await s.getCheckpoint(key)).toBeNull();
    // A run with nothing new and nothing left to finish does not optimize.
    const quiet: boolean[] = [];
    await runImport({ store: counting, reader, inputs: [file], batch_size: 2, onProgress: (p) => quiet.push(p.finishing === true) });
    expect(again).toBe(1);
    expect(quiet).not.toContain(true);
  });

  it('imports, links engine and supplied citations, and changes nothing on a re-import', async () => {
    const dir = tempDir();
    const citing = v3Opinion({
      id: 9003, slug: 'hoe-v-loe', docket: '16-3003',
      text: ca1Caption({ no: '16-3003', first: 'HARRY HOE', second: 'LARRY LOE', date: 'May 5, 2016' }) +
        'Hoe argues, and we agree, having followed Doe v. City of Springfield, 903 F.3d 33, 35 (6th Cir. 2015). Id. at 36. ' +
        'Compare Zoe v. Woe, 777 F.3d 77 (1st Cir. 2014).',
    });
    const file = write(dir, 'all.jsonl', jsonl([...twoOpinions(), ...v4Cluster(), citing]));
    const s = await store();
    const first = await runImport({ store: s, reader, inputs: [file], batch_size: 2 });
    expect(first).toMatchObject({ imported: 4, updated: 0, unchanged: 0, rejected: 0, opinions: 5, resumed: false });

    const hoe = (await s.getCaseBySource('courtlistener', 'cluster:9003'))!;
    const links = (await s.cites(hoe.id)).items.map((e) => e.link);
    const springfield = links.find((l) => l.text === '903 F.3d 33')!;
    expect(springfield).toMatchObject({ origin: 'engine', pin_cite: '35', depth: 2, treatment: ['followed'], unresolved_reason: null });
    expect(springfield.cited_case_id).toBe((await s.getCaseBySource('courtlistener', 'cluster:7000'))!.id);
    expect(links.find((l) => l.text === '777 F.3d 77')).toMatchObject({ cited_case_id: null, unresolved_reason: 'not_in_corpus' });

    // 9002 cites 9001 by CourtListener id (supplied) and by citation (engine, unresolvable: 9001 has no citation).
    const poe = (await s.getCaseBySource('courtlistener', 'cluster:9002'))!;
    const doe = (await s.getCaseBySource('courtlistener', 'cluster:9001'))!;
    const poeLinks = (await s.cites(poe.id)).items.map((e) => e.link);
    expect(poeLinks.filter((l) => l.origin === 'courtlistener').map((l) => [l.cited_case_id, l.text])).toEqual([
      [doe.id, '901 F.3d 11'], [null, 'courtlistener opinion:12345678']]);
    expect(poeLinks.find((l) => l.origin === 'engine' && l.text === '901 F.3d 11')).toMatchObject({ treatment: ['followed'], depth: 2, parenthetical: 'holding that the force was excessive' });
    expect((await s.citedBy(doe.id)).items.map((e) => e.citing_case_id)).toEqual([poe.id]);

    const again = await runImport({ store: s, reader, inputs: [file], batch_size: 2 });
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 4, rejected: 0 });
    expect((await s.stats()).cases).toBe(4);
    expect(await s.getCheckpoint(first.import_key)).toBeNull();
  });

  it('links a citation to a case that comes later in the input', async () => {
    const dir = tempDir();
    const [a, b] = twoOpinions();
    const file = write(dir, 'reversed.jsonl', jsonl([b, a]));
    const s = await store();
    const summary = await runImport({ store: s, reader, inputs: [file], batch_size: 1 });
    const poe = (await s.getCaseBySource('courtlistener', 'cluster:9002'))!;
    const doe = (await s.getCaseBySource('courtlistener', 'cluster:9001'))!;
    expect((await s.cites(poe.id)).items.some((e) => e.link.origin === 'courtlistener' && e.link.cited_case_id === doe.id)).toBe(true);
    // Written unresolved with the batch of 9002, bound by the store when 9001's batch was written.
    expect(summary.links.bound).toBe(1);
  });

  it('resumes a checkpoint of an older version that lists opinions to relink (pending)', async () => {
    const dir = tempDir();
    const [a, b] = twoOpinions();
    const file = write(dir, 'reversed.jsonl', jsonl([b, a]));
    const s = await store(join(dir, 'store.db'));
    const abort = new AbortController();
    await expect(runImport({ store: s, reader, inputs: [file], batch_size: 1, signal: abort.signal, onBatch: () => abort.abort() }))
      .rejects.toMatchObject({ code: 'interrupted' });
    const key = importKeyFor(reader.format, [file]);
    const state = (await s.getCheckpoint(key)) as { reader: JsonValue };
    const poeOpinion = opinionIdFor('courtlistener', 'opinion:9002');
    // Its links as that version stored them: the waiting one without the record it names (cited_ref).
    const stored = (await s.cites(caseIdFor('courtlistener', 'cluster:9002'))).items.map(({ link: { citing_opinion_id: _, ...l } }) => l);
    expect(stored.some((l) => l.origin === 'courtlistener' && l.cited_case_id === null)).toBe(true);
    await s.replaceCitationLinks(poeOpinion, stored);
    const supplied = [{ citing_opinion_source_id: 'opinion:9002', cited: { source: 'courtlistener', source_id: 'opinion:9001', kind: 'opinion' }, in_inputs: true }];
    await s.setCheckpoint(key, { ...state, pending: [{ opinion_id: poeOpinion, case_id: caseIdFor('courtlistener', 'cluster:9002'), source: 'courtlistener', supplied }] });

    const resumed = await runImport({ store: s, reader, inputs: [file], batch_size: 1 });
    expect(resumed).toMatchObject({ resumed: true, imported: 1 });
    const doe = caseIdFor('courtlistener', 'cluster:9001');
    expect((await s.citedBy(doe)).items.filter((e) => e.link.origin === 'courtlistener').map((e) => e.link.citing_opinion_id)).toEqual([poeOpinion]);
    expect(await s.getCheckpoint(key)).toBeNull();
  });

  it('records rejects with file and line while the good records import', async () => {
    const dir = tempDir();
    const [a, b] = twoOpinions();
    const file = write(dir, 'bad.jsonl', `${JSON.stringify(a)}\nnot json at all\n${JSON.stringify(b)}\n`);
    const s = await store();
    const summary = await runImport({ store: s, reader, inputs: [file] });
    expect(summary).toMatchObject({ imported: 2, rejected: 1 });
    const rejects = await s.listRejects(summary.import_key);
    expect(rejects.map((r) => [r.file, r.line, r.reason.slice(0, 11)])).toEqual([[file, 2, 'broken JSON']]);
  });

  it('resumes an interrupted import without losing or duplicating cases', async () => {
    const dir = tempDir();
    const file = write(dir, 'many.jsonl', jsonl(many(12)));
    const s = await store(join(dir, 'store.db'));
    const abort = new AbortController();
    let seen = 0;
    await expect(runImport({
      store: s, reader, inputs: [file], batch_size: 3, signal: abort.signal,
      onProgress: (p) => { seen = p.records; if (seen === 7) abort.abort(); },
    })).rejects.toMatchObject({ code: 'interrupted' });
    const partial = (await s.stats()).cases;
    expect(partial).toBe(6); // two committed batches of three; the seventh item was never committed
    const resumed = await runImport({ store: s, reader, inputs: [file], batch_size: 3 });
    expect(resumed).toMatchObject({ resumed: true, imported: 6, unchanged: 0 });
    const stats = await s.stats();
    expect(stats.cases).toBe(12);
    expect(stats.opinions).toBe(12);
    // Every opinion but the first cites the one before it; all eleven links resolved despite the interruption.
    const resolved = (await Promise.all((await s.listCases({ limit: 100 })).items.map((c) => s.cites(c.id))))
      .flatMap((p) => p.items).filter((e) => e.link.origin === 'courtlistener' && e.link.cited_case_id);
    expect(resolved).toHaveLength(11);
  });

  it('lets another connection search while an import is under way', async () => {
    const dir = tempDir();
    const db = join(dir, 'store.db');
    const file = write(dir, 'many.jsonl', jsonl(many(6)));
    const writer = await store(db);
    const reader2 = await store(db);
    const seen: number[] = [];
    await runImport({
      store: writer, reader, inputs: [file], batch_size: 2,
      onBatch: async () => { seen.push((await reader2.search({ text: 'excessive force' })).items.length); },
    });
    expect(seen).toEqual([2, 4, 6]);
  });

  it('hands the next batch to the store to prepare while the previous one is being written', async () => {
    const dir = tempDir();
    const file = write(dir, 'many.jsonl', jsonl(many(6)));
    const real = await store();
    const staged: CaseInput[][] = [];
    const written: CaseInput[][] = [];
    let next: () => void = () => {};
    // Writing batch k waits until batch k + 1 has been staged (the last of the three waits for nothing):
    // without the overlap this import would never finish.
    const s = new Proxy(real, {
      get(target, prop, receiver) {
        if (prop === 'stageCases') return (cases: CaseInput[]) => { staged.push(cases); next(); };
        if (prop === 'upsertCases') {
          return async (batch: CaseBatch) => {
            written.push(batch.cases);
            if (written.length < 3 && staged.length <= written.length) await new Promise<void>((r) => { next = r; });
            return target.upsertCases(batch);
          };
        }
        const v = Reflect.get(target, prop, receiver) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    const summary = await runImport({ store: s, reader, inputs: [file], batch_size: 2 });
    expect(summary).toMatchObject({ imported: 6, opinions: 6 });
    expect(written.map((b) => b.map((c) => c.source_id))).toEqual([
      ['cluster:100', 'cluster:101'], ['cluster:102', 'cluster:103'], ['cluster:104', 'cluster:105']]);
    // The very case objects staged are the ones written, batch for batch (stores match them by identity).
    expect(staged).toHaveLength(3);
    staged.forEach((b, i) => b.forEach((c, j) => expect(c).toBe(written[i]![j])));
    expect((await real.stats()).cases).toBe(6);
  });
});
