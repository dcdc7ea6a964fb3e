/**
 * Citation → case, with the semantics of CourtListener's citation-lookup API, which lawyers already know: each
 * full citation is found (one case), ambiguous (several), not found (possibly a wrong or fabricated cite), or has
 * an unknown reporter. Short forms, id. and supra are not looked up themselves; they take the answer of the full
 * citation they resolve to.
 */
import type { Citation } from '../cite/index.js';
import type { CaseRecord, Store } from '../store/index.js';

export type LookupResult = 'found' | 'ambiguous' | 'not_found' | 'unknown_reporter' | 'too_many';

/** CourtListener's per-citation status numbers for the same outcomes. */
export const LOOKUP_STATUS: Record<LookupResult, number> = { found: 200, ambiguous: 300, not_found: 404, unknown_reporter: 400, too_many: 429 };

/** CourtListener stops looking up after 250 citations in one request and marks the rest 429; so do we. */
export const MAX_LOOKUPS = 250;

export interface CaseSummary {
  id: string;
  case_name: string;
  court_id: string | null;
  decision_date: string | null;
  precedential_status: CaseRecord['precedential_status'];
  citation: string | null;
}

export function summarize(c: CaseRecord): CaseSummary {
  const first = c.citations[0];
  return {
    id: c.id, case_name: c.case_name, court_id: c.court_id, decision_date: c.decision_date,
    precedential_status: c.precedential_status,
    citation: first ? first.cite ?? `${first.volume} ${first.reporter} ${first.page}` : null,
  };
}

export interface Lookup {
  result: LookupResult;
  cases: CaseSummary[];
}

/** True for the citations the lookup answers for directly. */
export const isLookedUp = (c: Citation): boolean => c.type === 'case' || c.type === 'unknown';

export const normalized = (c: Citation): string => `${c.volume ?? ''} ${c.reporter ?? c.reporter_found ?? ''} ${c.page ?? ''}`.trim();

/**
 * Looks up every full citation (at most MAX_LOOKUPS distinct ones) and gives short forms their antecedent's
 * answer. Returns one entry per input citation; null for kinds that are not case citations (statutes, rules…).
 */
export async function lookupAll(store: Store, cites: Citation[]): Promise<(Lookup | null)[]> {
  const cache = new Map<string, Lookup>();
  const out: (Lookup | null)[] = [];
  let looked = 0;
  for (const c of cites) {
    if (!isLookedUp(c)) {
      out.push(null);
      continue;
    }
    if (c.type === 'unknown' || !c.reporter || !c.volume || !c.page) {
      out.push({ result: 'unknown_reporter', cases: [] });
      continue;
    }
    const key = `${c.volume}|${c.reporter}|${c.page}`;
    let hit = cache.get(key);
    if (!hit) {
      if (looked >= MAX_LOOKUPS) {
        out.push({ result: 'too_many', cases: [] });
        continue;
      }
      looked++;
      const found = await store.findCasesByCitation(c.volume, c.reporter, c.page);
      hit = { result: found.length === 0 ? 'not_found' : found.length === 1 ? 'found' : 'ambiguous', cases: found.slice(0, 20).map(summarize) };
      cache.set(key, hit);
    }
    out.push(hit);
  }
  // Short forms, id. and supra inherit the answer of the citation they point to.
  return cites.map((c, i) => {
    if (out[i] !== null || c.resolves_to === undefined) return out[i] ?? null;
    return out[c.resolves_to] ?? null;
  });
}

export function lookupMessage(c: Citation, r: LookupResult): string {
  switch (r) {
    case 'found': return '';
    case 'ambiguous': return `Several cases in the store carry the citation ${normalized(c)}.`;
    case 'not_found': return `Citation not found in the store: '${normalized(c)}'.`;
    case 'unknown_reporter': return `Unable to find reporter '${c.reporter_found ?? c.reporter ?? ''}' in the reporter data.`;
    case 'too_many': return `Too many citations requested: only the first ${MAX_LOOKUPS} distinct citations are looked up.`;
  }
}
