import { describe, expect, it } from 'vitest';
import { openStore } from '../store/index.js';
import { caseInput } from '../store/store-suite-fixtures.js';
import { importPayoutFile, importPayoutFiles } from './import.js';
import { summarizeLedger } from './ledger.js';
import { linkPayoutsToCases } from './link.js';
import { fixtureDir } from './test-helpers.js';

const HEADER = 'calendar_year,city,state,closed_date,amount_awarded,docket_number,summary_allegations';
const ROWS = [
  '2019,Testville,MA,2019-07-08,1000.10,1:16-cv-00379-ABC,Excessive Force',
  '2018,Testville,MA,2018-02-01,"$2,000.20",2016 C 99,False Arrest',
  '2018,Testville,MA,2018-02-02,,,', // no amount → reject
  '2017,Testville,MA,2017-05-05,3000.30,,Property damage',
  '2017,Testville,MA,2017-05-06,4000.40,16-cv-379,Excessive force',
];

describe('importing payout files into the store', () => {
  const fx = fixtureDir();
  const city = fx.write('testville_edited.csv', `${HEADER}\n${ROWS.join('\n')}\n`);
  fx.write('testville_police_edited.csv', 'city,docket_number,police_officer,state\nTestville,1:16-cv-00379,Ann Officer,MA\nTestville,,Unknown,MA\n');
  const roster = `${fx.dir}/testville_police_edited.csv`;
  const strange = fx.write('strange.csv', 'who,what\nx,y\n');

  it('accounts for every row and changes nothing on a second run', async () => {
    const store = await openStore({ db: ':memory:', env: {} });
    const [r, o] = await importPayoutFiles(store, [city, roster], { batchSize: 2 });
    expect(r).toMatchObject({ format: 'fivethirtyeight', rows: 5, inserted: 4, updated: 0, unchanged: 0, rejected: 1, total_cents: 1_000_100 });
    expect(r!.rejects.map((x) => [x.source_line, x.code])).toEqual([[4, 'missing_amount']]);
    expect(o).toMatchObject({ format: 'officer-roster', rows: 2, officer_rows: 2, rejected: 0 });
    expect(await store.listRejects('payouts:testville_edited.csv')).toMatchObject([{ line: 4, record_id: 'testville_edited.csv:4', reason: expect.stringMatching(/^missing_amount: /) }]);
    expect(await store.getCheckpoint('payouts:testville_edited.csv')).toBeNull();
    const again = await importPayoutFile(store, city);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 4, rejected: 1 });
    expect(await store.listRejects('payouts:testville_edited.csv')).toHaveLength(1);
    expect(await store.payoutLedgerStats()).toMatchObject({ payouts: 4, total_cents: 1_000_100, officer_rows: 2 });
    await store.close();
  });

  it('resumes after the last committed row of an interrupted run', async () => {
    const store = await openStore({ db: ':memory:', env: {} });
    const stop = new AbortController();
    stop.abort();
    await expect(importPayoutFile(store, city, { batchSize: 2, signal: stop.signal })).rejects.toMatchObject({ code: 'interrupted' });
    expect((await store.payoutLedgerStats()).payouts).toBe(2);
    expect(await store.getCheckpoint('payouts:testville_edited.csv')).toMatchObject({ line: 3 });
    const rest = await importPayoutFile(store, city, { batchSize: 2 });
    expect(rest).toMatchObject({ resumed_after_line: 3, rows: 3, inserted: 2, rejected: 1 });
    expect(await store.payoutLedgerStats()).toMatchObject({ payouts: 4, total_cents: 1_000_100 });
    expect(await store.getCheckpoint('payouts:testville_edited.csv')).toBeNull();
    await store.close();
  });

  it('reports a file it cannot read and imports the others', async () => {
    const store = await openStore({ db: ':memory:', env: {} });
    const [bad, missing, good] = await importPayoutFiles(store, [strange, `${fx.dir}/nope.csv`, city]);
    expect(bad!.error).toMatchObject({ code: 'bad_data', message: expect.stringMatching(/no amount column/), hint: expect.stringMatching(/--mapping/) });
    expect(missing!.error).toMatchObject({ code: 'missing_input' });
    expect(good).toMatchObject({ inserted: 4 });
    await store.close();
  });

  it('links payouts to district-court cases in the same state by docket, and summarises the ledger', async () => {
    const store = await openStore({ db: ':memory:', env: {} });
    await importPayoutFile(store, city);
    const { ids: [mass, ill, appeal] } = await store.upsertCases({ cases: [
      caseInput('mass', { court_id: 'mad', circuit: '1', docket_number: '1:16-cv-379' }),
      caseInput('ill', { court_id: 'ilnd', circuit: '7', docket_number: '1:16-cv-00379' }), // same number, other state
      caseInput('appeal', { court_id: 'ca1', circuit: '1', docket_number: '16-379' }), // appellate numbering
    ] });
    expect(ill).toBeDefined();
    expect(appeal).toBeDefined();
    const r = await linkPayoutsToCases(store);
    expect(r).toEqual({ payouts_with_docket: 3, linked_payouts: 2, links: 2 });
    const linked = (await store.listPayouts({ case_id: mass! })).items.map((p) => p.source_line);
    expect(linked).toEqual([2, 6]);
    const s = await summarizeLedger(store, { city: 'testville' });
    expect(s).toMatchObject({ count: 4, total_cents: 1_000_100, linked_payouts: 2, median_cents: 250_025 });
    expect(s.by.allegation.find((g) => g.key === 'excessive_force')).toMatchObject({ count: 2, total_cents: 500_050 });
    expect(s.caveats.map((c) => c.id)).toContain('fivethirtyeight-not-comparable');
    expect((await summarizeLedger(store, { city: 'Elsewhere' })).count).toBe(0);
    await store.close();
  });
});
