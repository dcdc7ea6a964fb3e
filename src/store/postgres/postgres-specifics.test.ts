/** What only the PostgreSQL store has: migrations from an older schema, redaction, COPY loads, replica routing, URL selection. */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openStore, resolveDatabaseUrl, resolveReadUrls } from '../open.js';
import { caseIdFor } from '../records.js';
import { caseInput, expectClearlyError } from '../store-suite-fixtures.js';
import { checkSchema, migrate, SCHEMA_VERSION } from './migrate.js';
import { Db } from './pool.js';
import { PostgresStore } from './postgres-store.js';
import { redactUrl } from './redact.js';
import { raw, schemas, startTestServer } from './test-server.js';

describe('database URL selection and redaction (no server needed)', () => {
  it('picks --database-url, then --db, then CLEARLY_DATABASE_URL, CLEARLY_DB, then a PostgreSQL DATABASE_URL', () => {
    const env = { CLEARLY_DATABASE_URL: 'postgres://a/x', DATABASE_URL: 'postgres://b/y' };
    expect(resolveDatabaseUrl({ database_url: 'postgres://f/z', db: 'x.db', env })).toBe('postgres://f/z');
    expect(resolveDatabaseUrl({ db: 'x.db', env })).toBeUndefined();
    expect(resolveDatabaseUrl({ env })).toBe('postgres://a/x');
    expect(resolveDatabaseUrl({ env: { CLEARLY_DB: 'x.db', DATABASE_URL: 'postgres://b/y' } })).toBeUndefined();
    expect(resolveDatabaseUrl({ env: { DATABASE_URL: 'postgresql://b/y' } })).toBe('postgresql://b/y');
    expect(resolveDatabaseUrl({ env: { DATABASE_URL: 'mysql://someone-else/db' } })).toBeUndefined();
    expect(resolveReadUrls({ env: { CLEARLY_READ_DATABASE_URLS: 'postgres://r1/x, postgres://r2/x,' } })).toEqual(['postgres://r1/x', 'postgres://r2/x']);
    expect(resolveReadUrls({ read_database_urls: ['postgres://r3/x'], env: { CLEARLY_READ_DATABASE_URLS: 'postgres://r1/x' } })).toEqual(['postgres://r3/x']);
  });

  it('redacts passwords in URLs and refuses replicas without a PostgreSQL primary', async () => {
    expect(redactUrl('postgres://clerk:hunter22@db.example:5432/clearly')).toBe('postgres://clerk:***@db.example:5432/clearly');
    expect(redactUrl('postgresql://db/clearly?user=x&password=hunter22&sslmode=require')).not.toContain('hunter22');
    expect(redactUrl('postgres://%zz:hunter22@')).not.toContain('hunter22');
    const err = await expectClearlyError(openStore({ read_database_urls: ['postgres://u:hunter22@r/x'], env: {} }), 'usage');
    expect(err.message).not.toContain('hunter22');
  });
});

const server = startTestServer();

