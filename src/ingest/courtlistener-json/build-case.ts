/**
 * One case from a cluster (when the inputs have it), its docket, and its opinions. Whatever the cluster and docket
 * do not state — everything, for a bare v3 opinion — is inferred from the first opinion's text, slug and URLs
 * and marked in `inferred`.
 */
import { getCourt } from '../../courts/index.js';
import type { CaseInput, Inference } from '../../store/index.js';
import { inferCaseMeta } from '../caption/infer.js';
import type { SuppliedLink } from '../types.js';
import {
  SOURCE, citationFromFileName, clusterCitations, courtIdOf, idOf, opinionInput, opinionText, statusOf, str,
  suppliedLinks, type Obj,
} from './records.js';

export interface Built {
  case: CaseInput;
  supplied: SuppliedLink[];
}

export function buildCase(clusterId: string, opinions: Obj[], cluster?: Obj, docket?: Obj): Built {
  const ops = opinions.map((op) => ({ op, id: idOf(op.id) ?? idOf(op.resource_uri) ?? '', text: opinionText(op) }));
  const lead = ops[0];
  const supplied = ops.flatMap((o) => suppliedLinks(o.op, o.id));
  const inferred: Record<string, Inference> = {};
  const meta = lead ? inferCaseMeta({
    text: lead.text.text,
    absolute_url: str(cluster?.absolute_url) ?? str(lead.op.absolute_url),
    download_url: str(lead.op.download_url),
    local_path: str(lead.op.local_path),
  }) : undefined;
  const pick = <T>(field: string, stated: T | undefined | null, guess: T | undefined | null): T | null => {
    if (stated !== undefined && stated !== null && stated !== '') return stated;
    if (guess !== undefined && guess !== null && meta?.inferred[field]) inferred[field] = meta.inferred[field]!;
    return guess ?? null;
  };
  const courtId = pick('court_id', docket ? courtIdOf(docket) : undefined, meta?.court_id);
  const citations = cluster ? clusterCitations(cluster) : [];
  const fromName = citations.length ? undefined : citationFromFileName(lead?.op.download_url);
  if (fromName) inferred.citations = { method: 'download file name (public.resource.org reporter citation)', confidence: 0.9 };
  const caseName = pick('case_name', str(cluster?.case_name) ?? str(cluster?.case_name_full) ?? str(docket?.case_name), meta?.case_name);
  const c: CaseInput = {
    source: SOURCE,
    source_id: `cluster:${clusterId}`,
    case_name: caseName ?? '',
    case_name_short: str(cluster?.case_name_short) ?? null,
    court_id: courtId,
    circuit: courtId ? getCourt(courtId)?.circuit ?? null : null,
    decision_date: pick('decision_date', isoDay(cluster?.date_filed), meta?.decision_date),
    docket_number: pick('docket_number', str(docket?.docket_number), meta?.docket_number),
    precedential_status: pick('precedential_status', statusOf(cluster?.precedential_status), meta?.precedential_status) ?? 'unknown',
    citations: fromName ? [fromName] : citations,
    disposition: str(cluster?.disposition) ?? null,
    subsequent_history: str(cluster?.subsequent_history) ?? null,
    inferred,
    source_url: absolute(str(cluster?.absolute_url) ?? str(lead?.op.absolute_url)),
    opinions: ops.map((o) => opinionInput(o.op, o.id, o.text)),
  };
  return { case: c, supplied };
}

const isoDay = (v: unknown): string | undefined => {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(String(v ?? ''));
  return m?.[1];
};

const absolute = (path: string | undefined): string | null =>
  !path ? null : /^https?:\/\//.test(path) ? path : `https://www.courtlistener.com${path.startsWith('/') ? '' : '/'}${path}`;
