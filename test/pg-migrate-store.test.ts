/**
 * End-to-end: `clearly migrate-store` copies a SQLite corpus to a real PostgreSQL server and back, idempotently
 * and resumably. Needs the build (npm test does it) and a server (see src/store/postgres/test-server.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/open.js';
import type { Payout } from '../src/payouts/types.js';
import { schemas, startTestServer } from '../src/store/postgres/test-server.js';
import { transfer } from '../src/store/postgres/transfer.js';
import { caseIdFor, opinionIdFor } from '../src/store/records.js';
import { caseInput, link } from '../src/store/store-suite-fixtures.js';

const BIN = new URL('../bin/clearly.js', import.meta.url).pathname;
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
};

const payout = (line: number): Payout => ({
  source_file: '/data/fictional-city.csv', source_line: line, source_row_id: `fictional-city.csv:${line}`,
  source_format: 'fixture', jurisdiction: 'Springfield, XX', city: 'Springfield', payer_type: 'city', payer_name: 'Springfield',
  payer_basis: 'assumed', amount_cents: 2_500_000_000 + line, amount_field: 'amount', amount_raw: '$25,000,000.00',
  allegation_categories: ['excessive_force'], plaintiff_names: ['Doe'], docket_number: '1:19-cv-0100' + line,
  officer_names: ['Roe'], caveat_ids: [],
});

async function seed(path: string): Promise<void> {
  const s = await openStore({ db: path, env: {} });
  await s.upsertCases({
    cases: [caseInput('a', { case_name: 'Doe v. Roe', docket_number: '1:19-cv-01001', citations: [{ volume: '1', reporter: 'F.4th', page: '2' }] }),
      caseInput('b', { case_name: 'Roe v. Doe', inferred: { court_id: { method: 'fixture', confidence: 0.5 } } })],
    links: [{ opinion_id: opinionIdFor('test', 'opinion:b'), links: [link('1 F.4th 2', { cited_case_id: caseIdFor('test', 'cluster:a'), pin_cite: '5' }), link('9 F.4th 9', { unresolved_reason: 'not_in_corpus' })] }],
    rejects: [{ import_key: 'imp', file: 'x.csv', line: 3, record_id: null, reason: 'bad date', excerpt: 'x' }],
    checkpoint: { import_key: 'imp', state: { offset: 42 } },
  });
  await s.putQiCoding({ case_id: caseIdFor('test', 'cluster:a'), coder: 'machine', coding: { outcome: 'granted' }, created_at: '2024-01-01T00:00:00Z' });
  await s.putQiCoding({ case_id: caseIdFor('test', 'cluster:a'), coder: 'human', coding: { outcome: 'denied' }, created_at: '2024-02-01T00:00:00Z' });
  const { ids } = await s.upsertPayouts({ payouts: [payout(1), payout(2)], officer_rows: [{ source_file: 'roster.csv', source_line: 2, jurisdiction: 'Springfield, XX', officer_names: ['Roe'] }] });
  await s.replacePayoutCaseLinks([{ payout_id: ids[0]!, case_id: caseIdFor('test', 'cluster:a'), docket_key: 'k' }]);
  await s.close();
}

/** Everything migrate-store promises to carry, read back through the Store interface. */
async function snapshot(where: { db: string } | { database_url: string }) {
  const s = await openStore({ ...where, env: {} });
  try {
    const { schema_version: _v, ...stats } = await s.stats();
    const a = caseIdFor('test', 'cluster:a');
    return {
      stats, case: await s.getCase(a), opinions: await s.getOpinions(a), cited_by: (await s.citedBy(a)).items.map((e) => e.link),
      codings: await s.listQiCodings(a), payouts: (await s.listPayouts({})).items, ledger: await s.payoutLedgerStats(),
      checkpoint: await s.getCheckpoint('imp'), rejects: (await s.listRejects('imp')).map(({ created_at: _c, ...r }) => r),
      search: (await s.search({ text: 'roe' })).items.map((h) => h.case.id).sort(),
    };
  } finally { await s.close(); }
}

const server = startTestServer();
const dir = mkdtempSync(join(tmpdir(), 'clearly-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

if ('skip' in server) {
  describe.skip('clearly migrate-store (PostgreSQL)', () => it(server.skip, () => {}));
} else {
  const db = schemas(server.url);
  afterAll(async () => { await db.drop(); server.stop(); });

  describe('clearly migrate-store (PostgreSQL)', () => {
    it('copies SQLite → PostgreSQL → SQLite with every record intact, and again changes nothing', async () => {
      const src = join(dir, 'src.db');
      await seed(src);
      const url = await db.fresh();
      const first = run(['migrate-store', '--from', src, '--to', url, '--json']);
      expect(first.stderr).toMatch(/sqlite\) → postgres/);
      expect(first.code).toBe(0);
      expect(JSON.parse(first.stdout)).toMatchObject({
        from: resolve(src), cases: { inserted: 2 }, opinions: 2, links: 2, linked_opinions: 1, qi_codings: 2,
        payouts: { inserted: 2 }, officer_rows: 1, payout_case_links: 1, checkpoints: 1, rejects: 1, resumed: false,
      });
      const original = await snapshot({ db: src });
      expect(original.stats.cases).toBe(2);
      expect(await snapshot({ database_url: url })).toEqual(original);

      const again = JSON.parse(run(['migrate-store', '--from', src, '--to', url, '--json']).stdout);
      expect(again).toMatchObject({ cases: { inserted: 0, updated: 0, unchanged: 2 }, payouts: { unchanged: 2 } });
      expect(await snapshot({ database_url: url })).toEqual(original);

      const back = join(dir, 'back.db');
      expect(run(['migrate-store', '--from', url, '--to', back]).code).toBe(0);
      expect(await snapshot({ db: back })).toEqual(original);
    });

    it('resumes from the progress it committed in the target after a crash', async () => {
      const src = join(dir, 'resume.db');
      await seed(src);
      const url = await db.fresh();
      const key = `migrate-store:${resolve(src)}`;
      // A run that dies right after committing its first page of one case (as kill -9 would, between batches).
      const [from, to] = [await openStore({ db: src, env: {} }), await openStore({ database_url: url, env: {} })];
      const crash = transfer(from, to, { source: { path: src }, key, batchSize: 1, onProgress: () => { throw new Error('killed'); } });
      await expect(crash).rejects.toThrow('killed');
      expect((await to.stats()).cases).toBe(1);
      expect(await to.getCheckpoint(key)).toMatchObject({ phase: 'cases' });
      await Promise.all([from.close(), to.close()]);

      const r = JSON.parse(run(['migrate-store', '--from', src, '--to', url, '--json']).stdout);
      expect(r).toMatchObject({ resumed: true, cases: { inserted: 1, unchanged: 0 }, links: 2 });
      expect(await snapshot({ database_url: url })).toEqual(await snapshot({ db: src }));
      const t = await openStore({ database_url: url, env: {} });
      expect(await t.getCheckpoint(key)).toBeNull();
      await t.close();
    });

    it('reports a missing source and an unreachable server without printing the password', () => {
      const missing = run(['migrate-store', '--from', join(dir, 'nope.db'), '--to', join(dir, 'x.db')]);
      expect(missing.code).toBe(66);
      const down = run(['migrate-store', '--from', join(dir, 'src.db'), '--to', 'postgres://clerk:hunter22@127.0.0.1:1/x']);
      expect(down.code).toBe(73);
      expect(down.stderr).toContain('clerk:***@127.0.0.1:1');
      expect(down.stderr + down.stdout).not.toContain('hunter22');
    });
  });
}
