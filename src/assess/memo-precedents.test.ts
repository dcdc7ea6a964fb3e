import { describe, expect, it } from 'vitest';
import type { RankedPrecedent } from '../precedent/types.js';
import { testIncident } from '../precedent/test-fixtures.js';
import { plain, type Block } from './blocks.js';
import { closeBlocks } from './memo-precedents.js';
import type { Assessment } from './types.js';

function precedent(over: Partial<RankedPrecedent>): RankedPrecedent {
  return {
    case_id: over.case_name ?? 'x', case_name: 'X v. Y', citation: '1 U.S. 1', court: 'U.S. Supreme Court', court_id: 'scotus', circuit: null,
    decision_date: '2018-04-02', eligible: false, ineligible_reason: 'prong 1 not coded', score: 0.2, matched_factors: [],
    distinguishing_factors: [], relation_to_incident: 'ineligible', rank: 1, standing: 'supreme_court', published: true, distinctions: [],
    missing_factors: [], partial_factors: [], extra_factors: [], flags: [], reasons: ['prong 1 not coded'],
    components: { factors: 0, text: 0, authority: 1, reliance: 0, posture: 0, penalty: 0 }, outcome: 'SCOTUS_SUMMARY_REVERSAL', prong1: null,
    prong2: 'not_clearly_established', holding: 'Not shown to violate clearly established law.', support: [], coder: 'human', source_url: null, ...over,
  };
}

const tables = (blocks: Block[]): string[][] => blocks.filter((x) => x.kind === 'table').map((t) => (t as { rows: unknown[][] }).rows.map((r) => plain(r[1] as never)));

describe('the close-but-ineligible section', () => {
  const incident = testIncident({ date: '2019-03-02' });
  const close = precedent({ case_name: 'Hands Up v. Roe', court_id: 'ca6', court: '6th Cir.', standing: 'own_circuit', matched_factors: ['force.k9_bite'], rank: 2 });
  const grant = precedent({ case_name: 'Knife Grant v. Roe', rank: 3 });
  const later = precedent({ case_name: 'Later Grant v. Roe', decision_date: '2021-01-01', rank: 4 });

  it('lists Supreme Court grants sharing no fact apart from the decisions close on the facts', () => {
    const blocks = closeBlocks({ incident, precedents: [close, grant, later] } as unknown as Assessment);
    const [onFacts, grants] = tables(blocks);
    expect(onFacts!.join(' ')).toMatch(/Hands Up v\. Roe/);
    expect(onFacts!.join(' ')).toMatch(/Later Grant v\. Roe/);
    expect(grants!.join(' ')).toMatch(/Knife Grant v\. Roe/);
    expect(grants!.join(' ')).not.toMatch(/Hands Up|Later Grant/);
    expect(blocks.map((x) => (x.kind === 'p' ? plain(x.runs) : '')).join(' ')).toMatch(/defense will cite them/);
  });

  it('says "None." for the close list when only such grants are listed, and still shows them', () => {
    const blocks = closeBlocks({ incident, precedents: [grant] } as unknown as Assessment);
    expect(blocks.some((x) => x.kind === 'p' && plain(x.runs) === 'None.')).toBe(true);
    expect(tables(blocks)[0]!.join(' ')).toMatch(/Knife Grant v\. Roe/);
  });
});
