/**
 * The memo's promise that every citation it prints resolves to a case in the store: general authorities are
 * cited only when the store holds them, and sentences quoted from opinions have any citation the store cannot
 * resolve replaced by "[citation omitted]".
 */
import { findCitations } from '../cite/index.js';
import type { Store } from '../store/index.js';
import { FRAMEWORK } from './framework.js';
import type { AuthorityRef } from './types.js';

function parts(citation: string): { volume: string; reporter: string; page: string } | null {
  const m = /^(\d+)\s+(.+?)\s+(\d+)$/.exec(citation.trim());
  return m ? { volume: m[1]!, reporter: m[2]!, page: m[3]! } : null;
}

export async function resolvesInStore(store: Store, citation: string): Promise<boolean> {
  const p = parts(citation);
  return p !== null && (await store.findCasesByCitation(p.volume, p.reporter, p.page)).length > 0;
}

/** Every framework row, with its citation kept only when the store holds the case. */
export async function authorityRefs(store: Store): Promise<Map<string, AuthorityRef>> {
  const out = new Map<string, AuthorityRef>();
  for (const a of FRAMEWORK) {
    const found = await resolvesInStore(store, a.citation);
    out.set(a.key, {
      key: a.key, name: a.name, citation: found ? a.citation : null, year: a.year, proposition: a.proposition,
      ...(a.unverified ? { unverified: a.unverified } : {}),
    });
  }
  return out;
}

/** Replaces full case citations the store cannot resolve; short forms and other kinds are left alone. */
export async function sanitizeCitations(store: Store, sentence: string): Promise<string> {
  const cites = findCitations(sentence, { resolve: false }).filter((c) => c.type === 'case' && c.volume && c.reporter && c.page);
  let out = sentence;
  // Right to left so earlier offsets stay valid.
  for (const c of [...cites].sort((a, b) => b.source_span[0] - a.source_span[0])) {
    const hits = await store.findCasesByCitation(c.volume!, c.reporter!, c.page!);
    if (hits.length === 0) out = `${out.slice(0, c.source_span[0])}[citation omitted]${out.slice(c.source_span[1])}`;
  }
  return out;
}
