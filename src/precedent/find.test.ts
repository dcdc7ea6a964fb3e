import { afterEach, describe, expect, it } from 'vitest';
import { opinionIdFor, type Store } from '../store/index.js';
import { findPrecedents } from './find.js';
import { given, storeWith, testIncident, testRules, type FakeDecision } from './test-fixtures.js';

let store: Store | undefined;
afterEach(async () => { await store?.close(); store = undefined; });

const rules = testRules();
const k9HandsUp = testIncident({ factors: given('force.k9_bite', 'subject.surrendered_hands_up', 'offense.nonviolent_felony') });

async function find(decisions: FakeDecision[], incident = k9HandsUp, opts = {}) {
  store = await storeWith(decisions);
  const seeds = (await store.listCases({ limit: 1000 })).items.map((c) => c.id);
  return findPrecedents(store, incident, rules, { seedIds: seeds, ...opts });
}
const names = (r: Awaited<ReturnType<typeof find>>): string[] => r.precedents.map((p) => p.case_name);

describe('ranking by factual similarity', () => {
  it('ranks a decision sharing the force and the subject state above one sharing only the force', async () => {
    const r = await find([
      { n: '1', name: 'Force Only v. Roe', factors: ['force.k9_bite', 'subject.armed_knife'] },
      { n: '2', name: 'Same Facts v. Roe', factors: ['force.k9_bite', 'subject.surrendered_hands_up'] },
      { n: '3', name: 'Unrelated v. Roe', factors: ['force.firearm', 'subject.armed_knife'] },
    ]);
    expect(names(r).slice(0, 2)).toEqual(['Same Facts v. Roe', 'Force Only v. Roe']);
    expect(r.precedents[0]!.matched_factors).toEqual(['force.k9_bite', 'subject.surrendered_hands_up']);
    expect(names(r)).not.toContain('Unrelated v. Roe');
  });

  it('weighs a distinguishing pair as material: hands up vs lying down (Baxter v. Campbell)', async () => {
    const r = await find([
      { n: '1', name: 'Lying Down v. Roe', factors: ['force.k9_bite', 'subject.surrendered_prone', 'offense.nonviolent_felony'] },
      { n: '2', name: 'Hands Up v. Roe', factors: ['force.k9_bite', 'subject.surrendered_hands_up'] },
    ]);
    expect(names(r)).toEqual(['Hands Up v. Roe', 'Lying Down v. Roe']);
    const lying = r.precedents[1]!;
    expect(lying.distinguishing_factors).toEqual(['subject.surrendered_prone']);
    expect(lying.distinctions[0]).toMatchObject({ incident_factor: 'subject.surrendered_hands_up', note: 'sitting with hands up vs lying down' });
    expect(lying.components.penalty).toBeGreaterThan(0);
  });

  it('breaks a factor tie on the text of the facts', async () => {
    const incident = testIncident({ facts: 'The dog bit his forearm in the backyard of the warehouse', factors: given('force.k9_bite') });
    const r = await find([
      { n: '1', name: 'Plain v. Roe', factors: ['force.k9_bite'], holding: 'A dog was used during an arrest.' },
      { n: '2', name: 'Warehouse v. Roe', factors: ['force.k9_bite'], holding: 'The dog bit the forearm of a man in the warehouse backyard.' },
    ], incident);
    expect(names(r)[0]).toBe('Warehouse v. Roe');
    expect(r.precedents[0]!.components.text).toBeGreaterThan(r.precedents[1]!.components.text);
  });

  it('ranks higher authority first on equal facts: Supreme Court, own circuit, other circuit', async () => {
    const facts = ['force.k9_bite', 'subject.surrendered_hands_up'];
    const r = await find([
      { n: '1', name: 'Other Circuit v. Roe', court: 'ca9', circuit: '9', factors: facts },
      { n: '2', name: 'Supreme v. Roe', court: 'scotus', factors: facts },
      { n: '3', name: 'Own Circuit v. Roe', court: 'ca6', factors: facts },
    ]);
    expect(names(r)).toEqual(['Supreme v. Roe', 'Own Circuit v. Roe', 'Other Circuit v. Roe']);
    expect(r.precedents.map((p) => p.relation_to_incident)).toEqual(['controlling', 'controlling', 'persuasive_consensus']);
  });

  it('lists eligible precedents first, then close but ineligible ones with their reasons', async () => {
    const facts = ['force.k9_bite', 'subject.surrendered_hands_up'];
    const r = await find([
      { n: '1', name: 'Unpublished v. Roe', status: 'unpublished', factors: facts },
      { n: '2', name: 'Later v. Roe', date: '2020-05-01', factors: facts },
      { n: '3', name: 'Prong Two v. Roe', prong1: 'not_reached', factors: facts },
      { n: '4', name: 'Eligible v. Roe', factors: ['force.k9_bite'] },
    ]);
    expect(r.precedents[0]).toMatchObject({ case_name: 'Eligible v. Roe', eligible: true, rank: 1 });
    const close = r.precedents.slice(1);
    expect(close.every((p) => !p.eligible && p.ineligible_reason)).toBe(true);
    expect(close.map((p) => p.rank)).toEqual([2, 3, 4]);
    expect(Object.fromEntries(close.map((p) => [p.case_name, p.ineligible_reason]))).toMatchObject({
      'Unpublished v. Roe': expect.stringMatching(/unpublished/),
      'Later v. Roe': expect.stringMatching(/after the incident/),
      'Prong Two v. Roe': expect.stringMatching(/prong 1 not reached/),
    });
  });

  it('halves the score of a decision about another right', async () => {
    const facts = ['force.k9_bite', 'subject.surrendered_hands_up'];
    const r = await find([
      { n: '1', name: 'Search v. Roe', factors: facts, right: 'fourth_amendment_unlawful_search' },
      { n: '2', name: 'Force v. Roe', factors: facts },
    ]);
    expect(names(r)).toEqual(['Force v. Roe', 'Search v. Roe']);
    expect(r.precedents[1]!.flags.join(' ')).toMatch(/different right/);
  });

  it('ranks a decision relied on by earlier decisions above an equal one nobody relied on; later citers do not count', async () => {
    const facts = ['force.k9_bite', 'subject.surrendered_hands_up'];
    const r = await find([
      { n: '1', name: 'Alone v. Roe', cite: '701 F.4th 1', factors: facts },
      { n: '2', name: 'Leading v. Roe', cite: '702 F.4th 2', factors: facts },
      { n: '3', name: 'Citer v. Roe', date: '2015-01-01', factors: ['offense.misdemeanor'], relies: ['702 F.4th 2'] },
      { n: '4', name: 'Later Citer v. Roe', date: '2020-01-01', factors: ['offense.misdemeanor'], relies: ['701 F.4th 1', '701 F. 4th 1'] },
    ]);
    expect(names(r).slice(0, 2)).toEqual(['Leading v. Roe', 'Alone v. Roe']);
    expect(r.precedents.map((p) => p.components.reliance).slice(0, 2)).toEqual([0.431, 0]);
  });

  it('shows a decision handed down after the incident below an equally close one that was the law at the time', async () => {
    const facts = ['force.k9_bite', 'subject.surrendered_hands_up'];
    const r = await find([
      { n: '1', name: 'After v. Roe', date: '2020-05-01', factors: facts },
      { n: '2', name: 'Before Unpublished v. Roe', status: 'unpublished', factors: facts },
    ]);
    expect(names(r)).toEqual(['Before Unpublished v. Roe', 'After v. Roe']);
    expect(r.precedents.every((p) => !p.eligible)).toBe(true);
  });

  it('with no force or subject fact in the incident, lists earlier Supreme Court fact decisions on the same right', async () => {
    const decisions = [
      { n: '1', name: 'Supreme Shooting v. Roe', court: 'scotus', prong1: 'no_violation' as const, factors: ['force.firearm', 'subject.armed_knife'] },
      { n: '2', name: 'Circuit Shooting v. Roe', factors: ['force.firearm', 'subject.armed_knife'] },
      { n: '3', name: 'Supreme Search v. Roe', court: 'scotus', prong1: 'no_violation' as const, factors: ['subject.armed_knife'], right: 'fourth_amendment_unlawful_search' },
      { n: '4', name: 'Supreme Later v. Roe', court: 'scotus', date: '2020-01-01', prong1: 'no_violation' as const, factors: ['force.firearm'] },
      { n: '5', name: 'Supreme Standard v. Roe', court: 'scotus', prong1: 'no_violation' as const, factors: [] },
    ];
    // The fixture codes a no-violation decision as a grant, so the factless one is listed too, as a Supreme Court grant.
    expect(names(await find(decisions, testIncident({ factors: given('setting.home') })))).toEqual(['Supreme Shooting v. Roe', 'Supreme Standard v. Roe']);
    await store?.close();
    // An incident with facts of its own is compared on them: no shared force or subject fact, so only the earlier
    // Supreme Court grants on the same right are listed (what the defense will cite) — not the circuit decision,
    // not the one on another right, not the later one.
    const r = await find(decisions, k9HandsUp);
    expect(names(r)).toEqual(['Supreme Shooting v. Roe', 'Supreme Standard v. Roe']);
    expect(r.precedents.every((p) => !p.eligible && p.flags.some((f) => /defense will cite/.test(f)))).toBe(true);
  });

  it('keeps earlier Supreme Court grants listed when factually closer decisions fill the close list', async () => {
    const closer = Array.from({ length: 12 }, (_, i) => ({
      n: String(i + 1), name: `Closer ${i + 1} v. Roe`, prong1: 'no_violation' as const, factors: ['force.k9_bite', 'subject.surrendered_hands_up'],
    }));
    const grant = { n: '99', name: 'Supreme Grant v. Roe', court: 'scotus', prong1: 'not_reached' as const, factors: ['force.firearm'] };
    const r = await find([...closer, grant]);
    const close = r.precedents.filter((p) => !p.eligible);
    expect(close).toHaveLength(11);
    expect(close.at(-1)!.case_name).toBe('Supreme Grant v. Roe');
    expect(close.filter((p) => p.case_name.startsWith('Closer'))).toHaveLength(10);
  });

  it('never returns an excluded decision (leave-one-out)', async () => {
    store = await storeWith([{ n: '1', factors: ['force.k9_bite'] }, { n: '2', factors: ['force.k9_bite'] }]);
    const ids = (await store.listCases({})).items.map((c) => c.id);
    const r = await findPrecedents(store, k9HandsUp, rules, { seedIds: ids, exclude: new Set([ids[0]!]) });
    expect(r.precedents.map((p) => p.case_id)).toEqual([ids[1]]);
  });

  it('finds decisions through full-text search without seeds', async () => {
    const incident = testIncident({ facts: 'a police dog bit the man', factors: given('force.k9_bite') });
    store = await storeWith([{ n: '1', name: 'Search Hit v. Roe', factors: ['force.k9_bite'], text: 'The police dog bit the plaintiff.' }]);
    const r = await findPrecedents(store, incident, rules);
    expect(r.precedents.map((p) => p.case_name)).toEqual(['Search Hit v. Roe']);
  });
});

