/**
 * Fact factors (doctrine.md §3.4) read from text with the factor lexicon. Negation-aware: "did not resist" is not
 * resistance (and, where the lexicon says so, is compliance). Several mentions raise confidence (1 − Π(1 − cᵢ));
 * the evidence is the strongest mention. `factorsFromText` serves free-text incident facts (evidence = the words
 * read); the opinion coder weighs sentences by where they are (see code.ts) and gives the sentence as evidence.
 */
import type { FactorHit } from './types.js';
import { compileRows, readLexicon, type Compiled, type PatternRow } from './lexicon.js';
import { splitSentences, type Sentence } from './sentences.js';

interface FactorRow extends PatternRow {
  factor: string;
  negated_factor?: string;
}

interface FactorLexicon {
  version: string;
  negation: string;
  uncertain: string;
  standard_sentence: string;
  standard_sentence_weight: number;
  rows: FactorRow[];
}

let lex: { rows: Compiled<FactorRow>[]; any: RegExp[]; negation: RegExp; uncertain: RegExp; standard: RegExp; standardWeight: number } | undefined;

/**
 * The alternation of the rows' patterns, one regex per flag set: it matches a text exactly when one of the rows
 * does (the patterns use no backreferences or named groups, which an alternation would renumber). A sentence
 * that none of them matches is skipped with one or two searches instead of one per row.
 */
function anyRow(rows: readonly Compiled<FactorRow>[]): RegExp[] {
  if (rows.some((c) => /\\[1-9]|\\k<|\(\?<[^=!]/.test(c.re.source))) return [/(?:)/]; // such a row: no prefilter
  const out: RegExp[] = [];
  for (const flags of ['gi', 'g']) {
    const group = rows.filter((c) => c.re.flags === flags);
    if (group.length) out.push(new RegExp(group.map((c) => `(?:${c.re.source})`).join('|'), flags.replace('g', '')));
  }
  return out;
}
function lexicon(): NonNullable<typeof lex> {
  if (lex) return lex;
  const l = readLexicon<FactorLexicon>('lexicon-factors.json');
  const rows = compileRows('lexicon-factors.json', l.rows);
  lex = {
    rows,
    any: anyRow(rows),
    negation: new RegExp(l.negation, 'i'),
    uncertain: new RegExp(l.uncertain, 'i'),
    standard: new RegExp(l.standard_sentence, 'i'),
    standardWeight: l.standard_sentence_weight,
  };
  return lex;
}

/** Every factor id the lexicon can emit (for validation against data/qi/factors.json). */
export function lexiconFactorIds(): string[] {
  const ids = new Set<string>();
  for (const { row } of lexicon().rows) {
    ids.add(row.factor);
    if (row.negated_factor) ids.add(row.negated_factor);
  }
  return [...ids].sort();
}

/** Emit a factor at or above this combined confidence. */
export const FACTOR_THRESHOLD = 0.5;

export interface FactorMention {
  id: string;
  confidence: number;
  sentence: Sentence;
  /** [start, end) of the words matched, in the text the sentence came from. */
  words: [number, number];
}

function clauseBefore(text: string, at: number): string {
  const prefix = text.slice(Math.max(0, at - 80), at);
  const cut = Math.max(prefix.lastIndexOf(','), prefix.lastIndexOf(';'), prefix.lastIndexOf(':'), prefix.lastIndexOf('('));
  return cut < 0 ? prefix : prefix.slice(cut + 1);
}

/**
 * Mentions of factors in the given sentences. `weight` scales each sentence (0 skips it); `skip` drops matches at
 * [start, end) of the full text (e.g. inside citation parentheticals).
 */
export function factorMentions(sentences: readonly Sentence[], weight: (s: Sentence) => number, skip: (start: number, end: number) => boolean = () => false): FactorMention[] {
  const { rows, any, negation, uncertain, standard, standardWeight } = lexicon();
  const out: FactorMention[] = [];
  for (const s of sentences) {
    // A sentence that states a legal standard ("summary judgment is appropriate if ...") describes no facts.
    const w = weight(s) * (standard.test(s.text) ? standardWeight : 1);
    if (w <= 0) continue;
    if (!any.some((re) => re.test(s.text))) continue; // no row matches anywhere in the sentence
    for (const c of rows) {
      c.re.lastIndex = 0;
      for (let m = c.re.exec(s.text); m; m = c.re.exec(s.text)) {
        const start = s.start + m.index;
        const end = start + m[0].length;
        if (skip(start, end)) continue;
        // "whether he resisted", "to prevent him from running away": not a fact either way.
        if (uncertain.test(s.text.slice(Math.max(0, m.index - 100), m.index))) continue;
        let id: string | undefined = c.row.factor;
        if (negation.test(clauseBefore(s.text, m.index))) id = c.row.negated_factor;
        if (!id) continue;
        out.push({ id, confidence: (c.row.weight ?? 0.8) * w, sentence: s, words: [start, end] });
      }
    }
  }
  return out;
}

/** Combines mentions per factor; keeps those at or above the threshold, strongest first. */
export function combineMentions(mentions: readonly FactorMention[], evidence: (m: FactorMention) => { evidence: string; span: [number, number] }): FactorHit[] {
  const byId = new Map<string, FactorMention[]>();
  for (const m of mentions) byId.set(m.id, [...(byId.get(m.id) ?? []), m]);
  const hits: FactorHit[] = [];
  for (const [id, list] of byId) {
    const miss = list.reduce((acc, m) => acc * (1 - Math.min(m.confidence, 0.99)), 1);
    const confidence = Math.round(Math.min(0.95, 1 - miss) * 100) / 100;
    if (confidence < FACTOR_THRESHOLD) continue;
    const best = list.reduce((a, b) => (b.confidence > a.confidence ? b : a));
    hits.push({ id, confidence, ...evidence(best) });
  }
  return hits.sort((a, b) => b.confidence - a.confidence || a.id.localeCompare(b.id));
}

/**
 * Factors in free-text facts ("officer released a police dog on a man sitting with hands raised" →
 * force.k9_bite, subject.surrendered_hands_up), each with the words it was read from and their span in `text`.
 */
export function factorsFromText(text: string): FactorHit[] {
  const sentences = splitSentences(text);
  const mentions = factorMentions(sentences, () => 1);
  return combineMentions(mentions, (m) => ({ evidence: text.slice(m.words[0], m.words[1]), span: m.words }));
}
