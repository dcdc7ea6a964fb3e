/**
 * Source-supplied links waiting for the record they name (`CitationLinkInput.cited_ref`): which rows to bind,
 * merge or drop once that record is stored. Both stores find the rows their own way and apply this one plan, so
 * they bind alike. The plan mirrors what the importer does when the target is already stored
 * (src/ingest/resolve-links.ts resolveSupplied): one supplied entry per citing opinion, origin and cited case,
 * its depth the sum of the merged ones; a link to the citing opinion's own case is dropped. Engine links are
 * never merged (each is its own citation in the text).
 */
import { normalizeLinks } from './records.js';
import type { CitationLink, CitationLinkInput } from './types.js';

/** A waiting link whose record has just been stored: `target` is the case it belongs to. */
export interface WaitingRow {
  seq: number;
  citing_opinion_id: string;
  /** The case of the citing opinion. */
  citing_case_id: string;
  origin: string;
  depth: number;
  parenthetical: string | null;
  target: string;
}

/** A link already bound, of a citing opinion and origin that a waiting row is about to bind to the same case. */
export interface BoundRow {
  seq: number;
  citing_opinion_id: string;
  origin: string;
  cited_case_id: string;
  depth: number;
  parenthetical: string | null;
}

export interface BindingPlan {
  /** Rows to point at their case, with their new depth and parenthetical (unresolved_reason and cited_ref cleared). */
  bind: { seq: number; cited_case_id: string; depth: number; parenthetical: string | null }[];
  /** Rows merged into another, or citing their own case. */
  remove: number[];
  /** Waiting links now bound (merged ones included). */
  bound: number;
}

/** The key of the one supplied entry per citing opinion, origin and cited case. */
export const entryKey = (opinion: string, origin: string, target: string): string => `${opinion}\0${origin}\0${target}`;

export function planBinding(waiting: WaitingRow[], bound: BoundRow[]): BindingPlan {
  const plan: BindingPlan = { bind: [], remove: [], bound: 0 };
  type Member = { seq: number; depth: number; parenthetical: string | null; target: string };
  const groups = new Map<string, Member[]>();
  for (const w of waiting) {
    if (w.target === w.citing_case_id) { plan.remove.push(w.seq); continue; }
    plan.bound++;
    // An engine link's group is itself alone.
    const key = w.origin === 'engine' ? `#${w.seq}` : entryKey(w.citing_opinion_id, w.origin, w.target);
    const members = groups.get(key) ?? [];
    members.push({ seq: w.seq, depth: w.depth, parenthetical: w.parenthetical, target: w.target });
    groups.set(key, members);
  }
  for (const b of bound) {
    if (b.origin === 'engine') continue;
    groups.get(entryKey(b.citing_opinion_id, b.origin, b.cited_case_id))?.push({ ...b, target: b.cited_case_id });
  }
  for (const members of groups.values()) {
    members.sort((a, b) => a.seq - b.seq);
    const [first, ...rest] = members as [Member, ...Member[]];
    plan.bind.push({
      seq: first.seq, cited_case_id: first.target, depth: members.reduce((n, m) => n + m.depth, 0),
      parenthetical: members.find((m) => m.parenthetical !== null)?.parenthetical ?? null,
    });
    plan.remove.push(...rest.map((m) => m.seq));
  }
  return plan;
}

/**
 * The same at write time, for one opinion's links: those whose `cited_ref` names a record stored already are bound
 * to its case (`target`) and merged into the opinion's supplied entry for that case. `links` are normalizeLinks'
 * fresh objects, changed in place; returns the links to write with their refs.
 */
export function bindSuppliedNow(links: CitationLink[], refs: (string | null)[], citingCase: string,
  target: (ref: string) => string | undefined): { links: CitationLink[]; refs: (string | null)[] } {
  const boundNow = new Set<number>();
  const drop = new Set<number>();
  links.forEach((l, i) => {
    const ref = refs[i];
    if (ref === null || ref === undefined || l.cited_case_id !== null) return;
    const t = target(ref);
    if (t === undefined) return;
    if (t === citingCase) { drop.add(i); return; }
    l.cited_case_id = t;
    l.unresolved_reason = null;
    boundNow.add(i);
  });
  if (!boundNow.size && !drop.size) return { links, refs };
  const first = new Map<string, number>();
  links.forEach((l, i) => {
    if (drop.has(i) || l.cited_case_id === null || l.origin === 'engine') return;
    const key = entryKey(l.citing_opinion_id, l.origin, l.cited_case_id);
    const j = first.get(key);
    if (j === undefined) { first.set(key, i); return; }
    if (!boundNow.has(i) && !boundNow.has(j)) return; // two entries as given: left as they are
    const into = links[j]!;
    into.depth += l.depth;
    into.parenthetical ??= l.parenthetical;
    drop.add(i);
  });
  const keep = links.map((_, i) => !drop.has(i));
  return {
    links: links.filter((_, i) => keep[i]),
    refs: refs.map((r, i) => (boundNow.has(i) ? null : r)).filter((_, i) => keep[i]),
  };
}

/** The columns of a stored link that its opinion's links_hash covers, as `SELECT LINK_HASH_COLUMNS` reads them. */
export const LINK_HASH_COLUMNS = `cited_case_id, text, volume, reporter, page, pin_cite, parenthetical, signal, span_start,
  span_end, treatment, depth, unresolved_reason, origin, cited_ref`;

/** A stored link row as LINK_HASH_COLUMNS reads it: the link's fields, its span in two columns. */
export type StoredLinkRow = Omit<CitationLink, 'citing_opinion_id' | 'span' | 'treatment'> & {
  span_start: number | null;
  span_end: number | null;
  /** JSON text on SQLite, parsed on PostgreSQL (jsonb). */
  treatment: string | string[];
  cited_ref: string | null;
};

/**
 * The links_hash of an opinion's links as stored (rows in seq order) after binding changed them: the hash of the
 * link set an importer now makes from the same source (it finds the records the links name stored), so
 * re-importing it writes nothing.
 */
export function storedLinksHash(opinionId: string, rows: StoredLinkRow[]): string {
  return normalizeLinks(opinionId, rows.map((r): CitationLinkInput => ({
    text: r.text, cited_case_id: r.cited_case_id, volume: r.volume, reporter: r.reporter, page: r.page, pin_cite: r.pin_cite,
    parenthetical: r.parenthetical, signal: r.signal, span: r.span_start === null ? null : [r.span_start, r.span_end!],
    treatment: typeof r.treatment === 'string' ? (JSON.parse(r.treatment) as string[]) : r.treatment, depth: r.depth,
    unresolved_reason: r.unresolved_reason, origin: r.origin, cited_ref: r.cited_ref,
  }))).hash;
}
