/**
 * Puts the knowledge base into a store. Loading is an idempotent upsert: cases by (source `kb`, row id), links
 * replaced as a set, codings rewritten only when they differ — so a second load changes nothing. A human coding
 * that a user made over a knowledge-base case (method other than the knowledge base's) is never overwritten:
 * corrections survive re-loads (issue 4 §2).
 */
import { ClearlyError } from '../errors/index.js';
import { opinionIdFor, type JsonObject, type Store } from '../store/index.js';
import { stableStringify } from '../store/records.js';
import { kbHash, knowledgeBase, kbVersion } from './data.js';
import { KB_METHOD, KB_SOURCE, kbCaseInput, kbCoding, kbLinks, summarySourceId } from './records.js';
import { validateKnowledgeBase } from './validate.js';

export const KB_CHECKPOINT = 'kb';

export interface KbLoadResult {
  /** False when `ensureKnowledgeBase` found this exact knowledge base already loaded. */
  loaded: boolean;
  decisions: number;
  inserted: number;
  updated: number;
  unchanged: number;
  codings_written: number;
  /** Knowledge-base cases whose coding a user corrected; their correction was kept. */
  kept_user_codings: string[];
  hash: string;
}

function isKbCoding(coding: JsonObject): boolean {
  const by = coding.coded_by as JsonObject | undefined;
  return by?.method === KB_METHOD;
}

/** Writes every knowledge-base decision into the store (see the file comment for what "idempotent" covers). */
export async function loadKnowledgeBase(store: Store): Promise<KbLoadResult> {
  const rows = knowledgeBase();
  // The shipped file is part of the program: a broken row is a bug to report, not user input to skip.
  const issues = validateKnowledgeBase(rows);
  if (issues.length) {
    const first = issues[0]!;
    throw new ClearlyError('internal', `knowledge base row ${first.id}: ${first.message} (${issues.length} problem(s))`, {
      location: { file: 'data/kb/decisions.json', id: first.id },
    });
  }
  const res = await store.upsertCases({ cases: rows.map(kbCaseInput) });
  let written = 0;
  const kept: string[] = [];
  for (const [i, d] of rows.entries()) {
    const caseId = res.ids[i]!;
    await store.replaceCitationLinks(opinionIdFor(KB_SOURCE, summarySourceId(d.id)), kbLinks(d));
    const coding = kbCoding(d) as unknown as JsonObject;
    const human = (await store.listQiCodings(caseId)).find((c) => c.coder === 'human');
    if (human && !isKbCoding(human.coding)) {
      kept.push(d.id);
      continue;
    }
    if (human && stableStringify(human.coding) === stableStringify(coding)) continue;
    await store.putQiCoding({ case_id: caseId, coder: 'human', coding });
    written++;
  }
  const hash = kbHash();
  await store.setCheckpoint(KB_CHECKPOINT, { version: kbVersion(), hash, decisions: rows.length });
  return { loaded: true, decisions: rows.length, inserted: res.inserted, updated: res.updated, unchanged: res.unchanged, codings_written: written, kept_user_codings: kept, hash };
}

const loadedIn = new WeakMap<Store, string>();

/**
 * Loads the knowledge base unless this store already holds this exact version: one checkpoint read the first
 * time per store object, nothing after that.
 */
export async function ensureKnowledgeBase(store: Store): Promise<KbLoadResult> {
  const hash = kbHash();
  const skip: KbLoadResult = {
    loaded: false, decisions: knowledgeBase().length, inserted: 0, updated: 0, unchanged: 0, codings_written: 0, kept_user_codings: [], hash,
  };
  if (loadedIn.get(store) === hash) return skip;
  const cp = (await store.getCheckpoint(KB_CHECKPOINT)) as { hash?: unknown } | null;
  if (cp && cp.hash === hash) {
    loadedIn.set(store, hash);
    return skip;
  }
  const result = await loadKnowledgeBase(store);
  loadedIn.set(store, hash);
  return result;
}
