/**
 * Prong 1 (was a right violated?) and prong 2 (was it clearly established?), read from the court's own sentences in
 * its QI discussion. Courts may decide either prong first (Pearson v. Callahan, doctrine.md §1.2), so a grant on
 * prong 2 alone leaves prong 1 `not_reached` — it establishes nothing about whether the conduct was lawful.
 */
import type { Prong1, Prong2 } from './types.js';
import { compileRows, readLexicon, type Compiled, type PatternRow } from './lexicon.js';
import type { Sentence } from './sentences.js';
import type { PreparedText } from './text.js';
import { isNegated, voiceOf } from './voice.js';
import type { QiDiscussion, Stance } from './holdings.js';

interface ProngRow extends PatternRow {
  prong: 1 | 2;
  value: Prong1 | Prong2;
  implies?: Stance;
  flip?: boolean;
}

const OPPOSITE: Record<string, Prong1 | Prong2> = {
  violation: 'no_violation',
  no_violation: 'violation',
  clearly_established: 'not_clearly_established',
  not_clearly_established: 'clearly_established',
};

export interface ProngHit {
  prong: 1 | 2;
  value: Prong1 | Prong2;
  implies?: Stance;
  weight: number;
  sentence: Sentence;
}

let rows: Compiled<ProngRow>[] | undefined;
function prongRows(): Compiled<ProngRow>[] {
  rows ??= compileRows('lexicon-prongs.json', readLexicon<{ version: string; rows: ProngRow[] }>('lexicon-prongs.json').rows);
  return rows;
}

/** Every prong conclusion the court states in its QI discussion. */
export function readProngs(p: PreparedText, qi: QiDiscussion): ProngHit[] {
  const out: ProngHit[] = [];
  for (const s of p.sentences) {
    if (!qi.region.has(s.index)) continue;
    const taken: [number, number][] = [];
    for (const c of prongRows()) {
      c.re.lastIndex = 0;
      for (let m = c.re.exec(s.text); m; m = c.re.exec(s.text)) {
        const start = m.index;
        const end = start + m[0].length;
        if (taken.some(([a, b]) => start < b && end > a)) continue;
        if (voiceOf(p, s, start, end) !== 'court') continue;
        taken.push([start, end]);
        let value = c.row.value;
        let implies = c.row.implies;
        if (c.row.flip && isNegated(s, start, m[0], false)) {
          value = OPPOSITE[value] ?? value;
          implies = implies === 'grant' ? 'deny' : implies === 'deny' ? 'grant' : implies;
        }
        out.push({ prong: c.row.prong, value, weight: c.row.weight ?? 1, sentence: s, ...(implies ? { implies } : {}) });
      }
    }
  }
  return out;
}

function best<T extends string>(hits: ProngHit[], prong: 1 | 2): { value: T; sentence: Sentence } | undefined {
  const score = new Map<string, number>();
  const first = new Map<string, Sentence>();
  for (const h of hits) {
    if (h.prong !== prong) continue;
    score.set(h.value, (score.get(h.value) ?? 0) + h.weight);
    if (!first.has(h.value)) first.set(h.value, h.sentence);
  }
  let top: string | undefined;
  for (const [v, w] of score) if (top === undefined || w > score.get(top)!) top = v;
  return top === undefined ? undefined : { value: top as T, sentence: first.get(top)! };
}

export interface ProngResult {
  prong1: Prong1 | null;
  prong2: Prong2 | null;
  evidence: { field: string; sentence: string }[];
}

/**
 * The prong values. Defaults follow from the structure of the test: a grant on prong 2 with nothing said about
 * prong 1 leaves prong 1 not reached; a decision resting on "no violation" does not reach prong 2 (Saucier: "there
 * is no necessity for further inquiries").
 */
export function decideProngs(hits: ProngHit[], stance: 'grant' | 'deny' | 'mixed' | null): ProngResult {
  const p1 = best<Prong1>(hits, 1);
  const p2 = best<Prong2>(hits, 2);
  const evidence: { field: string; sentence: string }[] = [];
  let prong1: Prong1 | null = p1?.value ?? null;
  let prong2: Prong2 | null = p2?.value ?? null;
  if (p1) evidence.push({ field: 'prong1', sentence: p1.sentence.text });
  if (p2) evidence.push({ field: 'prong2', sentence: p2.sentence.text });
  // A grant on prong 2 that says nothing about prong 1 — or says outright that it skips it — decides only prong 2
  // (doctrine.md §1.2); stray "violated" phrases in such an opinion describe claims or other cases.
  const skipped = hits.filter((h) => h.prong === 1 && h.value === 'not_reached').reduce((a, h) => a + h.weight, 0);
  if (stance === 'grant' && prong2 === 'not_clearly_established' && (prong1 === null || (skipped >= 1 && prong1 === 'violation'))) prong1 = 'not_reached';
  if (stance === 'grant' && prong1 === 'no_violation' && prong2 === null) prong2 = 'not_reached';
  if (stance === 'grant' && prong1 === 'no_violation' && prong2 === 'clearly_established') prong2 = 'not_reached';
  return { prong1, prong2, evidence };
}
