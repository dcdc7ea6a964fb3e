import { describe, expect, it } from 'vitest';
import { outcomeCode } from '../qi/rules/index.js';
import { SUMMARY_NOTICE, decidesQi, kbCoding, kbDecision, knowledgeBase, summaryText, validateKnowledgeBase, type KbDecision } from './index.js';

const row = (id: string): KbDecision => {
  const d = kbDecision(id);
  if (!d) throw new Error(`no knowledge-base row ${id}`);
  return d;
};
const issuesAfter = (change: (rows: KbDecision[]) => void): string[] => {
  const rows = structuredClone([...knowledgeBase()]);
  change(rows);
  return validateKnowledgeBase(rows).map((i) => `${i.id}: ${i.message}`);
};
const edit = (rows: KbDecision[], id: string): KbDecision => rows.find((d) => d.id === id)!;

describe('knowledge base data', () => {
  it('validates against the taxonomy, the outcome codes and itself', () => {
    expect(validateKnowledgeBase(knowledgeBase()).map((i) => `${i.id}: ${i.message}`)).toEqual([]);
  });

  it('codes Campbell and Baxter as doctrine.md describes them, with Baxter distinguishing Campbell', () => {
    expect(row('campbell-v-springboro-2012').factors.map((f) => f.id)).toEqual(
      expect.arrayContaining(['force.k9_bite', 'subject.surrendered_prone', 'subject.compliant']));
    const baxter = row('baxter-v-bracey-2018');
    expect(baxter.factors.map((f) => f.id)).toEqual(expect.arrayContaining(['force.k9_bite', 'subject.surrendered_hands_up', 'offense.nonviolent_felony']));
    expect(baxter.published).toBe(false);
    expect(baxter.relations).toContainEqual(expect.objectContaining({ relation: 'distinguished', target: 'campbell-v-springboro-2012' }));
    expect(baxter.subsequent_history).toContainEqual(expect.objectContaining({ type: 'cert_denied', date: '2020-06-15', docket: '18-1287' }));
  });

  it('records reversals, withdrawals and name-only targets', () => {
    expect(row('mullenix-v-luna-2015').relations).toContainEqual(expect.objectContaining({ relation: 'reversed', citation: '773 F.3d 712' }));
    expect(row('zadeh-v-robinson-2018').relations).toContainEqual({ relation: 'withdrawn_and_replaced_by', target: 'zadeh-v-robinson-2019' });
    expect(row('rivas-villegas-v-cortesluna-2021').relations).toContainEqual(expect.objectContaining({ relation: 'distinguished', name: 'LaLonde v. County of Riverside' }));
    expect(row('cortesluna-v-leon-2020').subsequent_history).toContainEqual(expect.objectContaining({ type: 'reversed', by: 'rivas-villegas-v-cortesluna-2021' }));
  });

  it('leaves unverified dates null and says so, never stating them as fact', () => {
    const unverified = knowledgeBase().filter((d) => !d.verified);
    expect(unverified.map((d) => d.id)).toEqual(expect.arrayContaining(['hunter-v-cole-2016', 'bond-v-tahlequah-2020', 'barnes-v-felix-2024']));
    for (const d of unverified) {
      expect(d.flags.some((f) => f.status === 'unverified')).toBe(true);
    }
    expect(row('hunter-v-cole-2016').decision_date).toBeNull();
    // The Baxter cert-denial S. Ct. cite is UNVERIFIED in doctrine.md: it must not appear as a citation.
    expect(JSON.stringify(row('baxter-v-bracey-2018').citations)).not.toContain('1862');
  });

  it('quotes nothing in holdings beyond the phrases doctrine.md verifies', () => {
    const verifiedQuotes = new Set(['beyond debate']);
    for (const d of knowledgeBase()) {
      for (const m of d.holding.matchAll(/"([^"]+)"/g)) expect(verifiedQuotes, `${d.id} quotes "${m[1]}"`).toContain(m[1]);
    }
  });

  it('keeps every prong value inside what its outcome code allows', () => {
    for (const d of knowledgeBase()) {
      const code = d.outcome ? outcomeCode(d.outcome) : undefined;
      if (!code) continue;
      if (d.prong1) expect(code.prong1, d.id).toContain(d.prong1);
      if (d.prong2) expect(code.prong2, d.id).toContain(d.prong2);
    }
  });
});

