import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codeOpinion, factorsFromText, lexiconFactorIds } from './index.js';

const ids = (text: string): string[] => factorsFromText(text).map((f) => f.id);

describe('factorsFromText', () => {
  it('reads a police dog and a surrender with raised hands, each with its words', () => {
    const text = 'The officer released a police dog on a man sitting with hands raised.';
    const hits = factorsFromText(text);
    const dog = hits.find((h) => h.id === 'force.k9_bite');
    const hands = hits.find((h) => h.id === 'subject.surrendered_hands_up');
    expect(dog?.evidence).toMatch(/police dog/);
    expect(hands?.evidence).toBe('hands raised');
    expect(text.slice(...hands!.span!)).toBe('hands raised');
    expect(dog!.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('is negation-aware: "did not resist" is compliance, not resistance', () => {
    expect(ids('He did not resist when the deputies approached.')).toContain('subject.compliant');
    expect(ids('He did not resist when the deputies approached.')).not.toContain('subject.active_resistance');
    expect(ids('He resisted and struggled with the deputies.')).toContain('subject.active_resistance');
    expect(ids('The trooper was not resisting anyone.')).not.toContain('subject.active_resistance');
  });

  it('reads "without warning" as a warning not given', () => {
    expect(ids('The deputy fired twice without warning.')).toEqual(expect.arrayContaining(['force.firearm', 'ctx.warning_feasible_not_given']));
    expect(ids('The deputy fired twice without warning.')).not.toContain('ctx.warning_given');
  });

  it('skips facts inside whether- and purpose-clauses', () => {
    expect(ids('The question is whether he was handcuffed.')).not.toContain('subject.handcuffed');
    expect(ids('He grabbed her wrists to prevent her from fleeing on foot.')).not.toContain('subject.flee_foot');
  });

  it('distinguishes a knife in hand from a knife in a pocket', () => {
    expect(ids('The man was holding a kitchen knife.')).toContain('subject.armed_knife');
    expect(ids('The knife was in his pocket.')).toEqual(['subject.weapon_accessible']);
  });

  it('raises confidence with repeated mentions', () => {
    const once = factorsFromText('He was tased.').find((f) => f.id === 'force.taser_probe')!.confidence;
    const twice = factorsFromText('He was tased. The taser was used again.').find((f) => f.id === 'force.taser_probe')!.confidence;
    expect(twice).toBeGreaterThan(once);
  });

  it('emits only ids of the factor taxonomy in data/qi/factors.json', () => {
    const url = new URL('../../data/qi/factors.json', import.meta.url);
    if (!existsSync(url)) return; // the taxonomy ships with the rules (issue 4, part A)
    const data = JSON.parse(readFileSync(url, 'utf8')) as { factors: { id: string }[] };
    const known = new Set(data.factors.map((f) => f.id));
    expect(lexiconFactorIds().filter((id) => !known.has(id))).toEqual([]);
  });
});

describe('factors and officer claims in an opinion', () => {
  const opinion =
    'Officer Roe stopped Doe for a broken taillight. According to Roe, Doe reached for his waistband and resisted. Doe says he did not reach for anything. The video shows Doe with his hands raised when Roe fired. We need not decide more; see Doe v. Smith, 1 F.3d 2 (1st Cir. 1993) (officer shot a man holding a knife).';

  it('gives the sentence as evidence and skips facts of cited cases', () => {
    const c = codeOpinion(opinion);
    const f = Object.fromEntries(c.factors.map((x) => [x.id, x]));
    expect(f['subject.surrendered_hands_up']?.evidence).toBe('The video shows Doe with his hands raised when Roe fired.');
    expect(f['proc.video']).toBeDefined();
    expect(f['subject.armed_knife']).toBeUndefined();
  });

  it('reports officer claims with their sentence, and not the denied ones', () => {
    const claims = codeOpinion(opinion).officer_claims ?? [];
    expect(claims).toContainEqual({ id: 'reached_for_waistband', evidence: 'According to Roe, Doe reached for his waistband and resisted.' });
    expect(claims).toContainEqual({ id: 'resisted', evidence: 'According to Roe, Doe reached for his waistband and resisted.' });
    expect(claims.filter((c) => c.evidence.startsWith('Doe says'))).toEqual([]);
  });
});
