/**
 * CourtListener REST API objects (v3 and v4): telling opinions, clusters and dockets apart, and mapping their
 * fields onto the store's records. Field names follow the API's own documentation of its serializers.
 */
import type { CaseCitation, OpinionInput, PrecedentialStatus } from '../../store/index.js';
import { htmlToText } from '../html-text.js';
import type { SuppliedLink } from '../types.js';

export const SOURCE = 'courtlistener';
export type Obj = Record<string, unknown>;
export type Kind = 'opinion' | 'cluster' | 'docket';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** Trailing id of an API URL (`…/opinions/1036108/`) or the id itself. */
export function idOf(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  const s = str(v);
  if (!s) return undefined;
  const m = /(\d+)\/?$/.exec(s.trim());
  return m?.[1];
}

export function kindOf(o: Obj): Kind | undefined {
  const uri = str(o.resource_uri) ?? '';
  if (/\/opinions\/\d+/.test(uri) || 'plain_text' in o || 'html_with_citations' in o || 'opinions_cited' in o) return 'opinion';
  if (/\/clusters\/\d+/.test(uri) || 'sub_opinions' in o || 'date_filed' in o) return 'cluster';
  if (/\/dockets\/\d+/.test(uri) || ('docket_number' in o && ('court' in o || 'court_id' in o))) return 'docket';
  return undefined;
}

export const clusterIdOf = (op: Obj): string | undefined => idOf(op.cluster_id) ?? idOf(op.cluster);
export const docketIdOf = (cl: Obj): string | undefined => idOf(cl.docket_id) ?? idOf(cl.docket);
export const courtIdOf = (d: Obj): string | undefined => str(d.court_id) ?? (/\/courts\/([a-z0-9]+)\/?$/.exec(str(d.court) ?? '')?.[1]) ?? (str(d.court) && !/\//.test(str(d.court)!) ? str(d.court) : undefined);

/** CourtListener's opinion type codes (`010combined`, `020lead`, `040dissent`) in the store's vocabulary. */
export function opinionType(code: unknown, perCuriam: unknown): string {
  const t = String(code ?? '').replace(/^\d+/, '').toLowerCase();
  const mapped: Record<string, string> = {
    combined: 'combined', unanimous: 'majority', lead: 'majority', plurality: 'plurality', concurrence: 'concurrence',
    concurrenceinpart: 'concurrence', inpart: 'concurrence', dissent: 'dissent',
  };
  const type = mapped[t] ?? (t || 'unknown');
  return perCuriam === true && (type === 'majority' || type === 'combined') ? 'per_curiam' : type;
}

const STATUS: Record<string, PrecedentialStatus> = {
  published: 'published', unpublished: 'unpublished', errata: 'errata', separate: 'separate',
  'separate opinion': 'separate', 'in-chambers': 'in_chambers', 'relating-to': 'relating_to',
  'relating-to orders': 'relating_to', unknown: 'unknown', 'unknown status': 'unknown',
};
export const statusOf = (v: unknown): PrecedentialStatus | undefined => STATUS[String(v ?? '').trim().toLowerCase()];

const HTML_FIELDS = ['html_with_citations', 'html', 'html_lawbox', 'html_columbia', 'html_anon_2020', 'xml_harvard'];

/** The opinion's text: plain text when the source has it, else its best HTML turned into text (kept as html). */
export function opinionText(op: Obj): { text: string; html: string | null } {
  const plain = str(op.plain_text);
  if (plain && plain.trim()) return { text: plain, html: null };
  for (const f of HTML_FIELDS) {
    const html = str(op[f]);
    if (html) return { text: htmlToText(html), html };
  }
  return { text: '', html: null };
}

export function opinionInput(op: Obj, id: string, text: { text: string; html: string | null }): OpinionInput {
  return {
    source_id: `opinion:${id}`,
    type: opinionType(op.type, op.per_curiam),
    author: str(op.author_str) ?? null,
    text: text.text,
    html: text.html,
  };
}

const ANCHOR = /<a\b[^>]*href="\/opinion\/(\d+)\/[^"]*"[^>]*>([\s\S]*?)<\/a>/gi;

/** `opinions_cited` and the `/opinion/ID/` anchors of `html_with_citations`, one link per cited opinion. */
export function suppliedLinks(op: Obj, id: string): SuppliedLink[] {
  const texts = new Map<string, string | undefined>();
  for (const m of (str(op.html_with_citations) ?? '').matchAll(ANCHOR)) {
    const t = m[2]!.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
    if (!texts.has(m[1]!) || (!texts.get(m[1]!) && t)) texts.set(m[1]!, t || undefined);
  }
  for (const c of Array.isArray(op.opinions_cited) ? op.opinions_cited : []) {
    const cid = idOf(c);
    if (cid && !texts.has(cid)) texts.set(cid, undefined);
  }
  texts.delete(id);
  return [...texts].map(([cid, text]) => ({
    citing_opinion_source_id: `opinion:${id}`,
    cited: { source: SOURCE, source_id: `opinion:${cid}`, kind: 'opinion' as const },
    ...(text ? { text } : {}),
  }));
}

/** Citations of a cluster: v4/v3 `citations` objects or strings, and the older `federal_cite_one`… fields. */
export function clusterCitations(cl: Obj): CaseCitation[] {
  const out: CaseCitation[] = [];
  const add = (volume: unknown, reporter: unknown, page: unknown): void => {
    const v = String(volume ?? '').trim();
    const r = String(reporter ?? '').trim();
    const p = String(page ?? '').trim();
    if (v && r && p && !out.some((c) => c.volume === v && c.reporter === r && c.page === p)) out.push({ volume: v, reporter: r, page: p });
  };
  const parse = (s: string): void => {
    const m = /^\s*(\d+)\s+(.+?)\s+(\d+)\s*$/.exec(s);
    if (m) add(m[1], m[2], m[3]);
  };
  for (const c of Array.isArray(cl.citations) ? cl.citations : []) {
    if (typeof c === 'string') parse(c);
    else if (c && typeof c === 'object') add((c as Obj).volume, (c as Obj).reporter, (c as Obj).page);
  }
  for (const f of ['federal_cite_one', 'federal_cite_two', 'federal_cite_three', 'state_cite_one', 'state_cite_two', 'state_cite_three', 'state_cite_regional', 'specialty_cite_one', 'scotus_early_cite', 'neutral_cite']) {
    const s = str(cl[f]);
    if (s) parse(s);
  }
  return out;
}

/** public.resource.org file names carry the reporter citation: `…/226.F2d.215.242.23367_1.html` → 226 F.2d 215. */
export function citationFromFileName(url: unknown): CaseCitation | undefined {
  const m = /\/(\d+)\.(F\dd|F|U\.?S)\.(\d+)\.[^/]*$/.exec(str(url) ?? '');
  if (!m) return undefined;
  const reporter = m[2] === 'F' ? 'F.' : m[2]!.startsWith('U') ? 'U.S.' : `F.${m[2]!.slice(1)}`;
  return { volume: m[1]!, reporter, page: m[3]! };
}

export { str };