describe('robust consensus and the obvious-case note', () => {
  it('counts distinct other circuits with eligible, materially similar decisions', async () => {
    const facts = ['force.k9_bite', 'subject.surrendered_hands_up'];
    const r = await find([
      { n: '1', court: 'ca9', circuit: '9', factors: facts },
      { n: '2', court: 'ca9', circuit: '9', factors: facts },
      { n: '3', court: 'ca11', circuit: '11', factors: facts },
      { n: '4', court: 'ca10', circuit: '10', factors: ['force.k9_bite', 'subject.surrendered_prone'] },
      { n: '5', court: 'ca8', circuit: '8', status: 'unpublished', factors: facts },
    ]);
    expect(r.consensus).toMatchObject({ circuits: ['11', '9'], count: 2 });
    expect(r.consensus.admitted.value).toBe('consensus');
  });

  it('calls the obvious case arguable only for force on a submissive subject with no stated threat', async () => {
    expect((await find([], k9HandsUp)).obvious_case.arguable).toBe(true);
    const armed = testIncident({ factors: given('force.k9_bite', 'subject.surrendered_hands_up', 'subject.reaching') });
    const note = (await find([], armed)).obvious_case;
    expect(note.arguable).toBe(false);
    expect(note.reason).toMatch(/subject\.reaching/);
    expect(note.reason).toMatch(/split-second/);
  });
});

