/**
 * Source-supplied links that name a record not stored yet (`cited_ref`): bound when it is written, whatever the
 * order, merged into the citing opinion's one supplied entry for that case. Part of the shared store suite.
 */
import { expect, it } from 'vitest';
import { caseIdFor, opinionIdFor } from './records.js';
import { caseInput } from './store-suite-fixtures.js';
import type { StoreGetter } from './store-suite.js';
import { NOT_IN_CORPUS, type CitationLink, type CitationLinkInput } from './types.js';

const A = caseIdFor('test', 'cluster:a');
const Z = caseIdFor('test', 'cluster:z');
const opA = opinionIdFor('test', 'opinion:a');

/** A supplied link (origin `test`) waiting for the record stored under `ref`. */
const waitingFor = (ref: string, over: Partial<CitationLinkInput> = {}): CitationLinkInput =>
  ({ text: `test ${ref}`, origin: 'test', unresolved_reason: NOT_IN_CORPUS, cited_ref: ref, ...over });

/** Case z with opinions `z1`, `z2`… (ids `opinion:z1`…). */
const caseZ = (opinions: string[], over = {}) => caseInput('z', {
  opinions: opinions.map((o) => ({ source_id: `opinion:${o}`, type: 'majority', text: `Opinion ${o}.` })), ...over,
});

type Row = Pick<CitationLink, 'cited_case_id' | 'origin' | 'depth' | 'parenthetical' | 'unresolved_reason' | 'text'>;
const row = ({ cited_case_id, origin, depth, parenthetical, unresolved_reason, text }: CitationLink): Row =>
  ({ cited_case_id, origin, depth, parenthetical, unresolved_reason, text });

