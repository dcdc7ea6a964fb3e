/**
 * npm run bench:import — end-to-end import throughput on CourtListener bulk files generated from the real
 * opinions in ../shared/data/opinions/ (see import-generate.ts), then search latency on the resulting store.
 * The import runs as `node bin/clearly.js import … --json` in its own process, so peak RSS is its own.
 *
 *   npm run bench:import                              # 10k opinions
 *   npm run bench:import -- --sizes 10000,100000      # more sizes (1M: add --gz --text plain, ~8 GB input, ~35 GB store)
 *   npm run bench:import -- --bz2                     # .csv.bz2 inputs
 *   npm run bench:import -- --gz                      # .csv.gz inputs (each source text compressed once: fast, small)
 *   npm run bench:import -- --reader-only             # the bulk reader alone (parse + join), no store
 *   npm run bench:import -- --cpu-prof                # V8 CPU profile of the import in the work dir (kept)
 *   npm run bench:import -- --pg                      # the same on PostgreSQL (see pg-import.ts)
 *   npm run bench:import -- --database-url URL        # … on that server (or BENCH_DATABASE_URL=URL)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, loadSources } from './import-generate.js';
import { pgBench, type PgBench } from './pg-import.js';

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const arg = (name: string, dflt: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'clearly.js');

/** Fixed query set: words, a phrase, a prefix and boolean forms, as users type them. */
const QUERIES = ['qualified immunity', 'excessive force', '"clearly established"', 'probable cause', 'summary judgment',
  'fourth amendment', 'due process', 'habeas corpus', 'sentencing guidelines', 'miranda', 'taser*', 'deliberate indifference',
  'force NOT deadly', '(arrest OR detention) AND warrant', 'retaliation first amendment'];

export interface Result {
  n: number;
  inputMb: number;
  seconds: number;
  /** CPU seconds of the import process, all threads (user + system). */
  cpuSeconds: number;
  rssMb: number;
  storeMb?: number;
  p50?: number;
  p95?: number;
  summary?: unknown;
  note?: string;
}

let pg: PgBench | undefined;

const mb = (bytes: number): number => bytes / 1024 / 1024;

/**
 * A preload that writes the process's peak RSS (KB) and CPU time (µs, all threads) to a file at exit: works for
 * any command, no `time` needed. CPU time is reported beside wall time because the machine may be shared.
 */
function rssPreload(dir: string): string {
  const p = join(dir, 'rss-preload.mjs');
  writeFileSync(p, `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { const u = process.resourceUsage(); writeFileSync(process.env.BENCH_RSS_FILE, JSON.stringify({ rssKb: u.maxRSS, cpuUs: u.userCPUTime + u.systemCPUTime })); });\n`);
  return p;
}

