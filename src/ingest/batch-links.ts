/**
 * The citation links of a batch of cases: for each opinion, the engine's links (citation extraction on its text)
 * beside the source's supplied ones, all resolved against the store plus the batch itself.
 */
import { caseIdFor, opinionIdFor, type CaseInput, type CitationLinkInput, type Store } from '../store/index.js';
import { engineLinks, type EngineLink } from './engine-links.js';
import { BatchIndex, resolveEngineLinkNow, resolveSupplied } from './resolve-links.js';
import type { SuppliedLink } from './types.js';

export interface LinkCounts {
  engine: number;
  supplied: number;
  /** The links written, resolved or not at the time. */
  resolved: number;
  unresolved: number;
  /**
   * Supplied links stored unresolved — by an earlier batch of this run, or by an earlier import — that the store
   * bound when this run wrote the opinion or case they name (merged ones included).
   */
  bound: number;
}

export interface BatchLinks {
  links: { opinion_id: string; links: CitationLinkInput[] }[];
  counts: LinkCounts;
}

export const emptyCounts = (): LinkCounts => ({ engine: 0, supplied: 0, resolved: 0, unresolved: 0, bound: 0 });

export function addCounts(into: LinkCounts, from: LinkCounts): void {
  into.engine += from.engine; into.supplied += from.supplied; into.resolved += from.resolved; into.unresolved += from.unresolved;
  into.bound += from.bound;
}

/**
 * One opinion's links. `engine` is the engine's links of `text` when already extracted (prepare.ts), else they
 * are extracted here.
 */
export async function linksForOpinion(
  store: Store, index: BatchIndex, caseId: string, text: string, supplied: SuppliedLink[], counts: LinkCounts, source: string,
  engine?: EngineLink[],
): Promise<CitationLinkInput[]> {
  const links: CitationLinkInput[] = [];
  const mine = engine ?? engineLinks(text);
  await index.prefetch(store, mine); // at once (settled already when the batch prefetched them)
  for (const l of mine) {
    const link = resolveEngineLinkNow(index, caseId, l);
    if (link) links.push(link);
  }
  counts.engine += links.length;
  const s = await resolveSupplied(store, index, caseId, supplied, source);
  counts.supplied += s.length;
  links.push(...s);
  for (const l of links) l.cited_case_id ? counts.resolved++ : counts.unresolved++;
  return links;
}

export async function batchLinks(store: Store, cases: { case: CaseInput; supplied: SuppliedLink[]; engine?: EngineLink[][] }[]): Promise<BatchLinks> {
  const index = new BatchIndex();
  for (const c of cases) index.add(c.case);
  // Every citation the batch's extracted links name is asked for at once (one query on PostgreSQL, which
  // answers same-turn lookups together); the loop below then resolves them without waiting per citation.
  await index.prefetch(store, (function* () { for (const c of cases) for (const ls of c.engine ?? []) yield* ls; })());
  const out: BatchLinks = { links: [], counts: emptyCounts() };
  for (const { case: c, supplied, engine } of cases) {
    const caseId = c.id ?? caseIdFor(c.source, c.source_id);
    for (const [i, o] of c.opinions.entries()) {
      const opinionId = o.id ?? opinionIdFor(c.source, o.source_id);
      const mine = supplied.length ? supplied.filter((s) => s.citing_opinion_source_id === o.source_id) : supplied;
      const links = await linksForOpinion(store, index, caseId, o.text, mine, out.counts, c.source, engine?.[i]);
      out.links.push({ opinion_id: opinionId, links });
    }
  }
  return out;
}
