/**
 * `npm run bench:serve`: `clearly serve` (a separate process, as users run it) on loopback against a fresh copy of
 * a store of N opinions; 32 concurrent connections send a mix of search, case and assess requests for D seconds,
 * with the response cache on and then off; then the same (cache on) with an import writing into the store; then
 * 10,000 malformed requests, after which the server must still answer. Requests go only to 127.0.0.1; every loop
 * is bounded in count and time.
 *   BENCH_CACHE_RUNS=on,off (default)  BENCH_POOL=fixed (the pre-December request set)  BENCH_ZIPF (default 0.9)
 *   BENCH_OPINIONS (default 100000)  BENCH_SECONDS (default 60)  BENCH_CONCURRENCY (default 32)
 *   BENCH_WORKERS (server processes, default one per core)  BENCH_MIX=search|case|assess (one kind only)
 *   BENCH_SKIP_IMPORT=1, BENCH_SKIP_MALFORMED=1 (only the first run)  BENCH_WRITER_NICE=N (the import run's writer at nice N)
 *   BENCH_NODE_ARGS: extra node options for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" (cluster workers
 *   inherit them; profiles are written when the server stops)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, copyFileSync, fsyncSync, openSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchStore, caseId, OUT_DIR } from './serve-corpus.js';
import { treeCpuMs } from './proc-cpu.js';
import { malformed } from './serve-malformed.js';

const N = Number(process.env.BENCH_OPINIONS ?? 100_000);
const SECONDS = Math.min(Number(process.env.BENCH_SECONDS ?? 60), 600);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const WORKERS = Number(process.env.BENCH_WORKERS ?? availableParallelism());
const BIN = fileURLToPath(new URL('../bin/clearly.js', import.meta.url));

/**
 * The request pools. Real traffic repeats itself unevenly, so each kind draws from a pool of distinct requests
 * with a Zipf law (exponent ZIPF, default 0.9; rank order shuffled once with a fixed seed): a few requests are
 * frequent, most are rare. Search: SEARCH_TERMS × (no filter | a circuit | decided before a year | published
 * only) ≈ 6,600 distinct requests; case pages: every case of the store; assessments: FACTS × STATES × DATES =
 * 1,440 distinct incidents. The response cache's hit rate depends on exactly this, so it is reported, and the
 * same load is also run with the cache off (BENCH_CACHE_RUNS). BENCH_POOL=fixed sends the pre-2026-12 mix
 * instead (14 terms, 3 incidents, case ids stepped through in order).
 */
const SEARCH_TERMS = ['excessive force', 'qualified immunity', '"police dog"', 'taser', 'summary judgment', 'fourth amendment',
  '"clearly established"', 'handcuffed', 'probable cause', 'deadly force', 'warrant', 'arrest NOT warrant', 'seiz*', 'vehicle OR fled',
  'pepper spray', 'chokehold', 'strip search', 'search warrant', 'exigent circumstances', 'knock and announce', 'traffic stop',
  'reasonable suspicion', 'terry stop', 'frisk', 'false arrest', 'malicious prosecution', 'retaliation', '"first amendment"',
  'free speech', 'protest', 'recording police', 'deliberate indifference', 'medical care', 'prison guard', 'inmate', 'pretrial detainee',
  'jail', 'solitary confinement', 'due process', 'equal protection', 'monell', 'municipal liability', 'failure to train',
  'failure to intervene', 'bystander officer', 'shooting', 'shot', 'gun', 'firearm', 'knife', 'mental illness', 'suicide',
  'welfare check', 'home entry', 'curtilage', 'consent', 'miranda', 'interrogation', 'confession', 'coerced', 'fabricated evidence',
  'brady', 'identification', 'lineup', 'informant', 'search incident to arrest', 'impound*', 'inventory search', 'dog sniff',
  'canine', 'k9', 'bite', 'tackled', 'punched', 'kicked', 'baton', 'beanbag', 'rubber bullets', 'tear gas', 'restraint',
  'hogtie', 'prone', 'asphyxia', 'positional asphyxia', 'taser* AND handcuffed', 'fled NOT vehicle', 'high-speed chase', 'pursuit',
  'roadblock', 'ramming', 'juvenile', 'school resource officer', 'student', 'child', 'social worker', 'foster care',
  'warrantless arrest', 'arrest warrant', 'bail', 'excessive bail', 'detention', 'immigration', 'border', 'checkpoint',
  'drug', 'marijuana', 'cocaine', 'heroin', 'overdose', 'narcan', 'body camera', 'video', 'dashcam', 'dispatch',
  '"objectively unreasonable"', '"obvious case"', '"hands up"', '"hands raised"', '"lying on the ground"', 'surrender*',
  'resisting arrest', 'resisted', 'compliant', 'passive resistance', 'active resistance', 'threat', 'flight', 'escape',
  'sovereign immunity', 'eleventh amendment', 'heck v humphrey', 'statute of limitations', 'interlocutory appeal', 'collateral order',
  'remand', 'reversed', 'affirmed', 'dismiss*', 'pleading', 'iqbal', 'twombly', 'jury verdict', 'damages', 'punitive damages',
  'attorney fees', 'section 1983', 'bivens', 'federal agent', 'state law claim', 'battery', 'assault', 'negligence', 'wrongful death'];
const CIRCUITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', 'dc'];
const FACTS = [
  'The officer released a police dog on a man sitting with his hands raised.',
  'An officer tased a handcuffed man who was lying on the ground.',
  'Officers shot at a car driving away from them.',
  'The officer pepper sprayed a protester who was standing still on the sidewalk.',
  'Two officers tackled a man who had raised his hands and said he surrendered.',
  'The officer held a compliant woman in a chokehold until she lost consciousness.',
  'Officers entered the home without a warrant and arrested the owner at night.',
  'The officer arrested a man for recording the traffic stop on his phone.',
  'A guard punched an inmate who was restrained in his cell.',
  'Officers knelt on the back of a prone man for several minutes after he was handcuffed.',
  'The officer shot a man holding a knife who was walking away from the officers.',
  'Officers tased a man in a mental health crisis who was not armed.',
];
const STATES = ['Ohio', 'Texas', 'California', 'New York', 'Florida', 'Illinois', 'Georgia', 'Colorado', 'Washington', 'Pennsylvania', 'Michigan', 'Arizona'];
const DATES = ['2012-05-14', '2014-09-03', '2015-02-20', '2016-07-01', '2017-11-11', '2018-04-09', '2019-03-02', '2020-06-15', '2021-01-15', '2022-08-30'];

// mulberry32: a small seeded generator, so runs draw the same request sequence.
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ZIPF = Number(process.env.BENCH_ZIPF ?? 0.9);
/** Draws an index in [0, n) with P(rank k) ∝ 1/(k+1)^ZIPF, ranks mapped to indexes by a fixed shuffle. */
function zipf(n: number, seed: number): (r: number) => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) cdf[k] = sum += 1 / (k + 1) ** ZIPF;
  const order = Array.from({ length: n }, (_, k) => k);
  const rand = rng(seed);
  for (let k = n - 1; k > 0; k--) {
    const j = Math.floor(rand() * (k + 1));
    [order[k], order[j]] = [order[j]!, order[k]!];
  }
  return (r) => {
    const x = r * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return order[lo]!;
  };
}

const SEARCHES: string[] = SEARCH_TERMS.flatMap((term) => {
  const q = `q=${encodeURIComponent(term)}&limit=20`;
  return [q, `${q}&published=true`, ...CIRCUITS.map((c) => `${q}&circuit=${c}`), ...Array.from({ length: 30 }, (_, y) => `${q}&before=${1995 + y}-01-01`)];
});
const INCIDENT_POOL = FACTS.flatMap((facts) => STATES.flatMap((state) => DATES.map((date) => ({ date, state, facts }))));

interface Req { kind: string; path: string; init?: RequestInit }

// BENCH_MIX=search|case|assess sends only that kind (to see which one bounds the mixed figure).
const ONLY = { search: 0, case: 6, assess: 9 }[process.env.BENCH_MIX ?? ''];
const FIXED = process.env.BENCH_POOL === 'fixed';
const FIXED_TERMS = SEARCH_TERMS.slice(0, 14);
const FIXED_INCIDENTS = [
  { date: '2019-03-02', state: 'Ohio', facts: FACTS[0] },
  { date: '2016-07-01', state: 'Texas', facts: FACTS[1] },
  { date: '2021-01-15', circuit: '9', facts: FACTS[2] },
];

const SEED = 20261206;
let rand = rng(SEED);
const pickSearch = zipf(SEARCHES.length, 1);
const pickIncident = zipf(INCIDENT_POOL.length, 2);
const pickCase = zipf(N, 3);
const assessReq = (incident: object): Req => ({ kind: 'assess', path: '/v1/assess', init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(incident) } });

