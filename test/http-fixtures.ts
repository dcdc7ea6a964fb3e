/**
 * A small store of obviously fictional cases for the HTTP and browser tests: citations between them, a citation
 * the store lacks, an unknown reporter, a QI coding with evidence sentences, and an opinion carrying script
 * payloads that must render inert.
 */
import { createApp } from '../src/http/index.js';
import { openStore, type CaseInput, type Store } from '../src/store/index.js';

export const HOSTILE = 'The record shows <script>window.__pwned = 1; alert("script")</script> and ' +
  '<img src=x onerror="window.__pwned = 2; alert(\'img\')"> and <a href="javascript:window.__pwned=3">click</a>. ' +
  'The officer relied on Doe v. Roe, 800 F.3d 100 (6th Cir. 2015).';

export const DOE_TEXT = 'Officer Roe released a police dog on Doe while Doe sat on the ground with his hands raised. ' +
  'The dog bit Doe for thirty seconds. We have held that such force is excessive. ' +
  'See Poe v. Moe, 700 F.3d 50, 55 (6th Cir. 2012). Id. at 56. ' +
  'Compare Smith v. Jones, 999 F.3d 999 (6th Cir. 2013), with Brown v. Green, 12 Xyz. Rptr. 34 (2001). ' +
  'The right was clearly established, and qualified immunity is denied.';

const base = (n: string, over: Partial<CaseInput>): CaseInput => ({
  source: 'test', source_id: `cluster:${n}`, case_name: `Case ${n}`, court_id: 'ca6', circuit: '6',
  decision_date: '2010-01-01', precedential_status: 'published', citations: [],
  opinions: [{ source_id: `opinion:${n}`, type: 'majority', text: `Opinion ${n}.` }], ...over,
});

export const CASES: CaseInput[] = [
  base('doe', {
    case_name: 'Doe v. Roe', decision_date: '2015-05-01', docket_number: '14-1234', citations: [{ volume: '800', reporter: 'F.3d', page: '100' }],
    opinions: [{ source_id: 'opinion:doe', type: 'majority', text: DOE_TEXT, author: 'Judge Fictional' }],
  }),
  base('poe', {
    case_name: 'Poe v. Moe', decision_date: '2012-03-01', citations: [{ volume: '700', reporter: 'F.3d', page: '50' }],
    opinions: [{ source_id: 'opinion:poe', type: 'majority', text: 'A police dog was released on a man who had surrendered. Summary judgment is reversed.' }],
  }),
  base('hostile', {
    case_name: 'Hostile v. Payload', decision_date: '2016-01-01', citations: [{ volume: '750', reporter: 'F.3d', page: '1' }],
    source_url: 'javascript:alert(1)',
    opinions: [{ source_id: 'opinion:hostile', type: 'majority', text: HOSTILE }],
  }),
  base('twin-a', { case_name: 'Twin A v. State', decision_date: '2005-01-01', circuit: '5', court_id: 'ca5', citations: [{ volume: '400', reporter: 'F.3d', page: '10' }] }),
  base('twin-b', { case_name: 'Twin B v. State', decision_date: '2005-01-02', circuit: '5', court_id: 'ca5', precedential_status: 'unpublished', citations: [{ volume: '400', reporter: 'F.3d', page: '10' }] }),
];

export const DOE_CODING = {
  decides_qi: true, outcome: 'AFFIRM_DENIAL', prong1: 'violation', prong2: 'clearly_established', posture: 'interlocutory_appeal',
  right: 'fourth_amendment_excessive_force',
  factors: [
    { id: 'force.k9_bite', evidence: 'Officer Roe released a police dog on Doe while Doe sat on the ground with his hands raised.', confidence: 0.9 },
  ],
  precedents: [], coded_by: { coder: 'machine', method: 'test' },
  evidence: [{ field: 'outcome', sentence: 'The right was clearly established, and qualified immunity is denied.' }],
};

export interface Fixture {
  store: Store;
  ids: Record<string, string>;
}

export async function fixtureStore(): Promise<Fixture> {
  const store = await openStore({ db: ':memory:' });
  const r = await store.upsertCases({ cases: CASES });
  const ids = Object.fromEntries(CASES.map((c, i) => [c.source_id.replace('cluster:', ''), r.ids[i]!]));
  await store.putQiCoding({ case_id: ids.doe!, coder: 'machine', coding: DOE_CODING });
  const doeOpinion = (await store.getOpinions(ids.doe!))[0]!;
  await store.replaceCitationLinks(doeOpinion.id, [
    { text: '700 F.3d 50', volume: '700', reporter: 'F.3d', page: '50', cited_case_id: ids.poe!, treatment: ['followed'] },
    { text: '999 F.3d 999', volume: '999', reporter: 'F.3d', page: '999', unresolved_reason: 'not_in_corpus' },
  ]);
  return { store, ids };
}

export const TOKEN = 'test-token-0123456789abcdef';

export async function fixtureApp(opts: { token?: string | null; webDir?: string } = {}) {
  const fx = await fixtureStore();
  const app = createApp({ store: fx.store, token: opts.token ?? null, ...(opts.webDir ? { webDir: opts.webDir } : {}) });
  return { ...fx, app };
}
