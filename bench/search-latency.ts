/**
 * Search latency of one store, query by query: the fixed query set of bench/import.ts (no filter) and the terms of
 * bench/serve.ts with each filter it sends (none, a circuit, a `before` date), plus the two searches `clearly
 * assess` makes per incident. Each query runs once to warm the cache (not counted), then RUNS times.
 *
 *   flock /tmp/clearly-bench.lock npx tsx bench/search-latency.ts --db bench/out/serve-100000.db [--runs 5]
 *       [--dump results.json]      write every query's first page (case ids and scores) for a later --compare
 *       [--compare results.json]   report every query whose first page differs from the dump (ranking check)
 *       [--pg postgres://…]        measure a PostgreSQL store instead of --db
 *       [--check-snippets]         (SQLite) recompute every first-page snippet with snippet() over the corpus index
 *                                  (the pre-2026-11-24 method) and report any that differ from the store's
 *       [--json]                   print the result object as JSON
 *       [--warm]                   keep the store's reuse of rankings and snippets between searches (by default
 *                                  CLEARLY_RANKING_REUSE=0: every timed search ranks anew, as a first request would)
 * Store-level only (no HTTP): the cost the serve mix and assess pay per Store.search call. CLEARLY_POSTINGS=0 makes a
 * SQLite store rank every query with FTS5 even when it has word postings (src/store/sqlite/postings.ts), to compare.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import Database from 'better-sqlite3';
import { openStore, type SearchHit, type SearchQuery } from '../src/store/index.js';
import { toFtsMatch } from '../src/store/sqlite/search.js';
import { parseSearchQuery } from '../src/store/search-query.js';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const RUNS = Number(arg('--runs') ?? 5);
if (!args.includes('--warm')) process.env.CLEARLY_RANKING_REUSE = '0';

/** bench/import.ts QUERIES, verbatim. */
const IMPORT_QUERIES = ['qualified immunity', 'excessive force', '"clearly established"', 'probable cause', 'summary judgment',
  'fourth amendment', 'due process', 'habeas corpus', 'sentencing guidelines', 'miranda', 'taser*', 'deliberate indifference',
  'force NOT deadly', '(arrest OR detention) AND warrant', 'retaliation first amendment'];
/** bench/serve.ts TERMS, verbatim; serve sends each with no filter, `circuit=1..11` or `before=2010..2023-01-01`. */
const SERVE_TERMS = ['excessive force', 'qualified immunity', '"police dog"', 'taser', 'summary judgment', 'fourth amendment',
  '"clearly established"', 'handcuffed', 'probable cause', 'deadly force', 'warrant', 'arrest NOT warrant', 'seiz*', 'vehicle OR fled'];
/**
 * What gatherCandidates (src/precedent/candidates.ts searchText) sends for bench/serve.ts's three INCIDENTS: the
 * binding courts before the incident date (limit 15), then the whole corpus (limit 20), snippets unmarked.
 */
const ASSESS: { circuit: string; date: string; text: string }[] = [
  { circuit: '6', date: '2019-03-02', text: '"police dog" OR k9 OR canine OR "hands raised" OR "hands up" OR "hands in the air"' },
  { circuit: '5', date: '2016-07-01', text: 'taser OR tased OR "conducted energy" OR "while handcuffed" OR "already handcuffed" OR handcuffed OR "lying on the ground" OR "lying face down" OR "lying prone"' },
  { circuit: '9', date: '2021-01-15', text: '"shot at the car" OR "fired into the vehicle" OR "moving vehicle"' },
];

function querySet(): { label: string; q: SearchQuery }[] {
  const out: { label: string; q: SearchQuery }[] = [];
  for (const text of IMPORT_QUERIES) out.push({ label: `import ${text}`, q: { text, limit: 20 } });
  SERVE_TERMS.forEach((text, i) => {
    out.push({ label: `serve ${text}`, q: { text, limit: 20 } });
    out.push({ label: `serve ${text} circuit=${1 + (i % 11)}`, q: { text, limit: 20, circuit: String(1 + (i % 11)) } });
    out.push({ label: `serve ${text} before=20${10 + (i % 14)}`, q: { text, limit: 20, before: `20${10 + (i % 14)}-01-01` } });
  });
  const none = { open: '', close: '' };
  for (const a of ASSESS) {
    out.push({ label: `assess ca${a.circuit} binding`, q: { text: a.text, limit: 15, courts: ['scotus', `ca${a.circuit}`], before: a.date, highlight: none } });
    out.push({ label: `assess ca${a.circuit} all`, q: { text: a.text, limit: 20, highlight: none } });
  }
  return out;
}

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const stats = (t: number[]) => {
  const s = [...t].sort((a, b) => a - b);
  return { p50: pct(s, 0.5), p95: pct(s, 0.95), p99: pct(s, 0.99), max: s[s.length - 1]! };
};

