/**
 * Links payouts to cases in the store by docket number. Both sides are reduced to `docketKey` (docket.ts); a key
 * alone does not name a court (`16-cv-379` exists in every district), so a link also needs the case's court to sit
 * in the payout's state and to be a federal district court: the payout files name the docket of the trial-level
 * suit, and appellate courts (federal and state) number their cases afresh, so an appellate docket that happens to
 * read the same is another case. data/courts.json has no state trial courts, so suits in state court cannot be
 * linked yet. Cases without a court id are not linked. Re-run after importing cases (`clearly payouts link`).
 */
import { getCourt } from '../courts/index.js';
import type { PayoutCaseLink, Store } from '../store/index.js';
import { docketKey } from './docket.js';

const TRIAL_LEVELS = new Set(['district']);

export interface LinkResult {
  payouts_with_docket: number;
  linked_payouts: number;
  links: number;
}

export async function linkPayoutsToCases(store: Store): Promise<LinkResult> {
  const byKey = new Map<string, { id: string; state: string | undefined }[]>();
  let withDocket = 0;
  let cursor: string | undefined;
  do {
    const page = await store.listPayouts({ limit: 1000, ...(cursor ? { cursor } : {}) });
    for (const p of page.items) {
      if (!p.docket_key) continue;
      withDocket++;
      byKey.set(p.docket_key, [...(byKey.get(p.docket_key) ?? []), { id: p.id, state: p.state?.toUpperCase() }]);
    }
    cursor = page.next_cursor ?? undefined;
  } while (cursor);

  const links: PayoutCaseLink[] = [];
  if (byKey.size > 0) {
    do {
      const page = await store.listCases({ limit: 1000, ...(cursor ? { cursor } : {}) });
      for (const c of page.items) {
        const key = docketKey(c.docket_number);
        const candidates = key ? byKey.get(key) : undefined;
        if (!candidates || !c.court_id) continue;
        const court = getCourt(c.court_id);
        if (!court || !court.state || !TRIAL_LEVELS.has(court.level)) continue;
        for (const p of candidates) if (p.state === court.state) links.push({ payout_id: p.id, case_id: c.id, docket_key: key! });
      }
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
  }
  const stored = await store.replacePayoutCaseLinks(links);
  return { payouts_with_docket: withDocket, linked_payouts: new Set(links.map((l) => l.payout_id)).size, links: stored };
}
