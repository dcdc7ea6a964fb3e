/** End-to-end: `clearly search` and `clearly case` on a store the test imports (needs `npm run build`). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ca1Caption, jsonl, tempDir, twoOpinions, v3Opinion, v4Cluster, write } from '../src/ingest/test-fixtures.js';

const BIN = new URL('../bin/clearly.js', import.meta.url).pathname;
let db = '';

function run(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args, '--db', db], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  // Every run spawns a fresh process; on a loaded 2-core machine each start takes seconds.
  const dir = tempDir();
  db = join(dir, 'store.db');
  const citing = v3Opinion({
    id: 9003, slug: 'hoe-v-loe', docket: '16-3003',
    text: ca1Caption({ no: '16-3003', first: 'HARRY HOE', second: 'LARRY LOE', date: 'May 5, 2016' }) +
      'We followed Doe v. City of Springfield, 903 F.3d 33, 35 (6th Cir. 2015), on qualified immunity for a taser.',
  });
  const file = write(dir, 'all.jsonl', jsonl([...twoOpinions(), ...v4Cluster(), citing]));
  const r = run(['import', file]);
  if (r.code !== 0) throw new Error(r.stderr);
}, 60_000);

describe('clearly search', () => {
  it('finds phrases with filters and prints {items, next_cursor}', () => {
    const r = run(['search', '"qualified immunity"', '--json']);
    expect(r.code).toBe(0);
    const page = JSON.parse(r.stdout) as { items: { case: { case_name: string; court_id: string } ; snippet: string }[]; next_cursor: string | null };
    expect(page.items.map((h) => h.case.case_name).sort()).toEqual(['Doe v. City of Springfield', 'Doe v. Roe', 'Hoe v. Loe']);
    expect(page.items[0]!.snippet).toMatch(/<mark>/);
    const filtered = JSON.parse(run(['search', 'immunity', '--after', '2015-12-31', '--circuit', '1', '--court', 'ca1', '--json']).stdout) as typeof page;
    expect(filtered.items.map((h) => h.case.case_name)).toEqual(['Hoe v. Loe']);
  }, 60_000);

  it('pages with --limit and --cursor, and prints a readable list', () => {
    const one = JSON.parse(run(['search', 'immunity', '--limit', '1', '--json']).stdout) as { items: unknown[]; next_cursor: string };
    expect(one.items).toHaveLength(1);
    const two = JSON.parse(run(['search', 'immunity', '--limit', '1', '--cursor', one.next_cursor, '--json']).stdout) as { items: unknown[] };
    expect(two.items).toHaveLength(1);
    expect(two.items[0]).not.toEqual(one.items[0]);
    const human = run(['search', 'taser']);
    expect(human.stdout).toMatch(/^1\. Hoe v\. Loe \(ca1 2016-05-05\)\n {3}id c_[0-9a-f]{16}\n {3}.*\*taser\*/);
  }, 60_000);
});

describe('clearly case', () => {
  it('looks a case up by citation, with opinions, cited and citing cases', () => {
    const r = run(['case', '903 F.3d 33', '--json']);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout) as { case: { case_name: string; id: string }; opinions: { type: string }[]; cites: unknown[]; cited_by: { case: { case_name: string } }[] };
    expect(c.case.case_name).toBe('Doe v. City of Springfield');
    expect(c.opinions.map((o) => o.type)).toEqual(['dissent', 'majority']);
    expect(c.cited_by.map((e) => e.case.case_name)).toEqual(['Hoe v. Loe']);
  }, 60_000);

  it('shows inferred fields and marks resolved citations in the text', () => {
    const r = run(['case', 'courtlistener:cluster:9003']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/case name\s+Hoe v\. Loe\s+\(inferred: URL slug/);
    expect(r.stdout).toContain('903 F.3d 33 [→ Doe v. City of Springfield]');
    expect(r.stderr).toMatch(/not legal advice/);
  }, 60_000);

  it('exits 66 with a hint when nothing matches', () => {
    const r = run(['case', '999 U.S. 999']);
    expect(r.code).toBe(66);
    expect(r.stderr).toMatch(/no case in the store matches/);
  }, 60_000);
});
