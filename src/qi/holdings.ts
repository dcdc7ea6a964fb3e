/**
 * Finds the opinion's QI discussion and the rulings in it: which sentences mention qualified immunity (outside
 * citation parentheticals, and never in the habeas sense of "clearly established Federal law"), and, in the
 * court's own voice, whether it grants or denies the defence (doctrine.md §1.1, §1.6). Rulings reported of the
 * lower court are kept apart: they tell the outcome code whether the court affirmed or reversed.
 */
import { allMatches, compileRows, readLexicon, anyMatch, type Compiled, type PatternRow } from './lexicon.js';
import type { Sentence } from './sentences.js';
import { within, type PreparedText } from './text.js';
import { endorses, isNegated, isReversed, mentionsBelow, voiceOf, type Voice } from './voice.js';

export type Stance = 'grant' | 'deny';

export interface StanceRow extends PatternRow {
  stance: Stance;
  flip?: boolean;
  object?: boolean;
  voice?: 'court';
}

export interface StanceHit {
  sentence: Sentence;
  stance: Stance;
  voice: Voice;
  id: string;
  weight: number;
}

export interface QiDiscussion {
  /** Sentences of the majority opinion that mention QI (or, in a QI opinion, "clearly established"). */
  anchors: Set<number>;
  /** Anchors and their neighbours: where the QI analysis is. */
  region: Set<number>;
  /** QI mentioned outside citation parentheticals somewhere in the majority opinion. */
  mentioned: boolean;
  /** Stance phrases with their voice (only court ones decide). */
  hits: StanceHit[];
  /** How the lower court ruled on QI, as reported. */
  below: StanceHit[];
  /** Sentences where the court declines to reach QI. */
  declines: Sentence[];
  /** QI-discussion sentences where the court approves (`endorsed`) or faults (`faulted`) the lower court. */
  endorsed: Sentence[];
  faulted: Sentence[];
}

interface HoldingsLexicon {
  version: string;
  anchors: PatternRow[];
  clearly_established: PatternRow[];
  habeas: PatternRow[];
  stances: StanceRow[];
  declines: PatternRow[];
  procedural: PatternRow[];
  below_stances: StanceRow[];
  resolution: { agree: string; disagree: string; window: number };
}

interface Compiled2 {
  anchors: Compiled[];
  ce: Compiled[];
  habeas: Compiled[];
  stances: Compiled<StanceRow>[];
  declines: Compiled[];
  procedural: Compiled[];
  below: Compiled<StanceRow>[];
  agree: RegExp;
  disagree: RegExp;
  window: number;
}

let lex: Compiled2 | undefined;
function lexicon(): Compiled2 {
  if (lex) return lex;
  const f = 'lexicon-holdings.json';
  const l = readLexicon<HoldingsLexicon>(f);
  lex = {
    anchors: compileRows(f, l.anchors),
    ce: compileRows(f, l.clearly_established),
    habeas: compileRows(f, l.habeas),
    stances: compileRows(f, l.stances),
    declines: compileRows(f, l.declines),
    procedural: compileRows(f, l.procedural),
    below: compileRows(f, l.below_stances),
    agree: new RegExp(l.resolution.agree, 'i'),
    disagree: new RegExp(l.resolution.disagree, 'i'),
    window: l.resolution.window,
  };
  return lex;
}

/** How many sentences either side of a QI mention belong to the QI discussion (citation-only sentences not counted). */
const REGION_RADIUS = 2;

/** A sentence that is (almost) only a citation — "Harlow v. Fitzgerald, 457 U.S. 800, 818 (1982)." or "Id. at 5." */
function citationOnly(p: PreparedText, s: Sentence): boolean {
  let covered = 0;
  for (const [a, b] of p.citationSpans) {
    const lo = Math.max(a, s.start);
    const hi = Math.min(b, s.end);
    if (hi > lo) covered += hi - lo;
  }
  return covered >= 0.5 * s.text.length || /^(?:see\s+)?id\.(?:\s+at\s+[\d\-–, ]+)?\.?$/i.test(s.text.trim());
}

function regionAround(p: PreparedText, sentences: readonly Sentence[], anchors: ReadonlySet<number>): Set<number> {
  const region = new Set<number>();
  const pos = new Map(sentences.map((s, i) => [s.index, i]));
  for (const a of anchors) {
    const at = pos.get(a);
    if (at === undefined) continue;
    region.add(a);
    for (const step of [-1, 1]) {
      let counted = 0;
      for (let k = at + step; k >= 0 && k < sentences.length && counted < REGION_RADIUS; k += step) {
        region.add(sentences[k]!.index);
        if (!citationOnly(p, sentences[k]!)) counted++;
      }
    }
  }
  return region;
}

