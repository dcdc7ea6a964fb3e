/**
 * Binding links to cases. Engine links resolve by any of their parallel citations (the cases matching every
 * citation that matches something); source-supplied links by the source's own ids, or by their citation text.
 * Cases of the batch being written count as present: the batch's links are written after its cases.
 */
import { caseIdFor, opinionIdFor } from '../store/index.js';
import { NOT_IN_CORPUS, type CaseInput, type CitationLinkInput, type Store } from '../store/index.js';
import { citeKey, type EngineLink } from './engine-links.js';
import type { SuppliedLink } from './types.js';

/** What the batch about to be written holds, so links may point into it. */
export class BatchIndex {
  readonly byCite = new Map<string, Set<string>>();
  readonly opinionCase = new Map<string, string>();
  readonly caseIds = new Set<string>();
  /** Store answers by `citeKey`, asked once per batch: the store does not change while a batch's links are made. */
  private readonly stored = new Map<string, Promise<string[]>>();

  /** The answers settled so far, by `citeKey`, for `resolveEngineLinkNow`. */
  private readonly settled = new Map<string, string[]>();

  /** Ids of the stored cases carrying the citation (cached for the batch). */
  storedCases(store: Store, volume: string, reporter: string, page: string): Promise<string[]> {
    const key = citeKey(volume, reporter, page);
    let ids = this.stored.get(key);
    if (!ids) {
      ids = store.findCasesByCitation(volume, reporter, page).then((cases) => {
        const found = cases.map((c) => c.id);
        this.settled.set(key, found);
        return found;
      });
      this.stored.set(key, ids);
    }
    return ids;
  }

  /**
   * Asks the store about every member citation of `links` at once and waits for all the answers, so the links
   * can then be resolved without waiting per citation (`resolveEngineLinkNow`). Rejects as the first failed look-up.
   */
  async prefetch(store: Store, links: Iterable<EngineLink>): Promise<void> {
    const asked: Promise<string[]>[] = [];
    for (const l of links) for (const m of l.members) asked.push(this.storedCases(store, m.volume, m.reporter, m.page));
    await Promise.all(asked);
  }

  /** The settled answer for a citation key (undefined when it was not prefetched). */
  storedNow(key: string): string[] | undefined {
    return this.settled.get(key);
  }

  add(c: CaseInput): void {
    const id = c.id ?? caseIdFor(c.source, c.source_id);
    this.caseIds.add(id);
    for (const o of c.opinions) this.opinionCase.set(o.id ?? opinionIdFor(c.source, o.source_id), id);
    for (const k of c.citations ?? []) {
      const key = citeKey(k.volume, k.reporter, k.page);
      const set = this.byCite.get(key) ?? new Set<string>();
      set.add(id);
      this.byCite.set(key, set);
    }
  }
}

export const AMBIGUOUS = 'ambiguous';

/**
 * An engine link bound to the one case its citations name (stored or in the batch), or left unresolved with the
 * reason; undefined for the citing case's own citation. Its member citations must have been prefetched
 * (`BatchIndex.prefetch`), so no look-up is waited for here.
 */