export function waitingSuite(store: StoreGetter): void {
  const linksOfA = async (): Promise<Row[]> => (await store().cites(A)).items.map((e) => row(e.link));

  it('binds a waiting supplied link when the opinion or case it names is written later', async () => {
    await store().upsertCases({
      cases: [caseInput('a')],
      links: [{ opinion_id: opA, links: [waitingFor(opinionIdFor('test', 'opinion:z1')), waitingFor(caseIdFor('test', 'cluster:y'))] }],
    });
    expect((await linksOfA()).map((l) => l.cited_case_id)).toEqual([null, null]);
    // Read back while they wait (a copy of the store keeps them waiting), not once bound.
    expect((await store().cites(A)).items.map((e) => e.link.cited_ref)).toEqual([opinionIdFor('test', 'opinion:z1'), caseIdFor('test', 'cluster:y')]);
    expect((await store().stats()).unresolved_links).toBe(2);

    const z = await store().upsertCases({ cases: [caseZ(['z1'])] });
    expect(z.bound_links).toBe(1);
    const y = await store().upsertCases({ cases: [caseInput('y')] });
    expect(y.bound_links).toBe(1);
    expect(await linksOfA()).toEqual([
      { cited_case_id: Z, origin: 'test', depth: 1, parenthetical: null, unresolved_reason: null, text: `test ${opinionIdFor('test', 'opinion:z1')}` },
      { cited_case_id: caseIdFor('test', 'cluster:y'), origin: 'test', depth: 1, parenthetical: null, unresolved_reason: null, text: `test ${caseIdFor('test', 'cluster:y')}` },
    ]);
    expect((await store().citedBy(Z)).items.map((e) => [e.citing_case_id, e.link.citing_opinion_id])).toEqual([[A, opA]]);
    expect((await store().cites(A)).items.every((e) => !('cited_ref' in e.link))).toBe(true);
    expect((await store().stats()).unresolved_links).toBe(0);
  });

  it('merges links bound to one case into the citing opinion’s one supplied entry, engine links apart', async () => {
    await store().upsertCases({
      cases: [caseInput('a')],
      links: [{ opinion_id: opA, links: [
        { text: '77 F.3d 7', volume: '77', reporter: 'F.3d', page: '7', unresolved_reason: NOT_IN_CORPUS }, // engine
        waitingFor(opinionIdFor('test', 'opinion:z1'), { depth: 2 }),
        waitingFor(opinionIdFor('test', 'opinion:z2'), { parenthetical: 'holding that the stop was unreasonable' }),
        waitingFor(opinionIdFor('test', 'opinion:z1'), { origin: 'other' }),
      ] }],
    });
    const z = await store().upsertCases({ cases: [caseZ(['z1', 'z2'], { citations: [{ volume: '77', reporter: 'F.3d', page: '7' }] })] });
    expect(z.bound_links).toBe(3);
    expect(await linksOfA()).toEqual([
      { cited_case_id: Z, origin: 'engine', depth: 1, parenthetical: null, unresolved_reason: null, text: '77 F.3d 7' },
      { cited_case_id: Z, origin: 'test', depth: 3, parenthetical: 'holding that the stop was unreasonable', unresolved_reason: null,
        text: `test ${opinionIdFor('test', 'opinion:z1')}` },
      { cited_case_id: Z, origin: 'other', depth: 1, parenthetical: null, unresolved_reason: null, text: `test ${opinionIdFor('test', 'opinion:z1')}` },
    ]);

    // A new opinion of z, named by another waiting link of a's: merged into the entry bound before.
    await store().replaceCitationLinks(opA, [
      { text: 'test z', origin: 'test', cited_case_id: Z, depth: 1 }, waitingFor(opinionIdFor('test', 'opinion:z3')),
    ]);
    expect((await store().upsertCases({ cases: [caseZ(['z1', 'z2', 'z3'])] })).bound_links).toBe(1);
    expect(await linksOfA()).toEqual([{ cited_case_id: Z, origin: 'test', depth: 2, parenthetical: null, unresolved_reason: null, text: 'test z' }]);
  });

  it('binds and merges at write time a waiting link whose record is stored already; drops one naming its own case', async () => {
    await store().upsertCases({ cases: [caseZ(['z1', 'z2']), caseInput('a')] });
    await store().replaceCitationLinks(opA, [
      waitingFor(opinionIdFor('test', 'opinion:z2')),
      { text: 'test z', origin: 'test', cited_case_id: Z, depth: 2 },
      waitingFor(opA),
      waitingFor(opinionIdFor('test', 'opinion:missing')),
    ]);
    expect(await linksOfA()).toEqual([
      { cited_case_id: Z, origin: 'test', depth: 3, parenthetical: null, unresolved_reason: null, text: `test ${opinionIdFor('test', 'opinion:z2')}` },
      { cited_case_id: null, origin: 'test', depth: 1, parenthetical: null, unresolved_reason: NOT_IN_CORPUS, text: `test ${opinionIdFor('test', 'opinion:missing')}` },
    ]);
  });

  it('changes nothing when the same data is written again, bound or not', async () => {
    const citing = {
      cases: [caseInput('a')],
      links: [{ opinion_id: opA, links: [
        waitingFor(opinionIdFor('test', 'opinion:z1')), waitingFor(opinionIdFor('test', 'opinion:z2')),
        waitingFor(opinionIdFor('test', 'opinion:missing')),
      ] }],
    };
    const cited = { cases: [caseZ(['z1', 'z2'])] };
    await store().upsertCases(citing);
    expect((await store().upsertCases(cited)).bound_links).toBe(2);
    const snapshot = async () => ({ stats: await store().stats(), out: await store().cites(A), in: await store().citedBy(Z) });
    const before = await snapshot();
    expect(before.out.items.map((e) => [e.link.cited_case_id, e.link.depth])).toEqual([[Z, 2], [null, 1]]);
    for (const batch of [citing, cited, citing]) {
      const again = await store().upsertCases(batch);
      expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: batch.cases.length });
      expect(again.bound_links).toBeUndefined();
    }
    expect(await snapshot()).toEqual(before);
  });
}
