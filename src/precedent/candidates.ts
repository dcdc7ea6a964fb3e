/**
 * Candidate decisions for an incident: every knowledge-base decision (a few dozen, always examined) plus the
 * store's best full-text matches for the facts and the incident's factor labels. Only candidates are scored, so
 * an assessment costs one FTS query and a few batched reads however large the corpus is.
 */
import { allCourts } from '../courts/index.js';
import type { QiCoding } from '../qi/types.js';
import type { CaseRecord, Store } from '../store/index.js';
import { SEARCH_TERMS } from './search-terms.js';
import { queryWords } from './text.js';
import type { Candidate, Incident, Rules } from './types.js';

export interface CandidateOptions {
  /** Case ids examined whatever the search finds (the knowledge base). */
  seedIds?: readonly string[];
  /** Full-text hits from the corpus-wide search (the binding-courts search takes three quarters as many); default 20. */
  searchLimit?: number;
  /** Case ids never to return (leave-one-out evaluation hides the decision being predicted). */
  exclude?: ReadonlySet<string>;
}

/** The coder's words as a phrase when short (the user's own "hands raised"); longer evidence is left out. */
function evidencePhrase(evidence: string | undefined): string | null {
  const words = (evidence ?? '').toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return words.length >= 1 && words.length <= 3 && words.join(' ').length >= 5 ? words.join(' ') : null;
}

/**
 * The full-text query: search phrases for each incident factor (search-terms.ts), the user's own short phrases,
 * and — only when no factor is known — the facts' most distinctive words. An OR of phrases keeps the query
 * selective, which is what keeps an assessment fast on a large corpus.
 */
export function searchText(incident: Incident, rules: Rules): string | null {
  const terms = new Set<string>();
  for (const f of incident.factors) {
    for (const t of SEARCH_TERMS[f.id] ?? []) terms.add(t);
    const own = evidencePhrase(f.evidence);
    if (own) terms.add(own);
    // Label words are a last resort, and only for the force and the subject: words like "home" or "injury"
    // from other labels would match most of a corpus.
    if (!SEARCH_TERMS[f.id] && !own && /^(force|subject)\./.test(f.id)) {
      const label = rules.factor(f.id)?.label.split(/[,(/]/)[0]?.trim().toLowerCase();
      if (label) terms.add(label);
    }
  }
  if (terms.size === 0) for (const w of queryWords(incident.facts ?? '', 6)) terms.add(w);
  const list = [...terms].slice(0, 16).map((t) => (/\s/.test(t) ? `"${t.replace(/"/g, '')}"` : t));
  return list.length ? list.join(' OR ') : null;
}

/** Holding, outcome evidence and factor evidence of a coding: what the court said about the facts. */
export function codingDigest(coding: QiCoding | null): string {
  if (!coding) return '';
  const c = coding as QiCoding & { holding?: string; summary?: string; kb?: { right_text?: string } };
  return [c.holding, c.summary, c.kb?.right_text, ...(c.evidence ?? []).map((e) => e.sentence), ...c.factors.map((f) => f.evidence)]
    .filter((s): s is string => typeof s === 'string' && s.length > 0)
    .join(' ');
}

export async function gatherCandidates(store: Store, incident: Incident, rules: Rules, opts: CandidateOptions = {}): Promise<Candidate[]> {
  const exclude = opts.exclude ?? new Set<string>();
  const byId = new Map<string, { case: CaseRecord; fts: number; snippet: string }>();
  const q = searchText(incident, rules);
  if (q) {
    // Two small searches rather than one large one: the store computes a snippet for every hit it returns, and
    // on a large corpus that costs more than the match itself (measured: ~20 ms to rank all matches of 100k
    // cases, ~1.4 ms per snippet). The first is limited to the courts that bind in the incident's circuit and to
    // decisions before the incident, so controlling precedent is never crowded out by the rest of the corpus.
    const limit = opts.searchLimit ?? 20;
    const binding = ['scotus', ...allCourts().filter((c) => c.level === 'appellate' && c.circuit === incident.circuit).map((c) => c.id)];
    const pages = [
      await store.search({ text: q, limit: Math.ceil(limit * 0.75), courts: binding, before: incident.date, highlight: { open: '', close: '' } }),
      await store.search({ text: q, limit, highlight: { open: '', close: '' } }),
    ];
    const max = Math.max(0, ...pages.flatMap((p) => p.items.map((h) => h.score)));
    for (const h of pages.flatMap((p) => p.items)) {
      if (exclude.has(h.case.id) || byId.has(h.case.id)) continue;
      byId.set(h.case.id, { case: h.case, fts: max > 0 ? h.score / max : 0, snippet: h.snippet });
    }
  }
  for (const id of opts.seedIds ?? []) {
    if (byId.has(id) || exclude.has(id)) continue;
    const c = await store.getCase(id);
    if (c) byId.set(id, { case: c, fts: 0, snippet: '' });
  }
  const codings = await store.getQiCodings([...byId.keys()]);
  const out: Candidate[] = [];
  for (const [id, v] of byId) {
    const rec = codings.get(id);
    const coding = rec ? (rec.coding as unknown as QiCoding) : null;
    out.push({
      case: v.case,
      coding,
      coder: rec?.coder ?? null,
      digest: [v.case.case_name, codingDigest(coding), v.snippet].filter(Boolean).join(' '),
      fts: v.fts,
    });
  }
  return out;
}