export function resolveEngineLinkNow(batch: BatchIndex, citingCase: string, l: EngineLink): CitationLinkInput | undefined {
  let candidates: Set<string> | undefined;
  for (const m of l.members) {
    const key = citeKey(m.volume, m.reporter, m.page);
    const stored = batch.storedNow(key);
    if (stored === undefined) throw new Error(`resolveEngineLinkNow: ${key} was not prefetched`);
    const inBatch = batch.byCite.get(key);
    if (!stored.length && !inBatch) continue; // the common case: a citation of no case here
    const ids = new Set(stored);
    for (const id of inBatch ?? []) ids.add(id);
    if (!ids.size) continue;
    candidates = candidates ? new Set([...candidates].filter((id) => ids.has(id))) : ids;
  }
  // A case's own citation printed in its heading is not a citation of another case.
  if (candidates?.has(citingCase)) {
    if (candidates.size === 1) return undefined;
    candidates.delete(citingCase);
  }
  const first = l.members[0]!;
  const cited = candidates?.size === 1 ? [...candidates][0]! : null;
  // One object literal with every field, in one key order, for resolved and unresolved links alike: the store's
  // normalisation then reads objects of a single shape.
  return {
    text: l.text, volume: first.volume, reporter: first.reporter, page: first.page, pin_cite: l.pin_cite,
    parenthetical: l.parenthetical, signal: l.signal, span: l.span, treatment: l.treatment, depth: l.depth, origin: 'engine',
    cited_case_id: cited,
    unresolved_reason: cited !== null ? null : candidates && candidates.size > 1 ? AMBIGUOUS : NOT_IN_CORPUS,
  };
}

/**
 * Source-supplied links of one opinion, merged per cited case. A link whose cited opinion or case is not stored
 * yet (nor in the batch) is written unresolved with that record's id as `cited_ref`: the store binds it when the
 * record is written, later in this import or in another one (store: bindWaitingSupplied).
 */
export async function resolveSupplied(store: Store, batch: BatchIndex, citingCase: string, supplied: SuppliedLink[], source: string): Promise<CitationLinkInput[]> {
  const byTarget = new Map<string, CitationLinkInput>();
  for (const s of supplied) {
    const target = await targetOf(store, batch, s);
    if (target === citingCase) continue;
    const origin = s.cited?.source ?? source;
    const text = s.text ?? (s.cited ? `${s.cited.source} ${s.cited.source_id}` : '');
    const parsed = /^(\d+)\s+(.+?)\s+(\d+)$/.exec(s.text ?? '');
    const ref = target || !s.cited ? undefined : refOf(s.cited);
    // Unresolved links naming the same record are one entry too (they become one when it arrives).
    const key = target ?? (ref ? `@${ref}` : `?${text}`);
    const prior = byTarget.get(key);
    if (prior) { prior.depth = (prior.depth ?? 1) + 1; prior.parenthetical ??= s.parenthetical ?? null; continue; }
    byTarget.set(key, {
      text, origin, depth: 1, parenthetical: s.parenthetical ?? null,
      volume: parsed?.[1] ?? null, reporter: parsed?.[2] ?? null, page: parsed?.[3] ?? null,
      cited_case_id: target ?? null, ...(target ? {} : { unresolved_reason: NOT_IN_CORPUS }), ...(ref ? { cited_ref: ref } : {}),
    });
  }
  return [...byTarget.values()];
}

/** The id the cited record is stored under: what `targetOf` looks for. */
function refOf(cited: NonNullable<SuppliedLink['cited']>): string {
  return cited.kind === 'opinion' ? opinionIdFor(cited.source, cited.source_id) : caseIdFor(cited.source, cited.source_id);
}

async function targetOf(store: Store, batch: BatchIndex, s: SuppliedLink): Promise<string | undefined> {
  if (s.cited?.kind === 'opinion') {
    const oid = opinionIdFor(s.cited.source, s.cited.source_id);
    return batch.opinionCase.get(oid) ?? (await store.getOpinion(oid))?.case_id;
  }
  if (s.cited?.kind === 'case') {
    const cid = caseIdFor(s.cited.source, s.cited.source_id);
    if (batch.caseIds.has(cid)) return cid;
    return (await store.getCaseBySource(s.cited.source, s.cited.source_id))?.id;
  }
  const m = /^(\d+)\s+(.+?)\s+(\d+)$/.exec(s.text ?? '');
  if (!m) return undefined;
  const ids = new Set(await batch.storedCases(store, m[1]!, m[2]!, m[3]!));
  for (const id of batch.byCite.get(citeKey(m[1]!, m[2]!, m[3]!)) ?? []) ids.add(id);
  return ids.size === 1 ? [...ids][0] : undefined;
}
