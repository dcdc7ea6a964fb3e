/**
 * The text the QI coder reads: cleaned by the citation engine (tags dropped, whitespace collapsed, quotes and
 * dashes folded), its citations found once, split into sentences that never break inside a citation, and the point
 * where the majority opinion ends (a separate dissent or concurrence states no holding of the court).
 */
import { findWithText, type Citation, type FindResult, type Span } from '../cite/index.js';
import { splitSentences, type Sentence } from './sentences.js';

export interface PreparedText {
  text: string;
  citations: Citation[];
  sentences: Sentence[];
  /** Offset in `text` where a separate (dissenting or concurring) opinion begins; `text.length` when none. */
  majorityEnd: number;
  /** Spans of case citations from the citation itself to the end of its parentheticals (not the case name). */
  citationSpans: Span[];
}

// "HAMILTON, Circuit Judge, dissenting in part." / "TORRUELLA, Circuit Judge (Concurring)." / "Justice X, dissenting."
const SEPARATE_OPINION =
  /\b[A-Z][A-Za-z'\-]+(?:\s[A-Z][A-Za-z'\-]+)?,\s+(?:Senior\s+|Chief\s+)?(?:Circuit\s+|District\s+|Associate\s+)?(?:Judge|Justice)\s*[,(]\s*(?:with\s+whom\s+[^,]{1,60},\s*)?(?:dissenting|concurring)/g;

/** Where the first separate opinion starts, looking only past the first quarter (headers list judges too). */
export function majorityEndOf(text: string): number {
  SEPARATE_OPINION.lastIndex = 0;
  for (let m = SEPARATE_OPINION.exec(text); m; m = SEPARATE_OPINION.exec(text)) {
    if (m.index > text.length * 0.25) return m.index;
  }
  return text.length;
}

/** `options.found`: the citation engine's pass over `input` with the same `html` setting, when already made. */
export function prepareText(input: string, options: { html?: boolean; found?: FindResult } = {}): PreparedText {
  const { citations, clean } = options.found ?? findWithText(input, { html: options.html === true });
  const text = clean.text;
  const citationSpans: Span[] = [];
  for (const c of citations) {
    // Core citation through its last parenthetical: periods in "Cir." or in an explanatory parenthetical must not
    // end the sentence. The case name before it is left out so a long name never swallows a real boundary.
    const end = Math.max(c.span[1], c.full_span[1]);
    citationSpans.push([c.span[0], end]);
  }
  const sentences = splitSentences(text, citationSpans);
  return { text, citations, sentences, majorityEnd: majorityEndOf(text), citationSpans };
}

/** True when [start, end) lies inside one of the spans. */
export function within(spans: Span[], start: number, end: number): boolean {
  return spans.some(([s, e]) => start >= s && end <= e);
}
