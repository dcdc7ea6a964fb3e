/**
 * codeOpinion: the QI coding of one opinion (the `clearly code` contract, src/qi/types.ts). Pipeline: prepare the
 * text (clean, cite, split, cut separate opinions) → find the QI discussion and the court's rulings in it → prongs →
 * outcome code → posture and right → factors, officer claims and precedents. Rules and lexicons only: the same text
 * always gives the same coding, and every field can be traced to the sentence it came from.
 */
import type { QiCoding } from './types.js';
import { findQiDiscussion, majoritySentences } from './holdings.js';
import { decideProngs, readProngs } from './prongs.js';
import { belowStance, courtStance, decidesQi, outcomeCode, readDisposition, summarizeStance } from './outcome.js';
import { decidePosture } from './posture.js';
import { decideRight } from './right.js';
import { combineMentions, factorMentions } from './factors.js';
import { readClaims } from './claims.js';
import { readPrecedents } from './precedents.js';
import { prepareText, within, type PreparedText } from './text.js';
import type { FindResult } from '../cite/index.js';
import { QI_CODER_METHOD, qiCoderVersion } from './version.js';
import type { Sentence } from './sentences.js';

/** The coding plus what the coder saw on the way (extras beyond the contract fields). */
export interface QiCodingDetail extends QiCoding {
  /** Which way the court itself ruled on QI: `granted`, `denied`, `mixed`, or null when it did not rule. */
  qi_result: 'granted' | 'denied' | 'mixed' | null;
  /** How the lower court had ruled on QI, as the opinion reports it. */
  below: 'granted' | 'denied' | null;
  /** Sentences that mention QI outside citations (0 = the opinion never discusses it). */
  qi_mentions: number;
  /** Why decides_qi is false when QI is mentioned (e.g. the court declined to reach it). */
  note?: string;
}

export interface CodeOptions {
  html?: boolean;
  /**
   * The citation engine's pass over this same text (`findWithText(text, { html })`), when the caller already
   * has it: the coder then reads it instead of extracting the citations again. It is only read, never changed.
   */
  found?: FindResult;
}

const NOT_DECIDED = {
  outcome: null,
  prong1: null,
  prong2: null,
} as const;

/** The first steps of the coding: enough to know whether the opinion decides QI. */
interface Decision {
  p: PreparedText;
  qi: ReturnType<typeof findQiDiscussion>;
  prongHits: ReturnType<typeof readProngs>;
  summary: ReturnType<typeof summarizeStance>;
  decides: boolean;
}

function decide(text: string, options: CodeOptions): Decision {
  const p = prepareText(text, options);
  const qi = findQiDiscussion(p);
  const prongHits = readProngs(p, qi);
  const summary = summarizeStance(qi.hits, prongHits, qi.declines);
  const decides = qi.mentioned && decidesQi(summary, qi.declines);
  return { p, qi, prongHits, summary, decides };
}

export function codeOpinion(text: string, options: CodeOptions = {}): QiCodingDetail {
  return complete(decide(text, options));
}

/**
 * `codeOpinion(text, options)` when its `decides_qi` is true, else null — without the rest of the coding's work
 * (disposition, factors, claims, precedents) for an opinion that does not decide QI. The same steps run in the
 * same order on the same values, so a returned coding is identical to codeOpinion's.
 */
export function codeOpinionIfDecided(text: string, options: CodeOptions = {}): QiCodingDetail | null {
  const d = decide(text, options);
  return d.decides ? complete(d) : null;
}

