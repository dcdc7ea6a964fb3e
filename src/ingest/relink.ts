/**
 * Checkpoints written before the store bound waiting supplied links itself (`cited_ref`, store migration 5 on
 * SQLite, 10 on PostgreSQL) list the opinions whose supplied links pointed forward in the input (`pending`). Their
 * links were stored without `cited_ref`, so nothing would ever bind them: a run resuming such a checkpoint
 * rebuilds them at its end, as those versions did. Rebuilt now, a link whose target is still missing gets its
 * `cited_ref` and is bound by the store when the target arrives. New checkpoints never list any.
 */
import type { Store } from '../store/index.js';
import { emptyCounts, linksForOpinion, type LinkCounts } from './batch-links.js';
import { BatchIndex } from './resolve-links.js';
import type { SuppliedLink } from './types.js';

/** An entry of an old checkpoint's `pending` list. */
export interface PendingOpinion {
  opinion_id: string;
  case_id: string;
  source: string;
  supplied: SuppliedLink[];
}

/** Counts of the links this pass newly resolved (moved from unresolved to resolved). */
export async function relinkPending(store: Store, pending: PendingOpinion[]): Promise<LinkCounts> {
  const delta = emptyCounts();
  const empty = new BatchIndex();
  for (const p of pending) {
    const opinion = await store.getOpinion(p.opinion_id);
    if (!opinion) continue;
    const before = (await store.cites(opinion.case_id, { limit: 1000 })).items
      .filter((e) => e.link.citing_opinion_id === p.opinion_id && e.link.cited_case_id !== null).length;
    const counts = emptyCounts();
    const links = await linksForOpinion(store, empty, opinion.case_id, opinion.text, p.supplied, counts, p.source);
    await store.replaceCitationLinks(p.opinion_id, links);
    if (counts.resolved > before) {
      delta.resolved += counts.resolved - before;
      delta.unresolved -= counts.resolved - before;
    }
  }
  return delta;
}
