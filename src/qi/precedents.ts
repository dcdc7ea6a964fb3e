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

export function readPrecedents(p: PreparedText, sentences: readonly Sentence[], inAnalysis: (s: Sentence) => boolean): PrecedentUse[] {
  const { sentence: stdSentence, relations } = lexicon();
  const uses = new Map<number, Use>();
  let si = 0;
  p.citations.forEach((c, index) => {
    const target = c.type === 'case' ? index : (c.type === 'short_case' || c.type === 'id' || c.type === 'supra') && c.resolves_to !== undefined ? c.resolves_to : -1;
    if (target < 0) return;
    const full = p.citations[target];
    if (!full || full.type !== 'case' || !full.volume) return;
    while (si < sentences.length && sentences[si]!.end <= c.span[0]) si++;
    const s = sentences[si];
    if (!s || s.start > c.span[0] || !inAnalysis(s)) return;
    // Parallel citations (same group) are one authority: key on the first of the group.
    const key = full.group ? p.citations.findIndex((o) => o.group === full.group) : target;
    const lead = p.citations[key] ?? full;
    let use = uses.get(key);
    if (!use) {
      use = { cite: lead, votes: { relied_on: 0, distinguished: 0, general_standard: 0 }, explicit: false, evidence: s.text, order: uses.size };
      uses.set(key, use);
    }
    const window = windowFor(p, s, c);
    const cue = relations.find(({ re }) => ((re.lastIndex = 0), re.test(window)));
    if (cue) {
      use.votes[cue.row.relation] += 2;
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