const pg = arg('--pg');
const store = await openStore(pg ? { database_url: pg } : { db: arg('--db') ?? 'bench/out/serve-100000.db' });
const stored = await store.stats();
const rows: { label: string; hits: number; p50: number; p95: number; p99: number; max: number }[] = [];
const pages: Record<string, [string, number][]> = {};
const all: number[] = [];
/** Timings by query group (the label's first word: import, serve, assess); "import" is bench:import's fixed set. */
const groups: Record<string, number[]> = {};
const firstPages: { q: SearchQuery; items: SearchHit[] }[] = [];
try {
  for (const { label, q } of querySet()) {
    const first = await store.search(q);
    pages[label] = first.items.map((h) => [h.case.id, h.score]);
    firstPages.push({ q, items: first.items });
    const times: number[] = [];
    for (let k = 0; k < RUNS; k++) {
      const t0 = performance.now();
      await store.search(q);
      times.push(performance.now() - t0);
    }
    all.push(...times);
    (groups[label.split(' ')[0]!] ??= []).push(...times);
    rows.push({ label, hits: first.items.length, ...stats(times) });
  }
} finally {
  await store.close();
}

const result = { store: pg ? 'postgres' : arg('--db'), opinions: stored.opinions, runs: RUNS, load_average: loadavg().map((l) => +l.toFixed(2)), overall: stats(all), groups: Object.fromEntries(Object.entries(groups).map(([g, t]) => [g, { searches: t.length, ...stats(t) }])), queries: rows };
if (args.includes('--json')) console.log(JSON.stringify(result, null, 1));
else {
  console.log(`${result.store}: ${stored.opinions} opinions, ${RUNS} runs per query, load average ${result.load_average.join(' ')}`);
  console.log('| query | hits | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.label} | ${r.hits} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} |`);
  const o = result.overall;
  for (const [g, v] of Object.entries(result.groups)) console.log(`| all ${g} searches (${v.searches}) | | ${v.p50.toFixed(1)} | ${v.p95.toFixed(1)} | ${v.p99.toFixed(1)} |`);
  console.log(`| **overall** (${all.length} searches) | | ${o.p50.toFixed(1)} | ${o.p95.toFixed(1)} | ${o.p99.toFixed(1)} |`);
}
const dump = arg('--dump');
if (dump) writeFileSync(dump, JSON.stringify(pages));
const compare = arg('--compare');
if (compare) {
  const before = JSON.parse(readFileSync(compare, 'utf8')) as Record<string, [string, number][]>;
  let differ = 0;
  for (const [label, page] of Object.entries(pages)) {
    const old = before[label];
    const same = old !== undefined && old.length === page.length &&
      old.every(([id, s], i) => id === page[i]![0] && Math.abs(s - page[i]![1]) <= 1e-9 * Math.max(1, Math.abs(s)));
    if (!same) {
      differ++;
      console.log(`DIFFERS: ${label}\n  before ${JSON.stringify(old?.map((x) => x[0]))}\n  after  ${JSON.stringify(page.map((x) => x[0]))}`);
    }
  }
  console.log(`compare: ${Object.keys(pages).length - differ} of ${Object.keys(pages).length} first pages identical (ids, order, scores)`);
}

if (args.includes('--check-snippets') && !pg) {
  const db = new Database(arg('--db') ?? 'bench/out/serve-100000.db', { readonly: true });
  let checked = 0;
  let differ = 0;
  for (const { q, items } of firstPages) {
    const match = toFtsMatch(parseSearchQuery(q.text));
    for (const h of items) {
      const row = db.prepare(`SELECT snippet(opinion_fts, 1, @open, @close, '…', 32) AS s FROM opinion_fts
        WHERE opinion_fts MATCH @match AND rowid = (SELECT seq FROM opinions WHERE id = @id)`)
        .get({ match, id: h.opinion_id, open: q.highlight?.open ?? '<mark>', close: q.highlight?.close ?? '</mark>' }) as { s: string } | undefined;
      checked++;
      if (row?.s !== h.snippet) {
        differ++;
        if (differ <= 5) console.log(`SNIPPET DIFFERS: ${q.text} ${h.opinion_id}\n  corpus index: ${row?.s}\n  store:        ${h.snippet}`);
      }
    }
  }
  db.close();
  console.log(`snippets: ${checked - differ} of ${checked} identical to snippet() over the corpus index`);
}
