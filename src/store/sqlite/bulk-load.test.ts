import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../open.js';
import { caseInput } from '../store-suite-fixtures.js';
import type { Store } from '../store.js';

const dir = mkdtempSync(join(tmpdir(), 'clearly-bulk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshPath = (): string => join(dir, `t${++n}.db`);

/** The FTS5 settings stored in the index's config table (absent: FTS5's default). */
function ftsConfig(path: string): Record<string, number> {
  const raw = new Database(path, { readonly: true });
  try {
    const rows = raw.prepare("SELECT k, v FROM opinion_fts_config WHERE k IN ('automerge', 'crisismerge', 'hashsize')").all() as { k: string; v: number }[];
    return Object.fromEntries(rows.map((r) => [r.k, r.v]));
  } finally {
    raw.close();
  }
}

const DEFAULTS = { automerge: 4, crisismerge: 16, hashsize: 1 << 20 };
const importBatch = (store: Store, cases: ReturnType<typeof caseInput>[]) =>
  store.upsertCases({ cases, checkpoint: { import_key: 'test:bulk', state: { at: cases.length } } });

/** FTS5's own consistency check of the index against the opinions it was built from (throws when they differ). */
function integrityCheck(path: string): void {
  const raw = new Database(path);
  try {
    raw.exec("INSERT INTO opinion_fts (opinion_fts, rank) VALUES ('integrity-check', 1)");
  } finally {
    raw.close();
  }
}

describe('SQLite bulk-load settings during an import', () => {
  it('merges the search index less often while an import writes, and restores the defaults when it ends', async () => {
    const path = freshPath();
    const store = await openStore({ db: path, env: {} });
    await store.upsertCases({ cases: [caseInput('1')] }); // not an import's batch: settings untouched
    expect(ftsConfig(path)).toEqual({});
    await importBatch(store, [caseInput('2', { opinions: [{ source_id: 'opinion:2', type: 'majority', text: 'Excessive force was alleged.' }] })]);
    expect(ftsConfig(path).automerge).toBe(0); // no merging a little at each commit: only when crisismerge is reached
    expect(ftsConfig(path).crisismerge).toBeGreaterThan(DEFAULTS.crisismerge);
    expect(ftsConfig(path).hashsize).toBeGreaterThan(DEFAULTS.hashsize);
    await store.optimizeSearchIndex();
    expect(ftsConfig(path)).toEqual(DEFAULTS);
    expect((await store.search({ text: 'excessive force' })).items.map((h) => h.case.source_id)).toEqual(['cluster:2']);
    await store.close();
    integrityCheck(path);
  });

  it('restores the defaults when the store closes mid-import', async () => {
    const path = freshPath();
    const store = await openStore({ db: path, env: {} });
    await importBatch(store, [caseInput('1')]);
    await store.close();
    expect(ftsConfig(path)).toEqual(DEFAULTS);
  });

  it('indexes a re-imported case from its new text and name only', async () => {
    const path = freshPath();
    const store = await openStore({ db: path, env: {} });
    const two = (text: string, name: string) => caseInput('7', {
      case_name: name,
      opinions: [{ source_id: 'opinion:7a', type: 'majority', text }, { source_id: 'opinion:7b', type: 'dissent', text: `${text} Dissent.` }],
    });
    await importBatch(store, [two('The officer deployed a taser.', 'Alpha v. Beta')]);
    await importBatch(store, [two('The officer used pepper spray.', 'Gamma v. Delta')]);
    await store.optimizeSearchIndex();
    expect((await store.search({ text: 'taser' })).items).toHaveLength(0);
    expect((await store.search({ text: 'alpha' })).items).toHaveLength(0);
    expect((await store.search({ text: 'pepper spray' })).items.map((h) => h.case.case_name)).toEqual(['Gamma v. Delta']);
    await store.close();
    integrityCheck(path);
  });
});
