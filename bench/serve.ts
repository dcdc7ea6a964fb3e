/**
 * `npm run bench:serve`: `clearly serve` (a separate process, as users run it) on loopback against a store of N
 * opinions; 32 concurrent connections send a mix of search, case and assess requests for D seconds; then the
 * same with an import writing into the store; then 10,000 malformed requests, after which the server must still
 * answer. Requests go only to 127.0.0.1; every loop is bounded in count and time.
 *   BENCH_OPINIONS (default 100000)  BENCH_SECONDS (default 60)  BENCH_CONCURRENCY (default 32)
 *   BENCH_WORKERS (server processes, default one per core)  BENCH_MIX=search|case|assess (one kind only)
 *   BENCH_SKIP_IMPORT=1, BENCH_SKIP_MALFORMED=1 (only the first run)
 *   BENCH_NODE_ARGS: extra node options for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" (cluster workers
 *   inherit them; profiles are written when the server stops)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchStore, caseId, OUT_DIR } from './serve-corpus.js';
import { malformed } from './serve-malformed.js';

const N = Number(process.env.BENCH_OPINIONS ?? 100_000);
const SECONDS = Math.min(Number(process.env.BENCH_SECONDS ?? 60), 600);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const WORKERS = Number(process.env.BENCH_WORKERS ?? availableParallelism());
const BIN = fileURLToPath(new URL('../bin/clearly.js', import.meta.url));

const TERMS = ['excessive force', 'qualified immunity', '"police dog"', 'taser', 'summary judgment', 'fourth amendment',
  '"clearly established"', 'handcuffed', 'probable cause', 'deadly force', 'warrant', 'arrest NOT warrant', 'seiz*', 'vehicle OR fled'];
const INCIDENTS = [
  { date: '2019-03-02', state: 'Ohio', facts: 'The officer released a police dog on a man sitting with his hands raised.' },
  { date: '2016-07-01', state: 'Texas', facts: 'An officer tased a handcuffed man who was lying on the ground.' },
  { date: '2021-01-15', circuit: '9', facts: 'Officers shot at a car driving away from them.' },
];

interface Req { kind: string; path: string; init?: RequestInit }

// BENCH_MIX=search|case|assess sends only that kind (to see which one bounds the mixed figure).
const ONLY = { search: 0, case: 6, assess: 9 }[process.env.BENCH_MIX ?? ''];

function mixed(i: number): Req {
  const r = ONLY ?? i % 10;
  if (r < 6) {
    const term = TERMS[i % TERMS.length]!;
    const filter = i % 3 === 0 ? `&circuit=${1 + (i % 11)}` : i % 3 === 1 ? `&before=20${10 + (i % 14)}-01-01` : '';
    return { kind: 'search', path: `/v1/search?q=${encodeURIComponent(term)}${filter}&limit=20` };
  }
  if (r < 9) return { kind: 'case', path: `/v1/cases/${caseId((i * 7919) % N)}` };
  return { kind: 'assess', path: '/v1/assess', init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(INCIDENTS[i % INCIDENTS.length]) } };
}

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function load(base: string, seconds: number, label: string) {
  const lat: Record<string, number[]> = {};
  const errors: string[] = [];
  let n = 0;
  const stopAt = performance.now() + seconds * 1000;
  const worker = async (): Promise<void> => {
    while (performance.now() < stopAt && n < 10_000_000) {
      const req = mixed(n++);
      const t = performance.now();
      try {
        const res = await fetch(base + req.path, req.init);
        await res.arrayBuffer();
        if (res.status !== 200) errors.push(`${res.status} ${req.path}`);
      } catch (e) {
        errors.push(`${(e as Error).message} ${req.path}`);
      }
      (lat[req.kind] ??= []).push(performance.now() - t);
      (lat.all ??= []).push(performance.now() - t);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (performance.now() - t0) / 1000;
  const summary = Object.fromEntries(Object.entries(lat).map(([k, v]) => {
    const s = [...v].sort((a, b) => a - b);
    return [k, { requests: v.length, p50: +pct(s, 50).toFixed(1), p95: +pct(s, 95).toFixed(1), p99: +pct(s, 99).toFixed(1) }];
  }));
  const rps = (lat.all?.length ?? 0) / elapsed;
  process.stdout.write(`\n${label}: ${rps.toFixed(0)} req/s over ${elapsed.toFixed(0)} s, ${errors.length} errors\n`);
  for (const [k, v] of Object.entries(summary)) process.stdout.write(`  ${k.padEnd(7)} n=${String(v.requests).padStart(7)}  p50 ${v.p50} ms  p95 ${v.p95} ms  p99 ${v.p99} ms\n`);
  if (errors.length) process.stdout.write(`  first errors: ${errors.slice(0, 5).join(' | ')}\n`);
  return { rps: +rps.toFixed(1), seconds: +elapsed.toFixed(1), errors: errors.length, latency_ms: summary };
}

function startServer(db: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, BIN, 'serve', '--db', db, '--port', '0', '--host', '127.0.0.1', '--workers', String(WORKERS), '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout!.once('data', (d: Buffer) => resolve({ child, url: (JSON.parse(d.toString().split('\n')[0]!) as { url: string }).url }));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

const { store, path, real } = await benchStore(N);
if (process.env.BENCH_BUILD_ONLY) {
  await store.close();
  process.exit(0);
}
const stats = await store.stats();
await store.close();
const { child, url } = await startServer(path);
process.stdout.write(`server ${url}, store ${path}: ${stats.cases} cases (${real ? 'real opinion texts' : 'synthetic texts'}), ${CONCURRENCY} connections, ${WORKERS} server workers, load average ${loadavg()[0]!.toFixed(1)}\n`);
try {
  // Warm-up: loads the knowledge base into the store (first assessment) and the page cache.
  for (let i = 0; i < 50; i++) await (await fetch(url + mixed(i).path, mixed(i).init)).arrayBuffer();
  const base = await load(url, SECONDS, 'mixed load');
  if (process.env.BENCH_SKIP_IMPORT) {
    writeFileSync(`${OUT_DIR}serve-results-${process.env.BENCH_MIX || 'mixed'}.json`, `${JSON.stringify({ opinions: stats.cases, mix: process.env.BENCH_MIX || 'mixed', workers: WORKERS, load_average: loadavg(), run: base }, null, 2)}\n`);
    child.kill('SIGTERM');
    process.exit(0);
  }
  // node --import tsx (not the tsx wrapper), so SIGTERM reaches the writer itself and it reports what it wrote.
  const writer = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./serve-writer.ts', import.meta.url)), path, String(SECONDS + 30)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const writerExit = new Promise((r) => writer.once('exit', r)); // it may stop by itself (its own time limit)
  let wrote = '';
  writer.stdout!.on('data', (d: Buffer) => { wrote += d.toString(); });
  await new Promise((r) => setTimeout(r, 8000)); // let the writer load and open the store before measuring
  const withImport = await load(url, SECONDS, 'mixed load with an import writing');
  writer.kill('SIGTERM');
  await writerExit;
  const imported = wrote ? (JSON.parse(wrote) as { written: number }).written : 0;
  process.stdout.write(`  import wrote ${imported} cases meanwhile\n`);
  const bad = await malformed(url, 10_000, CONCURRENCY);
  const result = { date: new Date().toISOString(), opinions: stats.cases, real_texts: real, concurrency: CONCURRENCY, workers: WORKERS, load_average: loadavg(), mixed: base, with_import: { ...withImport, imported }, malformed: bad };
  writeFileSync(`${OUT_DIR}serve-results.json`, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`\nresults written to ${OUT_DIR}serve-results.json\n`);
} finally {
  child.kill('SIGTERM');
}
