/**
 * `npm run bench:assess [-- --n 100000 --queries 60]`: latency of `assess` (finder + assessment, without rendering)
 * on a store of N synthetic coded cases plus the built-in knowledge base. Target: p95 < 200 ms at 100k (issue 4).
 * The synthetic corpus models a federal appellate collection in which most opinions are not about police force:
 * FORCE_SHARE of the cases are force cases whose text carries the search phrases of their 2–5 factors, the rest
 * are opinions over a 5,000-word generic vocabulary (a quarter mention words such as "shot", "seizure" or
 * "burglary", as criminal appeals do).
 * Every case has a machine coding. No real case, name or citation is used. The store is built once and kept in
 * the temp directory (reused while N matches), since building 100k cases takes minutes. A benchmark, not a test.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assess } from '../src/assess/index.js';
import { defaultRules } from '../src/precedent/index.js';
import { withKnowledgeBase } from '../src/precedent/knowledge.js';
import { SEARCH_TERMS } from '../src/precedent/search-terms.js';
import type { Incident } from '../src/precedent/types.js';
import { allFactors } from '../src/qi/rules/index.js';
import { openStore, type CaseInput, type Store } from '../src/store/index.js';

const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const N = arg('n', 100_000);
const QUERIES = arg('queries', 60);

// mulberry32: a small seeded generator in 32-bit integer arithmetic (a float LCG loses precision and cycles).
let seed = 42;
const rand = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const factors = allFactors().filter((f) => !f.id.startsWith('proc.'));
const COURTS = ['ca1', 'ca2', 'ca3', 'ca4', 'ca5', 'ca6', 'ca7', 'ca8', 'ca9', 'ca10', 'ca11', 'cadc', 'ohsd', 'txsd', 'cand', 'nysd', 'scotus'];
const FILLER = 'the district court entered summary judgment and the parties dispute the record on appeal we review de novo the question whether the officer is entitled to qualified immunity turns on the facts viewed in the light most favorable to the plaintiff'.split(' ');

const FORCE_SHARE = 0.12;
const GENERIC = Array.from({ length: 5000 }, (_, k) => `w${k.toString(36)}`);
const phrasesOf = (id: string, label: string): readonly string[] => SEARCH_TERMS[id] ?? [label.toLowerCase()];

function synthetic(i: number): { input: CaseInput; coding: Record<string, unknown> } {
  const force = rand() < FORCE_SHARE;
  const fs = force ? Array.from({ length: 2 + Math.floor(rand() * 4) }, () => pick(factors)) : [];
  const words: string[] = [];
  for (let k = 0; k < 300; k++) {
    if (force && rand() < 0.04) words.push(pick(phrasesOf(...((f) => [f.id, f.label] as const)(pick(fs)))));
    else if (!force && rand() < 0.001) words.push(pick(['shot', 'prison', 'inmate', 'school', 'jail', 'seizure', 'handcuffed', 'burglary']));
    else words.push(rand() < 0.5 ? pick(FILLER) : pick(GENERIC));
  }
  const court = pick(COURTS);
  const year = 1990 + Math.floor(rand() * 34);
  const date = `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
  const prong1 = force ? pick(['violation', 'no_violation', 'not_reached', null]) : null;
  return {
    input: {
      source: 'bench', source_id: `syn:${i}`, case_name: `Synthetic${i} v. Fictional${i}`, court_id: court,
      circuit: court === 'scotus' ? null : court.replace(/^ca/, '').replace(/^ohsd$/, '6').replace(/^txsd$/, '5').replace(/^cand$/, '9').replace(/^nysd$/, '2'),
      decision_date: date, precedential_status: rand() < 0.8 ? 'published' : 'unpublished',
      citations: [{ volume: String(1 + (i % 999)), reporter: 'F.4th', page: String(10_000 + i) }],
      opinions: [{ source_id: `syn-op:${i}`, type: 'majority', text: words.join(' ') }],
    },
    coding: {
      decides_qi: force, outcome: null, prong1, prong2: null, posture: null, right: force ? 'fourth_amendment_excessive_force' : null,
      factors: [...new Set(fs.map((f) => f.id))].map((id) => ({ id, evidence: `Synthetic sentence about ${id}.`, confidence: 0.7 })),
      precedents: [], coded_by: { coder: 'machine', method: 'bench synthetic' },
    },
  };
}

async function build(path: string): Promise<void> {
  const tmp = `${path}.building`;
  rmSync(tmp, { force: true });
  const store = await openStore({ db: tmp, env: {} });
  const t0 = performance.now();
  for (let start = 0; start < N; start += 2000) {
    const batch = Array.from({ length: Math.min(2000, N - start) }, (_, k) => synthetic(start + k));
    const { ids } = await store.upsertCases({ cases: batch.map((b) => b.input) });
    for (const [k, b] of batch.entries()) await store.putQiCoding({ case_id: ids[k]!, coder: 'machine', coding: b.coding as never });
    if ((start / 2000) % 10 === 0) process.stderr.write(`bench: built ${start + batch.length}/${N} cases (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`);
  }
  await store.close();
  renameSync(tmp, path);
}

function incidents(): Incident[] {
  return Array.from({ length: QUERIES }, (_, q) => {
    const fs = Array.from({ length: 2 + (q % 3) }, () => pick(factors));
    return {
      date: `${2005 + (q % 18)}-06-15`, state: null, district: null, circuit: String(1 + (q % 11)), actor: null,
      right: 'fourth_amendment_excessive_force', posture: null,
      facts: `Hypothetical: ${fs.map((f) => f.label.toLowerCase()).join('; ')}.`, factors: fs.map((f) => ({ id: f.id, from: 'given' as const, confidence: 1 })),
    };
  });
}

const dir = join(tmpdir(), 'clearly-bench');
mkdirSync(dir, { recursive: true });
const path = join(dir, `assess-v4-${N}.db`);
if (!existsSync(path)) await build(path);
const store: Store = await openStore({ db: path, env: {} });
const { seedIds } = await withKnowledgeBase(store);
const rules = defaultRules();
const times: number[] = [];
let examined = 0;
for (const [q, incident] of incidents().entries()) {
  const t0 = performance.now();
  const a = await assess(store, incident, rules, { seedIds });
  const ms = performance.now() - t0;
  if (q >= 3) times.push(ms); // the first queries warm SQLite's page cache and the prepared statements
  examined += a.corpus.cases_examined - seedIds.length;
  if (q === 0) process.stderr.write(`bench: first assessment listed ${a.precedents.length} precedents from ${a.corpus.cases_examined} candidates\n`);
}
await store.close();
times.sort((a, b) => a - b);
const at = (p: number): number => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
console.log(`assess on ${N.toLocaleString('en-US')} synthetic coded cases + knowledge base, ${times.length} queries: ` +
  `p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${at(1).toFixed(1)} ms (target p95 < 200 ms); ` +
  `${(examined / QUERIES).toFixed(0)} corpus candidates per query on average besides the ${seedIds.length} knowledge-base decisions`);