function mixed(i: number): Req {
  const r = ONLY ?? i % 10;
  if (FIXED) {
    if (r < 6) {
      const term = FIXED_TERMS[i % FIXED_TERMS.length]!;
      const filter = i % 3 === 0 ? `&circuit=${1 + (i % 11)}` : i % 3 === 1 ? `&before=20${10 + (i % 14)}-01-01` : '';
      return { kind: 'search', path: `/v1/search?q=${encodeURIComponent(term)}${filter}&limit=20` };
    }
    if (r < 9) return { kind: 'case', path: `/v1/cases/${caseId((i * 7919) % N)}` };
    return assessReq(FIXED_INCIDENTS[i % FIXED_INCIDENTS.length]!);
  }
  if (r < 6) return { kind: 'search', path: `/v1/search?${SEARCHES[pickSearch(rand())]!}` };
  if (r < 9) return { kind: 'case', path: `/v1/cases/${caseId(pickCase(rand()) % N)}` };
  return assessReq(INCIDENT_POOL[pickIncident(rand())]!);
}

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function load(base: string, seconds: number, label: string, serverPid?: number) {
  const lat: Record<string, number[]> = {};
  const errors: string[] = [];
  const hits: Record<string, number> = {};
  let n = 0;
  rand = rng(SEED); // every run draws the same request sequence
  const stopAt = performance.now() + seconds * 1000;
  const worker = async (): Promise<void> => {
    while (performance.now() < stopAt && n < 10_000_000) {
      const req = mixed(n++);
      const t = performance.now();
      try {
        const res = await fetch(base + req.path, req.init);
        await res.arrayBuffer();
        if (res.status !== 200) errors.push(`${res.status} ${req.path}`);
        if (res.headers.get('x-cache') === 'hit') {
          hits[req.kind] = (hits[req.kind] ?? 0) + 1;
          hits.all = (hits.all ?? 0) + 1;
        }
      } catch (e) {
        errors.push(`${(e as Error).message} ${req.path}`);
      }
      (lat[req.kind] ??= []).push(performance.now() - t);
      (lat.all ??= []).push(performance.now() - t);
    }
  };
  const t0 = performance.now();
  const cpu0 = serverPid ? treeCpuMs(serverPid) : 0;
  const client0 = process.cpuUsage();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (performance.now() - t0) / 1000;
  const serverCpuMs = serverPid ? treeCpuMs(serverPid) - cpu0 : NaN;
  const clientUse = process.cpuUsage(client0);
  const clientCpuMs = (clientUse.user + clientUse.system) / 1000;
  const summary = Object.fromEntries(Object.entries(lat).map(([k, v]) => {
    const s = [...v].sort((a, b) => a - b);
    return [k, { requests: v.length, cache_hits: hits[k] ?? 0, p50: +pct(s, 50).toFixed(1), p95: +pct(s, 95).toFixed(1), p99: +pct(s, 99).toFixed(1) }];
  }));
  const count = lat.all?.length ?? 0;
  const rps = count / elapsed;
  const perRequest = { server_cpu_ms: +(serverCpuMs / Math.max(1, count)).toFixed(2), client_cpu_ms: +(clientCpuMs / Math.max(1, count)).toFixed(2) };
  const load1 = loadavg()[0]!.toFixed(1);
  process.stdout.write(`\n${label}: ${rps.toFixed(0)} req/s over ${elapsed.toFixed(0)} s, ${errors.length} errors; CPU per request: server ${perRequest.server_cpu_ms} ms, load generator ${perRequest.client_cpu_ms} ms; load average ${load1}\n`);
  for (const [k, v] of Object.entries(summary)) {
    const hitRate = `${((100 * v.cache_hits) / Math.max(1, v.requests)).toFixed(0)}% cache hits`;
    process.stdout.write(`  ${k.padEnd(7)} n=${String(v.requests).padStart(7)}  p50 ${v.p50} ms  p95 ${v.p95} ms  p99 ${v.p99} ms  ${hitRate}\n`);
  }
  if (errors.length) process.stdout.write(`  first errors: ${errors.slice(0, 5).join(' | ')}\n`);
  return { rps: +rps.toFixed(1), seconds: +elapsed.toFixed(1), errors: errors.length, cpu_per_request: perRequest, load_average_end: +load1, latency_ms: summary };
}

/** BENCH_CACHE_RUNS: the mixed run with the response cache on and/or off (default both: on,off). */
const CACHE_RUNS = (process.env.BENCH_CACHE_RUNS ?? 'on,off').split(',').filter((m) => m === 'on' || m === 'off');

interface Server { child: ChildProcess; url: string; stop(): Promise<void> }

