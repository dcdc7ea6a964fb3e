/**
 * Test fixtures for the finder, the assessment and the brief check: a small rule set written here (so tests do
 * not move when the project's rules data is corrected) and fictional decisions (Doe v. Roe style names, invented
 * volumes) in a temporary store. Nothing here is law.
 */
import type { FactorHit, QiCoding } from '../qi/types.js';
import { openStore, type CaseInput, type Store } from '../store/index.js';
import type { CircuitSourceRule, FactorInfo, Incident, Rules, SourceSetting, SourceValue } from './types.js';

const set = (value: SourceValue, verified = true): SourceSetting => ({ value, verified, note: null });

export function testRule(circuit: string, over: Partial<CircuitSourceRule> = {}): CircuitSourceRule {
  return {
    circuit, verified: true, rule_cases: [], source: 'test fixture',
    own_published: set('controlling'), state_high_court: set('not_admitted'), state_intermediate: set('weight_only'),
    out_of_circuit: set('consensus'), unpublished: set('weight_only'), district_court: set('weight_only'),
    ...over,
  };
}

const FACTORS: FactorInfo[] = [
  ['force.k9_bite', 'Police-dog bite', ['G2', 'G3']], ['force.taser_probe', 'Taser, dart mode', ['G2', 'G3']],
  ['force.taser_repeated', 'Taser, multiple cycles', ['GT']], ['force.firearm', 'Shooting', ['G2']],
  ['force.strikes_kicks', 'Punches, kicks', ['G2', 'G3']], ['force.restraint_conditions', 'Hitching post', ['route']],
  ['subject.surrendered_hands_up', 'Surrendered, hands raised', ['G2', 'G3']], ['subject.surrendered_prone', 'Surrendered lying down', ['G2', 'G3']],
  ['subject.compliant', 'Compliant', ['G3']], ['subject.armed_knife', 'Holding knife', ['G2']], ['subject.reaching', 'Reaching to waistband', ['G2']],
  ['subject.active_resistance', 'Actively resisting', ['G3']], ['subject.detainee', 'Pretrial detainee', ['route']],
  ['offense.nonviolent_felony', 'Burglary, theft', ['G1']], ['offense.misdemeanor', 'Minor offense', ['G1']],
  ['setting.home', 'Home', ['GT']], ['proc.video', 'Video', ['PROC']], ['proc.disputed_facts', 'Disputed facts', ['PROC']],
].map(([id, label, bears_on]) => ({ id: id as string, label: label as string, bears_on: bears_on as string[] }));

/** Words → factor, the way a coder would read them; enough for tests of the "read from which words" table. */
const LEXICON: [RegExp, string][] = [
  [/police dog|k-?9|canine/i, 'force.k9_bite'], [/hands (raised|up)/i, 'subject.surrendered_hands_up'],
  [/lying (down|on the ground)/i, 'subject.surrendered_prone'], [/taser/i, 'force.taser_probe'],
  [/burglary/i, 'offense.nonviolent_felony'], [/waistband/i, 'subject.reaching'], [/video/i, 'proc.video'],
];

const RIGHTS = ['fourth_amendment_excessive_force', 'fourteenth_amendment_excessive_force', 'fourth_amendment_unlawful_search', 'fourth_amendment_false_arrest'];

export function testRules(over: { rules?: Record<string, CircuitSourceRule> } = {}): Rules {
  const rules: Record<string, CircuitSourceRule> = {
    '11': testRule('11', { state_high_court: set('controlling'), out_of_circuit: set('not_admitted') }),
    ...over.rules,
  };
  return {
    circuitRule: (c) => rules[c] ?? testRule(c),
    recentDays: () => 60,
    factor: (id) => FACTORS.find((f) => f.id === id),
    factorIds: () => FACTORS.map((f) => f.id),
    grahamFactors: () => [{ code: 'G1', label: 'Severity of the crime' }, { code: 'G2', label: 'Immediate threat' }, { code: 'G3', label: 'Resisting or fleeing' }, { code: 'GT', label: 'Totality' }],
    distinguishingPairs: () => [
      { a: 'subject.surrendered_hands_up', b: 'subject.surrendered_prone', note: 'sitting with hands up vs lying down', source: 'test', verified: true },
      { a: 'subject.compliant', b: 'subject.active_resistance', note: 'compliant vs resisting', source: 'test', verified: false },
    ],
    right: (id) => (RIGHTS.includes(id) ? { id, label: id.replace(/_/g, ' ') } : undefined),
    rightIds: () => RIGHTS,
    factorsFromText(text: string): FactorHit[] {
      const out: FactorHit[] = [];
      for (const [re, id] of LEXICON) {
        const m = re.exec(text);
        if (m) out.push({ id, evidence: m[0], confidence: 0.8, span: [m.index, m.index + m[0].length] });
      }
      return out;
    },
  };
}

