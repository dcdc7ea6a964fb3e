import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.js';
import { findPrecedents } from './find.js';
import { grantedImmunity, sharesNoFact } from './rank.js';
import { given, storeWith, testIncident, testRules, type FakeDecision } from './test-fixtures.js';

let store: Store | undefined;
afterEach(async () => { await store?.close(); store = undefined; });

const rules = testRules();
const k9HandsUp = testIncident({ factors: given('force.k9_bite', 'subject.surrendered_hands_up') });

async function find(decisions: FakeDecision[], incident = k9HandsUp) {
  store = await storeWith(decisions);
  const seeds = (await store.listCases({ limit: 1000 })).items.map((c) => c.id);
  return findPrecedents(store, incident, rules, { seedIds: seeds });
}

describe('Supreme Court grants of qualified immunity on the incident’s right', () => {
  it('reads a grant from the prongs or from the outcome code', () => {
    expect(grantedImmunity({ prong2: 'not_clearly_established', outcome: null })).toBe(true);
    expect(grantedImmunity({ prong2: null, outcome: 'SCOTUS_SUMMARY_REVERSAL' })).toBe(true);
    expect(grantedImmunity({ prong2: null, outcome: 'VACATE_AND_REMAND' })).toBe(false);
    expect(grantedImmunity({ prong2: 'clearly_established', outcome: 'AFFIRM_DENIAL' })).toBe(false);
  });

  it('lists an earlier grant that shares no fact as close but ineligible; a circuit grant on other facts is not listed', async () => {
    const r = await find([
      { n: '1', name: 'Shooting Grant v. Roe', court: 'scotus', prong1: 'not_reached', date: '2015-01-01', factors: ['force.firearm'] },
      { n: '2', name: 'Circuit Shooting Grant v. Roe', prong1: 'not_reached', factors: ['force.firearm'] },
    ]);
    expect(r.precedents.map((p) => p.case_name)).toEqual(['Shooting Grant v. Roe']);
    expect(r.precedents[0]).toMatchObject({ eligible: false, matched_factors: [] });
    expect(sharesNoFact(r.precedents[0]!, k9HandsUp)).toBe(true);
  });

  it('orders grants that share no fact by the most recent restatement, not by how many decisions rely on them', async () => {
    const r = await find([
      { n: '1', name: 'Old Grant v. Roe', court: 'scotus', cite: '501 U.S. 1', prong1: 'not_reached', date: '2005-01-01', factors: ['force.firearm'] },
      { n: '2', name: 'New Grant v. Roe', court: 'scotus', cite: '502 U.S. 2', prong1: 'not_reached', date: '2017-01-01', factors: ['force.firearm'] },
      { n: '3', name: 'Citer v. Roe', date: '2010-01-01', factors: ['force.k9_bite'], relies: ['501 U.S. 1'] },
    ]);
    const grants = r.precedents.filter((p) => !p.eligible).map((p) => [p.case_name, p.components.reliance]);
    expect(grants).toEqual([['New Grant v. Roe', 0], ['Old Grant v. Roe', 0]]);
  });

  it('still counts reliance for a Supreme Court grant that shares the incident’s facts', async () => {
    const r = await find([
      { n: '1', name: 'K9 Grant v. Roe', court: 'scotus', cite: '501 U.S. 1', prong1: 'not_reached', date: '2005-01-01', factors: ['force.k9_bite'] },
      { n: '3', name: 'Citer v. Roe', date: '2010-01-01', factors: ['force.k9_bite'], relies: ['501 U.S. 1'] },
    ]);
    expect(r.precedents.find((p) => p.case_name === 'K9 Grant v. Roe')!.components.reliance).toBeGreaterThan(0);
  });
});

describe('procedural posture', () => {
  it('scores a decision decided in the incident’s posture higher than the same decision for another posture', async () => {
    // The fixture codes every decision as decided on interlocutory appeal.
    const decisions: FakeDecision[] = [{ n: '1', name: 'Same v. Roe', factors: ['force.k9_bite', 'subject.surrendered_hands_up'] }];
    const onAppeal = (await find(decisions, { ...k9HandsUp, posture: 'interlocutory_appeal' })).precedents[0]!;
    await store?.close();
    const atJudgment = (await find(decisions, { ...k9HandsUp, posture: 'summary_judgment' })).precedents[0]!;
    expect(onAppeal.components.posture).toBe(1);
    expect(atJudgment.components.posture).toBe(0);
    expect(onAppeal.score).toBeGreaterThan(atJudgment.score);
    expect(onAppeal.score).toBeLessThanOrEqual(1);
  });
});
