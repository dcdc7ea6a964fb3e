/** opinion_facets (migration 4) must always equal opinions joined to their cases, whatever the writes. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type CaseInput, type Store } from '../index.js';
import { Statements } from './connection.js';
import { filterShare } from './filter-share.js';
import { caseFilterSql } from './rows.js';

// Fictional cases (test data only).
const kase = (n: number, circuit: string, opinions: string[], status = 'published'): CaseInput => ({
  source: 'test', source_id: `k${n}`, case_name: `Epsilon ${n} v. Zeta`, court_id: `ca${circuit}`, circuit,
  decision_date: `20${String(10 + (n % 10)).padStart(2, '0')}-03-01`, precedential_status: status as CaseInput['precedential_status'],
  citations: [], opinions: opinions.map((o) => ({ source_id: o, type: 'majority', text: `The officer and the dog (${o}).` })),
});

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function open(): Promise<{ store: Store; path: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'clearly-facets-'));
  dirs.push(dir);
  const path = join(dir, 's.db');
  const store = await openStore({ db: path, env: {} });
  stores.push(store);
  return { store, path };
}

const JOINED = `SELECT o.seq, c.id, c.court_id, c.circuit, c.decision_date, c.precedential_status
  FROM opinions o JOIN cases c ON c.id = o.case_id ORDER BY o.seq`;
const FACETS = 'SELECT seq, id, court_id, circuit, decision_date, precedential_status FROM opinion_facets ORDER BY seq';

function expectFacetsEqualJoin(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    const joined = db.prepare(JOINED).all();
    expect(db.prepare(FACETS).all()).toEqual(joined);
    return joined.length;
  } finally {
    db.close();
  }
}

describe('opinion_facets', () => {
  it('is filled by the migration from the opinions already stored', async () => {
    const { store, path } = await open();
    await store.upsertCases({ cases: [kase(1, '1', ['a', 'b']), kase(2, '5', ['c']), kase(3, '9', ['d'], 'unpublished')] });
    await store.close();
    stores.length = 0;
    // Back to schema version 3, as a file written before migration 4 is (migrations 5 to 7 undone too); opening it
    // again migrates.
    const db = new Database(path);
    db.exec(`DROP TRIGGER opinion_facets_insert; DROP TRIGGER opinion_facets_move; DROP TRIGGER opinion_facets_delete;
      DROP TRIGGER opinion_facets_case; DROP TABLE opinion_facets; DROP INDEX links_waiting_ref;
      ALTER TABLE citation_links DROP COLUMN cited_ref; DROP TRIGGER word_postings_opinion_insert;
      DROP TRIGGER word_postings_opinion_delete; DROP TRIGGER word_postings_opinion_update; DROP TRIGGER word_postings_case_name;
      DROP TABLE word_postings; DROP TABLE word_postings_state; DROP TABLE word_postings_changed; DELETE FROM schema_migrations WHERE version >= 4;`);
    db.close();
    stores.push(await openStore({ db: path, env: {} }));
    expect(expectFacetsEqualJoin(path)).toBe(4);
  });

  it('follows inserts, case changes, opinions moved to another case or dropped, and cascading deletes', async () => {
    const { store, path } = await open();
    await store.upsertCases({ cases: [kase(1, '1', ['a', 'b']), kase(2, '5', ['c'])] });
    expect(expectFacetsEqualJoin(path)).toBe(3);
    // Case 1 changes circuit and status and drops opinion b; case 2 takes opinion a from case 1.
    await store.upsertCases({ cases: [kase(1, '7', ['a'], 'unpublished')] });
    await store.upsertCases({ cases: [kase(2, '5', ['c', 'a'])] });
    expect(expectFacetsEqualJoin(path)).toBe(2);
    let db = new Database(path);
    db.pragma('foreign_keys = ON');
    // A case changed by itself (the store's writer always rewrites the opinions too; another writer may not).
    db.prepare("UPDATE cases SET circuit = '3', court_id = 'ca3', decision_date = '2001-01-01' WHERE source_id = 'k2'").run();
    db.close();
    expect(expectFacetsEqualJoin(path)).toBe(2);
    db = new Database(path);
    db.pragma('foreign_keys = ON');
    db.prepare("DELETE FROM cases WHERE source_id = 'k2'").run();
    db.close();
    expect(expectFacetsEqualJoin(path)).toBe(0);
  });
});

describe('filterShare', () => {
  it('estimates the share of opinions a filter keeps: none, all, or some', async () => {
    const { store, path } = await open();
    await store.upsertCases({ cases: Array.from({ length: 40 }, (_, n) => kase(n, n < 10 ? '2' : '1', [`o${n}`])) });
    const db = new Database(path, { readonly: true });
    try {
      const sql = new Statements(db);
      expect(filterShare(sql, caseFilterSql({}))).toBe(1);
      expect(filterShare(sql, caseFilterSql({ circuit: '3' }))).toBe(0);
      expect(filterShare(sql, caseFilterSql({ courts: ['ca1', 'ca2'] }))).toBe(1);
      const some = filterShare(sql, caseFilterSql({ circuit: '2' }));
      expect(some).toBeGreaterThan(0.15);
      expect(some).toBeLessThan(0.35);
    } finally {
      db.close();
    }
  });
});
