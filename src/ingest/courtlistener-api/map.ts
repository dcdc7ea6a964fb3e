/**
 * CourtListener REST v4 objects → `CaseInput`. A search hit (`type=o`) already carries the case's metadata, so
 * only its opinions need fetching; the cluster is fetched only when a hit does not list its opinions. Opinion
 * objects share the bulk export's field names, so the bulk mapping is reused for them.
 */
import { getCourt } from '../../courts/index.js';
import type { CaseCitation, CaseInput, OpinionInput } from '../../store/index.js';
import { anchorIds, caseSourceId, isoDate, opinionHtml, opinionSourceId, precedentialStatus, SOURCE, suppliedLinks, toOpinion } from '../courtlistener-bulk/map.js';
import type { Row } from '../courtlistener-bulk/rows.js';
import type { SuppliedLink } from '../types.js';

/** The fields of a v4 search result this importer reads. */
export interface SearchHit {
  cluster_id?: number;
  caseName?: string;
  caseNameFull?: string;
  court_id?: string;
  dateFiled?: string | null;
  docketNumber?: string | null;
  citation?: string[];
  status?: string;
  absolute_url?: string;
  opinions?: { id?: number }[];
}

/** The fields of a v4 cluster read when a hit lacks them. */
export interface ClusterObject {
  id?: number;
  case_name?: string;
  case_name_short?: string;
  case_name_full?: string;
  date_filed?: string | null;
  date_filed_is_approximate?: boolean;
  precedential_status?: string;
  disposition?: string;
  citations?: { volume?: number | string; reporter?: string; page?: string | number }[];
  sub_opinions?: string[];
  absolute_url?: string;
}

export type OpinionObject = Record<string, unknown> & { id?: number; opinions_cited?: string[] };

export interface Page<T> {
  count?: number | string;
  next: string | null;
  previous?: string | null;
  results: T[];
}

/** `490 U.S. 386` → parts; null for strings that are not volume–reporter–page. */
export function parseCitation(s: string): CaseCitation | null {
  const m = /^\s*(\d+)\s+(.+?)\s+(\d+|_+)\s*$/.exec(s);
  return m ? { volume: m[1]!, reporter: m[2]!, page: m[3]! } : null;
}

/** `…/opinions/123/` → 123. */
export const idFromUrl = (url: string): number | null => {
  const m = /\/(\d+)\/?(?:\?.*)?$/.exec(url);
  return m ? Number(m[1]) : null;
};

export function opinionIdsOf(hit: SearchHit, cluster: ClusterObject | null): number[] {
  const fromHit = (hit.opinions ?? []).map((o) => o.id).filter((id): id is number => Number.isInteger(id));
  if (fromHit.length) return fromHit;
  return (cluster?.sub_opinions ?? []).map(idFromUrl).filter((id): id is number => id !== null);
}

export function toOpinionInput(o: OpinionObject, id: number): { opinion: OpinionInput; links: SuppliedLink[] } {
  const row: Row = {};
  for (const [k, v] of Object.entries(o)) row[k] = v === null || v === undefined ? null : typeof v === 'string' ? v : String(v);
  const opinion = toOpinion(row, id);
  const cited = (o.opinions_cited ?? []).map(idFromUrl).filter((x): x is number => x !== null);
  const all = cited.length ? cited : anchorIds(opinionHtml(row));
  return { opinion, links: suppliedLinks(id, all.map((c) => ({ cited: c, depth: null })), []) };
}

export function toCaseInput(hit: SearchHit, cluster: ClusterObject | null, clusterId: number, opinions: OpinionInput[], origin: string): CaseInput {
  const court = hit.court_id?.trim() || null;
  const name = [hit.caseName, cluster?.case_name, hit.caseNameFull, cluster?.case_name_full].find((n) => n && n.trim()) ?? '';
  const fromCluster = (cluster?.citations ?? [])
    .map((c) => (c.volume !== undefined && c.reporter && c.page !== undefined ? { volume: String(c.volume), reporter: c.reporter, page: String(c.page) } : null))
    .filter((c): c is CaseCitation => c !== null);
  const citations = fromCluster.length ? fromCluster : (hit.citation ?? []).map(parseCitation).filter((c): c is CaseCitation => c !== null);
  const path = hit.absolute_url ?? cluster?.absolute_url;
  const c: CaseInput = {
    source: SOURCE,
    source_id: caseSourceId(clusterId),
    case_name: name.trim(),
    case_name_short: cluster?.case_name_short?.trim() || null,
    court_id: court,
    circuit: court ? (getCourt(court)?.circuit ?? null) : null,
    decision_date: isoDate(hit.dateFiled ?? cluster?.date_filed ?? null),
    docket_number: hit.docketNumber?.trim() || null,
    precedential_status: precedentialStatus(hit.status ?? cluster?.precedential_status ?? null),
    citations,
    disposition: cluster?.disposition?.trim() || null,
    source_url: path ? new URL(path, origin).href : `${origin}/opinion/${clusterId}/`,
    opinions,
  };
  if (cluster?.date_filed_is_approximate && c.decision_date) c.inferred = { decision_date: { method: 'courtlistener:date_filed_is_approximate' } };
  return c;
}

export { opinionSourceId };
