/** Behavioural tests of the payouts ledger and coded-case listing, run against every Store implementation. */
import { expect, it } from 'vitest';
import type { OfficerLink, Payout } from '../payouts/types.js';
import { payoutIdFor } from './payout-records.js';
import { caseIdFor } from './records.js';
import type { StoreGetter } from './store-suite.js';
import { caseInput, expectClearlyError } from './store-suite-fixtures.js';

export function payout(line: number, over: Partial<Payout> = {}): Payout {
  return {
    source_file: '/data/springfield_edited.csv', source_line: line, source_row_id: `springfield_edited.csv:${line}`,
    source_format: 'fivethirtyeight', jurisdiction: 'Springfield, MA', city: 'Springfield', state: 'MA',
    payer_type: 'city', payer_name: 'Springfield', payer_basis: 'assumed', amount_cents: 100_00 * line,
    amount_field: 'amount_awarded', amount_raw: String(100 * line), allegation_categories: ['excessive_force'],
    plaintiff_names: [], officer_names: [], caveat_ids: ['fivethirtyeight-not-comparable'], ...over,
  };
}

const officerRow = (line: number, over: Partial<OfficerLink> = {}): OfficerLink =>
  ({ source_file: '/data/springfield_police_edited.csv', source_line: line, jurisdiction: 'Springfield, MA', docket_number: '3:09-cv-30229', officer_names: ['Jane Roe'], ...over });

/** Every optional field set, so a round trip shows that nothing is dropped. */
const full = (): Payout => payout(2, {
  source_file: '/x/ledger.xlsx', source_sheet: 'main data', source_row_id: 'R-7', source_format: 'minnesota',
  jurisdiction: 'Minnesota', city: 'Duluth', state: 'MN', agency: 'Duluth PD', payer_type: 'insurance_pool',
  payer_name: 'League of Minnesota Cities Insurance Trust', payer_raw: 'LMCIT', payer_basis: 'column',
  amount_cents: 123_456_78, amount_raw: '123456.775', amount_field: 'PAID LOSS', amount_rounded: true,
  other_expenses_cents: 5_00, total_incurred_cents: 123_461_78, incident_date: '2014-03-02', filed_date: '2015-01',
  closed_date: '2016', paid_date: '2016-07-08', unparsed: { incident_date: '2004 > 2008' }, claims_made_year: 2015,
  year_paid: 2016, allegation_text: 'Excessive force; false arrest', allegation_categories: ['excessive_force', 'false_arrest'],
  outcome: 'Settled', matter_name: 'Doe v. Roe', court: 'D. Minn.', plaintiff_names: ['John Doe'],
  docket_number: '0:15-cv-01234', claim_number: 'C-1', officer_names: ['Jane Roe', 'Rick Moe'],
  defendant_text: 'City of Duluth', caveat_ids: ['minnesota-workbook-scope'],
});

