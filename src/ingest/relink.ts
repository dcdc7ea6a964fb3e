/**
 * The end-of-run pass for links that pointed forward in the input: an opinion citing one that the same import
 * wrote later. Its links are rebuilt now that the target is stored (identical link sets are a no-op).
 */
import type { Store } from '../store/index.js';
import { emptyCounts, linksForOpinion, type LinkCounts, type PendingOpinion } from './batch-links.js';
import { BatchIndex } from './resolve-links.js';

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
    const { links } = await linksForOpinion(store, empty, opinion.case_id, opinion.text, p.supplied, counts, p.source);
    if (counts.resolved > before) {
      await store.replaceCitationLinks(p.opinion_id, links);
      delta.resolved += counts.resolved - before;
      delta.unresolved -= counts.resolved - before;
    }
  }
  return delta;
}
