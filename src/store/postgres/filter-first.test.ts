/**
 * Ranking among a filter's own cases (filter-first.ts) against ranking level by level over the corpus (search.ts):
 * the same pages — case, opinion, score, snippet, cursor — for every query and filter, and every hit once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../open.js';
import type { Store } from '../store.js';
import { caseInput, FILLER } from '../store-suite-fixtures.js';
import type { CaseInput, SearchHit, SearchQuery } from '../types.js';
import { parseSearchQuery } from '../search-query.js';
import { estimateShare, filterCaseIds, SELECTIVE_SHARE } from './filter-first.js';
import { levelOf, RANK } from './levels.js';
import { Db } from './pool.js';
import { caseFilterSql, Params } from './rows.js';
import { search, type SearchPlan } from './search.js';
import { raw, schemas, startTestServer } from './test-server.js';
import { positiveTsquery, toTsquery } from './tsquery.js';

const server = startTestServer();

/**
 * 60 fictional cases in three circuits over twenty years; a word repeated 0–60 times so its opinions spread over
 * every term-frequency level, the word in some case names (the top level), a phrase and its words out of order,
 * and a second opinion in some cases that ranks differently from the first.
 */
function corpus(): CaseInput[] {
  const reps = [0, 1, 2, 3, 5, 8, 13, 21, 34, 60];
  return Array.from({ length: 60 }, (_, i) => {
    const circuit = String(1 + (i % 3));
    const seizure = 'the seizure was contested. '.repeat(reps[i % reps.length]!);
    const dog = i % 4 === 0 ? 'the police dog bit him. ' : i % 4 === 1 ? 'the dog of the police barked. ' : '';
    const opinions = [{ source_id: `opinion:f${i}`, type: 'majority', text: `${FILLER} ${seizure}${dog}Search of the vehicle ${i}.` }];
    if (i % 5 === 0) {
      opinions.push({ source_id: `opinion:f${i}b`, type: 'dissent', text: `${'seizures and seized goods. '.repeat(i % 11)}The police dog.` });
    }
    return caseInput(`f${i}`, {
      case_name: i % 13 === 0 ? `Seizure Claimant${i} v. Officer${i}` : `Plaintiff${i} v. Defendant${i}`,
      court_id: `ca${circuit}`, circuit, decision_date: `${2000 + (i % 20)}-06-01`, opinions,
    });
  });
}

const QUERIES = ['seizure', 'seiz*', '"police dog"', 'seizure OR "police dog" OR vehicle', 'seizure NOT dog',
  'the NOT seizure', '(police OR seizure) AND vehicle', 'seizure AND "police dog"', 'nothingmatches'];
const FILTERS: Partial<SearchQuery>[] = [{ circuit: '2' }, { courts: ['ca1', 'ca3'], before: '2012-01-01' },
  { after: '2015-01-01' }, { circuit: '3', published: true }, { courts: ['ca9'] }, {}];

