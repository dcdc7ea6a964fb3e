/**
 * Primary + streaming replica, end to end: writes synthetic cases into the primary through the PostgreSQL store,
 * waits until the replica has replayed them, then searches through a store opened with --read-database-url and
 * shows the answers come from the replica (a server in recovery) while writes to the replica are refused.
 *
 *   npx tsx bench/pg-replica.ts PRIMARY_URL REPLICA_URL [CASES]
 *
 * scripts/pg-replica-demo.sh starts both servers on loopback and runs this. The texts are generated (fictional
 * parties, no real case law); import throughput here is the store's write path alone, not the bulk importer.
 */
import pg from 'pg';
import { openStore } from '../src/store/open.js';
import { redactUrl } from '../src/store/postgres/redact.js';
import type { CaseInput } from '../src/store/types.js';

const [primaryUrl, replicaUrl, nArg] = process.argv.slice(2);
if (!primaryUrl || !replicaUrl) {
  process.stderr.write('usage: npx tsx bench/pg-replica.ts PRIMARY_URL REPLICA_URL [CASES]\n');
  process.exit(2);
}
const N = Number(nArg ?? 2000);
const WORDS = ['officer', 'force', 'taser', 'arrest', 'warrant', 'search', 'seizure', 'handcuffs', 'compliant', 'threat',
  'probable', 'cause', 'immunity', 'clearly', 'established', 'precedent', 'summary', 'judgment', 'reasonable', 'jury'];

function opinionText(i: number): string {
  const out: string[] = [];
  let x = i * 2654435761 >>> 0;
  for (let w = 0; w < 400; w++) { x = (x * 1103515245 + 12345) >>> 0; out.push(WORDS[(x >>> 16) % WORDS.length]!); }
  return `Fictional opinion ${i}. ${out.join(' ')}.`;
}

async function scalar<T>(url: string, sql: string): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try { return (await c.query(sql)).rows[0].v as T; } finally { await c.end(); }
}

const ms = (t: bigint): number => Number(process.hrtime.bigint() - t) / 1e6;
const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

const primary = await openStore({ database_url: primaryUrl, env: {} });
let t = process.hrtime.bigint();
for (let i = 0; i < N; i += 500) {
  const cases: CaseInput[] = [];
  for (let j = i; j < Math.min(N, i + 500); j++) {
    cases.push({ source: 'demo', source_id: `cluster:${j}`, case_name: `Doe ${j} v. Roe ${j}`, court_id: j % 2 ? 'ca6' : 'ca5',
      circuit: j % 2 ? '6' : '5', decision_date: `${2000 + (j % 24)}-01-15`, precedential_status: 'published',
      opinions: [{ source_id: `opinion:${j}`, type: 'majority', text: opinionText(j) }] });
  }
  await primary.upsertCases({ cases });
}
const importMs = ms(t);
await primary.close();

// Streaming replication is asynchronous: wait until the replica has replayed everything the primary wrote.
const target = await scalar<string>(primaryUrl, 'SELECT pg_current_wal_lsn()::text AS v');
t = process.hrtime.bigint();
while (!(await scalar<boolean>(replicaUrl, `SELECT pg_last_wal_replay_lsn() >= '${target}'::pg_lsn AS v`))) {
  await new Promise((r) => setTimeout(r, 20));
}
const catchUpMs = ms(t);

const store = await openStore({ database_url: primaryUrl, read_database_urls: [replicaUrl], env: {} });
const queries = ['taser', '"excessive force"', 'compliant AND threat', 'warrant OR seizure', 'clearly established NOT jury', 'immun*'];
const lat: number[] = [];
let hits = 0;
for (let round = 0; round < 5; round++) {
  for (const text of queries) {
    const q0 = process.hrtime.bigint();
    hits += (await store.search({ text, limit: 20 })).items.length;
    lat.push(ms(q0));
  }
}
const sample = (await store.search({ text: 'taser', courts: ['ca6'], limit: 1 })).items[0];
await store.close();

// The replica holds the rows and is in recovery (read-only); a write sent there is refused.
const replica = await openStore({ database_url: replicaUrl, env: {} }).catch((e: Error) => e);
const refused = replica instanceof Error ? replica.message : 'replica accepted a write?!';

const report = {
  primary: redactUrl(primaryUrl),
  replica: redactUrl(replicaUrl),
  replica_in_recovery: await scalar<boolean>(replicaUrl, 'SELECT pg_is_in_recovery() AS v'),
  replica_cases: Number(await scalar<string>(replicaUrl, 'SELECT count(*) AS v FROM cases')),
  cases_written: N,
  write_cases_per_s: Math.round(N / (importMs / 1000)),
  replica_catch_up_ms: Math.round(catchUpMs),
  search_on_replica_ms: { p50: +pct(lat, 0.5).toFixed(1), p95: +pct(lat, 0.95).toFixed(1), queries: lat.length, hits },
  sample_hit: sample ? { case_name: sample.case.case_name, snippet: sample.snippet.slice(0, 160) } : null,
  write_to_replica: refused,
};
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
