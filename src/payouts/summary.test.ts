import { describe, expect, it } from 'vitest';
import { bucketize, groupPayouts, quantile, summarizePayouts } from './summary.js';
import type { Payout } from './types.js';

let line = 1;
function payout(over: Partial<Payout>): Payout {
  return {
    source_file: 'f.csv',
    source_line: ++line,
    source_row_id: `f.csv:${line}`,
    source_format: 'test',
    jurisdiction: 'Testville, TS',
    payer_type: 'city',
    payer_name: 'Testville',
    payer_basis: 'column',
    amount_cents: 0,
    amount_field: 'amount',
    amount_raw: '0',
    allegation_categories: ['unknown'],
    plaintiff_names: [],
    officer_names: [],
    caveat_ids: [],
    ...over,
  };
}

const ledger = [
  payout({ amount_cents: 100_000, year_paid: 2019, agency: 'PD', allegation_categories: ['excessive_force'] }),
  payout({ amount_cents: 300_000, year_paid: 2019, agency: 'PD', allegation_categories: ['excessive_force', 'false_arrest'] }),
  payout({ amount_cents: 500_000, closed_date: '2020-05-01', payer_type: 'insurance_pool', payer_name: 'Pool', caveat_ids: ['mapped-file'] }),
  payout({ amount_cents: 100, paid_date: '2018-01-02', payer_type: 'officer', payer_name: 'Officer Doe', payer_basis: 'assumed' }),
];

describe('quantile', () => {
  it('interpolates (type 7) and rounds to the cent', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(3); // 2.5 rounds half up
    expect(quantile([10, 20, 30], 0.5)).toBe(20);
    expect(quantile([10, 20, 30], 0.25)).toBe(15);
    expect(quantile([7], 0.9)).toBe(7);
    expect(quantile([], 0.5)).toBe(0);
  });
});

describe('summarizePayouts', () => {
  const s = summarizePayouts(ledger);

  it('totals, median, extremes', () => {
    expect(s.count).toBe(4);
    expect(s.total_cents).toBe(900_100);
    expect(s.median_cents).toBe(200_000);
    expect([s.min_cents, s.max_cents]).toEqual([100, 500_000]);
    expect(s.quantiles.p50).toBe(s.median_cents);
  });

  it('shares paid by officers personally', () => {
    expect(s.officer_share).toEqual({ count: 1, total_cents: 100, share_of_count: 0.25, share_of_total: 100 / 900_100 });
    expect(s.assumed_payer).toEqual({ count: 1, total_cents: 100 });
  });

  it('groups by payer type, year and allegation (overlapping)', () => {
    expect(s.by.payer_type.map((g) => [g.key, g.count, g.total_cents])).toEqual([
      ['insurance_pool', 1, 500_000],
      ['city', 2, 400_000],
      ['officer', 1, 100],
    ]);
    expect(s.by.year.map((g) => [g.key, g.count])).toEqual([
      ['2020', 1],
      ['2019', 2],
      ['2018', 1],
    ]);
    const alleg = Object.fromEntries(s.by.allegation.map((g) => [g.key, g.total_cents]));
    expect(alleg).toEqual({ excessive_force: 400_000, false_arrest: 300_000, unknown: 500_100 });
    expect(s.by.agency.find((g) => g.key === 'PD')).toMatchObject({ count: 2, median_cents: 200_000, share_of_total: 400_000 / 900_100 });
  });

  it('carries the caveats of the data it summarises', () => {
    expect(s.caveats.map((c) => c.id)).toEqual(['mapped-file']);
    expect(s.caveats[0]!.source).toBeTruthy();
  });

  it('is empty-safe', () => {
    const e = summarizePayouts([]);
    expect([e.count, e.total_cents, e.median_cents, e.officer_share.share_of_total]).toEqual([0, 0, 0, 0]);
  });

  it('groups lazily from any iterable', () => {
    function* gen(): Generator<Payout> {
      yield* ledger;
    }
    expect(groupPayouts(gen(), 'payer').map((g) => g.key)).toEqual(['Pool', 'Testville', 'Officer Doe']);
  });
});

describe('bucketize', () => {
  it('puts amounts into decade buckets', () => {
    const b = bucketize([100, 100_000, 99_999_999, 1_000_000_000]);
    expect(b.map((x) => [x.label, x.count])).toEqual([
      ['under $1k', 1],
      ['$1k–$10k', 1],
      ['$10k–$100k', 0],
      ['$100k–$1M', 1],
      ['$1M–$10M', 0],
      ['$10M and over', 1],
    ]);
  });
});
