/**
 * The case page as data: the opinion texts with every citation located ([start, end) in the text as stored) and
 * linked to the case it names when the store holds it, and the QI coding's supporting sentences located in the
 * same text. The client renders text nodes and links from these offsets; it never parses markup from an opinion.
 */
import { findCitations, type Citation } from '../cite/index.js';
import type { CaseRecord, OpinionRecord, QiCodingRecord, Store } from '../store/index.js';
import { lookupAll, type CaseSummary, type LookupResult } from './linking.js';

export interface CiteView {
  index: number;
  type: Citation['type'];
  text: string;
  start: number;
  end: number;
  pin_cite: string | null;
  year: number | null;
  court: string | null;
  case_name: string | null;
  resolves_to: number | null;
  /** Null for citations that are not to cases (statutes, rules…). */
  result: LookupResult | null;
  /** The case in the store, when exactly one matches (or a short form resolves to one). */
  target: CaseSummary | null;
  candidates: number;
}

export interface Highlight {
  start: number;
  end: number;
  /** What the sentence supports: a factor id (`force.k9`) or a coding field (`outcome`, `prong2`). */
  supports: string;
}

export interface OpinionView {
  id: string;
  type: string;
  author: string | null;
  text: string;
  citations: CiteView[];
  highlights: Highlight[];
}

const caseName = (c: Citation): string | null => (c.plaintiff || c.defendant ? [c.plaintiff, c.defendant].filter(Boolean).join(' v. ') : null);

async function citeViews(store: Store, text: string): Promise<CiteView[]> {
  const cites = findCitations(text);
  const looked = await lookupAll(store, cites);
  return cites.map((c, i) => {
    const l = looked[i] ?? null;
    return {
      index: i, type: c.type, text: c.text, start: c.source_span[0], end: c.source_span[1],
      pin_cite: c.pin_cite ?? null, year: c.year ?? null, court: c.court ?? null, case_name: caseName(c),
      resolves_to: c.resolves_to ?? null, result: l?.result ?? null,
      target: l?.result === 'found' ? l.cases[0] ?? null : null, candidates: l?.cases.length ?? 0,
    };
  });
}

interface Evidence { sentence: string; supports: string; span?: [number, number] }

/** Sentences the coding cites as its evidence, from the QI module's shape (src/qi/types.ts), read defensively. */
export function evidenceOf(coding: Record<string, unknown> | null): Evidence[] {
  if (!coding) return [];
  const out: Evidence[] = [];
  const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter((x) => x && typeof x === 'object') : []);
  for (const f of list(coding.factors)) {
    if (typeof f.evidence === 'string' && typeof f.id === 'string') {
      const span = Array.isArray(f.span) && f.span.length === 2 ? (f.span as [number, number]) : undefined;
      out.push({ sentence: f.evidence, supports: f.id, ...(span ? { span } : {}) });
    }
  }
  for (const e of list(coding.evidence)) {
    if (typeof e.sentence === 'string' && typeof e.field === 'string') out.push({ sentence: e.sentence, supports: e.field });
  }
  for (const o of list(coding.officer_claims)) {
    if (typeof o.evidence === 'string' && typeof o.id === 'string') out.push({ sentence: o.evidence, supports: `claim.${o.id}` });
  }
  return out;
}

/** Places each evidence sentence in the text: its recorded span when it still matches, else the first occurrence. */
export function locate(text: string, evidence: Evidence[]): Highlight[] {
  const out: Highlight[] = [];
  for (const e of evidence) {
    const s = e.sentence.trim();
    if (s.length < 3) continue;
    let start = -1;
    if (e.span && text.slice(e.span[0], e.span[1]).trim() === s) start = text.indexOf(s, e.span[0]);
    if (start < 0) start = text.indexOf(s);
    if (start >= 0) out.push({ start, end: start + s.length, supports: e.supports });
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

export async function opinionViews(store: Store, opinions: OpinionRecord[], coding: QiCodingRecord | null): Promise<OpinionView[]> {
  const evidence = evidenceOf(coding?.coding ?? null);
  return Promise.all(opinions.map(async (o) => ({
    id: o.id, type: o.type, author: o.author, text: o.text,
    citations: await citeViews(store, o.text),
    highlights: locate(o.text, evidence),
  })));
}

export interface CaseView {
  case: CaseRecord;
  opinions: OpinionView[];
  qi_coding: QiCodingRecord | null;
}
