/**
 * End to end: `clearly import` on CourtListener bulk files (the compiled reader, on its worker thread) and
 * `clearly import courtlistener` against a local fake API. Needs `npx tsc -p tsconfig.build.json` first.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceItem, SourceReader } from '../src/ingest/types.js';
import { cleanupFixtures, opinionLine, tempDir, writeFixture } from '../src/ingest/courtlistener-bulk/test-bulk-fixture.js';

const BIN = new URL('../bin/clearly.js', import.meta.url).pathname;
const tmp = (): string => tempDir('clearly-e2e-cl-');
afterAll(cleanupFixtures);

function run(args: string[], env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Async spawn: the fake server in this process must keep answering while the CLI runs. */
function runAsync(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('clearly import (courtlistener-bulk)', () => {
  it('detects bulk CSV (.bz2) files, imports the joined cases, and reports bad rows with file and line', () => {
    const extra = opinionLine({ id: 900, type: '010combined', cluster_id: 12345, plain_text: 'orphan' });
    const fx = writeFixture({ bz2: true, extraOpinionLines: extra });
    const db = join(tmp(), 'c.db');
    const env = { CLEARLY_TMPDIR: tmp() };
    const first = run(['import', fx.dir, '--db', db, '--json'], env);
    expect(first.code, first.stderr).toBe(0);
    const s = JSON.parse(first.stdout) as { imported: number; rejected: number; opinions: number; imports: { format: string }[]; rejects: { file: string; line: number; reason: string }[] };
    expect(s).toMatchObject({ imported: 3, rejected: 1, opinions: 4 });
    expect(s.imports[0]!.format).toBe('courtlistener-bulk');
    expect(s.rejects.map((r) => [r.file, r.line, r.reason])).toEqual([
      [fx.files.opinions, 7, 'opinion 900 belongs to cluster 12345, which is not in the opinion-clusters file'],
    ]);
    // Re-importing changes nothing, and the temp join index is gone once an import completes.
    const again = JSON.parse(run(['import', fx.dir, '--db', db, '--json'], env).stdout) as { imported: number; unchanged: number };
    expect(again).toMatchObject({ imported: 0, unchanged: 3 });
    expect(readdirSync(env.CLEARLY_TMPDIR)).toEqual([]);
  });
});

describe('threaded bulk reader (compiled)', () => {
  it('yields the same items as the in-thread reader, resumes, and stops its worker when the consumer stops', async () => {
    const dist = (await import(new URL('../dist/ingest/courtlistener-bulk/index.js', import.meta.url).href)) as typeof import('../src/ingest/courtlistener-bulk/index.js');
    const fx = writeFixture();
    const collect = async (reader: SourceReader, resumeFrom?: SourceItem['resume'], stop?: number): Promise<SourceItem[]> => {
      const out: SourceItem[] = [];
      for await (const item of reader.read([fx.dir], resumeFrom === undefined ? {} : { resumeFrom })) {
        out.push(item);
        if (stop && out.length >= stop) break;
      }
      return out;
    };
    const threaded = dist.courtListenerBulkReader({ tmpDir: tmp(), thread: true });
    const inline = dist.courtListenerBulkReader({ tmpDir: tmp(), thread: false });
    const all = await collect(threaded);
    // The worker also prepares each case (citations, coding, hashes) so the main thread only writes; apart from
    // that work, the items are the in-thread reader's.
    const bare = (items: SourceItem[]): unknown[] => items.map((i) => {
      if (i.kind !== 'case') return i;
      const { prepared: _p, ...rest } = i as SourceItem & { prepared?: unknown };
      const c = rest as unknown as { case: { opinions?: Record<string, unknown>[] } };
      return { ...rest, case: { ...c.case, opinions: c.case.opinions?.map(({ sha1: _s, ...o }) => o) } };
    });
    expect(all.filter((i) => i.kind === 'case').every((i) => 'prepared' in i)).toBe(true);
    expect(bare(all)).toEqual(bare(await collect(inline)));
    expect(all.filter((i) => i.kind === 'case')).toHaveLength(3);
    const rest = await collect(threaded, all[1]!.resume);
    expect(rest).toEqual(all.slice(2));
    expect(await collect(threaded, undefined, 1)).toEqual(all.slice(0, 1));
  });
});

describe('clearly import courtlistener (live API, against a local fake)', () => {
  const TOKEN = 'tok-e2e-987';
  let server: Server;
  let base = '';
  const auth: (string | undefined)[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      auth.push(req.headers.authorization);
      const u = new URL(req.url!, base);
      res.setHeader('Content-Type', 'application/json');
      if (u.pathname === '/api/rest/v4/search/') {
        const page2 = u.searchParams.get('cursor') === 'two';
        const hit = (id: number) => ({ cluster_id: id, caseName: `Roe ${id} v. Doe`, court_id: 'ca2', dateFiled: '2012-03-04', docketNumber: `12-${id}`, status: 'Published', opinions: [{ id: id * 10 }] });
        const next = new URL(u);
        next.searchParams.set('cursor', 'two');
        res.end(JSON.stringify(page2 ? { count: 2, next: null, previous: null, results: [hit(2)] } : { count: 2, next: next.href, previous: null, results: [hit(1)] }));
        return;
      }
      const m = /^\/api\/rest\/v4\/opinions\/(\d+)\/$/.exec(u.pathname);
      if (m) {
        res.end(JSON.stringify({ id: Number(m[1]), type: '010combined', plain_text: `Opinion ${m[1]}: the force was excessive.`, opinions_cited: [] }));
        return;
      }
      res.statusCode = 404;
      res.end('{}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('imports every page with the token from the environment and never prints it', async () => {
    const db = join(tmp(), 'api.db');
    // XDG_DATA_HOME points the default store into a temp dir: a bug that ignored --db must not touch the real one.
    const env = { COURTLISTENER_TOKEN: TOKEN, COURTLISTENER_BASE_URL: base, XDG_DATA_HOME: tmp() };
    const r = await runAsync(['import', 'courtlistener', '--query', 'excessive force', '--court', 'ca2', '--requests-per-minute', '6000', '--db', db, '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: 'courtlistener-api', imported: 2, opinions: 2, rejected: 0 });
    expect(auth.every((a) => a === `Token ${TOKEN}`)).toBe(true);
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
    const again = await runAsync(['import', 'courtlistener', '--query', 'excessive force', '--court', 'ca2', '--requests-per-minute', '6000', '--db', db, '--json'], env);
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 0, unchanged: 2 });
  });

  it('refuses bad options with a usage error', async () => {
    const r = await runAsync(['import', 'courtlistener', '--filed-after', 'yesterday'], { COURTLISTENER_BASE_URL: base, XDG_DATA_HOME: tmp() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--filed-after "yesterday" is not a date/);
  });
});
