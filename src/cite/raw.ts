import type { Citation } from './types.js';
import type { ReporterRow } from './data.js';

/** A citation as the scanner first finds it, before tails, names, groups and resolution. */
export interface Raw {
  cite: Citation;
  /** Reporter editions the abbreviation can mean (several when ambiguous). */
  rows?: ReporterRow[];
  /** Short forms and supra: the name written before them (`Graham` in `Graham, 490 U.S. at 396`). */
  antecedent?: string;
  /** Full case citations: where the scanner stopped (just past the page). */
  pageEnd?: number;
}

export function makeCite(type: Citation['type'], text: string, start: number, end: number): Citation {
  return {
    type,
    text: text.slice(start, end),
    span: [start, end],
    source_span: [start, end],
    full_span: [start, end],
  };
}
