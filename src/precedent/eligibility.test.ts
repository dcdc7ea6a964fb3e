import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../store/index.js';
import { eligibility } from './eligibility.js';
import { codingFor, testIncident, testRule } from './test-fixtures.js';

function decision(over: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id: 'c1', source: 'test', source_id: 'c1', case_name: 'Doe v. Roe', case_name_short: null, court_id: 'ca6', circuit: '6',
    decision_date: '2012-11-29', docket_number: null, precedential_status: 'published', citations: [], disposition: null,
    subsequent_history: null, inferred: {}, source_url: null, ...over,
  };
}
const violation = codingFor({ n: '1', prong1: 'violation' });
const incident = testIncident(); // 2019-03-02, Ohio, 6th Cir.
const rule6 = testRule('6');

describe('eligibility: timing (doctrine.md §1.5)', () => {
  it('admits a published own-circuit decision holding a violation, decided before the incident', () => {
    const e = eligibility(decision(), violation, incident, rule6);
    expect(e).toMatchObject({ eligible: true, reason: null, relation: 'controlling', standing: 'own_circuit' });
  });

  it('rejects a decision made after the incident, or on the same day', () => {
    expect(eligibility(decision({ decision_date: '2019-03-03' }), violation, incident, rule6).reason).toMatch(/after the incident/);
    expect(eligibility(decision({ decision_date: '2019-03-02' }), violation, incident, rule6).reason).toMatch(/day of the incident/);
    expect(eligibility(decision({ decision_date: null }), violation, incident, rule6).reason).toMatch(/date unknown/);
  });

  it('flags a decision made only days before the incident but keeps it eligible (Bryan)', () => {
    const e = eligibility(decision({ decision_date: '2019-02-27' }), violation, incident, rule6, 60);
    expect(e.eligible).toBe(true);
    expect(e.flags.join(' ')).toMatch(/recent: decided 3 days before/);
    expect(eligibility(decision({ decision_date: '2018-01-01' }), violation, incident, rule6, 60).flags.join(' ')).not.toMatch(/recent/);
  });
});

describe('eligibility: sources admitted by the circuit (doctrine.md §2.1)', () => {
  it('counts the Supreme Court everywhere', () => {
    const e = eligibility(decision({ court_id: 'scotus', circuit: null }), violation, incident, rule6);
    expect(e).toMatchObject({ eligible: true, relation: 'controlling', standing: 'supreme_court' });
  });

  it('rejects unpublished and district-court opinions with the reason', () => {
    const unpub = eligibility(decision({ precedential_status: 'unpublished' }), violation, incident, rule6);
    expect(unpub.eligible).toBe(false);
    expect(unpub.reason).toMatch(/unpublished opinion.*weight only/);
    const district = eligibility(decision({ court_id: 'ohsd' }), violation, incident, rule6);
    expect(district).toMatchObject({ eligible: false, standing: 'district_court' });
    expect(district.reason).toMatch(/district-court opinion/);
  });

  it('counts other circuits only toward a consensus, and not at all in the 11th Cir.', () => {
    const other = eligibility(decision({ court_id: 'ca11', circuit: '11' }), violation, incident, rule6);
    expect(other).toMatchObject({ eligible: true, relation: 'persuasive_consensus', standing: 'other_circuit' });
    const in11 = testIncident({ state: 'GA', circuit: '11' });
    const rule11 = testRule('11', { out_of_circuit: { value: 'not_admitted', verified: true, note: null } });
    const e = eligibility(decision(), violation, in11, rule11);
    expect(e.eligible).toBe(false);
    expect(e.reason).toMatch(/not a source/);
  });

  it('admits the highest court of the incident state where the rule says so (11th Cir.), not another state’s', () => {
    const in11 = testIncident({ state: 'GA', circuit: '11' });
    const rule11 = testRule('11', { state_high_court: { value: 'controlling', verified: true, note: null } });
    expect(eligibility(decision({ court_id: 'ga', circuit: '11' }), violation, in11, rule11)).toMatchObject({ eligible: true, standing: 'state_high_court' });
    expect(eligibility(decision({ court_id: 'fla', circuit: '11' }), violation, in11, rule11)).toMatchObject({ eligible: false, standing: 'state_court' });
    expect(eligibility(decision({ court_id: 'ohio', circuit: '6' }), violation, incident, rule6)).toMatchObject({ eligible: false, standing: 'state_high_court' });
  });

  it('says when the governing rule is an unverified default', () => {
    const rule = testRule('6', { own_published: { value: 'controlling', verified: false, note: null } });
    expect(eligibility(decision(), violation, incident, rule).flags.join(' ')).toMatch(/UNVERIFIED; the documented default/);
  });
});

describe('eligibility: good law on the incident date', () => {
  it('rejects a decision vacated or withdrawn before the incident', () => {
    const e = eligibility(decision({ subsequent_history: 'vacated, Jan. 5, 2015' }), violation, incident, rule6);
    expect(e.reason).toMatch(/vacated \(2015-01-05\) before the incident/);
    const bounded = eligibility(decision({ subsequent_history: JSON.stringify([{ type: 'withdrawn', date: null, not_later_than: '2016-07-02' }]) }), violation, incident, rule6);
    expect(bounded.eligible).toBe(false);
  });

  it('keeps a decision reversed only after the incident, with a note', () => {
    const e = eligibility(decision({ subsequent_history: "rev'd, 2021-10-18" }), violation, incident, rule6);
    expect(e.eligible).toBe(true);
    expect(e.flags.join(' ')).toMatch(/later history: reversed/);
  });

  it('ignores cert denials', () => {
    const e = eligibility(decision({ subsequent_history: 'cert. denied, 2013-05-01' }), violation, incident, rule6);
    expect(e).toMatchObject({ eligible: true, flags: [] });
  });
});

describe('eligibility: holding a violation (Pearson; doctrine.md §1.2)', () => {
  it('rejects a grant that never reached prong 1, a no-violation holding and an uncoded case', () => {
    expect(eligibility(decision(), codingFor({ n: '1', prong1: 'not_reached' }), incident, rule6).reason).toMatch(/prong 1 not reached/);
    expect(eligibility(decision(), codingFor({ n: '1', prong1: 'no_violation' }), incident, rule6).reason).toMatch(/did not violate/);
    expect(eligibility(decision(), null, incident, rule6).reason).toMatch(/not coded/);
  });

  it('lists every reason, the first one as the reason', () => {
    const e = eligibility(decision({ decision_date: '2020-01-01', precedential_status: 'unpublished' }), codingFor({ n: '1', prong1: 'not_reached' }), incident, rule6);
    expect(e.reasons).toHaveLength(3);
    expect(e.reason).toBe(e.reasons[0]);
  });

  it('asks to verify holdings read by the machine coder', () => {
    const e = eligibility(decision(), codingFor({ n: '1', prong1: 'violation', coder: 'machine' }), incident, rule6);
    expect(e.flags.join(' ')).toMatch(/machine coder/);
  });
});
