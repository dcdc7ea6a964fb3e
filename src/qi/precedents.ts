/**
 * The cases the court used in its QI analysis and how: relied_on ("squarely governs", "as in"), distinguished
 * ("distinguishable", "unlike", "materially different" — the move doctrine.md §1.3 step 2.3 describes, e.g. Baxter
 * distinguishing Campbell), or general_standard (Harlow, Pearson and the like, cited for the test itself). Citations
 * come from the citation engine; short forms and "Id." count for the case they resolve to.
 */
import type { Citation } from '../cite/index.js';
import type { PrecedentRelation, PrecedentUse } from './types.js';
import { compileRows, readLexicon, anyMatch, type Compiled, type PatternRow } from './lexicon.js';
import type { Sentence } from './sentences.js';
import type { PreparedText } from './text.js';

interface StandardCase extends PatternRow {
  reporter_volume: string;
  page: string;
}
interface RelationRow extends PatternRow {
  relation: PrecedentRelation;
}

let lex: { standard: Compiled<StandardCase>[]; sentence: Compiled[]; relations: Compiled<RelationRow>[] } | undefined;
function lexicon(): NonNullable<typeof lex> {
  if (lex) return lex;
  const f = 'lexicon-precedents.json';
  const l = readLexicon<{ version: string; standard_cases: StandardCase[]; standard_sentence: PatternRow[]; relations: RelationRow[] }>(f);
  lex = { standard: compileRows(f, l.standard_cases), sentence: compileRows(f, l.standard_sentence), relations: compileRows(f, l.relations) };
  return lex;
}

// The citation engine can read a leading "As in" or "Unlike" into the first party's name; those words are the
// court's comparison, not part of the name.
const LEAD_WORDS = /^(?:(?:as|like|unlike|in(?!\s+re\b)|see|also|cf\.?|but|and|compare|with|e\.g\.,?|accord)\s+)+/i;

function caseName(c: Citation): string | null {
  const plaintiff = c.plaintiff?.replace(LEAD_WORDS, '') || undefined;
  if (plaintiff && c.defendant) return `${plaintiff} v. ${c.defendant}`;
  return plaintiff ?? c.defendant ?? c.antecedent ?? null;
}

function citationString(c: Citation): string {
  return `${c.volume ?? ''} ${c.reporter ?? c.reporter_found ?? ''} ${c.page ?? ''}`.replace(/\s+/g, ' ').trim();
}

function isStandardCase(c: Citation): boolean {
  const { standard } = lexicon();
  const name = caseName(c) ?? '';
  return standard.some(({ row, re }) => {
    if (c.reporter === 'U.S.' && c.volume === row.reporter_volume && c.page === row.page) return true;
    re.lastIndex = 0;
    return c.court === 'scotus' && re.test(name);
  });
}

/**
 * The stretch of the sentence that speaks about this citation: from the end of the citation before it to the start
 * of the next one ("X, 1 F.3d 2, is distinguishable" and "unlike X, 1 F.3d 2" both fall inside).
 */
function windowFor(p: PreparedText, s: Sentence, c: Citation): string {
  let from = s.start;
  let to = s.end;
  for (const o of p.citations) {
    if (o === c || o.group !== undefined && o.group === c.group) continue;
    if (o.full_span[1] <= c.full_span[0] && o.full_span[1] > from && o.full_span[1] <= s.end) from = o.full_span[1];
    if (o.full_span[0] >= c.full_span[1] && o.full_span[0] < to && o.full_span[0] >= s.start) to = o.full_span[0];
  }
  return p.text.slice(from, to);
}

interface Use {
  cite: Citation;
  votes: Record<PrecedentRelation, number>;
  explicit: boolean;
  evidence: string;
  order: number;
}

/** Most precedents reported for one opinion. */
const MAX_PRECEDENTS = 40;

/** Text between two citations that is only a citation-string joint: "; see also", ", accord", "; cf.". */
const STRING_JOINT = /^[\s,;.]*(?:(?:see\s+also|see|accord|cf\.?|e\.g\.,?|and)\s*,?\s*)?$/i;

/** What is left of a sentence that is only citations once they are cut out: signals and punctuation. */
const CITATION_SENTENCE = /^[\s,;.:]*(?:(?:see\s+also|see|accord|cf\.?|e\.g\.,?|and|but\s+see|compare|with)[\s,;.:]*)*$/i;

/** The text of [from, to) with every citation in it cut out ("Smith, 430 F.3d at 775; see also " → "; see also "). */
function withoutCitations(p: PreparedText, from: number, to: number): string {
  let out = '';
  let at = from;
  for (const c of p.citations) {
    const a = Math.min(c.span[0], c.full_span[0]);
    const b = Math.max(c.span[1], c.full_span[1]);
    if (b <= at || a >= to) continue;
    out += p.text.slice(at, Math.max(at, a));
    at = Math.max(at, b);
  }
  return out + p.text.slice(at, Math.max(at, to));
}

