/** End-to-end: `clearly import` as a user runs it (needs `npm run build`; npm test does it). */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../src/store/index.js';
import { ca1Caption, capCaseJson, jsonl, tempDir, twoOpinions, v3Opinion, write } from '../src/ingest/test-fixtures.js';

const BIN = new URL('../bin/clearly.js', import.meta.url).pathname;

function run(args: string[], env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('clearly import', () => {
  it('detects each format, imports, reports rejects, and changes nothing the second time', () => {
    const dir = tempDir();
    const data = join(dir, 'in');
    const [a, b] = twoOpinions();
    mkdirSync(data);
    const jsonFile = write(data, 'opinions.jsonl', `${JSON.stringify(a)}\n{oops\n${JSON.stringify(b)}\n`);
    const cap = write(dir, 'cap.json', JSON.stringify(capCaseJson(1, 'bulk')));
    const txt = write(dir, 'brief.txt', `${ca1Caption({ no: '15-1500', first: 'JANE DOE', second: 'RICHARD ROE', date: 'April 4, 2015' })}Text.`);
    const pdf = write(dir, 'broken.pdf', '%PDF-1.7\nnot a pdf\n');
    const db = join(dir, 'store.db');

    const first = run(['import', data, cap, txt, pdf, '--db', db, '--json']);
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout) as Record<string, unknown> & { imports: { format: string }[]; rejects: { file: string; line: number | null; reason: string }[] };
    expect(summary).toMatchObject({ imported: 4, updated: 0, unchanged: 0, rejected: 2, opinions: 4 });
    expect(summary.imports.map((i) => i.format).sort()).toEqual(['cap', 'courtlistener-json', 'document']);
    expect(summary.rejects.map((r) => [r.file, r.line])).toEqual(expect.arrayContaining([[jsonFile, 2], [pdf, null]]));
    expect(summary.rejects.find((r) => r.file === pdf)!.reason).toMatch(/unreadable PDF/);

    const second = run(['import', data, cap, txt, pdf, '--db', db, '--json']);
    expect(JSON.parse(second.stdout)).toMatchObject({ imported: 0, updated: 0, unchanged: 4 });

    const listed = run(['import', data, '--rejects', '--db', db]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`${jsonFile}:2\tbroken JSON`);

    const human = run(['import', txt], { CLEARLY_DB: db });
    expect(human.stdout).toBe('');
    expect(human.stderr).toMatch(/imported 0, updated 0, unchanged 1, rejected 0/);
  }, 120_000);

  it('says which path it cannot recognise, and rejects an unknown --format', () => {
    const dir = tempDir();
    const odd = write(dir, 'odd.bin', Buffer.from([0, 1, 2, 3, 255, 254]));
    const r = run(['import', odd, '--db', join(dir, 's.db')]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain(`cannot tell the format of ${odd}`);
    const bad = run(['import', odd, '--format', 'nope', '--db', join(dir, 's.db')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no reader for format "nope"/);
  }, 120_000);

  it('survives kill -9 mid-import and resumes to the same store, without duplicates', async () => {
    const dir = tempDir();
    const n = 300;
    const file = write(dir, 'many.jsonl', jsonl(Array.from({ length: n }, (_, i) => v3Opinion({
      id: 5000 + i, slug: `doe-v-roe-${i}`, docket: `12-${1000 + i}`, cites: i ? [4999 + i] : [],
      text: ca1Caption({ no: `12-${1000 + i}`, first: `JOHN DOE${i}`, second: 'RICHARD ROE', date: 'May 5, 2012' }) + 'Affirmed. '.repeat(50),
    }))));
    const db = join(dir, 'store.db');
    const child = spawn(process.execPath, [BIN, 'import', file, '--db', db, '--batch-size', '10'], { stdio: 'ignore' });
    const watcher = await openStore({ db });
    let committed = 0;
    for (let i = 0; i < 4000 && committed < 30; i++) {
      await new Promise((r) => setTimeout(r, 10));
      committed = (await watcher.stats()).cases;
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const atKill = await watcher.stats();
    expect(atKill.cases).toBeGreaterThan(0);
    expect(atKill.cases).toBeLessThan(n);
    expect(atKill.cases % 10).toBe(0); // whole batches only
    expect(atKill.checkpoints).toBe(1);
    await watcher.close();

    const rerun = run(['import', file, '--db', db, '--batch-size', '10', '--json']);
    expect(rerun.code).toBe(0);
    const s = JSON.parse(rerun.stdout) as { imports: { resumed: boolean }[]; imported: number };
    expect(s.imports[0]!.resumed).toBe(true);
    expect(s.imported).toBe(n - atKill.cases);
    const store = await openStore({ db });
    expect(await store.stats()).toMatchObject({ cases: n, opinions: n, checkpoints: 0 });
    await store.close();
  }, 120_000);
});
