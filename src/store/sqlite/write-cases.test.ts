import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../open.js';
import { caseInput } from '../store-suite-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'clearly-write-cases-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** FTS5's own check that the external-content index matches the rows it was built from. */
function ftsIntact(path: string): void {
  const raw = new Database(path);
  try {
    raw.prepare("INSERT INTO opinion_fts (opinion_fts, rank) VALUES ('integrity-check', 1)").run();
  } finally {
    raw.close();
  }
}

describe('SQLite case writes and the search index', () => {
  it('keeps the index exact when a new case takes over an opinion stored under another case', async () => {
    const path = join(dir, 'moved.db');
    const store = await openStore({ db: path, env: {} });
    const shared = { id: 'o_shared', source_id: 'opinion:shared', type: 'majority' };
    await store.upsertCases({ cases: [caseInput('1', { case_name: 'Zebra v. Quagga', opinions: [{ ...shared, text: 'Onager opinion text.' }] })] });
    expect((await store.search({ text: 'onager' })).items).toHaveLength(1);
    // A different case (new source id) now carries the same opinion, with new text.
    const r = await store.upsertCases({ cases: [caseInput('2', { case_name: 'Okapi v. Tapir', opinions: [{ ...shared, text: 'Kiang opinion text.' }] })] });
    expect(r.inserted).toBe(1);
    expect((await store.search({ text: 'onager' })).items).toHaveLength(0);
    expect((await store.search({ text: 'zebra' })).items).toHaveLength(0);
    expect((await store.search({ text: 'kiang okapi' })).items.map((h) => h.case.case_name)).toEqual(['Okapi v. Tapir']);
    await store.close();
    expect(() => ftsIntact(path)).not.toThrow();
  });

  it('stores opinion text exactly as given (as TEXT, multi-byte and lone surrogates alike) and indexes it', async () => {
    const path = join(dir, 'text.db');
    const store = await openStore({ db: path, env: {} });
    const texts = ['Señor Ocelot — “quoted” 日本 text.', 'Margay text with a lone \uD800 surrogate.', ''];
    await store.upsertCases({ cases: texts.map((text, i) => caseInput(String(i), { opinions: [{ source_id: `opinion:${i}`, type: 'majority', text }] })) });
    await store.close();
    const raw = new Database(path);
    const stored = raw.prepare('SELECT typeof(text) AS type, hex(text) AS hex FROM opinions ORDER BY seq').all();
    // What binding each text as a string stores (better-sqlite3 writes a lone surrogate as WTF-8).
    const expected = raw.prepare(`SELECT typeof(v) AS type, hex(v) AS hex FROM (${texts.map(() => 'SELECT ? AS v').join(' UNION ALL ')})`).all(...texts);
    expect(stored).toEqual(expected);
    expect(raw.prepare("SELECT rowid FROM opinion_fts WHERE opinion_fts MATCH 'ocelot OR margay' ORDER BY rowid").pluck().all()).toHaveLength(2);
    raw.close();
    expect(() => ftsIntact(path)).not.toThrow();
  });

  it('indexes new cases once, and re-indexes an updated one', async () => {
    const path = join(dir, 'fresh.db');
    const store = await openStore({ db: path, env: {} });
    await store.upsertCases({ cases: [caseInput('1'), caseInput('2', { opinions: [{ source_id: 'opinion:2', type: 'majority', text: 'Gnu text.' }] })] });
    await store.upsertCases({ cases: [caseInput('2', { opinions: [{ source_id: 'opinion:2', type: 'majority', text: 'Eland text.' }] })] });
    expect((await store.search({ text: 'gnu' })).items).toHaveLength(0);
    expect((await store.search({ text: 'eland' })).items).toHaveLength(1);
    await store.close();
    expect(() => ftsIntact(path)).not.toThrow();
  });

  it('keeps the index exact when one batch writes the same case twice, the second time with other opinions', async () => {
    const path = join(dir, 'twice.db');
    const store = await openStore({ db: path, env: {} });
    const first = caseInput('3', { opinions: [
      { source_id: 'opinion:3a', type: 'majority', text: 'Impala text.' }, { source_id: 'opinion:3b', type: 'dissent', text: 'Oryx text.' },
    ] });
    const second = caseInput('3', { case_name: 'Kudu v. Dikdik', opinions: [{ source_id: 'opinion:3a', type: 'majority', text: 'Springbok text.' }] });
    const r = await store.upsertCases({ cases: [first, second], checkpoint: { import_key: 'test:twice', state: null } });
    expect([r.inserted, r.updated]).toEqual([1, 1]);
    for (const gone of ['impala', 'oryx']) expect((await store.search({ text: gone })).items).toHaveLength(0);
    expect((await store.search({ text: 'springbok kudu' })).items.map((h) => h.case.case_name)).toEqual(['Kudu v. Dikdik']);
    await store.close();
    expect(() => ftsIntact(path)).not.toThrow();
  });
});
