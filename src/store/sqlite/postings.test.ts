/**
 * Word postings (postings.ts, postings-rank.ts) must rank exactly as FTS5's bm25() does — same rows, same doubles —
 * and must never answer for an index that changed after they were built.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type CaseInput, type SearchHit, type SearchQuery, type Store } from '../index.js';
import { parseSearchQuery } from '../search-query.js';
import { BM25 } from './bm25.js';
import { Statements } from './connection.js';
import { buildPostings, decodePostings, encodePostings, indexTotals } from './postings.js';
import { rankWithPostings } from './postings-rank.js';
import { toFtsMatch } from './search.js';
import { doclistPages, onlySegment } from './fts5-doclist.js';
import { segments } from './fts5-segment.js';
import { changedCount } from './postings-delta.js';
import { phrasePages } from './phrase-postings.js';
import { queryTokens } from './query-tokens.js';

// Fictional cases from a small vocabulary (test data only): words of every frequency, some in case names.
const WORDS = ['officer', 'dog', 'force', 'warrant', 'arrest', 'detention', 'deadly', 'summary', 'judgment', 'taser',
  'vehicle', 'handcuffed', 'immunity', 'qualified', 'retaliation', 'speech', 'search', 'seizure', 'jail', 'medical'];

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function corpus(n: number, seed: number, from = 0): CaseInput[] {
  const r = random(seed);
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    // Zipf-like: word j appears with weight 1/(j+1); lengths vary 5–200 words; one word in two case names.
    const text = Array.from({ length: 5 + Math.floor(r() * 195) }, () => WORDS[Math.floor(WORDS.length * r() ** 2)]!).join(' ');
    const named = r() < 0.5 ? ` ${WORDS[Math.floor(r() * WORDS.length)]}` : '';
    return {
      source: 'test', source_id: `p${i}`, case_name: `Doe ${i}${named} v. Roe`, court_id: `ca${1 + (i % 7)}`,
      circuit: String(1 + (i % 7)), decision_date: `20${10 + (i % 13)}-06-01`, precedential_status: 'published', citations: [],
      opinions: [{ source_id: `o${i}`, type: 'majority', text: `${text}.` }, ...(r() < 0.2 ? [{ source_id: `o${i}b`, type: 'dissent', text: `${text} dog force.` }] : [])],
    } as CaseInput;
  });
}

const QUERIES = ['dog', 'officer force', 'summary judgment', 'force NOT deadly', '(arrest OR detention) AND warrant',
  'retaliation OR speech OR jail', 'qualified immunity NOT (taser OR vehicle)', 'medical', 'officer dog force warrant',
  '"dog"', 'force force', 'handcuffed NOT officer', '"summary judgment"', '"officer force"', '"dog dog"', '"force officer dog"',
  'qualified immunity "summary judgment"', '"dog force" NOT taser', '"officer dog" OR "dog officer"', '"medical jail"',
  // In the case name ("Doe 12 dog v. Roe"), and across the end of the name and the start of the text (never a phrase).
  '"v roe"', '"dog v"', 'officer "v roe"', '"roe officer"'];

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  delete process.env.CLEARLY_POSTINGS;
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function open(cases: CaseInput[]): Promise<{ store: Store; path: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'clearly-postings-'));
  dirs.push(dir);
  const path = join(dir, 's.db');
  const store = await openStore({ db: path, env: {} });
  stores.push(store);
  await store.upsertCases({ cases });
  return { store, path };
}

/**
 * Builds postings through a second connection, for every word held by `minOpinions` opinions or more; `pageSize`
 * sets FTS5's leaf page size first (small pages make position lists run across pages, as long ones do at scale).
 */
function build(path: string, minOpinions = 1, pageSize?: number): NonNullable<ReturnType<typeof buildPostings>> | null {
  const db = new Database(path);
  try {
    const sql = new Statements(db);
    return db.transaction(() => {
      if (pageSize) {
        sql.run("INSERT INTO opinion_fts (opinion_fts, rank) VALUES ('pgsz', ?)", BigInt(pageSize));
        sql.run("INSERT INTO opinion_fts (opinion_fts) VALUES ('rebuild')");
      }
      sql.run("INSERT INTO opinion_fts (opinion_fts) VALUES ('optimize')");
      return buildPostings(sql, { share: 0, minOpinions });
    })();
  } finally {
    db.close();
  }
}

const segmentCount = (sql: Statements): number => segments(sql.get<{ block: Buffer }>('SELECT block FROM opinion_fts_data WHERE id = 10')!.block)!.length;

