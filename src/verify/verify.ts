/**
 * verifyText: every case citation of a brief looked up in the store — found, ambiguous (several cases carry it),
 * not found (possibly fabricated) or unknown reporter — with the qualified-immunity warnings for an incident date
 * and circuit when given. Short forms, id. and supra point to a full citation and are not checked twice.
 */
import { findCitations, type Citation } from '../cite/index.js';
import type { QiCoding } from '../qi/types.js';
import type { CaseRecord, Store } from '../store/index.js';
import { nameMismatch, qiWarnings, yearMismatch, type IncidentContext, type Warning } from './warnings.js';

export type VerifyStatus = 'found' | 'ambiguous' | 'not_found' | 'unknown_reporter';

export interface CaseMatch {
  case_id: string;
  case_name: string;
  court_id: string | null;
  decision_date: string | null;
  precedential_status: string;
}

export interface VerifiedCitation {
  text: string;
  case_name: string | null;
  volume: string;
  reporter: string;
  page: string;
  pin_cite: string | null;
  year: number | null;
  court: string | null;
  /** [start, end) in the cleaned text; `source_span` in the input. */
  span: [number, number];
  source_span: [number, number] | null;
  group: string | null;
  status: VerifyStatus;
  matches: CaseMatch[];
  warnings: Warning[];
}

export interface VerifyReport {
  citations: VerifiedCitation[];
  counts: Record<VerifyStatus, number> & { short_forms: number; warnings: number };
  context: IncidentContext;
}

const nameOf = (c: Citation): string | null => (c.plaintiff && c.defendant ? `${c.plaintiff} v. ${c.defendant}` : c.plaintiff ?? null);
const matchOf = (c: CaseRecord): CaseMatch => ({
  case_id: c.id, case_name: c.case_name, court_id: c.court_id, decision_date: c.decision_date, precedential_status: c.precedential_status,
});

/** The citation's fields as the report gives them; `reporter` is the abbreviation as written when it is unknown. */
function reported(c: Citation, status: VerifyStatus, matches: CaseMatch[], warnings: Warning[]): VerifiedCitation {
  return {
    text: c.text, case_name: nameOf(c), volume: c.volume!, reporter: (c.reporter ?? c.reporter_found)!, page: c.page!,
    pin_cite: c.pin_cite ?? null, year: c.year ?? null, court: c.court ?? null, span: c.span, source_span: c.source_span,
    group: c.group ?? null, status, matches, warnings,
  };
}

async function checkOne(store: Store, c: Citation, ctx: IncidentContext): Promise<VerifiedCitation> {
  if (c.type === 'unknown') return reported(c, 'unknown_reporter', [], []);
  const hits = await store.findCasesByCitation(c.volume!, c.reporter!, c.page!);
  const status: VerifyStatus = hits.length === 0 ? 'not_found' : hits.length === 1 ? 'found' : 'ambiguous';
  const warnings: Warning[] = [];
  if (hits.length === 1) {
    const hit = hits[0]!;
    const coding = (await store.getQiCoding(hit.id))?.coding as unknown as QiCoding | undefined;
    warnings.push(...qiWarnings(hit, coding ?? null, ctx));
    const name = nameMismatch(nameOf(c), hit.case_name);
    if (name) warnings.push(name);
    const year = yearMismatch(c.year, hit.decision_date);
    if (year) warnings.push(year);
  }
  return reported(c, status, hits.map(matchOf), warnings);
}

export async function verifyText(store: Store, text: string, opts: { html?: boolean } & IncidentContext = {}): Promise<VerifyReport> {
  const { html, ...ctx } = opts;
  const citations = findCitations(text, { html: html ?? false });
  // Case citations, and the ones the engine typed `unknown`: case-shaped, but with a reporter not in the data.
  const full = citations.filter((c) => (c.type === 'case' && c.reporter) || (c.type === 'unknown' && c.reporter_found));
  const out: VerifiedCitation[] = [];
  for (const c of full) if (c.volume && c.page) out.push(await checkOne(store, c, ctx));
  out.sort((a, b) => a.span[0] - b.span[0]);
  const counts = { found: 0, ambiguous: 0, not_found: 0, unknown_reporter: 0, short_forms: 0, warnings: 0 };
  for (const v of out) { counts[v.status]++; counts.warnings += v.warnings.length; }
  counts.short_forms = citations.filter((c) => c.type === 'short_case' || c.type === 'id' || c.type === 'supra').length;
  return { citations: out, counts, context: ctx };
}