if ('skip' in server) {
  describe.skip('PostgreSQL store specifics', () => it(server.skip, () => {}));
} else {
  const db = schemas(server.url);
  afterAll(async () => { await db.drop(); server.stop(); });

  describe('PostgreSQL store specifics', () => {
    it('migrates a version-1 database holding data, backfilling the search index', async () => {
      const url = await db.fresh();
      const old = new Db(url);
      expect(await migrate(old, 1)).toEqual({ from: 0, to: 1 });
      await raw(url, `INSERT INTO cases (id, source, source_id, case_name, precedential_status, citations, inferred, content_hash)
        VALUES ('c_old', 'test', 'cluster:old', 'Quokka v. Wallaby', 'published', '[]', '{}', 'h')`);
      await raw(url, `INSERT INTO opinions (id, case_id, ordinal, source_id, type, text, sha1)
        VALUES ('o_old', 'c_old', 0, 'op', 'majority', 'The marsupial was detained without cause.', 's')`);
      await expect(checkSchema(old)).rejects.toThrow(/schema version 1/);
      await old.end();
      const store = await openStore({ database_url: url, env: {} });
      try {
        expect((await store.stats()).schema_version).toBe(SCHEMA_VERSION);
        expect((await store.search({ text: 'quokka' })).items.map((h) => h.case.id)).toEqual(['c_old']);
        expect((await store.search({ text: 'detained' })).items[0]?.snippet).toContain('<mark>detained</mark>');
      } finally { await store.close(); }
    });

    it('moves the generation on another connection\'s commit, noticed within the refresh interval; none with replicas', async () => {
      const url = await db.fresh();
      const reader = await openStore({ database_url: url, env: {} });
      const slow = await openStore({ database_url: url, env: {}, refresh_ms: 3_600_000 });
      const writer = await openStore({ database_url: url, env: {} });
      const routed = await openStore({ database_url: url, read_database_urls: [url], env: {} });
      try {
        const [r0, s0] = [await reader.generation(), await slow.generation()];
        await writer.upsertCases({ cases: [caseInput('g1')] });
        expect(await reader.generation()).not.toBe(r0);
        expect(await slow.generation()).toBe(s0); // within its hour
        expect(await routed.generation()).toBeNull(); // replicas lag by their own amounts: nothing is cached
        // A write that does not go through clearly (psql, a script) moves it too.
        const r1 = await reader.generation();
        await raw(url, "UPDATE cases SET case_name = 'Renamed v. Elsewhere'");
        expect(await reader.generation()).not.toBe(r1);
      } finally {
        await Promise.all([reader.close(), slow.close(), writer.close(), routed.close()]);
      }
    });

    it('refuses a database from a newer clearly', async () => {
      const url = await db.fresh();
      await (await openStore({ database_url: url, env: {} })).close();
      await raw(url, 'INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [SCHEMA_VERSION + 1, 'later']);
      const err = await expectClearlyError(openStore({ database_url: url, env: {} }), 'bad_data');
      expect(err.message).toContain(`schema version ${SCHEMA_VERSION + 1}`);
    });

    it('never shows the password when the server cannot be reached or refuses', async () => {
      const port = new URL(server.url).port;
      const down = await expectClearlyError(openStore({ database_url: 'postgres://clerk:hunter22@127.0.0.1:1/clearly', env: {} }), 'cannot_write');
      expect(down.message).toContain('postgres://clerk:***@127.0.0.1:1/clearly');
      expect(`${down.message} ${down.hint} ${down.location?.file}`).not.toContain('hunter22');
      const nodb = await expectClearlyError(openStore({ database_url: `postgres://clerk:hunter22@127.0.0.1:${port}/no_such_db`, env: {} }), 'cannot_write');
      expect(`${nodb.message} ${nodb.hint}`).not.toContain('hunter22');
    });

    it('loads large batches with COPY and reads them back the same', async () => {
      const url = await db.fresh();
      await (await openStore({ database_url: url, env: {} })).close();
      const store = PostgresStore.open(url, { copyThresholdBytes: 0 });
      try {
        const text = 'Tabs\there, a backslash \\ and\nnewlines\r\n, and the word ocelot.';
        const res = await store.upsertCases({ cases: [caseInput('1', { opinions: [{ source_id: 'a', type: 'majority', text, html: null }] }), caseInput('2')] });
        expect(res).toMatchObject({ inserted: 2 });
        expect((await store.getOpinions(res.ids[0]!))[0]?.text).toBe(text);
        expect((await store.search({ text: 'ocelot' })).items.map((h) => h.case.id)).toEqual([caseIdFor('test', 'cluster:1')]);
        expect(await store.upsertCases({ cases: [caseInput('1', { opinions: [{ source_id: 'a', type: 'majority', text }] })] })).toMatchObject({ unchanged: 1 });
      } finally { await store.close(); }
    });

    it('builds the GIN search indexes after a first bulk load, and again on the next open if the load was interrupted', async () => {
      const url = await db.fresh();
      await (await openStore({ database_url: url, env: {} })).close();
      const indexes = async () => (await raw<{ name: string }>(url, `SELECT indexname AS name FROM pg_indexes
        WHERE schemaname = current_schema() AND tablename = 'opinions' AND indexdef LIKE '%USING gin%' ORDER BY 1`)).map((r) => r.name);
      const deferred = async () => (await raw<{ name: string }>(url, 'SELECT name FROM deferred_indexes ORDER BY 1')).map((r) => r.name);
      const both = ['opinions_search', 'opinions_search_key'];
      const checkpoint = (at: number) => ({ import_key: 'bulk', state: { at } });
      const store = PostgresStore.open(url, { copyThresholdBytes: 0 });
      try {
        // A batch without a checkpoint is not an import: the indexes stay.
        await store.upsertCases({ cases: [caseInput('0')] });
        await store.upsertCases({ cases: [], checkpoint: checkpoint(0) });
        expect(await indexes()).toEqual(both);
        await raw(url, 'DELETE FROM cases');
        await store.upsertCases({ cases: [caseInput('1', { case_name: 'Ocelot v. Margay' })], checkpoint: checkpoint(1) });
        expect(await indexes()).toEqual([]);
        expect(await deferred()).toEqual(both);
        await store.upsertCases({ cases: [caseInput('2')], checkpoint: checkpoint(2) });
        // Searches stay correct meanwhile, only unindexed.
        expect((await store.search({ text: 'ocelot' })).items.map((h) => h.case.source_id)).toEqual(['cluster:1']);
        await store.optimizeSearchIndex();
        expect(await indexes()).toEqual(both);
        expect(await deferred()).toEqual([]);
        // The table is no longer empty: later imports keep the indexes.
        await store.upsertCases({ cases: [caseInput('3')], checkpoint: checkpoint(3) });
        expect(await indexes()).toEqual(both);
      } finally { await store.close(); }

      // Interrupted: the first batch dropped the indexes and the importer died before its last step.
      const url2 = await db.fresh();
      await (await openStore({ database_url: url2, env: {} })).close();
      const crashed = PostgresStore.open(url2, { copyThresholdBytes: 0 });
      await crashed.upsertCases({ cases: [caseInput('1', { case_name: 'Ocelot v. Margay' })], checkpoint: checkpoint(1) });
      await crashed.close();
      expect((await raw<{ n: number }>(url2, 'SELECT count(*)::int AS n FROM deferred_indexes'))[0]?.n).toBe(2);
      const reopened = await openStore({ database_url: url2, env: {} });
      try {
        expect((await raw<{ n: number }>(url2, 'SELECT count(*)::int AS n FROM deferred_indexes'))[0]?.n).toBe(0);
        expect((await raw<{ name: string }>(url2, `SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'opinions'
          AND indexdef LIKE '%USING gin%' ORDER BY 1`)).map((r) => r.name)).toEqual(both);
        expect((await reopened.search({ text: 'ocelot' })).items.map((h) => h.case.source_id)).toEqual(['cluster:1']);
      } finally { await reopened.close(); }
    });

    it('keeps a stored search vector when only a case\'s metadata changes, and rebuilds it when its name or text does', async () => {
      for (const copyThresholdBytes of [0, 1 << 20]) { // the COPY path and the bound-array path
        const url = await db.fresh();
        const store = PostgresStore.open(url, { copyThresholdBytes });
        try {
          await store.migrate();
          const op = (text: string) => ({ opinions: [{ source_id: 'a', type: 'majority' as const, text }] });
          const [id] = (await store.upsertCases({ cases: [caseInput('1', op('The ocelot was detained.'))] })).ids;
          // A marker only a kept vector can hold: what the store would compute never contains it.
          await raw(url, "UPDATE opinions SET search = to_tsvector('simple', 'zzsentinel')");
          const hits = async (text: string) => (await store.search({ text })).items.map((h) => h.case.id);
          expect(await store.upsertCases({ cases: [caseInput('1', { ...op('The ocelot was detained.'), docket_number: '99-1' })] })).toMatchObject({ updated: 1 });
          expect(await hits('zzsentinel')).toEqual([id]);
          await store.upsertCases({ cases: [caseInput('1', { ...op('The ocelot was detained.'), docket_number: '99-1', case_name: 'Margay v. Serval' })] });
          expect(await hits('zzsentinel')).toEqual([]);
          expect(await hits('margay')).toEqual([id]);
          await raw(url, "UPDATE opinions SET search = to_tsvector('simple', 'zzsentinel')");
          await store.upsertCases({ cases: [caseInput('1', { ...op('The caracal was released.'), docket_number: '99-1', case_name: 'Margay v. Serval' })] });
          expect(await hits('zzsentinel')).toEqual([]);
          expect(await hits('caracal')).toEqual([id]);
        } finally { await store.close(); }
      }
    });

    it('answers citation lookups made together with one query, each with its own cases', async () => {
      const url = await db.fresh();
      const store = PostgresStore.open(url);
      try {
        await store.migrate();
        const cite = (page: string) => ({ volume: '999', reporter: 'F.9th', page });
        await store.upsertCases({ cases: [
          caseInput('1', { citations: [cite('1')] }), caseInput('2', { citations: [cite('2')] }), caseInput('3', { citations: [cite('2')] }),
        ] });
        const spy = vi.spyOn(store.db.pool, 'query');
        const pages = ['1', '2', '3', '2', ' 1 '];
        const answers = await Promise.all(pages.map((p) => store.findCasesByCitation('999', 'F. 9th', p)));
        expect(spy).toHaveBeenCalledTimes(1);
        spy.mockRestore();
        expect(answers.map((a) => a.map((c) => c.source_id))).toEqual([
          ['cluster:1'], ['cluster:2', 'cluster:3'], [], ['cluster:2', 'cluster:3'], ['cluster:1'],
        ]);
        expect((await store.findCasesByCitation('999', 'F.9th', '2')).length).toBe(2);
      } finally { await store.close(); }
    });

    it('sends reads to replicas round-robin and writes to the primary', async () => {
      // Three schemas stand in for a primary and two replicas, each holding a different case, so every answer
      // shows which server gave it. (scripts/pg-replica-demo.sh runs real streaming replication.)
      const [p, r1, r2] = [await db.fresh(), await db.fresh(), await db.fresh()];
      for (const [url, name] of [[p, 'Primary'], [r1, 'Replica1'], [r2, 'Replica2']] as const) {
        const s = await openStore({ database_url: url, env: {} });
        await s.upsertCases({ cases: [caseInput('x', { case_name: `${name} v. Server` })] });
        await s.close();
      }
      const store = await openStore({ database_url: p, read_database_urls: [r1, r2], env: {} });
      try {
        const id = caseIdFor('test', 'cluster:x');
        const names = [];
        for (let i = 0; i < 4; i++) names.push((await store.getCase(id))?.case_name);
        expect(names).toEqual(['Replica1 v. Server', 'Replica2 v. Server', 'Replica1 v. Server', 'Replica2 v. Server']);
        expect((await store.search({ text: 'server' })).items[0]?.case.case_name).toBe('Replica1 v. Server');
        await store.upsertCases({ cases: [caseInput('y', { case_name: 'Written v. Primary' })] });
        await store.setCheckpoint('imp', { at: 1 });
        expect(await store.getCheckpoint('imp')).toEqual({ at: 1 });
        expect((await store.stats()).cases).toBe(2); // stats, like checkpoints, come from the primary
        expect((await raw<{ n: number }>(r1, 'SELECT count(*)::int AS n FROM cases'))[0]?.n).toBe(1);
      } finally { await store.close(); }
    });

    it('falls back to the primary when a replica is unreachable', async () => {
      const p = await db.fresh();
      const s = await openStore({ database_url: p, env: {} });
      await s.upsertCases({ cases: [caseInput('x', { case_name: 'Primary v. Fallback' })] });
      await s.close();
      const store = await openStore({ database_url: p, read_database_urls: ['postgres://u:hunter22@127.0.0.1:1/x'], env: {} });
      try {
        expect((await store.getCase(caseIdFor('test', 'cluster:x')))?.case_name).toBe('Primary v. Fallback');
      } finally { await store.close(); }
    });

    it('reports writes sent to a read-only server as cannot_write', async () => {
      const url = await db.fresh();
      await (await openStore({ database_url: url, env: {} })).close();
      const ro = new URL(url);
      ro.searchParams.set('options', `${ro.searchParams.get('options')} -c default_transaction_read_only=on`);
      const store = PostgresStore.open(ro.toString());
      try {
        const err = await expectClearlyError(store.upsertCases({ cases: [caseInput('1')] }), 'cannot_write');
        expect(err.hint).toMatch(/primary/);
      } finally { await store.close(); }
    });
  });
}
