/**
 * The right at issue in the QI ruling: the claim words that dominate the QI discussion, then routed by custody status to the standard doctrine.md §3.1 assigns.
 */
import { compileRows, readLexicon, type Compiled, type PatternRow } from './lexicon.js';
import { majoritySentences, type QiDiscussion } from './holdings.js';
import { within, type PreparedText } from './text.js';
import type { Sentence } from './sentences.js';

interface RightRow extends PatternRow {
  right: string;
}
interface RouteRow extends PatternRow {
  from: string;
  to: string;
}

let lex: { rows: Compiled<RightRow>[]; routes: Compiled<RouteRow>[] } | undefined;
function lexicon(): NonNullable<typeof lex> {
  if (lex) return lex;
  const f = 'lexicon-rights.json';
  const l = readLexicon<{ version: string; rows: RightRow[]; routes: RouteRow[] }>(f);
  lex = { rows: compileRows(f, l.rows), routes: compileRows(f, l.routes) };
  return lex;
}

/** A sentence that opens a section: "B. Involuntary Medication ...", "III. Qualified Immunity ...", "2. Mayor ...". */
const HEADING = /^(?:[A-H]|[IVX]{1,5}|\d{1,2})\.\s+[A-Z]/;

/**
 * Weight of sentence i: 6 in a ruling sentence; 4 in the section that leads to a ruling (back to the section
 * heading, at most 25 sentences) or, without a heading, in the 8 sentences before it; 1 elsewhere in the QI
 * discussion; 0.5 in the rest of the opinion.
 */
function weights(sentences: readonly Sentence[], holdings: ReadonlySet<number>, region: ReadonlySet<number>): Map<number, number> {
  const w = new Map<number, number>();
  for (const s of sentences) w.set(s.index, region.has(s.index) ? 1 : 0.5);
  const pos = new Map(sentences.map((s, i) => [s.index, i]));
  for (const h of holdings) {
    const at = pos.get(h);
    if (at === undefined) continue;
    let from = Math.max(0, at - 8);
    for (let k = at; k >= Math.max(0, at - 25); k--) {
      if (HEADING.test(sentences[k]!.text)) {
        from = k;
        break;
      }
    }
    for (let k = from; k < at; k++) w.set(sentences[k]!.index, Math.max(w.get(sentences[k]!.index) ?? 0, 4));
    w.set(h, 6);
  }
  return w;
}

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

/**
 * Claim words count by closeness to a QI ruling: most in the ruling sentence, then in the section leading to it (where
 * the court analyses the claim it is about to rule on), then in the rest of the QI discussion, least in the rest of
 * the opinion — so an opinion about several claims is coded for the one its QI ruling concerns.
 */
export function decideRight(p: PreparedText, qi: QiDiscussion, holdings: ReadonlySet<number>): string | null {
  const { rows, routes } = lexicon();
  const score = new Map<string, number>();
  const sentences = majoritySentences(p);
  const weight = weights(sentences, holdings, qi.region);
  for (const s of sentences) {
    const w = weight.get(s.index) ?? 0.5;
    for (const c of rows) {
      c.re.lastIndex = 0;
      for (let m = c.re.exec(s.text); m; m = c.re.exec(s.text)) {
        if (within(p.citationSpans, s.start + m.index, s.start + m.index + m[0].length)) continue;
        score.set(c.row.right, (score.get(c.row.right) ?? 0) + w * (c.row.weight ?? 1));
      }
    }
  }
  let top: string | null = null;
  for (const [r, w] of score) if (top === null || w > score.get(top)!) top = r;
  if (top === null) return null;
  const regionText = sentences.filter((s) => qi.region.has(s.index)).map((s) => s.text).join(' ');
  const all = sentences.map((s) => s.text).join(' ');
  for (const c of routes) {
    if (c.row.from !== top) continue;
    if (count(c.re, regionText) >= 1 || count(c.re, all) >= 2) return c.row.to;
  }
  return top;
}