describe('general standards', () => {
  it('lists binding standard-setting decisions without fact factors, most relied on first, not counting excluded citers', async () => {
    store = await storeWith([
      { n: '1', name: 'Standard A v. Roe', court: 'scotus', factors: [], prong1: null as never, date: '1990-01-01' },
      { n: '2', name: 'Standard B v. Roe', court: 'scotus', factors: [], prong1: null as never, date: '1995-01-01' },
      { n: '3', name: 'Later Standard v. Roe', court: 'scotus', factors: [], prong1: null as never, date: '2020-01-01' },
      { n: '4', name: 'Other Right v. Roe', court: 'scotus', factors: [], prong1: null as never, right: 'first_amendment_retaliation' },
      { n: '5', name: 'Citer v. Roe', factors: ['force.k9_bite'] },
      { n: '6', name: 'Hidden v. Roe', factors: ['force.k9_bite'] },
    ]);
    const ids = (await store.listCases({})).items.map((c) => c.id);
    const cite = (n: string, targets: string[]) => store!.replaceCitationLinks(opinionIdFor('test', `op:${n}`), targets.map((t) => ({ text: 'x', cited_case_id: t })));
    await cite('5', [ids[1]!]);
    await cite('6', [ids[0]!, ids[1]!]);
    await cite('1', [ids[1]!]);
    const r = await findPrecedents(store, k9HandsUp, rules, { seedIds: ids, exclude: new Set([ids[5]!]) });
    expect(r.standards.map((x) => [x.case_name, x.cited_by])).toEqual([['Standard B v. Roe', 2], ['Standard A v. Roe', 0]]);
  });
});
