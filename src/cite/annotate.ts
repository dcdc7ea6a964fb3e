/**
 * annotate: inserts markup around each citation in the original input, using the source spans. When a span in
 * HTML crosses tags (`<i>Graham</i>, 490 U.S. 386`), each text run inside it is wrapped separately, so the
 * result is always well nested and no tag is split.
 */
import type { Citation } from './types.js';

/** Returns [before, after] strings for one citation, or undefined to leave it alone. */
export type Annotator = (citation: Citation, index: number) => [string, string] | undefined;

export interface AnnotateOptions {
  /** Input is HTML: never insert inside a tag. Default true. */
  html?: boolean;
  /** Escape applied to the input's text between insertions (for turning plain text into HTML). */
  escape?: (text: string) => string;
}

interface Insertion {
  at: number;
  text: string;
  order: number;
}

export function annotate(source: string, citations: Citation[], fn: Annotator, options: AnnotateOptions = {}): string {
  const html = options.html ?? true;
  const inserts: Insertion[] = [];
  let lastEnd = -1;
  citations.forEach((c, i) => {
    const [start, end] = c.source_span;
    if (start < lastEnd || end <= start) return; // overlapping spans: keep the first
    const wrap = fn(c, i);
    if (!wrap) return;
    lastEnd = end;
    for (const [a, b] of html ? textRuns(source, start, end) : [[start, end] as const]) {
      inserts.push({ at: a, text: wrap[0], order: 1 }, { at: b, text: wrap[1], order: 0 });
    }
  });
  inserts.sort((x, y) => x.at - y.at || x.order - y.order);
  const escape = options.escape ?? ((s: string) => s);
  let out = '';
  let pos = 0;
  for (const ins of inserts) {
    out += escape(source.slice(pos, ins.at)) + ins.text;
    pos = ins.at;
  }
  return out + escape(source.slice(pos));
}

/** The text runs (outside tags) within [start, end). */
function textRuns(source: string, start: number, end: number): [number, number][] {
  const runs: [number, number][] = [];
  let runStart = start;
  let i = start;
  while (i < end) {
    if (source.charCodeAt(i) === 60) {
      const close = source.indexOf('>', i);
      if (close < 0 || close >= end) {
        break;
      }
      if (i > runStart) runs.push([runStart, i]);
      i = close + 1;
      runStart = i;
      continue;
    }
    i++;
  }
  if (end > runStart) runs.push([runStart, end]);
  return runs;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[ch]};`);
}