export function testIncident(over: Partial<Incident> = {}): Incident {
  return {
    date: '2019-03-02', state: 'OH', district: null, circuit: '6', actor: null, right: 'fourth_amendment_excessive_force',
    facts: null, factors: [], posture: null, ...over,
  };
}

export const given = (...ids: string[]): Incident['factors'] => ids.map((id) => ({ id, from: 'given' as const, confidence: 1 }));

export interface FakeDecision {
  n: string;
  name?: string;
  court?: string;
  circuit?: string | null;
  date?: string;
  status?: CaseInput['precedential_status'];
  cite?: string;
  history?: string | null;
  prong1?: QiCoding['prong1'];
  factors?: string[];
  holding?: string;
  text?: string;
  coder?: 'machine' | 'human';
  right?: string;
  coded?: boolean;
  /** Citations its clearly-established analysis relied on (coding `precedents`). */
  relies?: string[];
}

export function codingFor(d: FakeDecision): QiCoding & { holding?: string } {
  return {
    decides_qi: true, outcome: d.prong1 === 'violation' ? 'AFFIRM_DENIAL' : 'REVERSE_DENIAL', prong1: d.prong1 ?? 'violation',
    prong2: d.prong1 === 'violation' || d.prong1 === undefined ? 'clearly_established' : 'not_clearly_established',
    posture: 'interlocutory_appeal', right: d.right ?? 'fourth_amendment_excessive_force',
    factors: (d.factors ?? []).map((id) => ({ id, evidence: `The record shows ${id.split('.')[1]!.replace(/_/g, ' ')}.`, confidence: 0.9 })),
    precedents: (d.relies ?? []).map((citation) => ({ citation, case_name: null, relation: 'relied_on' as const })),
    coded_by: { coder: d.coder ?? 'human', method: 'test' },
    ...(d.holding ? { holding: d.holding } : {}),
  };
}

export async function storeWith(decisions: FakeDecision[]): Promise<Store> {
  const store = await openStore({ db: ':memory:', env: {} });
  await addDecisions(store, decisions);
  return store;
}

export async function addDecisions(store: Store, decisions: FakeDecision[]): Promise<string[]> {
  const cases: CaseInput[] = decisions.map((d) => {
    const [volume, ...rest] = (d.cite ?? `${100 + Number(d.n)} F.4th ${d.n}`).split(' ');
    const page = rest.pop()!;
    return {
      source: 'test', source_id: `case:${d.n}`, case_name: d.name ?? `Doe${d.n} v. Roe${d.n}`, court_id: d.court ?? 'ca6',
      circuit: d.circuit === undefined ? (d.court === 'scotus' ? null : '6') : d.circuit, decision_date: d.date ?? '2012-11-29',
      precedential_status: d.status ?? 'published', citations: [{ volume: volume!, reporter: rest.join(' '), page }],
      subsequent_history: d.history ?? null,
      opinions: [{ source_id: `op:${d.n}`, type: 'majority', text: d.text ?? d.holding ?? `Opinion ${d.n}.` }],
    };
  });
  const { ids } = await store.upsertCases({ cases });
  for (const [k, d] of decisions.entries()) {
    if (d.coded === false) continue;
    await store.putQiCoding({ case_id: ids[k]!, coder: d.coder ?? 'human', coding: codingFor(d) as never });
  }
  return ids;
}