export function majoritySentences(p: PreparedText): Sentence[] {
  return p.sentences.filter((s) => s.start < p.majorityEnd);
}

function anchorOutsideCitations(p: PreparedText, s: Sentence, rows: Compiled[]): boolean {
  return allMatches(rows, s.text).some(({ match }) => !within(p.citationSpans, s.start + match.index, s.start + match.index + match[0].length));
}

export function findQiDiscussion(p: PreparedText): QiDiscussion {
  const l = lexicon();
  const sentences = majoritySentences(p);
  const named = new Set<number>();
  for (const s of sentences) if (anchorOutsideCitations(p, s, l.anchors)) named.add(s.index);
  const mentioned = named.size > 0;
  const anchors = new Set(named);
  if (mentioned) {
    for (const s of sentences) {
      if (!anchors.has(s.index) && !anyMatch(l.habeas, s.text) && anchorOutsideCitations(p, s, l.ce)) anchors.add(s.index);
    }
  }
  const region = regionAround(p, sentences, anchors);
  const out: QiDiscussion = { anchors, region, mentioned, hits: [], below: [], declines: [], endorsed: [], faulted: [] };
  if (!mentioned) return out;
  for (const s of sentences) {
    if (!region.has(s.index)) continue;
    if (anyMatch(l.declines, s.text)) out.declines.push(s);
    readBelow(p, s, l.below, out.below);
    if (mentionsBelow(s.text)) {
      if (/\berr(?:ed|s|or)?\b/i.test(s.text) && !/\bno\s+error\b|\bdid\s+not\s+err\b/i.test(s.text)) out.faulted.push(s);
      else if (endorses(s.text)) out.endorsed.push(s);
    }
    if (anyMatch(l.procedural, s.text)) continue;
    readStances(p, s, l.stances, out.hits);
  }
  resolveArguments(sentences, out.hits, l);
  return out;
}

/**
 * A party's QI argument followed, within a sentence or two, by the court agreeing or disagreeing becomes the
 * court's ruling: agreeing adopts the argued stance, disagreeing denies it.
 */
function resolveArguments(sentences: readonly Sentence[], hits: StanceHit[], l: Compiled2): void {
  const pos = new Map(sentences.map((s, i) => [s.index, i]));
  const argued = hits.filter((h) => h.voice === 'argument');
  for (const h of argued) {
    const at = pos.get(h.sentence.index);
    if (at === undefined) continue;
    for (let k = at + 1; k <= Math.min(sentences.length - 1, at + l.window); k++) {
      const next = sentences[k]!;
      const stance = l.disagree.test(next.text) ? flipped(h.stance) : l.agree.test(next.text) ? h.stance : undefined;
      if (!stance) continue;
      hits.push({ sentence: next, stance, voice: 'court', id: `${h.id}+resolved`, weight: 1 });
      break;
    }
  }
}

/** Stance phrases of one sentence; overlapping matches keep the earlier lexicon row (more specific rows first). */
function readStances(p: PreparedText, s: Sentence, rows: Compiled<StanceRow>[], out: StanceHit[]): void {
  const taken: [number, number][] = [];
  rows.forEach((c) => {
    c.re.lastIndex = 0;
    for (let m = c.re.exec(s.text); m; m = c.re.exec(s.text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      taken.push([start, end]);
      const voice = voiceOf(p, s, start, end, c.row.voice);
      let stance = c.row.stance;
      if (c.row.flip && isNegated(s, start, m[0], true)) stance = flipped(stance);
      if (c.row.object && isReversed(s, start)) stance = flipped(stance);
      out.push({ sentence: s, stance, voice, id: c.row.id, weight: c.row.weight ?? 1 });
    }
  });
}

function readBelow(p: PreparedText, s: Sentence, rows: Compiled<StanceRow>[], out: StanceHit[]): void {
  for (const c of rows) {
    c.re.lastIndex = 0;
    const m = c.re.exec(s.text);
    if (!m || within(p.citationSpans, s.start + m.index, s.start + m.index + m[0].length)) continue;
    let stance = c.row.stance;
    if (c.row.flip && /\b(?:not|denied|denying|refused)\b/i.test(m[0].slice(m[0].search(/\b(?:granted|held|concluded|ruled|found|determined)\b/i)))) stance = flipped(stance);
    out.push({ sentence: s, stance, voice: 'below', id: c.row.id, weight: 1 });
    return;
  }
}

export function flipped(s: Stance): Stance {
  return s === 'grant' ? 'deny' : 'grant';
}
