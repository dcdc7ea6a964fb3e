/**
 * One Caselaw Access Project case object → a case. CAP's fields: `id`, `name`, `name_abbreviation`,
 * `decision_date` (YYYY, YYYY-MM or YYYY-MM-DD), `docket_number`, `citations[{type, cite}]`, `court{name,
 * name_abbreviation}`, `jurisdiction`, `cites_to[{cite, case_ids}]`, and the opinions under `casebody.data.opinions`
 * (API) or `casebody.opinions` (bulk export), each `{type, author, text}`.
 */
import { findCitations } from '../../cite/index.js';
import { getCourt, resolveCourt } from '../../courts/index.js';
import type { CaseCitation, CaseInput, Inference } from '../../store/index.js';
import type { SuppliedLink } from '../types.js';

export const SOURCE = 'cap';
type Obj = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);

export const isCapCase = (o: Obj): boolean => 'casebody' in o || 'name_abbreviation' in o || 'cites_to' in o;

export function capCase(o: Obj): { case: CaseInput; supplied: SuppliedLink[] } | { error: string } {
  const id = o.id === undefined || o.id === null ? undefined : String(o.id);
  if (!id) return { error: 'CAP case has no id' };
  const name = str(o.name_abbreviation) ?? str(o.name);
  if (!name) return { error: 'CAP case has no name or name_abbreviation' };
  const inferred: Record<string, Inference> = {};
  const date = capDate(o.decision_date, inferred);
  const court = capCourt(obj(o.court), inferred);
  const body = obj(o.casebody);
  const ops = (Array.isArray(obj(body?.data)?.opinions) ? obj(body?.data)!.opinions : body?.opinions) as unknown;
  const opinions = (Array.isArray(ops) ? ops : []).map((op, i) => ({
    source_id: `case:${id}/opinion:${i}`,
    type: str(obj(op)?.type) ?? 'unknown',
    author: str(obj(op)?.author) ?? null,
    text: str(obj(op)?.text) ?? '',
  }));
  const caseInput: CaseInput = {
    // name_abbreviation is CAP's citation form ("Graham v. Connor"); `name` is the full caption.
    source: SOURCE, source_id: `case:${id}`, case_name: name, case_name_short: null,
    court_id: court, circuit: court ? getCourt(court)?.circuit ?? null : null, decision_date: date,
    docket_number: str(o.docket_number) ?? null, citations: capCitations(o.citations), inferred,
    source_url: str(o.frontend_url) ?? str(o.url) ?? null, opinions,
  };
  const citing = opinions[0]?.source_id ?? `case:${id}/opinion:0`;
  const supplied: SuppliedLink[] = [];
  for (const c of Array.isArray(o.cites_to) ? o.cites_to : []) {
    const cite = str(obj(c)?.cite);
    const ids = obj(c)?.case_ids;
    const from = typeof obj(c)?.opinion_index === 'number' ? opinions[obj(c)!.opinion_index as number]?.source_id ?? citing : citing;
    if (Array.isArray(ids) && ids.length) {
      for (const cid of ids) supplied.push({ citing_opinion_source_id: from, cited: { source: SOURCE, source_id: `case:${cid}`, kind: 'case' }, ...(cite ? { text: cite } : {}) });
    } else if (cite) supplied.push({ citing_opinion_source_id: from, text: cite });
  }
  return { case: caseInput, supplied };
}

/** CAP dates can be a year or a month; the store wants a day, so the first day is used and marked inferred. */
function capDate(v: unknown, inferred: Record<string, Inference>): string | null {
  const s = str(v);
  if (!s) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(s);
  if (!m) return null;
  inferred.decision_date = { method: `CAP gives only "${s}"; first day of the ${m[2] ? 'month' : 'year'} used`, confidence: 0.3 };
  return `${m[1]}-${m[2] ?? '01'}-01`;
}

function capCourt(court: Obj | undefined, inferred: Record<string, Inference>): string | null {
  for (const q of [str(court?.name), str(court?.name_abbreviation)]) {
    if (!q) continue;
    const hit = resolveCourt(q);
    if (hit) {
      if (hit.via !== 'id') inferred.court_id = { method: `CAP court "${q}" matched by ${hit.via}`, confidence: hit.confidence };
      return hit.court.id;
    }
  }
  return null;
}

function capCitations(v: unknown): CaseCitation[] {
  const out: CaseCitation[] = [];
  for (const c of Array.isArray(v) ? v : []) {
    const cite = str(obj(c)?.cite) ?? str(c);
    if (!cite) continue;
    const found = findCitations(cite, { resolve: false }).find((x) => x.type === 'case' && x.volume && x.page);
    const m = /^(\d+)\s+(.+?)\s+(\d+)$/.exec(cite);
    const volume = found?.volume ?? m?.[1];
    const reporter = found?.reporter ?? m?.[2];
    const page = found?.page ?? m?.[3];
    if (volume && reporter && page) out.push({ volume, reporter, page });
  }
  return out;
}
