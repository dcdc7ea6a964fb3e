/**
 * The PostgreSQL branch of `npm run bench:import` (bench/import.ts): the same generated input is imported with
 * `node bin/clearly.js import … --json` and CLEARLY_DATABASE_URL pointing at a fresh database, then the same query
 * set is timed through `Store.search` on PostgreSQL.
 *
 *   npm run bench:import -- --pg                         # throwaway server (scripts/pg-test-server.sh start/stop)
 *   npm run bench:import -- --database-url URL           # an existing server (or BENCH_DATABASE_URL=URL); the
 *                                                        # URL's role must be allowed to CREATE/DROP DATABASE
 *
 * The throwaway server runs with durability ON (fsync, full_page_writes, synchronous_commit), overriding the test
 * script's fsync=off, so the figures are those of a server whose committed batches survive a crash; the
 * server's CPU time (all backends, read from the postmaster's reaped-children counters) is reported beside the
 * clearly process's own, since on PostgreSQL much of the work (tsvector, index maintenance) happens there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { Result, runChild as RunChild } from './import.js';

/** Server settings of the throwaway cluster: durable, with a little more memory than the test default. */
const SERVER_OPTS = ['-c fsync=on', '-c full_page_writes=on', '-c synchronous_commit=on', '-c shared_buffers=512MB',
  '-c max_wal_size=4GB', '-c maintenance_work_mem=256MB', '-c checkpoint_timeout=15min'].join(' ');

export interface PgResult extends Result {
  /** CPU seconds of PostgreSQL backends during the import (throwaway server only). */
  serverCpuSeconds?: number;
  analyzeSeconds?: number;
}

export interface PgBench {
  version: string;
  run(n: number, input: string, work: string, gen: { clusters: number; bytes: number },
    h: { runChild: typeof RunChild; searchLatency: (db: string, url?: string) => Promise<{ p50: number; p95: number }>; prof: boolean }): Promise<PgResult>;
  table(results: Result[]): string;
  close(): Promise<void>;
}

const withDatabase = (url: string, db: string): string => {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
};

/** User + system CPU (s) of the postmaster's exited children: every backend that has closed its connection. */
function reapedCpu(dataDir: string | undefined): number | undefined {
  if (!dataDir) return undefined;
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = readFileSync(pidFile, 'utf8').split('\n')[0]!.trim();
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from 3 on
  const tick = 100; // USER_HZ on Linux
  return (Number(f[13]) + Number(f[14])) / tick; // cutime, cstime (fields 16, 17)
}

export async function pgBench(root: string, bin: string, givenUrl: string, tmp: string): Promise<PgBench> {
  let url = givenUrl;
  let dir: string | undefined;
  const script = join(root, 'scripts', 'pg-test-server.sh');
  const stop = (): void => {
    if (dir) spawnSync('bash', [script, 'stop', dir], { stdio: 'inherit' });
    dir = undefined;
  };
  if (!url) {
    dir = join(tmp, `clearly-bench-pg-${process.pid}`);
    const r = spawnSync('bash', [script, 'start', dir], { encoding: 'utf8', env: { ...process.env, PG_TEST_SERVER_OPTS: SERVER_OPTS }, stdio: ['ignore', 'pipe', 'inherit'] });
    if (r.status !== 0) throw new Error(`pg-test-server.sh start exited ${r.status}`);
    url = r.stdout.trim();
    process.on('exit', stop);
    process.stderr.write(`bench:import: throwaway PostgreSQL in ${dir}\n`);
  }
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const version = ((await admin.query('SHOW server_version')).rows[0] as { server_version: string }).server_version;
  const settings = (await admin.query(`SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name) AS s FROM pg_settings
    WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers', 'max_wal_size', 'wal_level')`)).rows[0] as { s: string };
  process.stderr.write(`bench:import: PostgreSQL ${version}: ${settings.s}\n`);
  const dataDir = dir ? join(dir, 'data') : undefined;
  const keep = process.argv.includes('--keep');

  return {
    version: `${version} (${settings.s})`,
    async run(n, input, work, gen, h) {
      const name = `clearly_bench_${n}_${process.pid}`;
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.query(`CREATE DATABASE ${name}`);
      const dbUrl = withDatabase(url, name);
      try {
        const cpu0 = reapedCpu(dataDir);
        const prof = h.prof ? ['--cpu-prof', '--cpu-prof-dir', join(work, 'prof')] : [];
        process.env.CLEARLY_DATABASE_URL = dbUrl;
        let r: ReturnType<typeof RunChild>;
        try {
          r = h.runChild(work, [...prof, bin, 'import', input, '--format', 'courtlistener-bulk', '--json'], root);
        } finally {
          delete process.env.CLEARLY_DATABASE_URL;
        }
        // The import's connections (the writer's and the staging ones) close as it exits; their backends are
        // counted once the postmaster has reaped them, so wait for them to leave before reading the counters.
        for (let i = 0; i < 100; i++) {
          const left = (await admin.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name])).rows[0] as { n: number };
          if (left.n === 0) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        await new Promise((r) => setTimeout(r, 300));
        const cpu1 = reapedCpu(dataDir);
        const summary = JSON.parse(r.stdout) as { rejects?: unknown };
        delete summary.rejects;
        // What autovacuum would do within a minute of a bulk load; timed apart, not part of the import.
        const db = new pg.Client({ connectionString: dbUrl });
        await db.connect();
        const t0 = performance.now();
        await db.query('ANALYZE');
        const analyzeSeconds = (performance.now() - t0) / 1000;
        const size = ((await db.query('SELECT pg_database_size(current_database()) AS b')).rows[0] as { b: string }).b;
        await db.end();
        const lat = await h.searchLatency('', dbUrl);
        return {
          n, inputMb: gen.bytes, seconds: r.ms / 1000, cpuSeconds: r.cpuMs / 1000, rssMb: r.rssKb / 1024,
          storeMb: Number(size) / 1024 / 1024, ...lat, summary, analyzeSeconds,
          ...(cpu0 !== undefined && cpu1 !== undefined ? { serverCpuSeconds: cpu1 - cpu0 } : {}),
        };
      } finally {
        if (keep) process.stderr.write(`bench:import: kept database ${name}\n`);
        else await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      }
    },
    table(results) {
      const head = '| opinions | input MB | wall s | opinions/s | MB/s | clearly CPU s | server CPU s | clearly peak RSS MB | database MB | ANALYZE s | search p50 ms | search p95 ms |\n|---|---|---|---|---|---|---|---|---|---|---|---|';
      const rows = (results as PgResult[]).map((r) => `| ${r.n.toLocaleString('en-US')} | ${r.inputMb.toFixed(0)} | ${r.seconds.toFixed(1)} | ${(r.n / r.seconds).toFixed(0)} | ${(r.inputMb / r.seconds).toFixed(1)} | ${r.cpuSeconds.toFixed(1)} | ${r.serverCpuSeconds?.toFixed(1) ?? '—'} | ${r.rssMb.toFixed(0)} | ${r.storeMb?.toFixed(0) ?? '—'} | ${r.analyzeSeconds?.toFixed(1) ?? '—'} | ${r.p50?.toFixed(1) ?? '—'} | ${r.p95?.toFixed(1) ?? '—'} |`);
      return [head, ...rows].join('\n');
    },
    async close() {
      await admin.end();
      stop();
    },
  };
}
