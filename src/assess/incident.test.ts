import { describe, expect, it } from 'vitest';
import { ClearlyError } from '../errors/index.js';
import { testRules } from '../precedent/test-fixtures.js';
import { toIncident } from './incident.js';
import { rawFromFlags, readIncidentText } from './incident-source.js';

const rules = testRules();
const read = (yaml: string) => toIncident(readIncidentText(yaml, 'incident.yaml'), rules, { today: '2025-01-01' });

function error(fn: () => unknown): ClearlyError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ClearlyError);
    return e as ClearlyError;
  }
  throw new Error('expected an error');
}

describe('incident files', () => {
  it('reads YAML, derives the circuit from the state and codes the facts', () => {
    const inc = read('date: 2019-03-02\nstate: Ohio\nfacts: An officer released a police dog on a man sitting with his hands raised.\n');
    expect(inc).toMatchObject({ date: '2019-03-02', state: 'OH', circuit: '6', right: 'fourth_amendment_excessive_force', actor: null });
    expect(inc.factors.map((f) => [f.id, f.from, f.evidence])).toEqual([
      ['force.k9_bite', 'facts', 'police dog'],
      ['subject.surrendered_hands_up', 'facts', 'hands raised'],
    ]);
  });

  it('reads the same incident as JSON, and a district court gives state and circuit', () => {
    const inc = read('{"date": "2019-03-02", "district": "S.D. Ohio", "factors": ["force.k9_bite"], "posture": "summary judgment"}');
    expect(inc).toMatchObject({ district: 'ohsd', state: 'OH', circuit: '6', posture: 'summary_judgment' });
    expect(inc.factors).toEqual([{ id: 'force.k9_bite', from: 'given', confidence: 1 }]);
  });

  it('lets given factors override and -id remove what the coder read', () => {
    const inc = read('date: 2019-03-02\ncircuit: 6th Cir.\nfacts: police dog; he reached for his waistband\nfactors: [-subject.reaching, subject.compliant]\n');
    expect(inc.factors.map((f) => f.id)).toEqual(['subject.compliant', 'force.k9_bite']);
  });

  it('accepts a unique right suffix', () => {
    expect(read('date: 2019-03-02\nstate: OH\nfactors: [force.k9_bite]\nright: false arrest\n').right).toBe('fourth_amendment_false_arrest');
  });

  it('names the field and line of each problem', () => {
    const unknown = error(() => read('date: 2019-03-02\nstate: Ohio\nfact: typo\n'));
    expect(unknown.code).toBe('bad_data');
    expect(unknown.message).toMatch(/field fact: unknown field/);
    expect(unknown.location).toEqual({ file: 'incident.yaml', line: 3 });
    expect(unknown.hint).toMatch(/date, state, district/);

    const badDate = error(() => read('state: Ohio\ndate: 2019-02-30\nfactors: [force.k9_bite]\n'));
    expect(badDate.message).toMatch(/field date: "2019-02-30" is not a date/);
    expect(badDate.location?.line).toBe(2);

    const badFactor = error(() => read('date: 2019-03-02\nstate: Ohio\nfactors:\n  - force.k9_bite\n  - force.k9\n'));
    expect(badFactor.message).toMatch(/factors\[1\]: unknown factor id "force.k9"/);
    expect(badFactor.location?.line).toBe(5);
    expect(badFactor.hint).toMatch(/force.k9_bite/);
  });

  it('rejects places that do not add up', () => {
    expect(error(() => read('date: 2019-03-02\nstate: Ohio\ncircuit: 9\nfactors: [force.k9_bite]\n')).message).toMatch(/circuit 9 contradicts the place: OH is in the 6 circuit/);
    expect(error(() => read('date: 2019-03-02\nstate: Ohoi\nfactors: [force.k9_bite]\n')).message).toMatch(/field state: "Ohoi" is not a U.S. state/);
    expect(error(() => read('date: 2019-03-02\nfactors: [force.k9_bite]\n')).message).toMatch(/needs a place/);
    expect(error(() => read('date: 2019-03-02\nstate: Ohio\ndistrict: D. Mass.\nfactors: [force.k9_bite]\n')).message).toMatch(/sits in MA, but state is OH/);
  });

  it('rejects a future date, a missing date, no facts at all, bad enums and non-objects', () => {
    expect(error(() => read('date: 2030-01-01\nstate: OH\nfactors: [force.k9_bite]\n')).message).toMatch(/in the future/);
    expect(error(() => read('state: OH\nfactors: [force.k9_bite]\n')).message).toMatch(/field date: missing/);
    expect(error(() => read('date: 2019-03-02\nstate: OH\n')).message).toMatch(/give the facts/);
    expect(error(() => read('date: 2019-03-02\nstate: OH\nfactors: [force.k9_bite]\nactor: sheriff\n')).message).toMatch(/field actor/);
    expect(error(() => read('date: 2019-03-02\nstate: OH\nfactors: [force.k9_bite]\nright: excessive force\n')).message).toMatch(/ambiguous/);
    expect(error(() => read('- just\n- a list\n')).message).toMatch(/must be an object/);
    const broken = error(() => read('date: [2019\nstate: OH\n'));
    expect(broken.message).toMatch(/not valid YAML or JSON/);
  });

  it('takes the same fields as flags, without line numbers', () => {
    const inc = toIncident(rawFromFlags({ date: '2019-03-02', state: 'GA', factors: 'force.k9_bite,subject.compliant' }), rules, { today: '2025-01-01' });
    expect(inc).toMatchObject({ circuit: '11', state: 'GA', origin: 'command-line flags' });
    expect(inc.factors.map((f) => f.id)).toEqual(['force.k9_bite', 'subject.compliant']);
  });
});
