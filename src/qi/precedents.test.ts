import { describe, expect, it } from 'vitest';
import { codeOpinion } from './index.js';

const OPINION = [
  'Officer Roe appeals the denial of qualified immunity.',
  'Officials are entitled to qualified immunity unless they violate clearly established rights of which a reasonable person would have known. Harlow v. Fitzgerald, 457 U.S. 800, 818 (1982).',
  'Doe relies on Able v. Baker, 10 F.3d 20 (6th Cir. 1994), but that case is distinguishable: the suspect there was lying on the ground, while Doe was standing with a knife.',
  'As in Carr v. Dunn, 30 F.3d 40 (6th Cir. 1995), the officer faced an armed man, and that decision squarely governs here.',
  'The law was therefore not clearly established, and Roe is entitled to qualified immunity.',
  'We reverse.',
].join(' ');

describe('precedents in the clearly-established analysis', () => {
  const c = codeOpinion(OPINION);
  const byName = Object.fromEntries(c.precedents.map((p) => [p.case_name, p]));

  it('reads distinguished, relied-on and general-standard citations', () => {
    expect(byName['Able v. Baker']).toMatchObject({ citation: '10 F.3d 20', relation: 'distinguished' });
    expect(byName['Carr v. Dunn']).toMatchObject({ citation: '30 F.3d 40', relation: 'relied_on' });
    expect(byName['Harlow v. Fitzgerald']).toMatchObject({ citation: '457 U.S. 800', relation: 'general_standard' });
  });

  it('keeps the sentence the relation was read from', () => {
    expect(byName['Able v. Baker']?.evidence).toMatch(/distinguishable/);
  });

  it('codes the outcome of the same opinion', () => {
    expect(c).toMatchObject({ decides_qi: true, outcome: 'REVERSE_DENIAL', prong1: 'not_reached', prong2: 'not_clearly_established', posture: 'interlocutory_appeal' });
  });
});

describe('citation strings and citation sentences', () => {
  it('applies the sentence before a citation-only sentence to every member of the string', () => {
    const text = [
      'Roe appeals the denial of qualified immunity.',
      'This is not a case where no one was ever in danger.',
      'Able v. Baker, 10 F.3d 20 (6th Cir. 1994); see also Carr v. Dunn, 30 F.3d 40 (6th Cir. 1995).',
      'Roe acted reasonably, so no constitutional violation occurred and Roe is entitled to qualified immunity. We reverse.',
    ].join(' ');
    const rel = Object.fromEntries(codeOpinion(text).precedents.map((p) => [p.case_name, p.relation]));
    expect(rel).toMatchObject({ 'Able v. Baker': 'distinguished', 'Carr v. Dunn': 'distinguished' });
  });
});

describe('posture phrases', () => {
  const base = 'Roe is entitled to qualified immunity because the right was not clearly established.';
  it.each([
    ['The district court granted the motion to dismiss under Rule 12(b)(6).', 'motion_to_dismiss'],
    ['The district court granted summary judgment to the officers.', 'summary_judgment'],
    ['The officers bring this interlocutory appeal from the denial of summary judgment on qualified immunity.', 'interlocutory_appeal'],
    ['After the jury returned a verdict for Doe, the officers renewed their motion for judgment as a matter of law under Rule 50(b).', 'post_trial'],
  ])('%s → %s', (history, posture) => {
    expect(codeOpinion(`${history} ${base} We reverse.`).posture).toBe(posture);
  });
});
