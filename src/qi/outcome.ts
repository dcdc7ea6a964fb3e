/**
 * The doctrine.md §1.6 outcome code, from three readings: which way the court itself ruled on QI, how the lower
 * court had ruled (as the opinion reports it), and the disposition words (affirm, reverse, vacate, dismiss the
 * appeal). A court that grants QI reverses a denial (REVERSE_DENIAL) or affirms a grant (AFFIRM_GRANT); one that
 * denies it affirms a denial or reverses a grant. The whole-case disposition may be "in part" for reasons that have
 * nothing to do with QI, so AFFIRM_IN_PART_REVERSE_IN_PART needs QI rulings that go both ways.
 */
import { compileRows, readLexicon, type PatternRow } from './lexicon.js';
import type { Sentence } from './sentences.js';
import { within, type PreparedText } from './text.js';
import { majoritySentences, type QiDiscussion, type Stance, type StanceHit } from './holdings.js';
import type { ProngHit } from './prongs.js';

interface DispositionRow extends PatternRow {
  value: 'partial' | 'dismiss_appeal' | 'reverse' | 'vacate' | 'affirm';
}

export type Disposition = Record<DispositionRow['value'], number>;

export interface StanceSummary {
  /** Rulings stated outright ("entitled to qualified immunity", "we reverse the denial of qualified immunity"). */
  explicitGrant: number;
  explicitDeny: number;
  /** Rulings implied by a prong conclusion ("the right was not clearly established"). */
  impliedGrant: number;
  impliedDeny: number;
  evidence?: Sentence;
}

/**
 * The court's rulings, weighed. Prong conclusions in a sentence that declines to reach QI ("because no violation
 * was shown, we need not reach qualified immunity") imply nothing about QI.
 */
export function summarizeStance(hits: StanceHit[], prongs: ProngHit[], declines: Sentence[]): StanceSummary {
  const out: StanceSummary = { explicitGrant: 0, explicitDeny: 0, impliedGrant: 0, impliedDeny: 0 };
  const declined = new Set(declines.map((s) => s.index));
  for (const h of hits) {
    if (h.voice !== 'court') continue;
    if (h.stance === 'grant') out.explicitGrant += h.weight;
    else out.explicitDeny += h.weight;
    out.evidence ??= h.sentence;
  }
  for (const h of prongs) {
    if (!h.implies || declined.has(h.sentence.index)) continue;
    if (h.implies === 'grant') out.impliedGrant += h.weight;
    else out.impliedDeny += h.weight;
    out.evidence ??= h.sentence;
  }
  return out;
}

/** Does the court rule on QI? Explicitly, or by a prong conclusion when it has not declined to reach QI. */
export function decidesQi(s: StanceSummary, declines: Sentence[]): boolean {
  if (s.explicitGrant + s.explicitDeny >= 1) return true;
  return declines.length === 0 && s.impliedGrant + s.impliedDeny >= 1;
}

/**
 * Which way the court ruled: explicit rulings count fully, implied ones half (fully when there is no explicit
 * ruling). QI rulings that go both ways make the outcome mixed only when the judgment itself goes both ways
 * (affirmed in part and reversed or vacated in part); otherwise the weightier side is the ruling.
 */
export function courtStance(s: StanceSummary, d: Disposition): Stance | 'mixed' | null {
  const explicit = s.explicitGrant + s.explicitDeny > 0;
  const k = explicit ? 0.5 : 1;
  const grant = s.explicitGrant + k * s.impliedGrant;
  const deny = s.explicitDeny + k * s.impliedDeny;
  if (grant === 0 && deny === 0) return null;
  const lo = Math.min(grant, deny);
  const bothWays = d.affirm > 0 && d.reverse + d.vacate > 0;
  if (bothWays && lo >= 0.75 && lo >= 0.4 * Math.max(grant, deny)) return 'mixed';
  return grant >= deny ? 'grant' : 'deny';
}

