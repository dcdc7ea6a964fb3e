/**
 * CourtListener bulk rows → the store's `CaseInput`. The vocabularies below are CourtListener's own field choices
 * (its `Opinion.type` and `OpinionCluster.precedential_status` values, as written in its bulk export); the
 * mapping onto ours is a format conversion, not a legal judgement.
 */
import { htmlToText } from '../html-text.js';
import { getCourt } from '../../courts/index.js';
import type { CaseInput, OpinionInput, PrecedentialStatus } from '../../store/index.js';
import type { SuppliedLink } from '../types.js';
import type { ClusterRow, DocketRow } from './temp-index.js';
import type { Row } from './rows.js';

export const SOURCE = 'courtlistener';
export const caseSourceId = (clusterId: number | string): string => `cluster:${clusterId}`;
export const opinionSourceId = (opinionId: number | string): string => `opinion:${opinionId}`;

/** CourtListener `Opinion.type` codes (the number fixes display order) → our opinion types. */
const OPINION_TYPES: Record<string, string> = {
  '010combined': 'combined',
  '015unamimous': 'majority', // sic: CourtListener's spelling of "unanimous"
  '020lead': 'majority',
  '025plurality': 'plurality',
  '030concurrence': 'concurrence',
  '035concurrenceinpart': 'concurrence_in_part',
  '040dissent': 'dissent',
  '050addendum': 'addendum',
  '060remittitur': 'remittitur',
  '070rehearing': 'rehearing',
  '080onthemerits': 'on_the_merits',
  '090onmotiontostrike': 'on_motion_to_strike',
  '100trialcourt': 'trial_court',
};

/** CourtListener `precedential_status` values → ours. */
const STATUSES: Record<string, PrecedentialStatus> = {
  published: 'published',
  unpublished: 'unpublished',
  errata: 'errata',
  separate: 'separate',
  'in-chambers': 'in_chambers',
  'relating-to': 'relating_to',
  unknown: 'unknown',
};

export const precedentialStatus = (v: string | null): PrecedentialStatus => STATUSES[(v ?? '').trim().toLowerCase()] ?? 'unknown';

const isTrue = (v: string | null | undefined): boolean => v === 't' || v === 'true' || v === 'True' || v === '1';
/** Has a visible character. Stops at the first one: `trim()` (or even a regex test) costs a pass over a whole opinion. */
function present(v: string | null | undefined): v is string {
  if (typeof v !== 'string') return false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c > 0x20 && c !== 0xa0 && c !== 0xfeff && !(c >= 0x2000 && c <= 0x200b) && c !== 0x3000) return true;
  }
  return false;
}

/** HTML columns in order of preference: `html_with_citations` is CourtListener's best rendering of the opinion. */
const HTML_COLUMNS = ['html_with_citations', 'html', 'html_lawbox', 'html_columbia', 'html_anon_2020', 'xml_harvard'] as const;

/**
 * The HTML columns as the reader defers them (rows.ts `deferred`): a row needs them only when its plain text is
 * empty (`toOpinion` then makes the text from the HTML) or when CourtListener's anchors are read from the HTML.
 */
export function deferredHtml(anchors: boolean): { names: readonly string[]; needed: (value: (name: string) => string | null) => boolean } {
  return { names: HTML_COLUMNS, needed: (value) => anchors || !present(value('plain_text')) };
}

/** The row's best HTML rendering (`HTML_COLUMNS` order), or null. */
export const opinionHtml = (row: Row): string | null => HTML_COLUMNS.map((c) => row[c]).find(present) ?? null;

/**
 * One opinion row → `OpinionInput`: the plain text when CourtListener has it, else the text of its best HTML,
 * which is then kept as the opinion's `html` (as the CourtListener JSON importer does: the HTML is stored only
 * when the text was made from it). CourtListener's `/opinion/` anchors are read from the HTML by the caller
 * (`anchorIds(opinionHtml(row))`) before it is let go.
 */
export function toOpinion(row: Row, id: number): OpinionInput {
  const plain = row.plain_text;
  const html = present(plain) ? null : opinionHtml(row);
  const text = present(plain) ? plain : html ? htmlToText(html) : '';
  const code = (row.type ?? '').trim();
  let type = OPINION_TYPES[code] ?? (code ? code : 'unknown');
  if (isTrue(row.per_curiam) && (type === 'majority' || type === 'combined')) type = 'per_curiam';
  const author = present(row.author_str) ? row.author_str.trim() : null;
  return { source_id: opinionSourceId(id), type, author, text, html };
}

/** `/opinion/ID/` anchors of `html_with_citations`: CourtListener's own links, used when no citation map is given. */
export function anchorIds(html: string | null | undefined): number[] {
  if (!html) return [];
  const ids = new Set<number>();
  for (const m of html.matchAll(/href="\/opinion\/(\d+)\//g)) ids.add(Number(m[1]));
  return [...ids];
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})/;

export function isoDate(v: string | null | undefined): string | null {
  const m = ISO.exec(v ?? '');
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && y > 1000 ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

export interface CaseParts {
  cluster: ClusterRow;
  docket: DocketRow | undefined;
  citations: { volume: string; reporter: string; page: string }[];
  opinions: OpinionInput[];
}

export function toCase({ cluster, docket, citations, opinions }: CaseParts): CaseInput {
  const name = [cluster.case_name, cluster.case_name_full, docket?.case_name, cluster.case_name_short].find(present) ?? '';
  const court = present(docket?.court_id) ? docket.court_id.trim() : null;
  const c: CaseInput = {
    source: SOURCE,
    source_id: caseSourceId(cluster.id),
    case_name: name.trim(),
    case_name_short: present(cluster.case_name_short) ? cluster.case_name_short.trim() : null,
    court_id: court,
    circuit: court ? (getCourt(court)?.circuit ?? null) : null,
    decision_date: cluster.date_filed,
    docket_number: present(docket?.docket_number) ? docket.docket_number.trim() : null,
    precedential_status: precedentialStatus(cluster.status),
    citations: citations.filter((x) => present(x.volume) && present(x.reporter) && present(x.page)),
    disposition: present(cluster.disposition) ? cluster.disposition : null,
    source_url: `https://www.courtlistener.com/opinion/${cluster.id}/${present(cluster.slug) ? `${cluster.slug}/` : ''}`,
    opinions,
  };
  // CourtListener flags dates it only knows approximately (e.g. the year alone); say so rather than pass it as stated.
  if (cluster.approximate && cluster.date_filed) c.inferred = { decision_date: { method: 'courtlistener:date_filed_is_approximate' } };
  return c;
}

/** Supplied links of one opinion from the citation map (or its HTML anchors) and the parentheticals. */
export function suppliedLinks(
  opinionId: number,
  cited: { cited: number; depth: number | null }[],
  parens: { described: number; text: string }[],
): SuppliedLink[] {
  const byCited = new Map<number, SuppliedLink>();
  const citing = opinionSourceId(opinionId);
  const link = (id: number): SuppliedLink => {
    let l = byCited.get(id);
    if (!l) byCited.set(id, (l = { citing_opinion_source_id: citing, cited: { source: SOURCE, source_id: opinionSourceId(id), kind: 'opinion' } }));
    return l;
  };
  for (const c of cited) link(c.cited);
  for (const p of parens) {
    const l = link(p.described);
    l.parenthetical ??= p.text; // highest-scored first (see TempIndex.parentheticals)
  }
  return [...byCited.values()];
}
