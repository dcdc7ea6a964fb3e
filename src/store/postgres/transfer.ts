/**
 * Copying a whole corpus from one store to another (SQLite ⇄ PostgreSQL, or between two servers) through the
 * Store interface, so each side's own rules apply. Idempotent: everything is upserted by its source key, so a
 * second run reports every record unchanged. Resumable: progress (phase and cursor) is committed in the target
 * with each batch, as an importer's checkpoint, and a re-run after a crash continues from it.
 */
import type { Payout } from '../../payouts/types.js';
import type { PayoutRecord } from '../payout-records.js';
import type { Store } from '../store.js';
import type { CaseInput, CaseRecord, CitationLinkInput, JsonValue } from '../types.js';
import { readBookkeeping } from './bookkeeping.js';

export interface TransferCounts {
  cases: { inserted: number; updated: number; unchanged: number };
  opinions: number;
  /** Opinions whose citation links were copied, and the links. */
  linked_opinions: number;
  links: number;
  qi_codings: number;
  payouts: { inserted: number; updated: number; unchanged: number };
  officer_rows: number;
  payout_case_links: number;
  checkpoints: number;
  rejects: number;
}

export interface TransferOptions {
  /** Where the source lives, for the tables read directly (see bookkeeping.ts). */
  source: { url: string } | { path: string };
  /** Names the run's progress checkpoint in the target; the same source resumes the same run. */
  key: string;
  batchSize?: number;
  onProgress?: (phase: string, done: number) => void;
}

const PHASES = ['cases', 'links', 'codings', 'payouts', 'bookkeeping'] as const;
type Phase = (typeof PHASES)[number];
interface Progress { phase: Phase; cursor: string | null }

const blank = (): TransferCounts => ({
  cases: { inserted: 0, updated: 0, unchanged: 0 }, opinions: 0, linked_opinions: 0, links: 0, qi_codings: 0,
  payouts: { inserted: 0, updated: 0, unchanged: 0 }, officer_rows: 0, payout_case_links: 0, checkpoints: 0, rejects: 0,
});

export async function transfer(from: Store, to: Store, opts: TransferOptions): Promise<TransferCounts & { resumed: boolean }> {
  const limit = opts.batchSize ?? 200;
  const saved = (await to.getCheckpoint(opts.key)) as Progress | null;
  const counts = blank();
  const start = saved ? PHASES.indexOf(saved.phase) : 0;
  const save = (phase: Phase, cursor: string | null): { import_key: string; state: JsonValue } => ({ import_key: opts.key, state: { phase, cursor } });

  // Pages through `list`, handing each page to `each` with the checkpoint to commit alongside it.
  const pages = async <T>(phase: Phase, list: (cursor?: string) => Promise<{ items: T[]; next_cursor: string | null }>,
    each: (items: T[], checkpoint: { import_key: string; state: JsonValue }) => Promise<void>): Promise<void> => {
    if (PHASES.indexOf(phase) < start) return;
    let cursor = saved?.phase === phase ? saved.cursor ?? undefined : undefined;
    let done = 0;
    for (;;) {
      const page = await list(cursor);
      cursor = page.next_cursor ?? undefined;
      await each(page.items, save(page.next_cursor ? phase : PHASES[PHASES.indexOf(phase) + 1]!, page.next_cursor));
      opts.onProgress?.(phase, (done += page.items.length));
      if (!cursor) return;
    }
  };

  await pages<CaseRecord>('cases', (cursor) => from.listCases({ limit, ...(cursor ? { cursor } : {}) }), async (cases, checkpoint) => {
    const inputs: CaseInput[] = await Promise.all(cases.map(async (c) => {
      const opinions = await from.getOpinions(c.id);
      counts.opinions += opinions.length;
      return { ...c, opinions: opinions.map(({ case_id: _c, ...o }) => o) };
    }));
    const r = await to.upsertCases({ cases: inputs, checkpoint });
    counts.cases.inserted += r.inserted; counts.cases.updated += r.updated; counts.cases.unchanged += r.unchanged;
  });

  // Links after every case exists, so each keeps its target; grouped per citing opinion as replaceCitationLinks wants.
  await pages<CaseRecord>('links', (cursor) => from.listCases({ limit, ...(cursor ? { cursor } : {}) }), async (cases, checkpoint) => {
    const sets = new Map<string, CitationLinkInput[]>();
    for (const c of cases) {
      let cursor: string | undefined;
      do {
        const page = await from.cites(c.id, { limit: 1000, ...(cursor ? { cursor } : {}) });
        for (const { link: { citing_opinion_id, ...l } } of page.items) sets.set(citing_opinion_id, [...(sets.get(citing_opinion_id) ?? []), l]);
        cursor = page.next_cursor ?? undefined;
      } while (cursor);
    }
    counts.linked_opinions += sets.size;
    counts.links += [...sets.values()].reduce((n, l) => n + l.length, 0);
    await to.upsertCases({ cases: [], links: [...sets].map(([opinion_id, links]) => ({ opinion_id, links })), checkpoint });
  });

  await pages('codings', (cursor) => from.listCodedCases({ limit, ...(cursor ? { cursor } : {}) }), async (coded, checkpoint) => {
    for (const { case: c } of coded) {
      for (const q of await from.listQiCodings(c.id)) { await to.putQiCoding(q); counts.qi_codings++; }
    }
    await to.setCheckpoint(opts.key, checkpoint.state);
  });

  await pages<PayoutRecord>('payouts', (cursor) => from.listPayouts({ limit, ...(cursor ? { cursor } : {}) }), async (records, checkpoint) => {
    const payouts = records.map(({ id: _id, import_key: _k, docket_key: _d, case_ids: _c, ...p }): Payout => p);
    const r = await to.upsertPayouts({ payouts, checkpoint });
    counts.payouts.inserted += r.inserted; counts.payouts.updated += r.updated; counts.payouts.unchanged += r.unchanged;
  });
  // Payout→case links are replaced whole (the Store's contract), so they are gathered from every payout, not
  // only those this (possibly resumed) run copied.
  const caseLinks: { payout_id: string; case_id: string; docket_key: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = await from.listPayouts({ limit: 1000, ...(cursor ? { cursor } : {}) });
    for (const p of page.items) for (const case_id of p.case_ids) caseLinks.push({ payout_id: p.id, case_id, docket_key: p.docket_key ?? '' });
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  counts.payout_case_links = await to.replacePayoutCaseLinks(caseLinks);

  const book = await readBookkeeping(opts.source, (k) => k.startsWith('migrate-store:'));
  for (let i = 0; i < book.officer_rows.length; i += limit) {
    await to.upsertPayouts({ payouts: [], officer_rows: book.officer_rows.slice(i, i + limit) });
  }
  counts.officer_rows = book.officer_rows.length;
  for (let i = 0; i < book.rejects.length; i += limit) await to.addRejects(book.rejects.slice(i, i + limit));
  counts.rejects = book.rejects.length;
  for (const c of book.checkpoints) await to.setCheckpoint(c.import_key, c.state);
  counts.checkpoints = book.checkpoints.length;
  await to.setCheckpoint(opts.key, null);
  await to.optimizeSearchIndex();   // on PostgreSQL, builds the search indexes a first load deferred
  return { ...counts, resumed: saved !== null };
}
