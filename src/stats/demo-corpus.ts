/**
 * A small FICTIONAL coded corpus for demonstrating and testing `clearly stats`: invented cases ("Doe 12 v. Roe 12")
 * in four circuits with outcome counts chosen by hand, so every rate is known in advance. Its numbers describe
 * nothing real and must never be presented as findings. Written with `npx tsx eval/stats-demo.ts DB`.
 */
import type { CaseInput, Store } from '../store/index.js';

/** Per circuit: how many decisions of each result. Totals: 38 granted, 22 denied, 2 mixed, 3 excluded. */
export const DEMO_COUNTS: Record<string, { granted: number; denied: number; mixed: number; excluded: number }> = {
  '5': { granted: 14, denied: 4, mixed: 1, excluded: 1 },
  '6': { granted: 8, denied: 6, mixed: 1, excluded: 0 },
  '9': { granted: 7, denied: 9, mixed: 0, excluded: 2 },
  '11': { granted: 9, denied: 3, mixed: 0, excluded: 0 },
};

const CODES = {
  granted: ['REVERSE_DENIAL', 'AFFIRM_GRANT'],
  denied: ['AFFIRM_DENIAL', 'REVERSE_GRANT'],
  mixed: ['AFFIRM_IN_PART_REVERSE_IN_PART'],
  excluded: ['VACATE_AND_REMAND'],
} as const;
const FORCES = ['force.firearm', 'force.taser_probe', 'force.k9_bite', 'force.takedown', 'force.firearm', 'force.strikes_kicks'];
const POSTURES = ['interlocutory_appeal', 'summary_judgment', 'interlocutory_appeal', 'motion_to_dismiss'];
const RIGHTS = ['fourth_amendment_excessive_force', 'fourth_amendment_excessive_force', 'fourth_amendment_false_arrest'];

export interface DemoDecision {
  n: number;
  circuit: string;
  result: keyof typeof CODES;
  outcome: string;
  year: number;
  force: string;
  waistband: boolean;
}

/** The demo decisions, in a fixed order (the same every run). */
export function demoDecisions(): DemoDecision[] {
  const out: DemoDecision[] = [];
  let n = 0;
  for (const [circuit, counts] of Object.entries(DEMO_COUNTS)) {
    for (const result of ['granted', 'denied', 'mixed', 'excluded'] as const) {
      for (let i = 0; i < counts[result]; i++, n++) {
        const force = FORCES[n % FORCES.length]!;
        out.push({
          n, circuit, result, outcome: CODES[result][i % CODES[result].length]!, year: 2010 + ((n * 7) % 12), force,
          // Every third shooting carries the claim, more often among grants: a pattern to show, not a finding.
          waistband: force === 'force.firearm' && (result === 'granted' ? n % 2 === 0 : n % 3 === 0),
        });
      }
    }
  }
  return out;
}

/** Writes the demo cases and their codings (plus two coded cases that do not decide QI) into the store. */
export async function writeDemoCorpus(store: Store): Promise<{ decisions: number }> {
  const ds = demoDecisions();
  const cases: CaseInput[] = [...ds.map((d) => ({ n: d.n, circuit: d.circuit, year: d.year })), { n: 900, circuit: '5', year: 2015 }, { n: 901, circuit: '9', year: 2016 }]
    .map(({ n, circuit, year }) => ({
      source: 'demo', source_id: `demo:${n}`, case_name: `Doe ${n} v. Roe ${n} (fictional demo case)`, court_id: `ca${circuit}`,
      circuit, decision_date: `${year}-06-15`, precedential_status: 'published',
      opinions: [{ source_id: `demo-op:${n}`, type: 'majority', text: 'Fictional demonstration opinion. Not a real case.' }],
    }));
  const { ids } = await store.upsertCases({ cases });
  for (const [i, d] of ds.entries()) {
    await store.putQiCoding({ case_id: ids[i]!, coder: d.n % 5 === 0 ? 'human' : 'machine', coding: {
      decides_qi: true, outcome: d.outcome, prong1: null, prong2: null,
      posture: POSTURES[d.n % POSTURES.length]!, right: RIGHTS[d.n % RIGHTS.length]!,
      factors: [{ id: d.force, evidence: 'Fictional demo evidence.', confidence: 1 }], precedents: [],
      officer_claims: d.waistband ? [{ id: 'reached_for_waistband', evidence: 'Fictional demo evidence.' }] : [],
      coded_by: { coder: d.n % 5 === 0 ? 'human' : 'machine', method: 'demo-corpus' },
    } });
  }
  for (const id of ids.slice(ds.length)) {
    await store.putQiCoding({ case_id: id, coder: 'machine', coding: { decides_qi: false, outcome: null, factors: [], precedents: [], coded_by: { coder: 'machine', method: 'demo-corpus' } } });
  }
  return { decisions: ds.length };
}
