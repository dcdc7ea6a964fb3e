/**
 * The store a command works on, with the built-in knowledge base loaded (idempotent: a checkpoint read when it
 * is already there), and the knowledge-base case ids the finder always examines.
 */
import { ensureKnowledgeBase, kbCaseId, knowledgeBase } from '../kb/index.js';
import { openStore, type Store } from '../store/index.js';

export interface KnowledgeStore {
  store: Store;
  /** Knowledge-base case ids: always candidates, however the full-text search ranks them. */
  seedIds: string[];
  /** True when the store holds nothing but the knowledge base. */
  kbOnly: boolean;
}

export async function withKnowledgeBase(store: Store): Promise<KnowledgeStore> {
  await ensureKnowledgeBase(store);
  const seedIds = knowledgeBase().map((d) => kbCaseId(d.id));
  const { cases } = await store.stats();
  return { store, seedIds, kbOnly: cases <= seedIds.length };
}

export async function openKnowledgeStore(db?: string): Promise<KnowledgeStore> {
  const store = await openStore(db === undefined ? {} : { db });
  try {
    return await withKnowledgeBase(store);
  } catch (err) {
    await store.close();
    throw err;
  }
}