function startServer(db: string, cache: 'on' | 'off'): Promise<Server> {
  return new Promise((resolve, reject) => {
    const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const env = { ...process.env, ...(cache === 'off' ? { CLEARLY_HTTP_CACHE_MB: '0' } : {}) };
    const child = spawn(process.execPath, [...nodeArgs, BIN, 'serve', '--db', db, '--port', '0', '--host', '127.0.0.1', '--workers', String(WORKERS), '--json'], { stdio: ['ignore', 'pipe', 'inherit'], env });
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.stdout!.once('data', (d: Buffer) => resolve({
      child, url: (JSON.parse(d.toString().split('\n')[0]!) as { url: string }).url,
      stop: async () => { child.kill('SIGTERM'); await exited; },
    }));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

const built = await benchStore(N);
if (process.env.BENCH_BUILD_ONLY) {
  await built.store.close();
  process.exit(0);
}
const stats = await built.store.stats();
await built.store.close();
const { real } = built;
// A fresh copy per run: the with-import run adds cases, which must not pile up in the cached store across runs.
const path = `${OUT_DIR}serve-${N}-run.db`;
for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
copyFileSync(built.path, path);
// Flush the copy now, and read it once, so the first measured run is not slowed by the write-back of 850 MB.
const fd = openSync(path, 'r+');
fsyncSync(fd);
const chunk = Buffer.alloc(1 << 20);
while (readSync(fd, chunk, 0, chunk.length, null) > 0) { /* into the OS page cache */ }
closeSync(fd);
const mixLabel = process.env.BENCH_MIX || 'mixed';
process.stdout.write(`store ${path} (copy of ${built.path}): ${stats.cases} cases (${real ? 'real opinion texts' : 'synthetic texts'}), ${CONCURRENCY} connections, ${WORKERS} server workers, ${FIXED ? 'fixed request set' : `Zipf(${ZIPF}) pools: ${SEARCHES.length} searches, ${N} cases, ${INCIDENT_POOL.length} incidents`}, load average ${loadavg()[0]!.toFixed(1)}\n`);

const runs: Record<string, Awaited<ReturnType<typeof load>>> = {};
for (const mode of CACHE_RUNS) {
  const server = await startServer(path, mode as 'on' | 'off');
  try {
    // Warm-up (not measured): loads the knowledge base into the store (first assessment) and the page cache.
    for (let i = 0; i < 50; i++) await (await fetch(server.url + mixed(i).path, mixed(i).init)).arrayBuffer();
    runs[mode] = await load(server.url, SECONDS, `${mixLabel} load, response cache ${mode}`, server.child.pid);
  } finally {
    await server.stop();
  }
}
if (process.env.BENCH_SKIP_IMPORT) {
  writeFileSync(`${OUT_DIR}serve-results-${mixLabel}.json`, `${JSON.stringify({ date: new Date().toISOString(), opinions: stats.cases, mix: mixLabel, workers: WORKERS, load_average: loadavg(), runs }, null, 2)}\n`);
  process.exit(0);
}
const server = await startServer(path, CACHE_RUNS[0] === 'off' ? 'off' : 'on');
try {
  const url = server.url;
  for (let i = 0; i < 50; i++) await (await fetch(url + mixed(i).path, mixed(i).init)).arrayBuffer();
  // node --import tsx (not the tsx wrapper), so SIGTERM reaches the writer itself and it reports what it wrote.
  // BENCH_WRITER_NICE=N runs the writer at that lower CPU priority, as an operator would run a bulk import beside a
  // server people use (interactive requests first); default 0, the harsher case.
  const nice = Number(process.env.BENCH_WRITER_NICE ?? 0);
  const writerArgs = ['--import', 'tsx', fileURLToPath(new URL('./serve-writer.ts', import.meta.url)), path, String(SECONDS + 30)];
  const writer = nice > 0
    ? spawn('nice', ['-n', String(nice), process.execPath, ...writerArgs], { stdio: ['ignore', 'pipe', 'inherit'] })
    : spawn(process.execPath, writerArgs, { stdio: ['ignore', 'pipe', 'inherit'] });
  const writerExit = new Promise((r) => writer.once('exit', r)); // it may stop by itself (its own time limit)
  let wrote = '';
  writer.stdout!.on('data', (d: Buffer) => { wrote += d.toString(); });
  await new Promise((r) => setTimeout(r, 8000)); // let the writer load and open the store before measuring
  const withImport = await load(url, SECONDS, `mixed load with an import writing, response cache ${CACHE_RUNS[0] ?? 'on'}`, server.child.pid);
  writer.kill('SIGTERM');
  await writerExit;
  const imported = wrote ? (JSON.parse(wrote) as { written: number }).written : 0;
  process.stdout.write(`  import wrote ${imported} cases meanwhile\n`);
  const bad = await malformed(url, 10_000, CONCURRENCY);
  const result = { date: new Date().toISOString(), opinions: stats.cases, real_texts: real, concurrency: CONCURRENCY, workers: WORKERS, pools: FIXED ? 'fixed' : { zipf: ZIPF, searches: SEARCHES.length, cases: N, incidents: INCIDENT_POOL.length }, load_average: loadavg(), mixed: runs, with_import: { ...withImport, imported }, malformed: bad };
  writeFileSync(`${OUT_DIR}serve-results.json`, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`\nresults written to ${OUT_DIR}serve-results.json\n`);
} finally {
  await server.stop();
}