export function runChild(dir: string, argv: string[], cwd: string): { ms: number; rssKb: number; cpuMs: number; stdout: string } {
  const rssFile = join(dir, 'rss.txt');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', rssPreload(dir), ...argv], {
    cwd, encoding: 'utf8', maxBuffer: 256 << 20, env: { ...process.env, BENCH_RSS_FILE: rssFile, CLEARLY_TMPDIR: dir }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}`);
  const use = (existsSync(rssFile) ? JSON.parse(readFileSync(rssFile, 'utf8')) : { rssKb: 0, cpuUs: 0 }) as { rssKb: number; cpuUs: number };
  return { ms, rssKb: use.rssKb, cpuMs: use.cpuUs / 1000, stdout: r.stdout };
}

async function searchLatency(db: string, databaseUrl?: string): Promise<{ p50: number; p95: number }> {
  process.env.CLEARLY_RANKING_REUSE = '0'; // each timed search ranks anew (src/store/sqlite/rankings.ts)
  const { openStore } = (await import(join(ROOT, 'dist/store/index.js'))) as typeof import('../src/store/index.js');
  const store = await openStore(databaseUrl ? { database_url: databaseUrl } : { db });
  const times: number[] = [];
  try {
    for (const text of QUERIES) {
      await store.search({ text, limit: 20 }); // first run warms the page cache; not counted
      for (let k = 0; k < 5; k++) {
        const t0 = performance.now();
        await store.search({ text, limit: 20 });
        times.push(performance.now() - t0);
      }
    }
  } finally {
    await store.close();
  }
  times.sort((a, b) => a - b);
  const q = (p: number): number => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  return { p50: q(0.5), p95: q(0.95) };
}

const fileMb = (dir: string, prefix: string): number =>
  readdirSync(dir).filter((f) => f.startsWith(prefix)).reduce((s, f) => s + mb(statSync(join(dir, f)).size), 0);

async function benchSize(n: number, work: string): Promise<Result> {
  const input = join(work, 'in');
  mkdirSync(input, { recursive: true });
  const sources = loadSources()!;
  const gen = generate(input, n, sources, { text: arg('--text', 'both') as 'both' | 'plain', bz2: flag('--bz2'), gz: flag('--gz') });
  process.stderr.write(`bench:import: ${n} opinions in ${gen.clusters} clusters, ${mb(gen.bytes).toFixed(0)} MB of CSV\n`);
  if (flag('--reader-only')) {
    const r = runChild(work, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child-reader', input], ROOT);
    return { n, inputMb: mb(gen.bytes), seconds: r.ms / 1000, cpuSeconds: r.cpuMs / 1000, rssMb: r.rssKb / 1024, summary: JSON.parse(r.stdout) };
  }
  if (pg) return pg.run(n, input, work, { ...gen, bytes: mb(gen.bytes) }, { runChild, searchLatency, prof: flag('--cpu-prof') });
  const db = join(work, 'bench.db');
  const prof = flag('--cpu-prof') ? ['--cpu-prof', '--cpu-prof-dir', join(work, 'prof')] : [];
  const r = runChild(work, [...prof, BIN, 'import', input, '--format', 'courtlistener-bulk', '--db', db, '--json'], ROOT);
  const summary = JSON.parse(r.stdout) as { imported: number; rejected: number; opinions: number; links: unknown; rejects?: unknown };
  delete summary.rejects;
  const lat = await searchLatency(db);
  return { n, inputMb: mb(gen.bytes), seconds: r.ms / 1000, cpuSeconds: r.cpuMs / 1000, rssMb: r.rssKb / 1024, storeMb: fileMb(work, 'bench.db'), ...lat, summary };
}

/** `--child-reader DIR`: the compiled bulk reader alone, counting what it yields. */
async function childReader(dir: string): Promise<void> {
  const { courtListenerBulk } = (await import(join(ROOT, 'dist/ingest/courtlistener-bulk/index.js'))) as typeof import('../src/ingest/courtlistener-bulk/index.js');
  let cases = 0;
  let opinions = 0;
  let rejects = 0;
  let links = 0;
  for await (const item of courtListenerBulk.read([dir])) {
    if (item.kind === 'case') {
      cases++;
      opinions += item.case.opinions.length;
      links += item.supplied_links?.length ?? 0;
    } else rejects++;
  }
  process.stdout.write(JSON.stringify({ cases, opinions, rejects, links }));
}

function table(results: Result[]): string {
  const head = '| opinions | input MB | wall s | opinions/s | MB/s | CPU s (all threads) | peak RSS MB | store MB | search p50 ms | search p95 ms |\n|---|---|---|---|---|---|---|---|---|---|';
  const rows = results.map((r) => `| ${r.n.toLocaleString('en-US')} | ${r.inputMb.toFixed(0)} | ${r.seconds.toFixed(1)} | ${(r.n / r.seconds).toFixed(0)} | ${(r.inputMb / r.seconds).toFixed(1)} | ${r.cpuSeconds.toFixed(1)} | ${r.rssMb.toFixed(0)} | ${r.storeMb?.toFixed(0) ?? '—'} | ${r.p50?.toFixed(1) ?? '—'} | ${r.p95?.toFixed(1) ?? '—'} |`);
  return [head, ...rows].join('\n');
}

if (flag('--child-reader')) {
  await childReader(arg('--child-reader', '.'));
} else if (!loadSources()) {
  console.error(`bench:import: ${fileURLToPath(new URL('../../shared/data/opinions/', import.meta.url))} is not present; nothing to measure.`);
} else {
  const sizes = arg('--sizes', '10000').split(',').map(Number);
  pg = flag('--pg') || args.includes('--database-url') || process.env.BENCH_DATABASE_URL
    ? await pgBench(ROOT, BIN, arg('--database-url', process.env.BENCH_DATABASE_URL ?? ''), arg('--tmp', tmpdir())) : undefined;
  const results: Result[] = [];
  for (const n of sizes) {
    const work = mkdtempSync(join(arg('--tmp', tmpdir()), `clearly-bench-import-${n}-`));
    try {
      results.push(await benchSize(n, work));
      process.stderr.write(`bench:import: ${n}: ${JSON.stringify(results.at(-1))}\n`);
    } finally {
      if (flag('--keep') || flag('--cpu-prof')) process.stderr.write(`bench:import: kept ${work}\n`);
      else rmSync(work, { recursive: true, force: true });
    }
  }
  await pg?.close();
  console.log(`${flag('--reader-only') ? 'Bulk reader alone (parse + join, no store)' : 'clearly import (courtlistener-bulk), end to end'}${pg ? `, PostgreSQL ${pg.version}` : ''}${flag('--bz2') ? ', .csv.bz2 inputs' : flag('--gz') ? ', .csv.gz inputs' : ''}, text: ${arg('--text', 'both')}\n`);
  console.log(pg ? pg.table(results) : table(results));
  const load = (await import('node:os')).loadavg()[0]!;
  console.log(`\n${(await import('node:os')).cpus().length} cores; 1-minute load average at the end: ${load.toFixed(1)} (wall-clock figures are only comparable at similar load)`);
}