function withDb<T>(path: string, fn: (sql: Statements, db: Database.Database) => T): T {
  const db = new Database(path);
  try {
    return fn(new Statements(db), db);
  } finally {
    db.close();
  }
}

const ftsRanking = (db: Database.Database, text: string): { seq: number; r: number }[] =>
  db.prepare(`SELECT rowid AS seq, ${BM25} AS r FROM opinion_fts WHERE opinion_fts MATCH ? ORDER BY r, rowid`)
    .all(toFtsMatch(parseSearchQuery(text))) as { seq: number; r: number }[];

async function allPages(store: Store, text: string, filter: Omit<SearchQuery, 'text'> = {}): Promise<SearchHit[]> {
  const hits: SearchHit[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.search({ ...filter, text, limit: 7, cursor });
    hits.push(...page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return hits;
}

describe('word postings', () => {
  it('store what the index holds, and read back what was stored', async () => {
    const { blob, count } = encodePostings([[3, 0, 2], [4, 1, 0], [900_000, 0, 300]]);
    expect(count).toBe(3);
    expect(decodePostings(blob, 3)).toEqual({
      seqs: Int32Array.from([3, 4, 900_000]), inName: Uint32Array.from([0, 1, 0]), inText: Uint32Array.from([2, 0, 300]),
    });
    const { path } = await open(corpus(120, 7));
    const built = build(path);
    withDb(path, (sql) => {
      sql.db.exec('CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, opinion_fts, row)');
      expect(built!.words).toBe(sql.get<{ n: number }>('SELECT count(*) AS n FROM temp.words')!.n);
      // Every word's postings, read from the index's pages, are what fts5vocab reports row by row.
      sql.db.exec('CREATE VIRTUAL TABLE temp.instances USING fts5vocab(main, opinion_fts, instance)');
      for (const { word, opinions, postings } of sql.all<{ word: string; opinions: number; postings: Buffer }>('SELECT * FROM word_postings')) {
        const p = decodePostings(postings, opinions);
        const expected = sql.all<{ doc: number; n: number; t: number }>(`SELECT doc, sum(col = 'case_name') AS n, sum(col = 'text') AS t
          FROM temp.instances WHERE term = ? GROUP BY doc ORDER BY doc`, word);
        expect({ word, seqs: [...p.seqs], n: [...p.inName], t: [...p.inText] }).toEqual({
          word, seqs: expected.map((e) => e.doc), n: expected.map((e) => e.n), t: expected.map((e) => e.t) });
      }
      const row = sql.get<{ opinions: number; postings: Buffer }>("SELECT opinions, postings FROM word_postings WHERE word = 'dog'")!;
      const fts = sql.get<{ n: number }>(`SELECT count(*) AS n FROM opinion_fts WHERE opinion_fts MATCH '"dog"'`)!;
      expect(row.opinions).toBe(fts.n);
      expect([...decodePostings(row.postings, row.opinions).seqs]).toEqual(
        sql.all<{ s: number }>(`SELECT rowid AS s FROM opinion_fts WHERE opinion_fts MATCH '"dog"' ORDER BY rowid`).map((x) => x.s));
    });
  });

  it.each([[undefined], [64]])('rank every query as bm25() does: the same rows, the same doubles (leaf pages of %s bytes)', async (pageSize) => {
    const { path } = await open(corpus(300, 11));
    build(path, 40, pageSize); // rarer words have no stored postings and are read from the index at search time
    withDb(path, (sql, db) => {
      const seg = onlySegment(sql, 'opinion_fts')!;
      const span = doclistPages(sql, 'opinion_fts', seg, 'offic')!;
      expect(span.last - span.first).toBeGreaterThan(pageSize ? 100 : 0);
      let phrased = 0;
      for (const text of QUERIES) {
        const fts = ftsRanking(db, text);
        const mine = rankWithPostings(sql, parseSearchQuery(text), 100_000);
        // Left to FTS5 only for a phrase of tokens of very different frequencies (phrasePages).
        const phrases = [...text.matchAll(/"([^"]+)"/g)].map((m) => queryTokens(sql, [m[1]!])[0]!).filter((t) => t.length > 1);
        expect(mine !== undefined, text).toBe(phrases.every((t) => phrasePages(sql, { table: 'opinion_fts', seg }, t) < Infinity));
        if (!mine) continue;
        if (phrases.length) phrased++;
        expect([...mine!.ranks], text).toEqual(fts.map((x) => x.r));
        // Equal ranks may come in either order; as sets per rank they must agree.
        const bySeq = new Map(fts.map((x) => [x.seq, x.r]));
        expect([...mine!.seqs].map((s) => bySeq.get(s)), text).toEqual([...mine!.ranks]);
        const window = rankWithPostings(sql, parseSearchQuery(text), 5)!;
        expect([...window.ranks], text).toEqual(fts.slice(0, 5).map((x) => x.r));
      }
      expect(phrased).toBeGreaterThanOrEqual(6);
    });
  });

  it('rank among the matches a filter keeps as FTS5 does, or leave it to FTS5 when few are kept', async () => {
    const { path } = await open(corpus(300, 29));
    build(path, 40);
    withDb(path, (sql, db) => {
      const most = indexTotals(sql).rows / 10;
      let ranked = 0;
      for (const text of QUERIES) {
        const fts = ftsRanking(db, text);
        for (const [name, kept] of [['a third', (s: number) => s % 3 === 0], ['one in fifty', (s: number) => s % 50 === 7], ['none', () => false]] as const) {
          const keep = (seqs: Int32Array): Set<number> => new Set([...seqs].filter(kept));
          const expected = fts.filter((x) => kept(x.seq));
          for (const window of [1, 2, 5, 40]) {
            // Batches of matches are offered best first (4 × window, then more) until `window` are kept, never more
            // than a tenth of the rows: the first batch holds what it needs, or FTS5 is left to do it.
            const mine = rankWithPostings(sql, parseSearchQuery(text), window, keep);
            const offered = Math.min(fts.length, expected.length >= window ? fts.indexOf(expected[window - 1]!) + 1 : fts.length);
            if (offered <= 4 * window && 4 * window <= most) expect(mine, `${text} ${name} ${window}`).toBeDefined();
            if (offered > most) expect(mine, `${text} ${name} ${window}`).toBeUndefined();
            if (!mine) continue;
            ranked++;
            expect([...mine.ranks], `${text} ${name} ${window}`).toEqual(expected.slice(0, window).map((x) => x.r));
            expect([...mine.seqs].every(kept), `${text} ${name} ${window}`).toBe(true);
          }
        }
      }
      expect(ranked).toBeGreaterThan(100);
    });
  });

  it('give searches the same pages, every hit once, as ranking with FTS5', async () => {
    const { store, path } = await open(corpus(300, 13));
    build(path);
    const filters: Omit<SearchQuery, 'text'>[] = [{}, { circuit: '3' }, { before: '2014-01-01' }, { after: '2011-01-01' }, { courts: ['ca2', 'ca5'], after: '2012-01-01' }];
    for (const text of QUERIES) for (const filter of filters) {
      const fast = await allPages(store, text, filter);
      process.env.CLEARLY_POSTINGS = '0';
      const slow = await allPages(store, text, filter);
      delete process.env.CLEARLY_POSTINGS;
      expect(fast.map((h) => [h.case.id, h.opinion_id, h.score, h.snippet]), text).toEqual(slow.map((h) => [h.case.id, h.opinion_id, h.score, h.snippet]));
      expect(new Set(fast.map((h) => h.case.id)).size, text).toBe(fast.length);
    }
  });

  it('stay exact through small changes after the build, and give way to FTS5 past maxChanged() and for prefixes', async () => {
    const cases = corpus(120, 17);
    const { store, path } = await open(cases);
    build(path);
    withDb(path, (sql) => {
      expect(rankWithPostings(sql, parseSearchQuery('dog force'), 50)).toBeDefined();
      expect(rankWithPostings(sql, parseSearchQuery('dog*'), 50)).toBeUndefined();
      expect(rankWithPostings(sql, parseSearchQuery('"dog force"'), 50)).toBeDefined();
    });
    // New cases, a case whose text changed, a case renamed, a case that lost its second opinion (deleted).
    const withDissent = cases.findIndex((c) => c.opinions.length === 2);
    const changed = cases.map((c, i) => {
      if (i === 3) return { ...c, opinions: [{ ...c.opinions[0]!, text: 'handcuffed handcuffed officer dog force summary judgment.' }] };
      if (i === 5) return { ...c, case_name: 'Summary Judgment Dog v. Force' };
      if (i === withDissent) return { ...c, opinions: [c.opinions[0]!] };
      return c;
    });
    const added = corpus(6, 99, 120);
    await store.upsertCases({ cases: [...changed.filter((_, i) => [3, 5, withDissent].includes(i)), ...added] });
    withDb(path, (sql, db) => {
      // Case 3's opinions (one rewritten, a dissent dropped if it had one), case 5's, the dropped dissent, the new.
      expect(changedCount(sql)).toBe(cases[3]!.opinions.length + cases[5]!.opinions.length + 1 + added.reduce((n, c) => n + c.opinions.length, 0));
      for (const text of QUERIES) {
        const fts = ftsRanking(db, text);
        const mine = rankWithPostings(sql, parseSearchQuery(text), 100_000);
        expect(mine, text).toBeDefined();
        expect([...mine!.ranks], text).toEqual(fts.map((x) => x.r));
        const bySeq = new Map(fts.map((x) => [x.seq, x.r]));
        expect([...mine!.seqs].map((s) => bySeq.get(s)), text).toEqual([...mine!.ranks]);
      }
      process.env.CLEARLY_POSTINGS_MAX_CHANGED = '8';
      try {
        expect(rankWithPostings(sql, parseSearchQuery('dog force'), 50)).toBeUndefined();
      } finally {
        delete process.env.CLEARLY_POSTINGS_MAX_CHANGED;
      }
      // Several segments now: the page reader refuses an index that is not optimized, and nothing is kept.
      expect(sql.db.transaction(() => buildPostings(sql, { share: 0 }))()).toBeNull();
      expect(sql.get<{ n: number }>('SELECT count(*) AS n FROM word_postings_state')!.n).toBe(0);
    });
    const hits = await allPages(store, 'dog force');
    process.env.CLEARLY_POSTINGS = '0';
    expect(hits).toEqual(await allPages(store, 'dog force'));
  });

  it('give searches the same pages as FTS5 after small changes, the changes found by the store', async () => {
    const { store, path } = await open(corpus(200, 31));
    build(path);
    await store.upsertCases({ cases: corpus(5, 37, 200) });
    for (const text of QUERIES) {
      const fast = await allPages(store, text, { circuit: '2' });
      const all = await allPages(store, text);
      process.env.CLEARLY_POSTINGS = '0';
      expect(fast.map((h) => [h.case.id, h.score, h.snippet]), text).toEqual((await allPages(store, text, { circuit: '2' })).map((h) => [h.case.id, h.score, h.snippet]));
      expect(all.map((h) => [h.case.id, h.score, h.snippet]), text).toEqual((await allPages(store, text)).map((h) => [h.case.id, h.score, h.snippet]));
      delete process.env.CLEARLY_POSTINGS;
    }
    withDb(path, (sql) => expect(rankWithPostings(sql, parseSearchQuery('officer'), 10)).toBeDefined());
  });

  it('are built by the import\'s last step once the store is large enough', async () => {
    const { store, path } = await open(corpus(60, 19));
    process.env.CLEARLY_POSTINGS_MIN_STORE = '50';
    try {
      await store.optimizeSearchIndex();
    } finally {
      delete process.env.CLEARLY_POSTINGS_MIN_STORE;
    }
    withDb(path, (sql) => {
      expect(sql.get<{ n: number }>('SELECT count(*) AS n FROM word_postings')!.n).toBeGreaterThan(0);
      expect(rankWithPostings(sql, parseSearchQuery('dog force'), 50)).toBeDefined();
    });
    const built = (): string => withDb(path, (sql) => sql.get<{ built: string }>('SELECT built FROM word_postings_state')!.built);
    const first = built();
    process.env.CLEARLY_POSTINGS_MIN_STORE = '50';
    try {
      await store.optimizeSearchIndex(); // postings that still describe the index are kept
      expect(built()).toBe(first);
      await store.upsertCases({ cases: corpus(1, 23, 60) });
      await store.optimizeSearchIndex(); // one opinion changed: kept, used with the change, no optimize
      expect(built()).toBe(first);
      withDb(path, (sql) => {
        expect(segmentCount(sql)).toBeGreaterThan(1);
        expect(rankWithPostings(sql, parseSearchQuery('dog force'), 50)).toBeDefined();
      });
      await store.upsertCases({ cases: corpus(2, 29, 61) });
      process.env.CLEARLY_POSTINGS_MAX_CHANGED = '2';
      await store.optimizeSearchIndex(); // more changed than that: optimized and built again
      expect(built()).not.toBe(first);
      withDb(path, (sql) => {
        expect(segmentCount(sql)).toBe(1);
        expect(changedCount(sql)).toBe(0);
      });
    } finally {
      delete process.env.CLEARLY_POSTINGS_MIN_STORE;
      delete process.env.CLEARLY_POSTINGS_MAX_CHANGED;
    }
  });
});
