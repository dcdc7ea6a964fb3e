/**
 * `clearly migrate-store`'s copy keeps a source-supplied link that waits for a record not stored yet waiting in the
 * copy, so it is bound there when the record arrives (two SQLite stores; the PostgreSQL leg is in
 * test/pg-migrate-store.test.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openStore, type Store } from '../index.js';
import { caseIdFor, opinionIdFor } from '../records.js';
import { caseInput } from '../store-suite-fixtures.js';
import { NOT_IN_CORPUS } from '../types.js';
import { transfer } from './transfer.js';

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function store(): Promise<{ s: Store; path: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'clearly-transfer-'));
  dirs.push(dir);
  const path = join(dir, 's.db');
  const s = await openStore({ db: path, env: {} });
  stores.push(s);
  return { s, path };
}

it('keeps a waiting supplied link waiting in the copy, where it binds when its record is written', async () => {
  const { s: from, path } = await store();
  const waitsFor = opinionIdFor('test', 'opinion:z');
  await from.upsertCases({
    cases: [caseInput('a')],
    links: [{ opinion_id: opinionIdFor('test', 'opinion:a'), links: [{ text: 'supplied', origin: 'test', unresolved_reason: NOT_IN_CORPUS, cited_ref: waitsFor }] }],
  });
  const { s: to } = await store();
  await transfer(from, to, { source: { path }, key: 'test-transfer' });
  const a = caseIdFor('test', 'cluster:a');
  expect((await to.cites(a)).items.map((e) => [e.link.cited_case_id, e.link.cited_ref])).toEqual([[null, waitsFor]]);

  const written = await to.upsertCases({ cases: [caseInput('z')] });
  expect(written.bound_links).toBe(1);
  expect((await to.cites(a)).items.map((e) => [e.link.cited_case_id, e.link.cited_ref])).toEqual([[caseIdFor('test', 'cluster:z'), undefined]]);
});
