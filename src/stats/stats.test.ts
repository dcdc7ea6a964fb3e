import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
import { caseInput } from '../store/store-suite-fixtures.js';
import { loadCorpus } from './corpus.js';
import { grantRates } from './grant-rate.js';
import { waistbandReport } from './waistband.js';

/** [circuit, year, outcome, force factors, officer claims] — fictional decisions with hand-counted rates. */
type Row = [string, number, string | null, string[], string[]];
const ROWS: Row[] = [
  // 5th Cir.: 3 granted, 1 denied → 75%.
  ['5', 2015, 'REVERSE_DENIAL', ['force.firearm'], ['reached_for_waistband']],
  ['5', 2015, 'AFFIRM_GRANT', ['force.firearm'], ['reached_for_waistband']],
  ['5', 2016, 'SCOTUS_SUMMARY_REVERSAL', ['force.taser_probe'], []],
  ['5', 2016, 'AFFIRM_DENIAL', ['force.firearm'], []],
  // 6th Cir.: 1 granted, 2 denied, 1 mixed, 1 vacated → 1/3.
  ['6', 2015, 'AFFIRM_GRANT', ['force.k9_bite'], []],
  ['6', 2016, 'REVERSE_GRANT', ['force.firearm', 'force.shots_after_down'], []],
  ['6', 2016, 'affirm_denial', [], []],
  ['6', 2017, 'AFFIRM_IN_PART_REVERSE_IN_PART', ['force.firearm'], ['reached_for_waistband']],
  ['6', 2017, 'VACATE_AND_REMAND', [], []],
  // 9th Cir.: no outcome coded, and a code nobody defined.
  ['9', 2017, null, [], []],
  ['9', 2017, 'QI_MAYBE', [], []],
];

describe('QI analytics over a small coded corpus', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore({ db: ':memory:', env: {} });
    const { ids } = await store.upsertCases({
      cases: [...ROWS.map(([circuit, year], i) => caseInput(String(i), { court_id: `ca${circuit}`, circuit, decision_date: `${year}-06-01` })), caseInput('not-qi')],
    });
    for (const [i, [, , outcome, forces, claims]] of ROWS.entries()) {
      await store.putQiCoding({ case_id: ids[i]!, coder: 'machine', coding: {
        decides_qi: true, outcome, posture: i % 2 ? 'summary_judgment' : 'interlocutory_appeal', right: 'fourth_amendment_excessive_force',
        factors: forces.map((id) => ({ id, evidence: 'x', confidence: 0.9 })), officer_claims: claims.map((id) => ({ id, evidence: 'y' })),
      } });
    }
    // A human corrects decision 3 (5th Cir., denied → granted): the human coding counts.
    await store.putQiCoding({ case_id: ids[3]!, coder: 'human', coding: { decides_qi: true, outcome: 'AFFIRM_GRANT', factors: [{ id: 'force.firearm', evidence: 'x', confidence: 1 }], officer_claims: [] } });
    await store.putQiCoding({ case_id: ids.at(-1)!, coder: 'machine', coding: { decides_qi: false, outcome: null } });
  });
  afterEach(async () => { await store.close(); });

  it('reads the effective codings and leaves out cases that do not decide QI', async () => {
    const corpus = await loadCorpus(store);
    expect(corpus.decisions).toHaveLength(ROWS.length);
    expect(corpus).toMatchObject({ not_qi: 1, coders: { machine: 10, human: 1 } });
  });

  it('computes grant rates by circuit with counts and Wilson intervals', async () => {
    const r = grantRates((await loadCorpus(store)).decisions, 'circuit');
    const row = (k: string) => r.rows.find((x) => x.key === k)!;
    expect(r.rows.map((x) => x.key)).toEqual(['5', '6', '9']);
    expect(row('5')).toMatchObject({ decisions: 4, granted: 4, denied: 0, rate: 1, ci_high: 1 });
    expect(row('6')).toMatchObject({ decisions: 5, granted: 1, denied: 2, mixed: 1, excluded: 1 });
    expect(row('6').rate).toBeCloseTo(1 / 3, 10);
    expect(row('6').ci_low).toBeCloseTo(0.0615, 4); // Wilson 1/3
    expect(row('6').ci_high).toBeCloseTo(0.7923, 4);
    expect(row('9')).toMatchObject({ decisions: 2, excluded: 2, rate: null, ci_low: null });
    expect(r.overall).toMatchObject({ decisions: 11, granted: 5, denied: 2 });
    expect(r.notes.join(' ')).toMatch(/QI_MAYBE/);
    expect(r.definition).toMatch(/granted \/ \(granted \+ denied\)/);
  });

  it('computes rates by year and by period, and by force with overlap', async () => {
    const ds = (await loadCorpus(store)).decisions;
    expect(grantRates(ds, 'year').rows.map((x) => [x.key, x.granted, x.denied])).toEqual([['2015', 3, 0], ['2016', 2, 2], ['2017', 0, 0]]);
    expect(grantRates(ds, 'year', { period: 2 }).rows.map((x) => [x.key, x.decisions])).toEqual([['2014–2015', 3], ['2016–2017', 8]]);
    expect(grantRates(ds, 'year', { from: 2016, to: 2016 }).overall.decisions).toBe(4);
    const force = grantRates(ds, 'force');
    expect(force.rows.find((x) => x.key === 'force.firearm')).toMatchObject({ decisions: 5, granted: 3, denied: 1, mixed: 1 });
    expect(force.rows.at(-1)!.key).toBe('(no force factor)');
    expect(force.notes.join(' ')).toMatch(/counts in each/);
    expect(grantRates(ds, 'posture').rows.map((x) => x.key)).toEqual(['interlocutory_appeal', 'summary_judgment', '(not coded)']);
  });

  it('compares outcomes of shooting cases with and without a waistband claim', async () => {
    const w = waistbandReport((await loadCorpus(store)).decisions);
    // Shootings: 0, 1, 3 (human), 5, 7 → 5; with the claim: 0, 1, 7.
    expect(w).toMatchObject({ shooting_decisions: 5, with_claim: 3 });
    expect(w.claim_share).toBeCloseTo(0.6, 10);
    expect(w.outcomes.with_claim).toMatchObject({ decisions: 3, granted: 2, denied: 0, mixed: 1, rate: 1 });
    expect(w.outcomes.without_claim).toMatchObject({ decisions: 2, granted: 1, denied: 1, rate: 0.5 });
    expect(w.difference!.diff).toBeCloseTo(0.5, 10);
    expect(w.difference!.low).toBeLessThan(0);
    expect(w.notes.join(' ')).toMatch(/not a finding/);
    expect(w.notice).toMatch(/not legal advice/);
  });
});
