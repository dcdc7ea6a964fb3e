import { existsSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCitations } from '../cite/index.js';
import { given, storeWith, testIncident, testRules } from '../precedent/test-fixtures.js';
import type { Store } from '../store/index.js';
import { assess } from './assess.js';
import { htmlToPdf } from './pdf.js';
import { renderMemo } from './render.js';
import type { Assessment } from './types.js';

const rules = testRules();
let store: Store;
let a: Assessment;

beforeAll(async () => {
  store = await storeWith([
    { n: '1', name: 'Lying Down v. Roe', cite: '700 F.4th 779', factors: ['force.k9_bite', 'subject.surrendered_prone', 'subject.compliant'],
      holding: 'A police dog used on a suspect lying down and complying was excessive force. See Invented v. Nowhere, 999 F.3d 1 (6th Cir. 2010).' },
    { n: '2', name: 'Hands Up v. Roe', cite: "751 F. App'x 869", status: 'unpublished', date: '2018-11-08', prong1: 'not_reached',
      factors: ['force.k9_bite', 'subject.surrendered_hands_up', 'offense.nonviolent_felony'], holding: 'Not clearly unlawful, because the earlier case involved a suspect lying down.' },
    { n: '3', name: 'Eleventh v. Roe', cite: '208 F.4th 919', court: 'ca11', circuit: '11', factors: ['force.k9_bite', 'subject.surrendered_hands_up'] },
    { n: '4', name: 'Framework v. Roe', cite: '490 U.S. 386', court: 'scotus', prong1: null as never, factors: [], holding: 'The general standard.' },
  ]);
  const seeds = (await store.listCases({})).items.map((c) => c.id);
  const incident = testIncident({
    facts: 'Officer released a police dog on a man sitting with his hands raised <script>',
    factors: [...given('proc.video'), ...rules.factorsFromText('released a police dog on a man sitting with his hands raised').map((h) => ({ ...h, from: 'facts' as const }))],
  });
  a = await assess(store, incident, rules, { seedIds: seeds, today: '2025-01-01', kbOnly: true });
});
afterAll(async () => { await store.close(); });

describe('assess', () => {
  it('ranks the eligible precedent, lists the close ineligible one with its reason, and counts the consensus', () => {
    expect(a.precedents.map((p) => [p.case_name, p.eligible])).toEqual([
      ['Eleventh v. Roe', true], ['Lying Down v. Roe', true], ['Hands Up v. Roe', false],
    ]);
    expect(a.precedents[1]!.distinguishing_factors).toEqual(['subject.surrendered_prone']);
    expect(a.precedents[2]!.ineligible_reason).toMatch(/unpublished/);
    expect(a.consensus).toMatchObject({ count: 1, circuits: ['11'] });
    expect(a.prong2.route).toBe('robust_consensus');
    expect(a.prong2.summary).toMatch(/Lying Down v. Roe/);
  });

  it('states the prong-1 framework, the obvious-case note, the caveats and the factor readings', () => {
    expect(a.prong1.standard).toMatch(/Fourth Amendment objective reasonableness/);
    expect(a.prong1.graham.find((g) => g.code === 'G2')?.factors).toContain('force.k9_bite');
    expect(a.obvious_case.arguable).toBe(true);
    expect(a.caveats.join(' ')).toMatch(/There is video/);
    expect(a.caveats.join(' ')).toMatch(/knowledge base/);
    expect(a.factor_readings.find((f) => f.id === 'force.k9_bite')).toMatchObject({ from: 'facts', words: 'police dog' });
    expect(a.not_legal_advice).toMatch(/^Not legal advice/);
  });

  it('prints only citations that resolve to a case in the store', async () => {
    const md = (await renderMemo(a, 'md')) as string;
    const cites = findCitations(md).filter((c) => c.type === 'case');
    expect(cites.length).toBeGreaterThanOrEqual(3);
    for (const c of cites) {
      expect((await store.findCasesByCitation(c.volume!, c.reporter!, c.page!)).length, c.text).toBeGreaterThan(0);
    }
    expect(md).toContain('citation omitted');
    expect(md).not.toContain('999 F.3d 1');
    expect(md).toContain('Graham v. Connor'); // the store has 490 U.S. 386, so the framework cites it
    expect(md).toMatch(/Harlow v\. Fitzgerald\* \(1982; not in the store\)/);
  });

  it('renders Markdown with the memo sections and the not-legal-advice statement first and last', async () => {
    const md = (await renderMemo(a, 'md')) as string;
    for (const heading of ['1. The incident as understood', 'Facts read as factors', '3. Prong 1', '4. Prong 2', '4.2 Close on the facts but ineligible', '4.3 Robust consensus', '4.4 The obvious-case route', '5. Caveats']) {
      expect(md).toContain(heading);
    }
    expect(md.trimStart().split('\n').slice(0, 4).join(' ')).toMatch(/Not legal advice/);
    expect(md.trimEnd().split('\n').at(-1)).toMatch(/Not legal advice/);
    expect(md).toContain('| force.k9_bite | Police-dog bite | “police dog” | read from the facts (confidence 0.8) | G2, G3 |');
  });

  it('escapes the user’s text in HTML and writes a DOCX with the same memo', async () => {
    const html = (await renderMemo(a, 'html')) as string;
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    const docx = (await renderMemo(a, 'docx')) as Buffer;
    const xml = strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']!);
    expect(xml).toContain('Not legal advice');
    expect(xml).toContain('Lying Down v. Roe');
  });

  it('prints JSON with the contract fields in rank order', async () => {
    const json = JSON.parse((await renderMemo(a, 'json')) as string) as Assessment;
    expect(json.precedents.map((p) => p.rank)).toEqual([1, 2, 3]);
    for (const p of json.precedents) {
      expect(Object.keys(p)).toEqual(expect.arrayContaining(['case_name', 'citation', 'court', 'decision_date', 'eligible', 'ineligible_reason', 'score', 'matched_factors', 'distinguishing_factors', 'relation_to_incident']));
    }
  });

  it('says how to get Chromium when PDF output is asked for without it', async () => {
    await expect(htmlToPdf('<p>x</p>', { chromium: '/nonexistent/chromium' })).rejects.toMatchObject({
      code: 'missing_input', message: expect.stringMatching(/needs Chromium/), hint: expect.stringMatching(/apt-get install chromium/),
    });
  });

  it.skipIf(!existsSync('/usr/bin/chromium'))('prints a PDF through headless Chromium (skipped when /usr/bin/chromium is absent)', async () => {
    const pdf = (await renderMemo(a, 'pdf')) as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5000);
  }, 60_000);
});
