import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../open.js';
import { caseIdFor } from '../records.js';
import { caseInput, expectClearlyError } from '../store-suite-fixtures.js';
import { runStoreSuite } from '../store-suite.js';
import { SCHEMA_VERSION } from './migrate.js';

const dir = mkdtempSync(join(tmpdir(), 'clearly-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshPath = (): string => join(dir, `t${++n}`, 'clearly.db');

runStoreSuite('sqlite (temp file)', () => openStore({ db: freshPath(), env: {} }));

describe('SQLite store specifics', () => {
  it('runs in WAL mode with foreign keys on', async () => {
    const path = freshPath();
    const store = await openStore({ db: path, env: {} });
    const raw = new Database(path);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    await store.close();
  });

  it('lets a reader see committed data while another connection holds a write transaction', async () => {
    const path = freshPath();
    const store = await openStore({ db: path, env: {} });
    await store.upsertCases({ cases: [caseInput('1', { case_name: 'Committed v. Reader' })] });
    const writer = new Database(path);
    writer.pragma('busy_timeout = 1000');
    writer.exec('BEGIN IMMEDIATE');
    writer.prepare("UPDATE cases SET case_name = 'Uncommitted' WHERE source_id = 'cluster:1'").run();
    const id = caseIdFor('test', 'cluster:1');
    expect((await store.getCase(id))?.case_name).toBe('Committed v. Reader');
    expect((await store.search({ text: 'affirmed' })).items).toHaveLength(1);
    writer.exec('COMMIT');
    expect((await store.getCase(id))?.case_name).toBe('Uncommitted');
    writer.close();
    await store.close();
  });

  it('migrates an old (empty) file and refuses one from a newer clearly', async () => {
    const path = freshPath();
    const store = await openStore({ db: path, env: {} });
    await store.close();
    const raw = new Database(path);
    expect(raw.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: SCHEMA_VERSION });
    raw.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(SCHEMA_VERSION + 1, 'later');
    raw.close();
    const err = await expectClearlyError(openStore({ db: path, env: {} }), 'bad_data');
    expect(err.message).toContain(`schema version ${SCHEMA_VERSION + 1}`);
    expect(err.hint).toMatch(/Upgrade clearly/);
  });

  it('refuses a file that is not a database', async () => {
    const path = join(dir, 'not-a-db.txt');
    writeFileSync(path, 'hello, this is plainly not SQLite '.repeat(200));
    await expectClearlyError(openStore({ db: path, env: {} }), 'bad_data');
  });

  it('finds its file from CLEARLY_DB, then XDG_DATA_HOME, and supports :memory:', async () => {
    const viaEnv = join(dir, 'env', 'deep', 'c.db');
    const a = await openStore({ env: { CLEARLY_DB: viaEnv } });
    expect((a as unknown as { path: string }).path).toBe(viaEnv);
    await a.close();
    const b = await openStore({ env: { XDG_DATA_HOME: join(dir, 'xdg') } });
    expect((b as unknown as { path: string }).path).toBe(join(dir, 'xdg', 'clearly', 'clearly.db'));
    await b.close();
    const mem = await openStore({ db: ':memory:', env: {} });
    expect((await mem.stats()).cases).toBe(0);
    await mem.close();
  });

  it('refuses a database URL that is not PostgreSQL without echoing it', async () => {
    const err = await expectClearlyError(openStore({ env: { CLEARLY_DATABASE_URL: 'mysql://u:secret@h/db' } }), 'usage');
    expect(err.message).not.toContain('secret');
  });
});
