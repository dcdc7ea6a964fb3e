/** The QI coder on small written opinions (fictional parties; Harlow and Pearson are doctrine.md §1.1–1.2 rows). */
import { describe, expect, it } from 'vitest';
import { findWithText } from '../cite/index.js';
import { codeOpinion, codeOpinionIfDecided } from './index.js';

const STANDARD =
  'Qualified immunity protects officials "from liability for civil damages insofar as their conduct does not violate clearly established statutory or constitutional rights of which a reasonable person would have known." Harlow v. Fitzgerald, 457 U.S. 800, 818 (1982). We may address either prong first. Pearson v. Callahan, 555 U.S. 223, 236 (2009).';

describe('codeOpinion: whether an opinion decides QI, and how', () => {
  it('codes a grant on prong 2 alone, leaving prong 1 not reached', () => {
    const text = `Doe appeals the district court's grant of summary judgment to Officer Roe on the basis of qualified immunity. ${STANDARD} We need not decide whether Roe violated the Fourth Amendment. At the time of the search, no case had clearly established that an officer could not enter a shed in these circumstances. Roe is therefore entitled to qualified immunity. We affirm.`;
    const c = codeOpinion(text);
    expect(c).toMatchObject({ decides_qi: true, outcome: 'AFFIRM_GRANT', prong1: 'not_reached', prong2: 'not_clearly_established', posture: 'summary_judgment' });
    expect(c.coded_by).toMatchObject({ coder: 'machine', method: 'clearly rules' });
    expect(c.evidence?.map((e) => e.field)).toContain('prong2');
  });

  it('codes an affirmed denial on interlocutory appeal', () => {
    const text = `Officer Roe brings this interlocutory appeal from the district court's denial of his motion for summary judgment based on qualified immunity. ${STANDARD} Taking the facts in the light most favorable to Doe, the officer kicked Doe while he lay handcuffed on the ground, and the facts show a violation of the Fourth Amendment. That right was clearly established long before the arrest. Roe is not entitled to qualified immunity. We affirm.`;
    const c = codeOpinion(text);
    expect(c).toMatchObject({ decides_qi: true, outcome: 'AFFIRM_DENIAL', prong1: 'violation', prong2: 'clearly_established', posture: 'interlocutory_appeal' });
    expect(c.qi_result).toBe('denied');
  });

  it('codes a reversed denial ("the district court erred in denying qualified immunity")', () => {
    const text = `The officers appeal the denial of qualified immunity. ${STANDARD} Because Doe has not shown that any officer violated his constitutional rights, the district court erred in denying qualified immunity. We reverse.`;
    const c = codeOpinion(text);
    expect(c).toMatchObject({ decides_qi: true, outcome: 'REVERSE_DENIAL', prong1: 'no_violation', prong2: 'not_reached' });
  });

  it('codes a reversed grant', () => {
    const text = `The district court dismissed the complaint, holding that the officers were entitled to qualified immunity. ${STANDARD} The complaint alleges that Roe arrested Doe without probable cause, which would violate clearly established law. The officers are not entitled to qualified immunity at this stage. We reverse and remand.`;
    const c = codeOpinion(text);
    expect(c).toMatchObject({ decides_qi: true, outcome: 'REVERSE_GRANT', posture: 'motion_to_dismiss', right: 'fourth_amendment_false_arrest' });
  });

  it('does not count a criminal appeal that quotes Harlow in passing', () => {
    const text = `Doe appeals his conviction for bank robbery. He argues that the officers acted unreasonably, citing the principle that officials are shielded from liability unless they violate clearly established rights of which a reasonable person would have known, Harlow v. Fitzgerald, 457 U.S. 800, 818 (1982), but that civil standard has nothing to do with the suppression of evidence. The motion to suppress was properly denied. We affirm.`;
    const c = codeOpinion(text);
    expect(c.decides_qi).toBe(false);
    expect(c.outcome).toBeNull();
  });

  it('does not count a municipal-liability opinion that only mentions QI', () => {
    const text = `Doe sued the City of Springfield under Monell. The City may be liable even if individual officers are ultimately exonerated, for instance because the officers are granted qualified immunity. Doe did not show a municipal policy or custom. We affirm the judgment for the City.`;
    expect(codeOpinion(text).decides_qi).toBe(false);
  });

  it('does not count an opinion that declines to reach QI', () => {
    const text = `Doe appeals the grant of summary judgment. Because Doe failed to show that Roe deprived him of a constitutional right, we need not reach the question of whether Roe would be entitled to qualified immunity. We affirm.`;
    const c = codeOpinion(text);
    expect(c.decides_qi).toBe(false);
    expect(c.note).toMatch(/declined/);
  });

  it('does not count a QI case cited for a procedural point, nor an argument the court never rules on', () => {
    const text = `Roe moved for summary judgment, asserting qualified immunity. See Doe v. Smith, 1 F.3d 2 (1st Cir. 1993) (holding that officers were entitled to qualified immunity). The district court decided the case on the merits, finding no genuine dispute. We affirm on the same ground.`;
    expect(codeOpinion(text).decides_qi).toBe(false);
  });

  it('does not read habeas "clearly established Federal law" as QI', () => {
    const text = `Doe petitions for habeas relief. Under AEDPA, relief is available only if the state court's decision was contrary to, or an unreasonable application of, clearly established Federal law. The state court's decision was not an unreasonable application of clearly established Federal law. We affirm the denial of the petition.`;
    expect(codeOpinion(text).decides_qi).toBe(false);
  });

  it('reads the majority, not the dissent', () => {
    const text = `${'The record is long. '.repeat(5)}${STANDARD} The right was not clearly established when the officers acted, so they are entitled to qualified immunity. We affirm. SMITH, Circuit Judge, dissenting. The officers are not entitled to qualified immunity, and I would reverse.`;
    const c = codeOpinion(text);
    expect(c.qi_result).toBe('granted');
    expect(c.outcome).toBe('AFFIRM_GRANT');
  });

  it('treats a rejected QI argument as a ruling', () => {
    const text = `After a jury verdict for Doe, the defendants argue that Roe is entitled to qualified immunity because he did not cause any violation. We disagree: ample evidence supports the jury's finding that Roe retaliated against Doe for her testimony. We affirm.`;
    const c = codeOpinion(text);
    expect(c).toMatchObject({ decides_qi: true, outcome: 'AFFIRM_DENIAL', posture: 'post_trial' });
  });

  it('codeOpinionIfDecided: the same coding when the opinion decides QI, else null; a citation pass given is used as is', () => {
    const grant = `The officers appeal the denial of qualified immunity. ${STANDARD} Because Doe has not shown that any officer violated his constitutional rights, the district court erred in denying qualified immunity. We reverse.`;
    const declined = 'Doe appeals the grant of summary judgment. Because Doe failed to show that Roe deprived him of a constitutional right, we need not reach the question of whether Roe would be entitled to qualified immunity. We affirm.';
    expect(codeOpinionIfDecided(grant)).toEqual(codeOpinion(grant));
    expect(codeOpinionIfDecided(grant, { found: findWithText(grant) })).toEqual(codeOpinion(grant));
    expect(codeOpinion(declined).decides_qi).toBe(false);
    expect(codeOpinionIfDecided(declined)).toBeNull();
    // The coder reads the pass it is given: one made over another text changes what it finds.
    expect(codeOpinionIfDecided(grant, { found: findWithText(declined) })).not.toEqual(codeOpinion(grant));
  });
});