let rows: ReturnType<typeof compileRows<DispositionRow>> | undefined;

/**
 * Disposition words, from the last sentences of the majority opinion and from short "We affirm." / "We reverse."
 * sentences in its opening summary. Citations ("aff'd", "rev'd") are skipped.
 */
export function readDisposition(p: PreparedText): { disposition: Disposition; evidence?: Sentence } {
  rows ??= compileRows('lexicon-dispositions.json', readLexicon<{ version: string; rows: DispositionRow[] }>('lexicon-dispositions.json').rows);
  const d: Disposition = { partial: 0, dismiss_appeal: 0, reverse: 0, vacate: 0, affirm: 0 };
  const sentences = majoritySentences(p);
  const tailFrom = Math.max(0, sentences.length - Math.max(4, Math.ceil(sentences.length * 0.12)));
  const headTo = Math.ceil(sentences.length * 0.25);
  let evidence: Sentence | undefined;
  sentences.forEach((s, i) => {
    const weight = i >= tailFrom ? 1 : i < headTo && s.text.length < 400 && /\bwe\b/i.test(s.text) ? 0.8 : 0;
    if (!weight) return;
    for (const c of rows!) {
      c.re.lastIndex = 0;
      const m = c.re.exec(s.text);
      if (!m || within(p.citationSpans, s.start + m.index, s.start + m.index + m[0].length)) continue;
      d[c.row.value] += weight;
      if (c.row.value !== 'partial' && (!evidence || i >= tailFrom)) evidence = s;
    }
  });
  return { disposition: d, ...(evidence ? { evidence } : {}) };
}

/**
 * How the lower court ruled on QI: what the opinion reports of it, and — weighed more — whether the court approves
 * ("correctly found", "we agree") or faults ("erred") the lower court in its QI discussion, which ties the lower
 * ruling to the court's own.
 */
export function belowStance(qi: QiDiscussion, stance: Stance | 'mixed' | null): Stance | null {
  let grant = 0;
  let deny = 0;
  for (const h of [...qi.below, ...qi.hits.filter((x) => x.voice === 'below')]) {
    if (h.stance === 'grant') grant += h.weight;
    else deny += h.weight;
  }
  if (stance === 'grant' || stance === 'deny') {
    const same = qi.endorsed.length * 1.5;
    const opposite = qi.faulted.length * 1.5;
    if (stance === 'grant') {
      grant += same;
      deny += opposite;
    } else {
      deny += same;
      grant += opposite;
    }
  }
  if (grant === deny) return null;
  return grant > deny ? 'grant' : 'deny';
}

export function outcomeCode(stance: Stance | 'mixed' | null, below: Stance | null, d: Disposition): string | null {
  const reversed = d.reverse + d.vacate;
  if (stance === null) {
    if (d.dismiss_appeal > 0 && d.dismiss_appeal >= d.affirm + reversed) return 'DISMISS_FOR_LACK_OF_JURISDICTION';
    if (d.vacate > 0 && d.vacate >= d.affirm && d.vacate >= d.reverse) return 'VACATE_AND_REMAND';
    return null;
  }
  if (stance === 'mixed') return 'AFFIRM_IN_PART_REVERSE_IN_PART';
  if (below === null) {
    // Without a report of the lower ruling, the disposition tells: affirming keeps it, reversing flips it. A
    // judgment affirmed in part and reversed in part says nothing about which part was QI.
    if (reversed === 0 && d.affirm === 0) return null;
    if (reversed > 0 && d.affirm > 0) below = d.affirm >= reversed ? stance : flip(stance);
    else below = reversed > 0 ? flip(stance) : stance;
  }
  if (stance === 'grant') return below === 'deny' ? 'REVERSE_DENIAL' : 'AFFIRM_GRANT';
  return below === 'grant' ? 'REVERSE_GRANT' : 'AFFIRM_DENIAL';
}

function flip(s: Stance): Stance {
  return s === 'grant' ? 'deny' : 'grant';
}