function complete({ p, qi, prongHits, summary, decides }: Decision): QiCodingDetail {
  const { disposition, evidence: dispositionSentence } = readDisposition(p);
  const stance = decides ? courtStance(summary, disposition) : null;
  const below = belowStance(qi, stance);
  const sentences = majoritySentences(p);
  const hasCaseCitation = sentencesWithCases(p, sentences);

  const evidence: { field: string; sentence: string }[] = [];
  let core: Pick<QiCoding, 'outcome' | 'prong1' | 'prong2'> = NOT_DECIDED;
  if (decides) {
    const prongs = decideProngs(prongHits, stance);
    core = { outcome: outcomeCode(stance, below, disposition), prong1: prongs.prong1, prong2: prongs.prong2 };
    if (summary.evidence) evidence.push({ field: 'decides_qi', sentence: summary.evidence.text });
    if (dispositionSentence) evidence.push({ field: 'outcome', sentence: dispositionSentence.text });
    evidence.push(...prongs.evidence);
  }

  // Facts are told early; sentences that cite other cases usually describe those cases' facts.
  const factsEnd = p.majorityEnd * 0.45;
  const weight = (s: Sentence): number => (s.start < factsEnd ? 1 : 0.75) * (hasCaseCitation.has(s.index) ? 0.5 : 1);
  const mentions = factorMentions(sentences, weight, (a, b) => within(p.citationSpans, a, b));
  const factors = combineMentions(mentions, (m) => ({ evidence: m.sentence.text, span: [m.sentence.start, m.sentence.end] }));

  const coding: QiCodingDetail = {
    decides_qi: decides,
    ...core,
    posture: qi.mentioned ? decidePosture(p, qi, below) : null,
    right: decides ? decideRight(p, qi, holdingSentences(qi, prongHits)) : null,
    factors,
    precedents: decides ? readPrecedents(p, sentences, analysisSpan(qi, sentences, holdingSentences(qi, prongHits))) : [],
    officer_claims: readClaims(sentences, (s) => !hasCaseCitation.has(s.index)),
    coded_by: { coder: 'machine', method: QI_CODER_METHOD, version: qiCoderVersion() },
    evidence,
    qi_result: stance === 'grant' ? 'granted' : stance === 'deny' ? 'denied' : stance === 'mixed' ? 'mixed' : null,
    below: below === 'grant' ? 'granted' : below === 'deny' ? 'denied' : null,
    qi_mentions: qi.anchors.size,
  };
  if (!decides && qi.mentioned) coding.note = qi.declines.length ? 'the court declined to reach qualified immunity' : 'qualified immunity is mentioned but not decided';
  return coding;
}

/**
 * The QI analysis, for reading precedents: from the first QI mention past the opening procedural history to the last
 * ruling, plus every sentence near a QI mention. (The reasonableness analysis of prong 1 cites most of the cases.)
 */
function analysisSpan(qi: ReturnType<typeof findQiDiscussion>, sentences: readonly Sentence[], holdings: Set<number>): (s: Sentence) => boolean {
  const opening = sentences[Math.floor(sentences.length * 0.1)]?.index ?? 0;
  const anchors = [...qi.anchors].sort((a, b) => a - b);
  const from = anchors.find((i) => i >= opening) ?? anchors[0] ?? Infinity;
  const to = Math.max(...holdings, -1);
  return (s) => qi.region.has(s.index) || (s.index >= from && s.index <= to);
}

/** Sentences where the court states a QI ruling or a prong conclusion. */
function holdingSentences(qi: ReturnType<typeof findQiDiscussion>, prongs: ReturnType<typeof readProngs>): Set<number> {
  const out = new Set<number>();
  for (const h of qi.hits) if (h.voice === 'court') out.add(h.sentence.index);
  for (const h of prongs) out.add(h.sentence.index);
  return out;
}

/** Indexes of sentences that contain a case citation (full or short form). */
function sentencesWithCases(p: ReturnType<typeof prepareText>, sentences: readonly Sentence[]): Set<number> {
  const out = new Set<number>();
  let i = 0;
  for (const c of p.citations) {
    if (c.type !== 'case' && c.type !== 'short_case' && c.type !== 'id' && c.type !== 'supra') continue;
    while (i < sentences.length && sentences[i]!.end <= c.span[0]) i++;
    const s = sentences[i];
    if (s && s.start <= c.span[0]) out.add(s.index);
  }
  return out;
}
