import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { caseIdFor, openStore, type Store } from '../../store/index.js';
import { runImport } from '../pipeline.js';
import { cleanupFixtures, opinions, tempDir, writeFixture } from './test-bulk-fixture.js';
import { courtListenerBulkReader } from './threaded.js';

afterAll(cleanupFixtures);
const stores: Store[] = [];
afterEach(async () => { for (const s of stores.splice(0)) await s.close(); });

async function store(): Promise<Store> {
  const s = await openStore({ db: ':memory:' });
  stores.push(s);
  return s;
}

const reader = () => courtListenerBulkReader({ tmpDir: tempDir('clearly-bulk-idx-') });
const cluster = (n: number): string => caseIdFor('courtlistener', `cluster:${n}`);

/** The supplied (citation-map) links of a case: [cited case or null, parenthetical]. */
async function supplied(s: Store, caseId: string): Promise<[string | null, string | null][]> {
  return (await s.cites(caseId)).items.filter((e) => e.link.origin === 'courtlistener')
    .map((e) => [e.link.cited_case_id, e.link.parenthetical]);
}

const PAREN = 'holding that the stop was unreasonable';

describe('courtlistener-bulk import: citation-map links whatever the order', () => {
  it('binds a link to an opinion that comes later in the files', async () => {
    // Opinion 201 (cluster 2) comes first in the opinions file and cites 101 (cluster 1), which comes after it.
    const s = await store();
    const summary = await runImport({ store: s, reader: reader(), inputs: [writeFixture().dir], batch_size: 1 });
    expect(summary.imported).toBe(3);
    expect(await supplied(s, cluster(2))).toEqual([[cluster(1), PAREN]]);
    // The engine's link from the text ("See 101 F.3d 202") stays an entry of its own.
    expect((await s.citedBy(cluster(1))).items.map((e) => [e.citing_case_id, e.link.origin])).toEqual([[cluster(2), 'engine'], [cluster(2), 'courtlistener']]);
    expect(summary.links.bound).toBe(1);
    // 102 cites 999, which no input holds: it stays unresolved, waiting.
    expect(await supplied(s, cluster(1))).toEqual([[null, null]]);
  });

  it('binds a link across two imports, the citing file first and the cited one second', async () => {
    const citing = writeFixture({ opinionRows: opinions.filter((o) => o.id === 201) });
    const cited = writeFixture({ opinionRows: opinions.filter((o) => o.id !== 201) });
    const s = await store();
    const first = await runImport({ store: s, reader: reader(), inputs: [citing.dir] });
    expect(first.imported).toBe(1);
    expect(await supplied(s, cluster(2))).toEqual([[null, PAREN]]);

    const second = await runImport({ store: s, reader: reader(), inputs: [cited.dir] });
    expect(second).toMatchObject({ imported: 2, links: { bound: 1 } });
    expect(await supplied(s, cluster(2))).toEqual([[cluster(1), PAREN]]);

    // Both imports again: nothing changes.
    const before = { stats: await s.stats(), out: await s.cites(cluster(2)), in: await s.citedBy(cluster(1)) };
    for (const dir of [citing.dir, cited.dir]) {
      expect(await runImport({ store: s, reader: reader(), inputs: [dir] })).toMatchObject({ imported: 0, updated: 0, links: { bound: 0 } });
    }
    expect({ stats: await s.stats(), out: await s.cites(cluster(2)), in: await s.citedBy(cluster(1)) }).toEqual(before);
  });
});