/** The authority a citation stands for: a full case citation, or the one a short form / Id. / supra resolves to. */
function targetOf(p: PreparedText, index: number): number {
  const c = p.citations[index]!;
  if (c.type === 'case') return index;
  if ((c.type === 'short_case' || c.type === 'id' || c.type === 'supra') && c.resolves_to !== undefined) return c.resolves_to;
  return -1;
}

/**
 * One key per authority: parallel citations share their group's first citation; a "case" citation with the same
 * volume and reporter as an earlier one of the same first party and a page just after it is a pin cite of it
 * ("Smith, 430 F.3d 775" after "Smith v. Cupp, 430 F.3d 766").
 */
function keyOf(p: PreparedText, target: number, seen: Map<string, number>): number {
  const full = p.citations[target]!;
  const lead = full.group ? p.citations.findIndex((o) => o.group === full.group) : target;
  const c = p.citations[lead] ?? full;
  const exact = `${c.volume}|${c.reporter}|${c.page}`;
  const known = seen.get(exact);
  if (known !== undefined) return known;
  const page = Number(c.page);
  const first = (caseName(c) ?? '').split(/[\s,]/)[0] ?? '';
  for (const [k, idx] of seen) {
    const [vol, rep, pg] = k.split('|');
    const other = p.citations[idx]!;
    if (vol === c.volume && rep === c.reporter && !c.defendant && page > Number(pg) && page - Number(pg) < 300 && first && (caseName(other) ?? '').startsWith(first)) return idx;
  }
  seen.set(exact, lead);
  return lead;
}

export function readPrecedents(p: PreparedText, sentences: readonly Sentence[], inAnalysis: (s: Sentence) => boolean): PrecedentUse[] {
  const { sentence: stdSentence, relations } = lexicon();
  const uses = new Map<number, Use>();
  const seen = new Map<string, number>();
  let si = 0;
  let previous: { index: number; sentence: Sentence; cue?: PrecedentRelation } | undefined;
  p.citations.forEach((c, index) => {
    const target = targetOf(p, index);
    const full = target < 0 ? undefined : p.citations[target];
    if (!full || full.type !== 'case' || !full.volume) return;
    while (si < sentences.length && sentences[si]!.end <= c.span[0]) si++;
    const s = sentences[si];
    if (!s || s.start > c.span[0] || !inAnalysis(s)) return;
    const key = keyOf(p, target, seen);
    let use = uses.get(key);
    if (!use) {
      use = { cite: p.citations[key] ?? full, votes: { relied_on: 0, distinguished: 0, general_standard: 0 }, explicit: false, evidence: s.text, order: uses.size };
      uses.set(key, use);
    }
    // A sentence that opens with the citation is the citation of the sentence before it ("This is not a case
    // where ... ." followed by "Smith, 430 F.3d at 775."): that sentence's words apply to it too.
    let window = windowFor(p, s, c);
    if (CITATION_SENTENCE.test(withoutCitations(p, s.start, s.end)) && si > 0) window = `${sentences[si - 1]!.text} ${window}`;
    let cue = relations.find(({ re }) => ((re.lastIndex = 0), re.test(window)))?.row.relation;
    // A citation string ("X; see also Y") shares the relation stated for its first member.
    if (!cue && previous?.cue && previous.sentence === s && STRING_JOINT.test(p.text.slice(p.citations[previous.index]!.full_span[1], c.full_span[0]))) cue = previous.cue;
    previous = { index, sentence: s, ...(cue ? { cue } : {}) };
    if (cue) {
      use.votes[cue] += 2;
      if (!use.explicit) use.evidence = s.text;
      use.explicit = true;
    } else if (anyMatch(stdSentence, s.text)) {
      use.votes.general_standard += 1;
    } else {
      use.votes.relied_on += 0.5;
    }
  });
  const out: PrecedentUse[] = [];
  for (const use of [...uses.values()].sort((a, b) => a.order - b.order)) {
    let relation: PrecedentRelation;
    if (use.votes.distinguished > 0) relation = 'distinguished';
    else if (isStandardCase(use.cite)) relation = 'general_standard';
    else relation = use.votes.relied_on >= use.votes.general_standard ? 'relied_on' : 'general_standard';
    out.push({ citation: citationString(use.cite), case_name: caseName(use.cite), relation, evidence: use.evidence });
  }
  return out.slice(0, MAX_PRECEDENTS);
}
