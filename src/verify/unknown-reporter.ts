/**
 * Citation-shaped text the citation engine did not recognise: `volume Reporter page` where the "reporter" is not
 * in data/reporters.json (`123 F.6th 456`). Fabricated citations often look like this. To keep prose such as
 * "3 Officers. 12" out, a hit needs an abbreviation with a period and a case context: a "v." shortly before it
 * or a `(… YEAR)` parenthetical right after it. Text the engine already read as any citation is skipped.
 */
import type { Citation } from '../cite/index.js';

export interface UnknownReporterHit {
  text: string;
  volume: string;
  reporter: string;
  page: string;
  /** [start, end) in the cleaned text. */
  span: [number, number];
  /** Case name written before it, when there is one. */
  case_name: string | null;
  year: number | null;
}

// Up to five abbreviation tokens: `F.`, `So.`, `Cal.`, `App'x`, `6th`, `4th.`
const SHAPE = /\b(\d{1,4})\s+((?:(?:[A-Z][A-Za-z']{0,9}\.?|\d{1,2}(?:st|nd|rd|th|d))\s?){1,5}?)\s*(\d{1,5})\b/g;

const SIGNALS = /^(?:(?:see|also|cf\.|but|e\.g\.,?|accord|compare|and|in|with)\s+)+/i;

export function findUnknownReporters(clean: string, known: readonly Citation[]): UnknownReporterHit[] {
  const taken = known.map((c) => [Math.min(c.span[0], c.full_span[0]), Math.max(c.span[1], c.full_span[1])] as const);
  const overlaps = (s: number, e: number): boolean => taken.some(([a, b]) => s < b && e > a);
  const out: UnknownReporterHit[] = [];
  for (const m of clean.matchAll(SHAPE)) {
    const start = m.index;
    const end = start + m[0].length;
    const reporter = m[2]!.trim();
    if (!reporter.includes('.') || overlaps(start, end)) continue;
    const before = clean.slice(Math.max(0, start - 160), start);
    const after = clean.slice(end, end + 80);
    const name = /([A-Z][\w.'’&-]*(?:\s+[\w.'’&-]+){0,6}\s+v\.\s+[A-Z][\w.'’&-]*(?:\s+[\w.'’&-]+){0,6}),?\s*$/.exec(before);
    const paren = /^(?:,\s*\d{1,5}(?:[-–]\d{1,5})?)?\s*\(([^()]{0,60}?)(\d{4})\)/.exec(after);
    if (!name && !paren) continue;
    out.push({
      text: m[0], volume: m[1]!, reporter, page: m[3]!, span: [start, end],
      case_name: name ? name[1]!.replace(SIGNALS, '').trim() : null,
      year: paren ? Number(paren[2]) : null,
    });
  }
  return out;
}
