/**
 * Whose statement a phrase is. "Defendants are entitled to qualified immunity" decides QI only when the court says
 * it in its own voice — not when a party argues it, the lower court held it, an earlier case held it, the sentence
 * states the general rule, or the words sit inside an "if"/"whether" clause or a citation parenthetical.
 */
import { readLexicon, compileRows, anyMatch, type Compiled, type PatternRow } from './lexicon.js';
import type { Sentence } from './sentences.js';
import { within, type PreparedText } from './text.js';

export type Voice = 'court' | 'below' | 'argument' | 'hypothetical' | 'standard' | 'precedent' | 'scope' | 'citation';

interface VoiceRow extends PatternRow {
  scope?: 'before' | 'clause';
}

interface HoldingsVoices {
  version: string;
  voices: Record<'standard' | 'argument' | 'below' | 'endorse' | 'hypothetical' | 'precedent' | 'scope', VoiceRow[]>;
  negation: string;
  reversal_verbs: string;
}

interface CompiledVoices {
  standard: Compiled<VoiceRow>[];
  argument: Compiled<VoiceRow>[];
  below: Compiled<VoiceRow>[];
  endorse: Compiled<VoiceRow>[];
  modal: Compiled<VoiceRow>[];
  clause: Compiled<VoiceRow>[];
  precedent: Compiled<VoiceRow>[];
  scope: Compiled<VoiceRow>[];
  negatedBefore: RegExp;
  negationInside: RegExp;
  reversal: RegExp;
}

let compiled: CompiledVoices | undefined;

function voices(): CompiledVoices {
  if (compiled) return compiled;
  const file = 'lexicon-holdings.json';
  const lex = readLexicon<HoldingsVoices>(file);
  const v = lex.voices;
  const hyp = compileRows(file, v.hypothetical);
  compiled = {
    standard: compileRows(file, v.standard),
    argument: compileRows(file, v.argument),
    below: compileRows(file, v.below),
    endorse: compileRows(file, v.endorse),
    modal: hyp.filter((c) => c.row.scope === 'before'),
    clause: hyp.filter((c) => c.row.scope !== 'before'),
    precedent: compileRows(file, v.precedent),
    scope: compileRows(file, v.scope),
    // "not entitled", "not also entitled", "never been granted"
    negatedBefore: new RegExp(`${lex.negation}\\s+(?:\\w+\\s+)?$`, 'i'),
    negationInside: new RegExp(lex.negation, 'i'),
    reversal: new RegExp(lex.reversal_verbs, 'i'),
  };
  return compiled;
}

/** Text after the last clause break (comma, semicolon, colon, dash) — the clause a phrase sits in. */
function clauseOf(prefix: string): string {
  const cut = Math.max(prefix.lastIndexOf(','), prefix.lastIndexOf(';'), prefix.lastIndexOf(':'), prefix.lastIndexOf(' - '));
  return cut < 0 ? prefix : prefix.slice(cut + 1);
}

/**
 * The voice of the phrase at [start, end) of sentence `s` (offsets within the sentence). `forced` rows (e.g.
 * "the district court erred in denying qualified immunity") are the court's own by construction.
 */
export function voiceOf(p: PreparedText, s: Sentence, start: number, end: number, forced?: 'court'): Voice {
  const v = voices();
  if (within(p.citationSpans, s.start + start, s.start + end)) return 'citation';
  if (forced) return forced;
  const prefix = s.text.slice(0, start);
  if (anyMatch(v.standard, s.text)) return 'standard';
  if (anyMatch(v.precedent, prefix)) return 'precedent';
  if (anyMatch(v.modal, prefix.slice(-60))) return 'hypothetical';
  if (anyMatch(v.clause, clauseOf(prefix))) return 'hypothetical';
  const endorsed = anyMatch(v.endorse, s.text);
  if (anyMatch(v.below, prefix)) return endorsed ? 'court' : 'below';
  if (anyMatch(v.argument, prefix)) return endorsed ? 'court' : 'argument';
  if (anyMatch(v.scope, s.text)) return 'scope';
  return 'court';
}

/** Does the sentence adopt the lower court's ruling ("correctly found", "we agree", "is affirmed")? */
export function endorses(text: string): boolean {
  return anyMatch(voices().endorse, text);
}

/** Does the sentence speak of the lower court ("the district court", "the court below")? */
export function mentionsBelow(text: string): boolean {
  return anyMatch(voices().below, text);
}

/** Is the phrase negated — "not" (or "never", "no longer") right before it, or inside it? */
export function isNegated(s: Sentence, start: number, matchText: string, inside: boolean): boolean {
  const v = voices();
  if (v.negatedBefore.test(s.text.slice(Math.max(0, start - 40), start))) return true;
  return inside && v.negationInside.test(matchText);
}

/** "We reverse the denial of qualified immunity": a reversal verb governs the phrase, flipping what it means. */
export function isReversed(s: Sentence, start: number): boolean {
  return voices().reversal.test(clauseOf(s.text.slice(0, start)));
}
