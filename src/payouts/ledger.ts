/** The ledger's numbers read from the store: `summarizePayouts` over the stored payouts matching a filter. */
import type { PayoutFilter, PayoutRecord, Store } from '../store/index.js';
import { summarizePayouts, type PayoutSummary } from './summary.js';

export interface LedgerSummary extends PayoutSummary {
  filter: PayoutFilter;
  /** Payouts linked to at least one case in the store by docket number. */
  linked_payouts: number;
}

/** All payouts matching the filter, in ledger order (read a page at a time). */
export async function loadPayouts(store: Store, filter: PayoutFilter = {}): Promise<PayoutRecord[]> {
  const out: PayoutRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listPayouts({ ...filter, limit: 1000, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return out;
}

export async function summarizeLedger(store: Store, filter: PayoutFilter = {}): Promise<LedgerSummary> {
  const payouts = await loadPayouts(store, filter);
  const summary = summarizePayouts(payouts);
  const formats = new Set(payouts.map((p) => p.source_format));
  if (formats.size > 1) summary.notes.push(`The ledger mixes sources (${[...formats].sort().join(', ')}); their totals are not comparable with each other.`);
  if (summary.officer_share.count === 0 && payouts.length > 0) {
    summary.notes.push(summary.assumed_payer.count > 0
      ? 'No payout in this selection names an officer as payer; where a source does not say who paid (FiveThirtyEight), the city is recorded as an assumed payer.'
      : 'No payout in this selection names an officer as payer.');
  }
  return { ...summary, filter, linked_payouts: payouts.filter((p) => p.case_ids.length > 0).length };
}