describe('knowledge base validation catches broken rows', () => {
  it('reports an unknown factor id and a relation to a missing decision', () => {
    const m = issuesAfter((rows) => {
      edit(rows, 'baxter-v-bracey-2018').factors.push({ id: 'subject.sitting', evidence: 'x', confidence: 1 });
      edit(rows, 'eves-v-lepage-2019').relations.push({ relation: 'relied_on', target: 'no-such-case-1999' });
      edit(rows, 'sloley-v-vanbramer-2019').relations.push({ relation: 'relied_on' });
    });
    expect(m).toContain('baxter-v-bracey-2018: factor "subject.sitting" is not a taxonomy id');
    expect(m).toContain('eves-v-lepage-2019: relation relied_on → "no-such-case-1999" is not a knowledge-base id');
    expect(m).toContain('sloley-v-vanbramer-2019: relation relied_on has neither a target nor a name');
  });

  it('reports prongs that contradict the outcome code and a verified row without a date', () => {
    const m = issuesAfter((rows) => {
      edit(rows, 'cortesluna-v-leon-2020').prong1 = 'no_violation';
      edit(rows, 'kelsay-v-ernst-2019').decision_date = null;
    });
    expect(m).toContain('cortesluna-v-leon-2020: prong1 "no_violation" does not fit REVERSE_GRANT');
    expect(m).toContain('kelsay-v-ernst-2019: verified rows need a decision date');
  });

  it('reports a reversal the reversed decision does not record, and a factor example the row lacks', () => {
    const m = issuesAfter((rows) => {
      edit(rows, 'bond-v-tahlequah-2020').subsequent_history = [];
      const campbell = edit(rows, 'campbell-v-springboro-2012');
      campbell.factors = campbell.factors.filter((f) => f.id !== 'force.k9_bite');
    });
    expect(m).toContain('bond-v-tahlequah-2020: history lacks "reversed by tahlequah-v-bond-2021" that tahlequah-v-bond-2021 records');
    expect(m).toContain('campbell-v-springboro-2012: factors.json cites it as an example of force.k9_bite, which the row does not code');
  });
});

describe('knowledge base coding', () => {
  it('codes a prong-2 grant without claiming anything about prong 1', () => {
    const c = kbCoding(row('kisela-v-hughes-2018'));
    expect(c).toMatchObject({ decides_qi: true, outcome: 'SCOTUS_SUMMARY_REVERSAL', prong1: null, prong2: 'not_clearly_established' });
    expect(c.coded_by).toEqual({ coder: 'human', method: 'clearly knowledge base', who: 'clearly maintainers', version: 'kb-1' });
  });

  it('lists relied-on and distinguished decisions as precedents, with citations', () => {
    expect(kbCoding(row('baxter-v-bracey-2018')).precedents).toEqual([
      { citation: '700 F.3d 779', case_name: 'Campbell v. City of Springboro', relation: 'distinguished' },
    ]);
    expect(kbCoding(row('rivas-villegas-v-cortesluna-2021')).precedents).toEqual([
      { citation: '', case_name: 'LaLonde v. County of Riverside', relation: 'distinguished' },
    ]);
  });

  it('tells QI decisions from merits standards', () => {
    expect(decidesQi(row('baxter-v-bracey-2018'))).toBe(true);
    expect(decidesQi(row('wilson-v-layne-1999'))).toBe(true);
    expect(decidesQi(row('graham-v-connor-1989'))).toBe(false);
    expect(decidesQi(row('mccue-v-bangor-2016'))).toBe(false);
  });

  it('marks the stored text as a summary, not the court\'s words', () => {
    const text = summaryText(row('campbell-v-springboro-2012'));
    expect(text.startsWith(SUMMARY_NOTICE)).toBe(true);
    expect(text).toContain('Not legal advice');
    expect(text).toContain('Campbell v. City of Springboro, 700 F.3d 779 (6th Cir. 2012)');
  });
});