export function payoutsSuite(store: StoreGetter): void {
  it('counts inserted, updated and unchanged payouts and keys them by file name and row', async () => {
    const first = await store().upsertPayouts({ payouts: [payout(2), payout(3)], officer_rows: [officerRow(2)] });
    expect(first).toMatchObject({ inserted: 2, updated: 0, unchanged: 0, officer_rows: { inserted: 1, updated: 0, unchanged: 0 } });
    expect(first.ids).toEqual([payoutIdFor('springfield_edited.csv', undefined, 2), payoutIdFor('springfield_edited.csv', undefined, 3)]);
    // The same file from another directory is the same file; a changed amount is an update.
    const again = await store().upsertPayouts({
      payouts: [payout(2, { source_file: 'elsewhere/springfield_edited.csv' }), payout(3, { amount_cents: 1 })],
      officer_rows: [officerRow(2, { source_file: 'springfield_police_edited.csv' })],
    });
    expect(again).toMatchObject({ inserted: 0, updated: 1, unchanged: 1, officer_rows: { unchanged: 1 } });
    const stats = await store().payoutLedgerStats();
    expect(stats).toMatchObject({ payouts: 2, total_cents: 200_00 + 1, officer_rows: 1, linked_payouts: 0, case_links: 0 });
    expect(stats.files).toEqual([
      { source_file: 'springfield_edited.csv', payouts: 2, officer_rows: 0, total_cents: 200_01 },
      { source_file: 'springfield_police_edited.csv', payouts: 0, officer_rows: 1, total_cents: 0 },
    ]);
  });

  it('round-trips every field of a payout', async () => {
    const input = full();
    await store().upsertPayouts({ payouts: [input, payout(3)] });
    const [got, csv] = (await store().listPayouts({})).items;
    expect(got).toEqual({
      ...input, source_file: 'ledger.xlsx', id: payoutIdFor('ledger.xlsx', 'main data', 2), import_key: 'payouts:ledger.xlsx',
      docket_key: 'f:15-1234', case_ids: [],
    });
    expect(csv).not.toHaveProperty('source_sheet');
    expect(csv).not.toHaveProperty('docket_key');
    // A sheet is part of the key: row 2 of another sheet is another payout.
    expect((await store().upsertPayouts({ payouts: [{ ...input, source_sheet: 'other' }] })).inserted).toBe(1);
  });

  it('writes nothing of a batch with an invalid payout, checkpoint and rejects included', async () => {
    await store().setCheckpoint('payouts:springfield_edited.csv', { line: 1 });
    const failing = store().upsertPayouts({
      payouts: [payout(2), payout(3, { amount_cents: 1.5 })],
      rejects: [{ import_key: 'payouts:springfield_edited.csv', file: 'springfield_edited.csv', line: 4, record_id: null, reason: 'bad_amount', excerpt: 'x' }],
      checkpoint: { import_key: 'payouts:springfield_edited.csv', state: { line: 4 } },
    });
    const err = await expectClearlyError(failing, 'bad_data');
    expect(err.location).toMatchObject({ line: 3 });
    await expectClearlyError(store().upsertPayouts({ payouts: [payout(2, { incident_date: '03/02/2019' })] }), 'bad_data');
    await expectClearlyError(store().upsertPayouts({ payouts: [payout(2, { payer_type: 'mayor' as Payout['payer_type'] })] }), 'bad_data');
    expect((await store().payoutLedgerStats()).payouts).toBe(0);
    expect(await store().getCheckpoint('payouts:springfield_edited.csv')).toEqual({ line: 1 });
    expect(await store().listRejects('payouts:springfield_edited.csv')).toEqual([]);
  });

  it('commits rejects and the checkpoint with the batch', async () => {
    const reject = { import_key: 'payouts:a.csv', file: 'a.csv', line: 9, record_id: 'a.csv:9', reason: 'missing_amount: no amount', excerpt: ',,' };
    await store().upsertPayouts({ payouts: [payout(2)], rejects: [reject], checkpoint: { import_key: 'payouts:a.csv', state: { line: 9 } } });
    await store().upsertPayouts({ payouts: [], rejects: [reject] });
    expect((await store().listRejects('payouts:a.csv')).map((r) => [r.line, r.reason])).toEqual([[9, 'missing_amount: no amount']]);
    expect(await store().getCheckpoint('payouts:a.csv')).toEqual({ line: 9 });
  });

  it('lists payouts by city, state, format, file and payer type, page by page', async () => {
    await store().upsertPayouts({ payouts: [
      payout(2), payout(3, { source_file: 'chicago_edited.csv', city: 'Chicago', state: 'IL', jurisdiction: 'Chicago, IL' }),
      full(), payout(4, { payer_type: 'officer', payer_name: 'Officer Roe' }),
    ] });
    const lines = async (f: Parameters<ReturnType<StoreGetter>['listPayouts']>[0]) =>
      (await store().listPayouts(f)).items.map((p) => `${p.source_file}:${p.source_line}`);
    expect(await lines({ city: 'springfield' })).toEqual(['springfield_edited.csv:2', 'springfield_edited.csv:4']);
    expect(await lines({ city: 'Chicago, IL' })).toEqual(['chicago_edited.csv:3']);
    expect(await lines({ city: 'MINNESOTA' })).toEqual(['ledger.xlsx:2']);
    expect(await lines({ state: 'mn' })).toEqual(['ledger.xlsx:2']);
    expect(await lines({ source_format: 'minnesota' })).toEqual(['ledger.xlsx:2']);
    expect(await lines({ source_file: '/any/dir/chicago_edited.csv' })).toEqual(['chicago_edited.csv:3']);
    expect(await lines({ payer_type: 'officer' })).toEqual(['springfield_edited.csv:4']);
    const p1 = await store().listPayouts({ limit: 3 });
    const p2 = await store().listPayouts({ limit: 3, cursor: p1.next_cursor! });
    expect([...p1.items, ...p2.items]).toHaveLength(4);
    expect(p2.next_cursor).toBeNull();
    await expectClearlyError(store().listPayouts({ cursor: 'garbage' }), 'usage');
  });

  it('links payouts to cases, replacing the previous links', async () => {
    const { ids: [a, b] } = await store().upsertCases({ cases: [caseInput('a'), caseInput('b')] });
    const { ids: [p2, p3] } = await store().upsertPayouts({ payouts: [payout(2), payout(3)] });
    expect(await store().replacePayoutCaseLinks([{ payout_id: p2!, case_id: a!, docket_key: 'f:09-1' }, { payout_id: p2!, case_id: b!, docket_key: 'f:09-1' }])).toBe(2);
    expect((await store().listPayouts({})).items.map((p) => p.case_ids)).toEqual([[a, b].sort(), []]);
    expect((await store().listPayouts({ case_id: b! })).items.map((p) => p.id)).toEqual([p2]);
    expect(await store().replacePayoutCaseLinks([{ payout_id: p3!, case_id: a!, docket_key: 'f:09-2' }])).toBe(1);
    expect(await store().payoutLedgerStats()).toMatchObject({ linked_payouts: 1, case_links: 1 });
    await expectClearlyError(store().replacePayoutCaseLinks([{ payout_id: p2!, case_id: 'c_missing', docket_key: 'x' }]), 'not_found');
    await expectClearlyError(store().replacePayoutCaseLinks([{ payout_id: 'p_missing', case_id: a!, docket_key: 'x' }]), 'not_found');
    expect((await store().payoutLedgerStats()).case_links).toBe(1);
    // Re-importing a payout (even changed) keeps its links.
    await store().upsertPayouts({ payouts: [payout(3, { amount_cents: 7 })] });
    expect((await store().listPayouts({ case_id: a! })).items.map((p) => p.id)).toEqual([p3]);
  });

  it('lists coded cases with the coding that counts, page by page', async () => {
    const { ids } = await store().upsertCases({ cases: ['a', 'b', 'c', 'd'].map((n) => caseInput(n)) });
    const [a, b, , d] = ids;
    await store().putQiCoding({ case_id: a!, coder: 'machine', coding: { outcome: 'AFFIRM_GRANT' } });
    await store().putQiCoding({ case_id: a!, coder: 'human', coding: { outcome: 'AFFIRM_DENIAL' } });
    await store().putQiCoding({ case_id: b!, coder: 'machine', coding: { outcome: 'REVERSE_DENIAL' } });
    await store().putQiCoding({ case_id: d!, coder: 'human', coding: { outcome: 'REVERSE_GRANT' } });
    const first = await store().listCodedCases({ limit: 2 });
    const rest = await store().listCodedCases({ limit: 2, cursor: first.next_cursor! });
    const all = [...first.items, ...rest.items];
    expect(rest.next_cursor).toBeNull();
    const byCase = new Map(all.map((x) => [x.case.id, [x.coding.coder, x.coding.coding.outcome]]));
    expect(byCase).toEqual(new Map([[a, ['human', 'AFFIRM_DENIAL']], [b, ['machine', 'REVERSE_DENIAL']], [d, ['human', 'REVERSE_GRANT']]]));
    expect(all.find((x) => x.case.id === a)?.case).toMatchObject({ circuit: '6', decision_date: '2010-06-01', id: caseIdFor('test', 'cluster:a') });
  });
}
