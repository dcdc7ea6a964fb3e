/**
 * Officer claims — "reached for his waistband", "resisted", "posed a threat" — with the sentence they appear in.
 * They are reported as claims for a reader to weigh (they are often disputed), never as facts; negated mentions
 * and sentences about other cases (those with citations) are skipped, and so are mentions inside whether/if or purpose
 * clauses ("whether the suspect posed a threat" states the test, not a claim).
 */
import type { OfficerClaim } from './types.js';
import { compileRows, readLexicon, type Compiled, type PatternRow } from './lexicon.js';
import type { Sentence } from './sentences.js';

interface ClaimRow extends PatternRow {
  claim: string;
}

let lex: { rows: Compiled<ClaimRow>[]; negation: RegExp; uncertain: RegExp } | undefined;
function lexicon(): NonNullable<typeof lex> {
  if (lex) return lex;
  const l = readLexicon<{ version: string; negation: string; uncertain: string; rows: ClaimRow[] }>('lexicon-claims.json');
  lex = { rows: compileRows('lexicon-claims.json', l.rows), negation: new RegExp(l.negation, 'i'), uncertain: new RegExp(l.uncertain, 'i') };
  return lex;
}

/** At most this many claims of one kind are reported. */
const PER_CLAIM = 2;

export function readClaims(sentences: readonly Sentence[], usable: (s: Sentence) => boolean): OfficerClaim[] {
  const { rows, negation, uncertain } = lexicon();
  const out: OfficerClaim[] = [];
  const count = new Map<string, number>();
  for (const s of sentences) {
    if (!usable(s)) continue;
    for (const c of rows) {
      if ((count.get(c.row.claim) ?? 0) >= PER_CLAIM) continue;
      c.re.lastIndex = 0;
      const m = c.re.exec(s.text);
      if (!m) continue;
      const before = s.text.slice(Math.max(0, m.index - 60), m.index);
      if (negation.test(before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';')) + 1))) continue;
      if (uncertain.test(s.text.slice(Math.max(0, m.index - 100), m.index))) continue;
      if (out.some((o) => o.id === c.row.claim && o.evidence === s.text)) continue;
      out.push({ id: c.row.claim, evidence: s.text });
      count.set(c.row.claim, (count.get(c.row.claim) ?? 0) + 1);
    }
  }
  return out;
}
