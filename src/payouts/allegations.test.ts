import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyAllegation } from './allegations.js';
import { dataPath } from './data.js';
import { ALLEGATION_CATEGORIES } from './types.js';

const cats = (t: string | undefined): string[] => classifyAllegation(t).categories;

describe('allegation lexicon', () => {
  it('uses known categories, compiles, and gives every pattern a reason', () => {
    const lex = JSON.parse(readFileSync(dataPath('allegation-lexicon.json'), 'utf8')) as {
      categories: { category: string; patterns: { pattern: string; why: string }[] }[];
    };
    for (const c of lex.categories) {
      expect(ALLEGATION_CATEGORIES).toContain(c.category);
      for (const p of c.patterns) {
        expect(() => new RegExp(p.pattern, 'iu')).not.toThrow();
        expect(p.why.length).toBeGreaterThan(10);
      }
    }
  });
});

describe('classifyAllegation', () => {
  it('recognises the sources’ own labels', () => {
    expect(cats('Dispute:General:Police Matters:Excessive Force Serious')).toEqual(['excessive_force']);
    expect(cats('Dispute:General:Police Matters:Reversed Conviction')).toEqual(['wrongful_conviction']);
    expect(cats('Dispute:General:Police Matters:Extended Detention / Malicious Prosecution')).toEqual(['false_arrest', 'malicious_prosecution']);
    expect(cats('Wrongful Death - Officer Involved Shooting')).toEqual(['excessive_force', 'wrongful_death']);
    expect(cats('LAW ENFORCEMENT - SEARCH & SEIZURE')).toEqual(['illegal_search']);
    expect(cats('Bodily Injury - Auto')).toEqual(['vehicle_accident']);
    expect(cats('motor veh accident')).toEqual(['vehicle_accident']);
    expect(cats('Sexual Harrasment and National Origin Discrimination')).toEqual(['sexual_misconduct', 'discrimination']);
    expect(cats('Property Related')).toEqual(['property_damage']);
    expect(cats("Driver's Privacy Protection Act")).toEqual(['privacy_records']);
  });

  it('does not count a negated term', () => {
    expect(cats('False Arrest w/out Battery')).toEqual(['false_arrest']);
    expect(cats('Battery (no False Arrest)')).toEqual(['excessive_force']);
    expect(cats('Police shooting - non-fatal')).toEqual(['excessive_force']);
  });

  it('uses the generic civil-rights category only when nothing specific matched', () => {
    expect(cats('Violation of constitutional rights')).toEqual(['civil_rights_other']);
    expect(cats('civil rights; excessive force')).toEqual(['excessive_force']);
    expect(cats('Tort-Section 1983/Federal')).toEqual(['civil_rights_other']);
    expect(cats('arrested in 1983')).toEqual(['other']); // a year is not § 1983
  });

  it('separates empty text (unknown) from text nothing matched (other)', () => {
    expect(cats('')).toEqual(['unknown']);
    expect(cats(undefined)).toEqual(['unknown']);
    expect(cats('Breathalyzer case.')).toEqual(['other']);
  });

  it('says which pattern matched and why', () => {
    const r = classifyAllegation('Excessive Force: Clmt alleges excessive force during arrest');
    expect(r.matches).toHaveLength(1);
    expect(r.matches[0]).toMatchObject({ category: 'excessive_force', matched: 'Excessive Force', why: expect.any(String) });
  });
});