if ('skip' in server) {
  describe.skip('filter-first search plan', () => it(server.skip, () => {}));
} else {
  const schema = schemas(server.url);
  let store: Store;
  let db: Db;
  let url: string;
  beforeAll(async () => {
    url = await schema.fresh();
    store = await openStore({ database_url: url, env: {} });
    await store.upsertCases({ cases: corpus() });
    db = new Db(url);
  });
  afterAll(async () => {
    await db?.end();
    await store?.close();
    await schema.drop();
    server.stop();
  });

  /** Every page of a query under one plan, each page's items and cursor. */
  async function pages(q: SearchQuery, plan: SearchPlan): Promise<{ items: SearchHit[]; next: string | null }[]> {
    const out: { items: SearchHit[]; next: string | null }[] = [];
    let cursor: string | undefined;
    do {
      const page = await search(db, { ...q, ...(cursor ? { cursor } : {}) }, plan);
      out.push({ items: page.items, next: page.next_cursor });
      cursor = page.next_cursor ?? undefined;
    } while (cursor && out.length < 100);
    return out;
  }

  /** The definition both plans shortcut: every match scored, each case's best opinion, all cases in order. */
  async function everyMatch(q: SearchQuery): Promise<[string, number][]> {
    const p = new Params();
    const tree = parseSearchQuery(q.text);
    const tsq = toTsquery(tree, p);
    const positive = positiveTsquery(tree, p);
    const where = caseFilterSql(q, p);
    const rows = await db.sql.all<{ case_id: string; r: number }>(`
      SELECT case_id, r FROM (
        SELECT DISTINCT ON (o.case_id) o.case_id, (${levelOf(positive, 0)} + ${RANK(tsq)}) AS r
        FROM opinions o JOIN cases c ON c.id = o.case_id WHERE o.search @@ ${tsq} AND ${where}
        ORDER BY o.case_id, r DESC, o.seq) best
      ORDER BY r DESC, case_id`, p.values);
    return rows.map((r) => [r.case_id, r.r]);
  }

  describe('filter-first search plan', () => {
    it('pages, under either plan, are every match ranked in full, cut into pages', async () => {
      for (const text of QUERIES) {
        for (const filter of FILTERS) {
          const q: SearchQuery = { text, limit: 3, ...filter };
          const want = await everyMatch(q);
          for (const plan of ['levels', 'filter-first', 'auto'] as const) {
            const got = (await pages(q, plan)).flatMap((pg) => pg.items.map((h): [string, number] => [h.case.id, h.score]));
            expect(got, `${plan} ${JSON.stringify(q)}`).toEqual(want);
          }
        }
      }
    }, 120_000);

    it('gives the same pages as ranking level by level, for every query and filter, each hit once', async () => {
      let hits = 0;
      for (const text of QUERIES) {
        for (const filter of FILTERS) {
          for (const limit of [1, 50]) {
            const q: SearchQuery = { text, limit, ...filter };
            const levels = await pages(q, 'levels');
            const first = await pages(q, 'filter-first');
            expect(first, JSON.stringify(q)).toEqual(levels);
            const ids = first.flatMap((p) => p.items.map((h) => h.case.id));
            expect(new Set(ids).size, JSON.stringify(q)).toBe(ids.length);
            const scores = first.flatMap((p) => p.items.map((h) => h.score));
            expect(scores).toEqual([...scores].sort((a, b) => b - a));
            hits += ids.length;
          }
        }
      }
      expect(hits).toBeGreaterThan(500); // the comparison is over real pages, not empty ones
    }, 120_000);

    it('finds the hits a filter keeps when the whole corpus has many better ones', async () => {
      // Circuit 2 before 2005: a few cases, far below the best `seizure` matches of the corpus.
      const q: SearchQuery = { text: 'seizure', circuit: '2', before: '2005-01-01', limit: 2 };
      const got = (await pages(q, 'filter-first')).flatMap((p) => p.items.map((h) => h.case));
      expect(got.length).toBeGreaterThan(0);
      expect(got.every((c) => c.circuit === '2' && c.decision_date! < '2005-01-01')).toBe(true);
      expect(got.map((c) => c.id)).toEqual((await pages(q, 'levels')).flatMap((p) => p.items.map((h) => h.case.id)));
    });

    it('estimates a filter\'s share of the cases from the planner\'s statistics', async () => {
      await raw(url, 'ANALYZE cases');
      const sql = db.sql;
      expect(await estimateShare(sql, { text: 'x' })).toBeNull();
      // One circuit of three: about a third; no case in the ninth circuit: about none.
      const third = (await estimateShare(sql, { text: 'x', circuit: '2' }))!;
      expect(third.share).toBeGreaterThan(0.2);
      expect(third.share).toBeLessThan(0.5);
      expect(third.cases).toBe(60);
      expect((await estimateShare(sql, { text: 'x', courts: ['ca9'] }))!.share).toBeLessThanOrEqual(SELECTIVE_SHARE);
    });

    it('gives up reading a filter\'s case ids past the number allowed', async () => {
      expect(await filterCaseIds(db.sql, { text: 'x', circuit: '2' }, 19)).toBeNull();
      expect(await filterCaseIds(db.sql, { text: 'x', circuit: '2' }, 20)).toHaveLength(20);
      expect(await filterCaseIds(db.sql, { text: 'x', courts: ['ca9'] })).toEqual([]);
    });
  });
}
