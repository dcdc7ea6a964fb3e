/** Search vectors computed beside the writer (staging.ts): same stored results, left-overs cleaned, keys kept right. */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../open.js';
import type { Store } from '../store.js';
import { caseInput } from '../store-suite-fixtures.js';
import type { CaseInput } from '../types.js';
import { PostgresStore } from './postgres-store.js';
import { raw, schemas, startTestServer } from './test-server.js';

const server = startTestServer();

if ('skip' in server) {
  describe.skip('PostgreSQL staged search vectors', () => it(server.skip, () => {}));
} else {
  const db = schemas(server.url);
  afterAll(async () => { await db.drop(); server.stop(); });
  const fresh = async (): Promise<{ url: string; store: PostgresStore }> => {
    const url = await db.fresh();
    const store = PostgresStore.open(url, { copyThresholdBytes: 0 });
    await store.migrate();
    return { url, store };
  };
  /** Every stored opinion column, vectors as text, in insertion order. */
  const opinions = (url: string) => raw(url, `SELECT seq, id, case_id, ordinal, source_id, type, author, text, html, sha1,
    search::text AS search, search_key::text AS search_key, search_words FROM opinions ORDER BY seq`);
  /** Opinions whose stored vectors differ from computing clearly_opinion_vector / clearly_opinion_key in place. */
  const wrongVectors = async (url: string) => (await raw<{ id: string }>(url, `SELECT o.id FROM opinions o JOIN cases c ON c.id = o.case_id
    CROSS JOIN LATERAL clearly_opinion_key(clearly_opinion_vector(c.case_name, o.text), octet_length(o.text)) k
    WHERE o.search IS DISTINCT FROM clearly_opinion_vector(c.case_name, o.text)
      OR o.search_key IS DISTINCT FROM k.key OR o.search_words IS DISTINCT FROM k.words`)).map((r) => r.id);
  const staged = async (url: string) => (await raw<{ n: number }>(url, 'SELECT count(*)::int AS n FROM opinion_staging'))[0]!.n;
  /** Waits until `done` holds (staging runs on its own connections, unobserved by the caller). */
  const until = async (done: () => Promise<boolean>) => {
    for (let i = 0; i < 500 && !(await done()); i++) await new Promise((r) => setTimeout(r, 20));
    expect(await done()).toBe(true);
  };
  /** Staging finished: `rows` rows staged, `vectors` of them with a vector. */
  const stagedDone = (url: string, rows: number, vectors: number) => until(async () => {
    const [r] = await raw<{ n: number; v: number }>(url, 'SELECT count(*)::int AS n, count(search_words)::int AS v FROM opinion_staging');
    return r!.n === rows && r!.v === vectors;
  });
  /** Backends that staged rows (other than `keep`'s) have exited. */
  const ownersGone = (url: string) => until(async () => (await raw(url, `SELECT 1 FROM pg_stat_activity
    WHERE pid IN (SELECT owner_pid FROM opinion_staging)`)).length === 0);

  const words = (n: number, seed: string) => Array.from({ length: n }, (_, i) => `${seed}${i % 7} officers detained plaintiff ${i}`).join('. ');
  const op = (source_id: string, text: string) => ({ source_id, type: 'majority' as const, text });
  /** Batches exercising every way a vector is chosen: new, repeated within a batch, moved, renamed, edited, unchanged. */
  const batches = (): CaseInput[][] => [
    [caseInput('1', { opinions: [op('a', words(300, 'ocelot')), op('b', words(40, 'margay'))] }), caseInput('2'),
      caseInput('3', { opinions: [op('c', 'First version.')] }), caseInput('3', { opinions: [op('c', words(120, 'serval'))] })],
    [caseInput('1', { opinions: [op('a', words(300, 'ocelot')), op('b', words(40, 'margay'))], docket_number: '99-1' }), // metadata only
      caseInput('2', { case_name: 'Caracal v. Lynx' }), // renamed: vector rebuilt
      caseInput('3', { opinions: [op('c', words(90, 'kodkod'))] }), // edited text
      caseInput('4', { opinions: [op('d', 'A new opinion.')] }), caseInput('5')],
    [caseInput('5'), caseInput('4', { opinions: [op('d', 'A new opinion.'), op('e', words(200, 'jaguarundi'))] })],
  ];

  describe('PostgreSQL staged search vectors', () => {
    it('stores exactly what the unstaged write path stores, vectors equal to computing them in place', async () => {
      const direct = await fresh();
      const ahead = await fresh();
      try {
        for (const batch of batches()) {
          const r1 = await direct.store.upsertCases({ cases: batch, checkpoint: { import_key: 'k', state: 1 } });
          ahead.store.stageCases(batch);
          const r2 = await ahead.store.upsertCases({ cases: batch, checkpoint: { import_key: 'k', state: 1 } });
          expect(r2).toEqual(r1);
        }
        // The staged rows were all taken: staging actually ran, and left nothing behind.
        expect(await staged(ahead.url)).toBe(0);
        expect(await opinions(ahead.url)).toEqual(await opinions(direct.url));
        expect((await opinions(ahead.url)).length).toBe(7);
        expect(await wrongVectors(ahead.url)).toEqual([]);
      } finally { await direct.store.close(); await ahead.store.close(); }
    });

    it('takes vectors computed by the staging connections, not recomputed by the writer', async () => {
      const { url, store } = await fresh();
      try {
        const batch = [caseInput('1', { opinions: [op('a', 'The ocelot was detained.')] })];
        store.stageCases(batch);
        // Once staged, its vector is marked: only a staged vector taken as it is can carry the marker.
        await stagedDone(url, 1, 1);
        await raw(url, "UPDATE opinion_staging SET search = to_tsvector('simple', 'zzsentinel'), search_key = to_tsvector('simple', 'zzkey')");
        await store.upsertCases({ cases: batch });
        const [row] = await raw<{ search: string; search_key: string }>(url, 'SELECT search::text AS search, search_key::text AS search_key FROM opinions');
        expect(row).toEqual({ search: "'zzsentinel':1", search_key: "'zzkey':1" });
      } finally { await store.close(); }
    });

    it('writes correctly when staged rows vanished, were never made, or belong to other cases', async () => {
      const direct = await fresh();
      const ahead = await fresh();
      try {
        const [first, second, third] = batches();
        for (const b of [first!, second!, third!]) await direct.store.upsertCases({ cases: b });
        // Staged, then removed by someone else's clean-up before the write: the writer copies the rows itself.
        ahead.store.stageCases(first!);
        await stagedDone(ahead.url, 5, 5);
        await raw(ahead.url, 'DELETE FROM opinion_staging');
        await ahead.store.upsertCases({ cases: first! });
        // Staged for other cases than the ones written (a batch is staged whole or not used): not used, dropped.
        ahead.store.stageCases(second!.slice(0, 2));
        await ahead.store.upsertCases({ cases: second! });
        await ahead.store.upsertCases({ cases: third! });
        await until(async () => (await staged(ahead.url)) === 0);
        expect(await opinions(ahead.url)).toEqual(await opinions(direct.url));
        expect(await wrongVectors(ahead.url)).toEqual([]);
      } finally { await direct.store.close(); await ahead.store.close(); }
    });

    it('cleans up what a killed import staged, and its left-overs do not change the next import', async () => {
      const url = await db.fresh();
      const killed = PostgresStore.open(url, { copyThresholdBytes: 0 });
      await killed.migrate();
      const [first, second] = batches();
      await killed.upsertCases({ cases: first!, checkpoint: { import_key: 'k', state: 1 } });
      killed.stageCases(second!);
      // Killed after staging its next batch: its connections close without the store's clean-up (close()).
      // Six opinions staged, four of them with a vector (case 1 changed only its docket: its vectors are kept).
      await stagedDone(url, 6, 4);
      await killed.db.end();
      await ownersGone(url);
      // Rows of a live session are never taken: a foreign row with the same place in a batch stays apart.
      const other = new pg.Client({ connectionString: url });
      await other.connect();
      try {
        await other.query(`INSERT INTO opinion_staging (token, ord, id, ordinal, source_id, type, text, sha1, case_name, search)
          VALUES ('someone-else', 0, 'x', 0, 'x', 'majority', 'zzforeign', 's', 'Foreign v. Row', to_tsvector('simple', 'zzforeign'))`);
        const resumed: Store = await openStore({ database_url: url, env: {} });
        try {
          expect((await raw<{ token: string }>(url, 'SELECT token FROM opinion_staging')).map((r) => r.token)).toEqual(['someone-else']);
          resumed.stageCases?.(second!);
          await resumed.upsertCases({ cases: second!, checkpoint: { import_key: 'k', state: 2 } });
          expect(await wrongVectors(url)).toEqual([]);
          expect((await resumed.search({ text: 'zzforeign' })).items).toEqual([]);
          expect((await raw(url, 'SELECT 1 FROM opinions')).length).toBe(6);
        } finally { await resumed.close(); }
      } finally { await other.end(); }
      // Once its session is gone, the next open deletes the foreign row too.
      await ownersGone(url);
      await (await openStore({ database_url: url, env: {} })).close();
      expect(await staged(url)).toBe(0);
    });

    it('keeps search_key right on hand-made writes, whatever search_key they give', async () => {
      const { url, store } = await fresh();
      try {
        const batch = batches()[0]!;
        store.stageCases(batch);
        await store.upsertCases({ cases: batch });
        await raw(url, `UPDATE opinions o SET text = 'The lynx was released. Lynx lynx lynx.',
          search = clearly_opinion_vector('Lynx v. Bobcat', 'The lynx was released. Lynx lynx lynx.')
          WHERE o.id = (SELECT min(id) FROM opinions)`);
        await raw(url, "UPDATE opinions SET search_key = to_tsvector('simple', 'bogus'), search_words = 1, search = search || ''::tsvector");
        // The setting the writer uses does not make a hand-made write trusted outside a statement that set it.
        await raw(url, `INSERT INTO opinions (id, case_id, ordinal, source_id, type, text, sha1, search, search_key, search_words)
          SELECT 'by-hand', id, 9, 'h', 'majority', 'Handmade text about a fisher.', 's', clearly_opinion_vector(case_name, 'Handmade text about a fisher.'),
            to_tsvector('simple', 'bogus'), 1 FROM cases LIMIT 1`);
        const lynx = await raw<{ search_key: string }>(url, "SELECT search_key::text AS search_key FROM opinions WHERE text LIKE 'The lynx%'");
        expect(lynx[0]?.search_key).toContain("'5|lynx'");
        expect(await raw(url, "SELECT id FROM opinions WHERE search_key @@ 'bogus'::tsquery")).toEqual([]);
        // The hand-made rename above is not reflected in cases, so compare with the vectors as stored.
        const keys = await raw<{ id: string }>(url, `SELECT o.id FROM opinions o CROSS JOIN LATERAL clearly_opinion_key(o.search, octet_length(o.text)) k
          WHERE o.search_key IS DISTINCT FROM k.key OR o.search_words IS DISTINCT FROM k.words`);
        expect(keys).toEqual([]);
      } finally { await store.close(); }
    });
  });
}
